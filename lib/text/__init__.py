"""What is in the file? The statement model that every analysis shares.

A file is read and checked (:mod:`.source`), its wrapping found: header, dateline, end
markers (:mod:`.layout`); its body split into sentences with character offsets
(:mod:`.segment`) and tokens (:mod:`.tokens`); the actors it names found: the gazetteer of every
country (:mod:`.gazetteer`) and the actor file (:mod:`.mentions`), organisations known by the form of
their names (:mod:`.names`) and people introduced by a title or role (:mod:`.people`);
all built once into one immutable :class:`Statement` (:mod:`.statement`). Views of it that
several analyses read: part-of-speech tags (:mod:`.tagging`), whether it is English
(:mod:`.language`), syllables from the CMU dictionary (:mod:`.syllables`), the dates text writes
(:mod:`.dates`; ``Statement.date`` reads when it was issued), the title and date a user gives
(:mod:`.metadata`), the inflections of a lexicon's words (:mod:`.lemmas`) and the stop
words (:mod:`.stopwords`). Nothing here imports an analysis.
"""
