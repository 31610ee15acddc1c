"""Who speaks, who does what to whom, and who promises what? Who "we" are (:mod:`.speaker`); actor
references, pronouns resolved (:mod:`.references`); events in PLOVER's categories read from the parse,
with actor, recipient, mode and commitment (:mod:`.events`); who credits and presses whom, each
actor's balance and the commitment ledger, added up from the events (:mod:`.credit`); how much of the
cast the tool recognised and how many events it could attribute, and the warnings a reader sees
(:mod:`.coverage`); every actor the statement names, by name or by description, and when two phrases
name the same one (:mod:`.named`); the check of the events on our own annotated sentences (:mod:`.action_accuracy`).
"""
