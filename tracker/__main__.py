"""`python -m tracker` does what the `tracker` command does."""

import multiprocessing

from tracker.cli import main

# A large import's rules run in a second process (services.targets.suggest_ahead); in the
# bundled program that process is this executable again, which this call turns into it.
multiprocessing.freeze_support()
raise SystemExit(main())
