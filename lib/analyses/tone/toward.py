"""What tone does the statement take toward each actor?

For each actor the statement model names, the sentences that mention it, its
role there, and the scores of those sentences. The role is read from the
offline tagger: the actor is the subject when its mention ends before the
sentence's first verb ("The United States congratulated Honduras"), otherwise
an object or other mention ("... congratulated Honduras"). This is a
positional rule, not a parse: passives ("Honduras was congratulated by ...")
and fronted clauses can mislead it, and the table shows each sentence so a
reader can check.
"""

from __future__ import annotations

import pandas as pd

from readout.errors import NotComputable
from readout.text.statement import Statement
from readout.text.tagging import TaggedStatement, tag_statement

from .sentiment import SentenceSentiment

__all__ = ["actor_sentences", "actor_table"]


def actor_sentences(statement: Statement, scores: list[SentenceSentiment], tones: pd.Series) -> pd.DataFrame:
    """One row per (actor, sentence): role (subject, object, or "mentioned" where the English tagger
    does not apply), and the sentence's leak-free TextBlob polarity, leak-free VADER compound and
    diplomatic tone (``tones``: sentence id -> tone)."""
    try:
        tagged: TaggedStatement | None = tag_statement(statement)
    except NotComputable:
        tagged = None
    first_verb = {}
    if tagged is not None:
        for ts in tagged.sentences:
            verb = next((tt.token.start for tt in ts.tokens if tt.tag.startswith(("VB", "MD"))), None)
            first_verb[ts.sentence.id] = verb
    by_id = {x.sentence.id: x for x in scores}
    rows, seen = [], set()
    for m in statement.mentions:
        sentence = statement.sentence_of(m.start)
        if sentence is None or (m.actor, sentence.id) in seen:
            continue
        seen.add((m.actor, sentence.id))
        if tagged is None:
            role = "mentioned"
        else:
            verb = first_verb.get(sentence.id)
            role = "subject" if verb is not None and m.end <= verb else "object"
        x = by_id[sentence.id]
        rows.append((m.actor, sentence.id, role, x.polarity_clean, x.vader_clean, float(tones[sentence.id]),
                     sentence.text))
    cols = ["actor", "sentence", "role", "textblob_leak_free", "vader_leak_free", "diplomatic_tone", "text"]
    return pd.DataFrame(rows, columns=cols)


def actor_table(sentences: pd.DataFrame) -> pd.DataFrame:
    """Actor x measure: sentences, as subject, as object, role not read (no English tagger for this
    statement), and the mean of each leak-free measure over the actor's sentences (-1 to +1).
    Actors in order of first mention."""
    if sentences.empty:
        return pd.DataFrame(columns=["sentences", "as_subject", "as_object", "role_not_read", "textblob_leak_free",
                                     "vader_leak_free", "diplomatic_tone"]).rename_axis("actor")
    g = sentences.groupby("actor", sort=False)
    table = pd.DataFrame({
        "sentences": g.size(),
        "as_subject": g["role"].apply(lambda r: int((r == "subject").sum())),
        "as_object": g["role"].apply(lambda r: int((r == "object").sum())),
        "role_not_read": g["role"].apply(lambda r: int((r == "mentioned").sum())),
        "textblob_leak_free": g["textblob_leak_free"].mean(),
        "vader_leak_free": g["vader_leak_free"].mean(),
        "diplomatic_tone": g["diplomatic_tone"].mean(),
    })
    return table.rename_axis("actor")
