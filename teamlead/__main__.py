"""``python -m teamlead`` is the same program as ``teamlead``."""

from teamlead.cli import main

raise SystemExit(main())
