"""What does the statement say, and how? One sub-package per question a notebook asks.

:mod:`.anatomy` (how is it built?), :mod:`.style` (how is it written?), :mod:`.tone` (what
tone does it take, toward whom?), :mod:`.topics` (what is it about?), :mod:`.actors` (who does
what to whom, who promises what?). Beside them, what they share: :mod:`.readings` (sentences
for a reader, rendered from the numbers), :mod:`.phrases` (finding a lexicon's phrases in
text), :mod:`.terms` (content words, folded), :mod:`.significance` (G² and its p bands),
:mod:`.stance` (the tone aimed at each actor, read from the verbs), :mod:`.lexicons` (the editable
data files, loaded once) and :mod:`.rows` (a statement's analyses as rows at seven levels: what the summary
page and the corpus engine both read). Analyses import the text model, never the report, run
or collection layers.
"""
