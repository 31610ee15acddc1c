"""``python -m readout``: see :mod:`readout.cli`."""

import os
import sys

_RUN = sys.argv[1:2] == ["run"]
if _RUN:  # start loading the kernels' common part before anything else (see readout.run.forkserver)
    from .run import forkserver

    forkserver.start_early()

from .cli import main  # noqa: E402

try:
    code = main()
except SystemExit as exc:  # argparse's usage errors and --help end here too
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
finally:
    if _RUN:
        forkserver.discard_early()  # a server no run took: the command stopped before it ran anything
# Everything a command writes is written and closed by now: leave without tearing down the analysis
# stack the process loaded (pandas, matplotlib, the kernels' clients), which takes about 0.4 s.
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
