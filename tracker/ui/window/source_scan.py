"""PySide6 reads the source of every module imported after it: keep that from costing.

To know whether a module opted into ``from __feature__ import snake_case``, PySide6's
import hook (shibokensupport/feature.py, ``_mod_uses_pyside``) looks for "PySide6" in the
source of each module imported once PySide6 is: through ``inspect.getsource``, which
tokenizes the file and keeps every line of it in ``linecache`` for the life of the
process. The window imports Qt first and the database layer (SQLAlchemy, Alembic, the
services) after its first paint (issue 19), so each of those hundreds of modules was
read, tokenized and kept: 26 MiB of peak memory and a tenth of the loading time at 1M
events (bench/README.md, "Issue 19 — launch and memory").

``scan_sources_lightly`` gives the hook the same answer (does the file hold "PySide6"?)
from one plain read that keeps nothing. The tracker uses no ``__feature__``; a module
that does still gets it. A PySide6 without that hook is left as it is.
"""

from __future__ import annotations

import sys
from types import ModuleType

_HOOK_MODULE = "shibokensupport.feature"
_HOOK = "_mod_uses_pyside"


def _mentions_pyside(module: ModuleType) -> bool:
    """What the hook asks, from the module's source file, read once and not kept."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built-in, compiled or source-less: the hook says False too
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def scan_sources_lightly() -> None:
    """Answer PySide6's per-import question without inspect and linecache (see above)."""
    feature = sys.modules.get(_HOOK_MODULE)
    if feature is not None and callable(getattr(feature, _HOOK, None)):
        setattr(feature, _HOOK, _mentions_pyside)
