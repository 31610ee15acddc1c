"""How varied is the vocabulary? Type-token ratio and two length-robust measures.

Tokens are the body's word tokens, lower-cased; punctuation is left out and
numbers count as words. A "type" is a distinct token.

Raw TTR falls as a text grows (every new word is likelier to repeat one
already used), so a short statement always looks more varied than a long one:
compare statements of different lengths with MATTR or MTLD, never with TTR.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from readout.errors import NotComputable
from readout.text.statement import Statement

__all__ = ["word_tokens", "ttr", "mattr", "mtld", "diversity_scores", "diversity_table", "MATTR_WINDOW", "MTLD_THRESHOLD"]

#: Window for MATTR, in tokens (Covington & McFall 2010 use 500 on long texts; statements are short).
MATTR_WINDOW = 50
#: TTR at which an MTLD factor is complete (McCarthy & Jarvis 2010).
MTLD_THRESHOLD = 0.72


def word_tokens(statement: Statement) -> list[str]:
    """The body's word tokens in order, lower-cased."""
    return [w.lower() for s in statement.sentences for w in s.words]


def ttr(tokens: list[str]) -> float:
    """Type-token ratio: distinct tokens / tokens, 0-1 (higher is more varied). Depends on length."""
    if not tokens:
        raise NotComputable("TTR not computed: no words")
    return len(set(tokens)) / len(tokens)


def mattr(tokens: list[str], window: int = MATTR_WINDOW) -> float:
    """Moving-average TTR: the mean TTR of every run of ``window`` consecutive tokens, 0-1.

    Covington & McFall (2010). A text shorter than the window gets its plain TTR.
    """
    if not tokens:
        raise NotComputable("MATTR not computed: no words")
    if len(tokens) <= window:
        return ttr(tokens)
    counts = dict(Counter(tokens[:window]))
    types = total = len(counts)
    for out, new in zip(tokens, tokens[window:], strict=False):
        left = counts[out] - 1
        if left:
            counts[out] = left
        else:
            del counts[out]
            types -= 1
        if new in counts:
            counts[new] += 1
        else:
            counts[new] = 1
            types += 1
        total += types
    return total / ((len(tokens) - window + 1) * window)


def _mtld_pass(tokens: list[str], threshold: float) -> float:
    """Factors in one direction: full factors where TTR falls to the threshold, plus a partial one."""
    factors, types, count = 0.0, set(), 0
    for token in tokens:
        types.add(token)
        count += 1
        if len(types) / count <= threshold:
            factors += 1
            types, count = set(), 0
    if count:
        factors += (1 - len(types) / count) / (1 - threshold)
    return factors


def mtld(tokens: list[str], threshold: float = MTLD_THRESHOLD) -> float:
    """Measure of Textual Lexical Diversity: mean length, in tokens, of runs that keep TTR above 0.72.

    McCarthy & Jarvis (2010): tokens / factors, computed forwards and backwards and averaged.
    Higher is more varied; typical prose 70-120. Unstable under about 100 tokens.
    """
    if not tokens:
        raise NotComputable("MTLD not computed: no words")
    values = []
    for seq in (tokens, tokens[::-1]):
        f = _mtld_pass(seq, threshold)
        if not f:
            raise NotComputable(f"MTLD not computed: no word repeats, so the type-token ratio never falls "
                                f"toward {threshold} ({len(tokens)} tokens, all different)")
        values.append(len(seq) / f)
    return sum(values) / 2


def diversity_scores(statement: Statement) -> dict[str, float]:
    """TTR, MATTR and MTLD of the body's word tokens (unrounded), with ``tokens`` and ``types``.

    MTLD is NaN when no word repeats (it cannot be computed then)."""
    tokens = word_tokens(statement)
    if not tokens:
        raise NotComputable("Lexical diversity not computed: the statement has no body words")
    try:
        m = mtld(tokens)
    except NotComputable:
        m = float("nan")
    return {"tokens": len(tokens), "types": len(set(tokens)), "ttr": ttr(tokens), "mattr": mattr(tokens), "mtld": m}


def diversity_table(statement: Statement) -> pd.DataFrame:
    """TTR, MATTR (window stated) and MTLD with tokens and types, and what each value means."""
    scores = diversity_scores(statement)
    n, types = scores["tokens"], scores["types"]
    window_note = f"window {MATTR_WINDOW} tokens" + (" (text shorter: equals TTR)" if n <= MATTR_WINDOW else "")
    m = scores["mtld"]  # NaN when not computable
    rows = [
        ("ttr", scores["ttr"], f"{types} types / {n} tokens; falls as texts grow: do not compare across lengths"),
        ("mattr", scores["mattr"], f"mean TTR over every {window_note}; 0-1, comparable across lengths"),
        ("mtld", m,
         (f"mean run length keeping TTR above {MTLD_THRESHOLD}; higher is more varied"
          + ("; under 100 tokens: unstable" if n < 100 else "")) if m == m else
         "not computed: no word repeats, so no run ever falls to the threshold"),
    ]
    return pd.DataFrame(rows, columns=["measure", "value", "meaning"]).set_index("measure")
