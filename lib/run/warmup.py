"""What does a kernel load before its first notebook? The imports and the data every notebook needs.

The fork server runs :func:`warm_up` once, while the runner checks its input, and the kernels forked
from it start with it done (a kernel started without the server runs it itself:
:class:`readout.run.kernels.KernelPool`): the notebooks' modules are imported and the data they
load on first use (the shipped lexicons, the CMU dictionary, the tagger's and the sentiment
lexicons, matplotlib's fonts) is read once, so no notebook waits for them. What one notebook alone
uses (textstat and its hyphenator, 0.4 s, for the style notebook's comparison) is left to the kernel
that runs it: loaded here, it would delay every kernel's first notebook and save no work.
It changes no setting a notebook reads: no pandas option, no matplotlib parameter or backend (each
notebook chooses its own), no output. The
namespace it leaves is cleared before the first notebook (as between notebooks), so what a
notebook computes is what it would compute in a fresh kernel.
"""

from __future__ import annotations

__all__ = ["WARM_UP_TEXT", "warm_up"]

#: A tiny statement of our own writing, analysed once to load what the analyses read on first use.
WARM_UP_TEXT = ("Washington, DC - The United States and Honduras welcomed the agreement and will work together "
                "to reduce crime. We are concerned by the violence and call on all parties to respect human rights.")


def warm_up() -> None:
    """Import the notebooks' modules and load their data once, in this process."""
    import io

    from matplotlib.figure import Figure
    from textblob import TextBlob

    import readout.report.display  # noqa: F401
    import readout.report.figures  # noqa: F401
    from readout.report.provenance import package_versions
    import readout.report.summary  # noqa: F401
    import readout.report.tables  # noqa: F401
    from readout import parse_statement
    from readout.analyses import anatomy  # noqa: F401
    from readout.analyses.actors import action_accuracy  # noqa: F401
    from readout.analyses.lexicons import Lexicons
    from readout.analyses.rows import analyse
    from readout.analyses.style import (  # noqa: F401
        acronyms,
        collocations,
        concordance,
        diversity,
        grammar,
        readability,
    )
    from readout.analyses.topics import topicmodel  # noqa: F401
    from readout.text.parse import dependency_parse

    statement = parse_statement(WARM_UP_TEXT)
    dependency_parse(statement)  # spaCy and its English model, loaded once here rather than in every kernel
    analyse(statement, Lexicons.load())  # lexicons, dictionary, tagger, sentiment lexicons, matchers
    package_versions()  # read once here, for every notebook's provenance table
    TextBlob("good").sentiment  # noqa: B018  (TextBlob's own lexicon, for whole paragraphs)
    figure = Figure(figsize=(2, 1))
    figure.subplots().plot([0, 1], [0, 1], label="warm")
    figure.savefig(io.BytesIO(), format="png")  # fonts and the Agg renderer
