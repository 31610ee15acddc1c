"""What tone does the statement take, toward whom, and can the number be trusted?

TextBlob and VADER per sentence, raw and without lexicon leaks (:mod:`.sentiment`,
:mod:`.leaks`); the diplomatic-tone measure from an editable lexicon (:mod:`.diplomatic`);
tone toward each actor (:mod:`.toward`); the labelled sentences it is checked on
(:mod:`.sign_accuracy`).
"""
