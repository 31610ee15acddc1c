"""What is the statement about, and what does it leave out? Key terms by TF-IDF
(:mod:`.keyterms`), policy themes from an editable lexicon with shares, agenda order, flow,
silences and coverage (:mod:`.themes`), and an exploratory topic model (:mod:`.topicmodel`).
"""
