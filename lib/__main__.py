"""``python -m readout``: see :mod:`readout.cli`."""

import sys

from .cli import main

sys.exit(main())
