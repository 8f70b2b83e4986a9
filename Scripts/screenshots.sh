#!/usr/bin/env bash
# Screenshots of the bundled report for the README, taken in headless Chromium from Output/ (run
# ./run.sh first): Docs/report-top.png (title, contents, replication and key findings) and one PNG
# per figure kind (Docs/figure-<id>.png from Output/figures/). Needs Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
shoot() {  # page, png, width, height
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
        --window-size="$3,$4" --screenshot="$2" "file://$PWD/$1" 2>/dev/null
}
shoot Output/report.html Docs/report-top.png 1000 1400
for id in likert_privacy_concern means_concern_by_age coefficients_trust_model correlations; do
    svg=$(ls Output/figures/*_"$id".svg 2>/dev/null | head -1) || true
    [ -n "$svg" ] && shoot "$svg" "Docs/figure-$id.png" 740 "$(sed -n 's/.*height="\([0-9]*\).*/\1/p;q' "$svg" | head -1)"
done
ls -l Docs
