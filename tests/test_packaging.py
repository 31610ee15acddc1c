"""The package installs without warnings, and its Makefile commands start where users run them (as root too)."""

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


def test_make_lab_passes_allow_root_only_as_root():
    import os
    import shutil
    import subprocess

    import pytest

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    shown = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    lab = [line for line in shown.splitlines() if "jupyter lab" in line]
    assert len(lab) == 1 and lab[0].endswith("notebooks/")
    assert ("--allow-root" in lab[0]) == (os.geteuid() == 0)
