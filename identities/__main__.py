"""``python -m identities``: see ``identities._cli``."""

import sys

from identities._cli import main

sys.exit(main())
