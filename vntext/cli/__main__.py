"""``python -m vntext.cli``: the ``vntext`` command."""

import sys

from . import main

sys.exit(main())
