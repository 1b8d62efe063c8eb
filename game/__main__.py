"""`python -m game` is `collector-sim`."""

import sys

from game.cli import main

sys.exit(main())
