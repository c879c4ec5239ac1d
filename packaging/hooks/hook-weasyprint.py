# WeasyPrint for the bundle, in place of pyinstaller-hooks-contrib's hook (a hook in the
# spec's hookspath wins over it), which fails on Linux: its search for fontconfig asks for
# "liblibfontconfig.a", gives up on every library and warns that WeasyPrint will not work.
#
# WeasyPrint opens Pango and its companions by name with cffi (dlopen), so PyInstaller does
# not see them by following the binaries. Shipped here, the PDF report needs no Pango on the
# user's machine, and harfbuzz-subset (which WeasyPrint loads when it is there, to subset
# fonts) matches the bundled HarfBuzz instead of whatever version the system has. Fonts and
# fontconfig's configuration (/etc/fonts) still come from the system the bundle runs on.
import ctypes.util

from PyInstaller.depend.bindepend import resolve_library_path
from PyInstaller.utils.hooks import collect_data_files

# Its user-agent stylesheets (html5_ua.css…), read with importlib.resources.
datas = collect_data_files("weasyprint")

binaries = []
for name in ("pango-1.0", "pangoft2-1.0", "harfbuzz", "harfbuzz-subset", "fontconfig",
             "gobject-2.0"):
    soname = ctypes.util.find_library(name)  # "libpango-1.0.so.0"
    found = soname and resolve_library_path(soname)
    if not found:
        raise SystemExit(f"make dist: lib{name} is missing here; the README's apt line has it")
    binaries.append((found, "."))
