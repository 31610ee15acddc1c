"""``python -m readout``: see :mod:`readout.cli`."""

import os
import sys

from .cli import main
from .run.kernels import remove_temporary_folder

try:
    code = main()
except SystemExit as exc:  # argparse's usage errors and --help end here too
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
finally:
    remove_temporary_folder()  # the folders a run kept there, where the home folder could not be written
# Everything a command writes is written and closed by now: leave without tearing down the analysis
# stack the process loaded (pandas, matplotlib, the kernels' clients), which takes about 0.4 s.
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
