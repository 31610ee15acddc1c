"""What tone does the statement take, toward whom, and can the number be trusted?

TextBlob and VADER per sentence, raw and without lexicon leaks (:mod:`.sentiment`,
:mod:`.leaks`; VADER's scoring over a window of words, the one place we rely on its internals, in
:mod:`.vader_window`); the diplomatic-tone measure from an editable lexicon (:mod:`.diplomatic`);
tone toward each actor (:mod:`.toward`); the labelled sentences it is checked on
(:mod:`.sign_accuracy`).
"""
