"""Which editable data files does an analysis read? The one list of them, and the object that holds them loaded.

Every notebook, the runner's checks, the corpus engine and the comparison take the same data-file
parameters (:data:`DATA_FILE_PARAMETERS`); :meth:`Lexicons.load` reads them once. A parameter left
empty means the file shipped in ``lib/data/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from readout.analyses.actors.events import EventScheme, load_event_scheme
from readout.analyses.tone.diplomatic import ToneLexicon, load_tone_lexicon
from readout.analyses.tone.leaks import LeakLexicon, load_leak_lexicon
from readout.analyses.topics.themes import ThemeLexicon, expected_themes, load_theme_lexicon
from readout.text.mentions import ActorLexicon, load_actor_lexicon

__all__ = ["DATA_FILE_PARAMETERS", "Lexicons"]

#: The parameters that name a data file (or, for ``expected_themes``, choose from one), with what
#: each holds. Notebooks declare the ones they read; ``run``, ``compare`` and ``corpus`` take them all.
DATA_FILE_PARAMETERS: dict[str, str] = {
    "actors_path": "actor aliases added to data/actors.yaml (YAML or CSV)",
    "tone_lexicon_path": "a diplomatic-tone lexicon instead of data/diplomatic_tone.yaml",
    "leaks_path": "sentiment leak lists instead of data/sentiment_leaks.yaml",
    "theme_lexicon_path": "a theme lexicon instead of data/themes.yaml",
    "actions_path": "an event scheme instead of data/actions.yaml (PLOVER's categories, same layout)",
    "expected_themes": "themes a reader expects (empty: the theme lexicon's own list)",
}


@dataclass(frozen=True)
class Lexicons:
    """Everything an analysis reads besides the statement: the editable data files, loaded once.

    Build it with :meth:`load` from the data-file parameters (empty or ``None``: the shipped file).
    It pickles, so it can be sent to Dask workers once per run.
    """

    actors: ActorLexicon
    tone: ToneLexicon
    leaks: LeakLexicon
    themes: ThemeLexicon
    expected: tuple[str, ...]
    scheme: EventScheme

    @classmethod
    def load(cls, parameters: dict[str, Any] | None = None) -> Lexicons:
        """Load (and check) the files named by the :data:`DATA_FILE_PARAMETERS` in ``parameters``;
        raises :class:`~readout.errors.BadInputError` naming a bad file."""
        p = parameters or {}
        themes = load_theme_lexicon(p.get("theme_lexicon_path") or None)
        return cls(load_actor_lexicon(p.get("actors_path") or None),
                   load_tone_lexicon(p.get("tone_lexicon_path") or None),
                   load_leak_lexicon(p.get("leaks_path") or None), themes,
                   expected_themes(themes, p.get("expected_themes") or None),
                   load_event_scheme(p.get("actions_path") or None))
