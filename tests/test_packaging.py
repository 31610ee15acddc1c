"""The package installs without warnings: its metadata in the form current setuptools reads."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_license_is_an_spdx_expression_that_the_build_backend_reads():
    # a TOML table ({ text = "MIT" }) makes setuptools 77 and later print a deprecation warning on every
    # install; an SPDX string needs setuptools 77
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert project["build-system"]["requires"] == ["setuptools>=77"]
