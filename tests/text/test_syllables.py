"""Syllable counts: the dictionary, compounds, and the rule's measured error."""

from __future__ import annotations

import pytest

from readout.text.syllables import count_syllables, rule_syllables, syllable_table


@pytest.mark.parametrize(
    "word, n",
    [("cooperation", 5), ("Honduras", 3), ("U.S.", 2), ("a.m.", 2), ("U.S.-Honduras", 5), ("2024", 1),
     ("Honduras’s", 3), ("longstanding", 3), ("narcotraffickers", 5), ("intelligence-driven", 6), (",", 0),
     ("didn’t", 2), ("naïve", 2), ("INL", 3)],
)
def test_counts(word, n):
    assert count_syllables(word) == n


def test_rule_error_against_the_dictionary():
    """The spelling rule alone, on every 50th plain alphabetic CMU entry: 87% exact, 13% off by one
    (the figures the docstring and the notebook state)."""
    items = [(w, n) for w, n in sorted(syllable_table().items()) if w.isalpha()][::50]
    assert len(items) == 2350
    exact = sum(rule_syllables(w) == n for w, n in items) / len(items)
    off_by_one = sum(abs(rule_syllables(w) - n) == 1 for w, n in items) / len(items)
    print(f"\nrule vs CMU: {exact:.1%} exact, {off_by_one:.1%} off by one")
    assert exact == pytest.approx(0.869, abs=0.005)
    assert off_by_one == pytest.approx(0.127, abs=0.005)


def test_rule_examples():
    words = ("state", "able", "formed", "nation", "agreed", "reduce", "social", "region", "media")
    assert [rule_syllables(w) for w in words] == [1, 2, 1, 2, 2, 2, 2, 2, 3]
    assert rule_syllables("union") == 3  # a known miss: "-ion" after a vowel-less onset reads as two


def test_the_table_is_kept_in_the_user_cache_and_a_bad_cache_is_ignored(tmp_path, monkeypatch):
    import json

    from readout.text import syllables

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = syllables.syllable_table.__wrapped__()  # a build from the dictionary, as in a new process
    (cache,) = (tmp_path / "readout").glob("cmudict-*-syllables-*.json")
    assert json.loads(cache.read_text(encoding="utf-8")) == built
    assert list((tmp_path / "readout").glob(".*")) == []  # no partial file left
    assert built["cooperation"] == 5 and len(built) == 126_052
    cache.write_text('{"cooperation": 9}', encoding="utf-8")  # too small to be a table: built again
    assert syllables.syllable_table.__wrapped__()["cooperation"] == 5
    cache.write_text("not json", encoding="utf-8")
    assert syllables.syllable_table.__wrapped__()["cooperation"] == 5
    assert syllables.syllable_table.__wrapped__() == built  # and now read back from the cache


def test_no_home_folder_means_no_cache_not_a_failure(monkeypatch):
    from readout import usercache
    from readout.text import syllables

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(usercache.Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(RuntimeError("no home"))))
    assert usercache.cache_file("x.json") is None
    assert syllables.syllable_table.__wrapped__()["cooperation"] == 5  # built, not cached
