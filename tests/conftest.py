"""Shared fixtures: the seed statement, fixture folders, and the project paths."""

from __future__ import annotations

import signal
import subprocess
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
#: The seed's word share of the theme "crime and narcotics": the words of its six sentences, each sentence's words
#: shared evenly among its themes (tests/analyses/topics/test_topics.py lists them): p1s2 38 words / 3 themes,
#: p2s1 45 / 1, p2s2 25 / 2, p2s3 34 / 3, p2s4 30 / 2, p3s3 28 / 2; 110.5 of the seed's 351 words.
SEED_CRIME_SHARE = (38 / 3 + 45 + 25 / 2 + 34 / 3 + 30 / 2 + 28 / 2) / 351


def cli(args: list, capsys: pytest.CaptureFixture[str]) -> subprocess.CompletedProcess:
    """``python -m readout ARGS`` run by its own function in this process, with its exit code and what it
    printed. For refusals, which need no fresh process; each command keeps a test through
    ``python -m readout`` too. The handlers the command installs for SIGINT and SIGTERM are put back."""
    from readout.cli import main

    args = [str(a) for a in args]
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    capsys.readouterr()
    try:
        code = main(args)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    printed = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, printed.out, printed.err)


@pytest.fixture(scope="session")
def seed():
    return load_statement(SEED)


@pytest.fixture(scope="session")
def release():
    """A complete release of our own writing: header block, list items, heading, end marker, trailer."""
    return load_statement(FIXTURES / "formats" / "full-release-pass.txt")
