"""``python -m kla <command>``: see ``kla.cli``."""

import sys

from kla.cli import main

sys.exit(main())
