"""How do the notebooks become reports? Statement files found and checked (:mod:`.inputs`),
parameters checked (:mod:`.parameters`), notebooks executed on reused kernels within time
limits (:mod:`.kernels`), forked from a server that loads their common part once
(:mod:`.forkserver`, :mod:`.warmup`); one statement's report built (:mod:`.one_statement`) and
published whole (:mod:`.publishing`); many statements in one scheduled run (:mod:`.batch`).
"""
