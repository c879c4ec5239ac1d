#!/usr/bin/env bash
# Build the standalone bundle, install it under a temporary PREFIX as a user would, and run
# the installed copy where no Python is on the PATH and no setting is inherited:
#   --version; `sample` (creates a database: the bundled Alembic migrations run);
#   --smoke-test offscreen (the Qt platform plugin loads, every tab draws, the window closes);
#   `export --format pdf` (WeasyPrint with the bundled Pango, and the report's chart drawn
#   by Qt offscreen); `export --tz` with no system zone database (the bundled tzdata).
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
echo "check-bundle: the installed bundle started, drew its window and wrote a PDF report"
