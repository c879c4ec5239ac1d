"""`python -m tracker` does what the `tracker` command does."""

from tracker.cli import main

raise SystemExit(main())
