"""Who speaks, who does what to whom, and who promises what? Who "we" are (:mod:`.speaker`);
what "we", "they", "its" and "both sides" refer to, and the two parties of a bilateral text
(:mod:`.references`); actions with agent, verb, category and target, who credits whom and each
actor's balance (:mod:`.actions`), with the one subject rule (:mod:`.subjects`); the commitment ledger
(:mod:`.commitments`); how much of the cast the tool recognised, and the warnings a reader sees
(:mod:`.coverage`); the annotated sentences the rules are scored on (:mod:`.action_accuracy`).
"""
