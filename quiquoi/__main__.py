import sys

from quiquoi.cli import main

sys.exit(main())
