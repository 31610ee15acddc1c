"""The editable data files (lexicons, lists) that ship in ``lib/data/`` or that a user passes instead."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import BadInputError

__all__ = ["load_yaml", "read_yaml_mapping", "word_list"]

#: PyYAML's safe loader in C (libyaml, in PyYAML's wheels) where it is built, else the same loader in
#: Python: the same documents read the same way, ten times faster (the shipped lexicons: 0.6 s → 0.06 s).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The YAML document in ``text`` read with the safe loader (plain data only; raises ``yaml.YAMLError``)."""
    return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506  (a safe loader)


def read_yaml_mapping(path: str | Path | None, shipped: str, what: str) -> tuple[dict[str, Any], str]:
    """The YAML mapping in the user's file at ``path``, or in the shipped ``data/<shipped>`` when
    ``path`` is empty; with the label to name it by. Errors name the file and ``what`` it is."""
    if path:
        file, label = Path(path), str(path)
        if not file.is_file():
            raise BadInputError(label, f"{what} not found")
    else:
        file, label = Path(str(resources.files("readout").joinpath(f"data/{shipped}"))), f"data/{shipped}"
    try:
        data = load_yaml(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise BadInputError(label, f"{what} cannot be read ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise BadInputError(label, f"{what} must be a YAML mapping (see data/{shipped})")
    return data, label


def word_list(data: dict[str, Any], key: str, label: str, what: str) -> frozenset[str]:
    """The lower-cased words listed under ``key`` (none if absent); raises
    :class:`~readout.errors.BadInputError` for a key that is no list or an entry that is no text
    (YAML reads an unquoted ``no`` as false: write ``"no"``)."""
    from readout.errors import BadInputError

    value = data.get(key)
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        raise BadInputError(label, f"{what}: '{key}' must be a list of words")
    bad = [v for v in value if not isinstance(v, str) or not v.strip()]
    if bad:
        raise BadInputError(label, f"{what}: '{key}' has {bad[0]!r}, not a word (quote words YAML reads otherwise, "
                                   "such as \"no\", \"yes\", \"on\")")
    return frozenset(v.strip().lower() for v in value)
