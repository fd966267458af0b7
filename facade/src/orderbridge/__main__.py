"""``python -m orderbridge``: the ``orderbridge`` command line (:mod:`orderbridge.cli`)."""

import sys

from .cli import main

sys.exit(main())
