#!/usr/bin/env bash
# Regenerates the golden outputs the CLI tests compare with, from a run of the built paradox:
#   Tests/Golden/bundled-study/         what `paradox run` writes for the bundled study (as ./run.sh writes Output/)
#   Tests/Golden/cli/NAME.out/.err/.status  stdout, stderr and exit code of `paradox` with the arguments
#                                       in NAME.args (one a line), run in Tests/Golden/cli; in .err the
#                                       folder's absolute path is left out, so that it holds on any machine.
# Review `git diff Tests/Golden` before committing: every change must be one you meant.
# With --debug, the debug build makes them (quicker while merging; the release build must agree:
# ./run.sh then `diff -r Output Tests/Golden/bundled-study`).
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=release
[ "${1:-}" = "--debug" ] && configuration=debug
swift build -c "$configuration" --product paradox
paradox="$PWD/.build/$configuration/paradox"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$paradox" run --quiet --out "$scratch/bundled-study"
rm -rf Tests/Golden/bundled-study
mv "$scratch/bundled-study" Tests/Golden/bundled-study

cd Tests/Golden/cli
for args in *.args; do
    name=${args%.args}
    mapfile -t argv < "$args"
    status=0
    "$paradox" "${argv[@]}" > "$name.out" 2> "$scratch/err" || status=$?
    sed "s|$PWD/||g" "$scratch/err" > "$name.err"
    echo "$status" > "$name.status"
done
echo "Golden outputs regenerated; review: git diff --stat Tests/Golden"
