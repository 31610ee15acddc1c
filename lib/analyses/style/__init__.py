"""How is the statement written? Readability, lexical diversity, parts of speech, passives,
noun phrases, dispersion and keyword in context, collocations and acronyms: one module per
measure family, one function per measure.
"""
