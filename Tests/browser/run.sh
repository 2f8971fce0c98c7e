#!/usr/bin/env bash
# Browser tests of the static site: builds the site for content/, serves it from a
# subfolder on 127.0.0.1 with python's http.server, and drives Debian's chromium with
# selenium: searches (stemming, aliases, kind filters, instant results, "/"), links,
# Content-Security-Policy violations, and axe-core (no serious or critical violations).
#
#   Tests/browser/run.sh                 build with `swift build`, then test
#   KNEEBASE=path/to/kneebase Tests/browser/run.sh   use an existing binary
#   Tests/browser/run.sh -k search       extra arguments go to pytest
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

"$repo/Scripts/browser-deps"
python="$repo/.build-browser/venv/bin/python"

if [[ -z "${KNEEBASE:-}" ]]; then
  scratch="${KNEEBASE_SCRATCH:-$repo/.build-site}"
  (cd "$repo" && swift build --scratch-path "$scratch" --product kneebase >&2)
  KNEEBASE="$scratch/debug/kneebase"
fi
export KNEEBASE
work="$(mktemp -d /tmp/kneebase-browser.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export KNEEBASE_SITE_ROOT="$work/root"
mkdir -p "$KNEEBASE_SITE_ROOT"
"$KNEEBASE" build --content "$repo/content" --output "$KNEEBASE_SITE_ROOT/kb" ${KNEEBASE_THEME:+--theme "$KNEEBASE_THEME"} >&2
cd "$here"
"$python" -m pytest -q -p no:cacheprovider test_site.py "$@"
