"""``python -m model …`` hands over to the command-line package; nothing in the model imports this."""

import sys

from cli import main

sys.exit(main())
