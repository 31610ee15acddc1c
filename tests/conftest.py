"""Shared fixtures: the seed statement, fixture folders, and the project paths."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from readout import load_statement
from readout.paths import PROJECT_ROOT

# Fixture notebooks (some fail on purpose) are run by the runner tests, not by nbval.
collect_ignore_glob = ["fixtures/*"]

FIXTURES = Path(__file__).parent / "fixtures"
SEED = PROJECT_ROOT / "seeds" / "000_1844251938b000cf.txt"
GOLDEN_RULES = PROJECT_ROOT.parent / "shared" / "segmentation" / "golden_rules_en.json"
PYTHON = sys.executable


@pytest.fixture(scope="session")
def seed():
    return load_statement(SEED)


@pytest.fixture(scope="session")
def release():
    """A complete release of our own writing: header block, list items, heading, end marker, trailer."""
    return load_statement(FIXTURES / "formats" / "full-release-pass.txt")
