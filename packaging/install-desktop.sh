#!/usr/bin/env bash
# Install the bundle that `make dist` built, with its menu entry and icon, under PREFIX:
#
#   PREFIX/lib/negotiation-tracker/                       the bundle (replaced whole)
#   PREFIX/bin/tracker                                    a link to the bundle's command
#   PREFIX/share/applications/negotiation-tracker.desktop  Exec= the bundle's command
#   PREFIX/share/icons/hicolor/scalable/apps/negotiation-tracker.svg
#
# PREFIX=~/.local installs for one user (the desktop finds ~/.local/share, and ~/.local/bin
# is on most PATHs), /usr/local for everyone (as root). The menu entry and icon are the ones
# in resources/; only Exec and TryExec change, to the absolute path of the installed
# command, since PREFIX/bin need not be on the desktop's PATH.
#
#   packaging/install-desktop.sh BUNDLE PREFIX
#   packaging/install-desktop.sh --uninstall PREFIX
set -euo pipefail

APP=negotiation-tracker
RESOURCES="$(cd "$(dirname "$0")/../resources" && pwd)"

usage() {
    echo "usage: $0 BUNDLE PREFIX | $0 --uninstall PREFIX" >&2
    exit 2
}

# A .desktop Exec argument in double quotes. Paths with characters that would need the
# spec's double escaping (or that sed would read) are refused rather than half-escaped.
desktop_quoted() {
    case "$1" in
        *[\"\`\$\\\|\&%]*|*$'\n'*)
            echo "$0: cannot name $1 in a menu entry; choose a PREFIX without \" \` \$ \\ | & %" >&2
            exit 1 ;;
    esac
    printf '"%s"' "$1"
}

# Tell the desktop about the new entry and icon where its tools are there; harmless if not.
refresh_desktop() {
    local share="$1/share"
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
    fi
}

# PREFIX/bin/tracker is ours when it is a link into our bundle; anything else there (a pip
# install's script) is left alone.
ours() {
    local link="$1" prefix="$2"
    [ -L "$link" ] && [ "$(readlink "$link")" = "$prefix/lib/$APP/tracker" ]
}

uninstall() {
    local prefix
    prefix="$(realpath -m "$1")"
    rm -rf "${prefix:?}/lib/$APP"
    rm -f "$prefix/share/applications/$APP.desktop" \
          "$prefix/share/icons/hicolor/scalable/apps/$APP.svg"
    if ours "$prefix/bin/tracker" "$prefix"; then rm -f "$prefix/bin/tracker"; fi
    refresh_desktop "$prefix"
    echo "Removed Negotiation Tracker from $prefix"
}

install() {
    local bundle="$1" prefix="$2"
    if [ ! -x "$bundle/tracker" ]; then
        echo "$0: $bundle/tracker is missing; run make dist first" >&2
        exit 1
    fi
    prefix="$(realpath -m "$prefix")"  # the .desktop file needs an absolute path
    local command="$prefix/lib/$APP/tracker" exec_line
    exec_line="$(desktop_quoted "$command")"
    mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" \
             "$prefix/share/icons/hicolor/scalable/apps"

    # Copied beside the old one and swapped in, so a failed copy leaves the old install.
    rm -rf "$prefix/lib/$APP.new"
    cp -a "$bundle" "$prefix/lib/$APP.new"
    rm -rf "${prefix:?}/lib/$APP"
    mv "$prefix/lib/$APP.new" "$prefix/lib/$APP"

    if ours "$prefix/bin/tracker" "$prefix" || [ ! -e "$prefix/bin/tracker" ]; then
        ln -sfn "$command" "$prefix/bin/tracker"
    else
        echo "$0: left $prefix/bin/tracker as it is (not ours); the menu entry runs $command" >&2
    fi

    sed -e "s|^Exec=tracker |Exec=$exec_line |" -e "s|^Exec=tracker\$|Exec=$exec_line|" \
        "$RESOURCES/$APP.desktop" > "$prefix/share/applications/$APP.desktop.new"
    if ! grep -q "^Exec=\"" "$prefix/share/applications/$APP.desktop.new"; then
        echo "$0: resources/$APP.desktop has no 'Exec=tracker' line to point at the bundle" >&2
        rm -f "$prefix/share/applications/$APP.desktop.new"
        exit 1
    fi
    printf 'TryExec=%s\n' "$command" >> "$prefix/share/applications/$APP.desktop.new"
    mv "$prefix/share/applications/$APP.desktop.new" "$prefix/share/applications/$APP.desktop"
    cp "$RESOURCES/icons/$APP.svg" "$prefix/share/icons/hicolor/scalable/apps/$APP.svg"
    refresh_desktop "$prefix"
    echo "Installed Negotiation Tracker in $prefix/lib/$APP ($(du -sh "$prefix/lib/$APP" | cut -f1)), with its menu entry and icon"
}

case "${1:-}" in
    --uninstall) [ $# -eq 2 ] || usage; uninstall "$2" ;;
    -*|"") usage ;;
    *) [ $# -eq 2 ] || usage; install "$1" "$2" ;;
esac
