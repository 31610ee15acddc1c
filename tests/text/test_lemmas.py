"""Word forms from LemmInflect (text/lemmas.py): offline, cached per user."""

from __future__ import annotations

import json

from readout.text import lemmas


def test_forms_cover_every_inflection_offline():
    assert {"call", "calls", "called", "calling"} <= lemmas.forms_of("call")
    assert {"condemn", "condemns", "condemned", "condemning"} <= lemmas.forms_of("condemn")
    assert {"sanction", "sanctions", "sanctioned"} <= lemmas.forms_of("sanction")
    assert lemmas.forms_of("crisis") >= {"crisis", "crises"}
    assert "zorbed" in lemmas.forms_of("zorb")  # a word LemmInflect does not know: its rules for one
    assert lemmas.forms_of("so-called") == frozenset({"so-called"})


def test_past_forms_are_those_a_passive_takes():
    assert lemmas.past_forms("hold") == {"held"}
    assert lemmas.past_forms("freeze") == {"froze", "frozen"}
    assert lemmas.past_forms("cut") == {"cut"}
    assert lemmas.past_forms("commit") == {"committed"}
    assert "strengthen" not in lemmas.past_forms("strengthen")


def test_normal_form_of_tokens():
    assert [lemmas.normal_form(t) for t in ("Russia’s", "judges'", "U.S.", "didn't", "CALLED")] == [
        "russia", "judges", "u.s.", "didn't", "called"]


def test_forms_are_kept_in_the_user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(lemmas, "_KNOWN", {})
    monkeypatch.setattr(lemmas, "_CACHED", {})
    lemmas.forms_table(["denounce", "laud"])
    (cached,) = (tmp_path / "readout").glob("inflections-lemminflect-*.json")
    data = json.loads(cached.read_text(encoding="utf-8"))  # word → tag → forms
    assert "denounced" in data["denounce"]["VBD"] and "lauds" in data["laud"]["VBZ"]
    # read back, not rebuilt: a planted form shows that the cache is what answered
    data["laud"]["VBZ"].append("laudz")
    cached.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(lemmas, "_KNOWN", {})
    monkeypatch.setattr(lemmas, "_CACHED", {})  # as in a new process
    assert "laudz" in lemmas.forms_of("laud")
