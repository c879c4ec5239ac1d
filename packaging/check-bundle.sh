#!/usr/bin/env bash
# Build the standalone bundle, install it under a temporary PREFIX as a user would, and run
# the installed copy where no Python is on the PATH and no setting is inherited:
#   --version; `sample` (creates a database: the bundled Alembic migrations run);
#   --smoke-test offscreen (the Qt platform plugin loads, every tab draws, the window closes);
#   `export --format pdf` (WeasyPrint with the bundled Pango, and the report's chart drawn
#   by Qt offscreen); `export --tz` with no system zone database (the bundled tzdata);
#   `import` of 25,000 rows (the category rules' second process, started from the bundle).
# .ci/run runs it after the tests; `bash packaging/check-bundle.sh` does the same by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
make dist
echo "check-bundle: built in $(( $(date +%s) - started )) s," \
     "$(du -sh dist/negotiation-tracker | cut -f1) on disk"

work="$(mktemp -d /tmp/tracker-bundle.XXXXXX)"
trap 'rm -rf "$work"' EXIT
make install-desktop PREFIX="$work/prefix"
entry="$work/prefix/share/applications/negotiation-tracker.desktop"
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$entry"
fi
tracker="$work/prefix/bin/tracker"

# Nothing from this checkout or its .venv: an empty environment but for a home of its own.
bare() {
    env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
bare "$tracker" --version
bare "$tracker" sample --db "$work/sample.db"
bare timeout 120 "$tracker" --smoke-test --db "$work/sample.db"
bare "$tracker" export --db "$work/sample.db" --format pdf -o "$work/report.pdf"
# Zones from the bundled tzdata, as where the system has no zone database.
bare PYTHONTZPATH=/nonexistent "$tracker" export --db "$work/sample.db" --format md \
    --tz Pacific/Chatham -o "$work/chronology.md"
if command -v pdftotext >/dev/null 2>&1; then
    text="$(pdftotext "$work/report.pdf" -)"
    [[ "$text" == *"Chronology report"* ]] \
        || { echo "check-bundle: the bundle's PDF report has no title" >&2; exit 1; }
fi
# A file large enough for the category rules and the reading to run in second processes,
# which in the bundle are the bundle started again (multiprocessing.freeze_support,
# tracker/__main__.py): the import finishes once, nothing falls back or fails in those
# processes, none is left.
.venv/bin/python -c 'import sys; from pathlib import Path
from tests.acled_generator import write_acled_file
write_acled_file(Path(sys.argv[1]), 60000)' "$work/acled.csv"
bare timeout 300 "$tracker" import --db "$work/sample.db" --format acled "$work/acled.csv" \
    > "$work/import.out" 2> "$work/import.err"
grep -q "60,000 added" "$work/import.out" \
    || { echo "check-bundle: the bundle's import did not add 60,000 events" >&2;
         cat "$work/import.out" "$work/import.err" >&2; exit 1; }
if grep -E -q "Traceback|suggesting in this one|reading it again here" "$work/import.err"; then
    echo "check-bundle: a second process of the bundle's import failed" >&2
    cat "$work/import.err" >&2
    exit 1
fi
# multiprocessing's resource tracker (the bundle again) ends once it sees the import gone:
# a moment after, not at once.
for _ in $(seq 100); do
    pgrep -f "$work/prefix" >/dev/null || break
    sleep 0.1
done
if pgrep -f "$work/prefix" >/dev/null; then
    echo "check-bundle: a process of the bundle outlived its import by 10 s:" >&2
    pgrep -a -f "$work/prefix" >&2
    exit 1
fi
echo "check-bundle: the installed bundle started, drew its window, wrote a PDF report and" \
     "imported 60,000 events, read and categorised in second processes"
