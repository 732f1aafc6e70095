"""``python -m identities``: see ``identities.engine.cli``."""

import sys

from identities.engine.cli import main

sys.exit(main())
