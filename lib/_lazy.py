"""One way for a sub-package to re-export its modules' public names without importing them first.

A sub-package's ``__init__`` lists each public name with the module that defines it, and takes its
module ``__getattr__`` and ``__dir__`` (PEP 562) from :func:`lazy_exports`: a name is imported from its
module the first time it is asked for, so importing the package costs nothing until a name is
needed (the runner checks its input before pandas, papermill or TextBlob are imported).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(package: str, module_of: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, whose public names are the keys of
    ``module_of`` (name → the module of the package that defines it). A module of the package is an
    attribute too ("readout.analyses.actors.speaker")."""

    def __getattr__(name: str) -> Any:
        if name in module_of:
            value = getattr(importlib.import_module(f".{module_of[name]}", package), name)
            setattr(sys.modules[package], name, value)  # asked once: later lookups find it directly
            return value
        try:  # a module of the package, reached as an attribute
            return importlib.import_module(f".{name}", package)
        except ModuleNotFoundError as exc:
            if exc.name != f"{package}.{name}":
                raise
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(module_of))

    return __getattr__, __dir__
