"""`python -m macros [content-folder]`: check the content and name every mistake (used by `make build`)."""

import sys

from .content import main

sys.exit(main())
