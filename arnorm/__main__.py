"""``python -m arnorm``: the same as the ``arnorm`` command."""

import sys

from .cli import main

sys.exit(main())
