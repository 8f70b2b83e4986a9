#!/usr/bin/env bash
# Coverage-guided fuzzing of one parser with libFuzzer, for longer than the tests' bounded run.
#   Scripts/fuzz.sh TARGET [SECONDS]     targets: wave inferred codebook study summary design-summary transcript themes qualtrics lss
# Starts from the seed corpus Tests/Fuzz/Corpus/TARGET (new inputs go to .build-fuzz/corpus/TARGET, not
# into the repository). A crash, a hang (> 10 s per input) or an unreadable error stops the run and
# libFuzzer writes the input to ./crash-… or ./timeout-…; copy it to Tests/Fuzz/Regressions/TARGET/
# with a name saying what it found, fix the cause, and `swift test --filter FuzzTests` replays it
# from then on. Replay without libFuzzer: .build/debug/paradox-fuzz TARGET FILE…
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: Scripts/fuzz.sh TARGET [SECONDS]}"
seconds="${2:-600}"
source ./.ci/dependencies.sh
install_dependencies
swift build -c release --product paradox-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DLIBFUZZER -Xswiftc -gnone -Xswiftc -use-ld=lld
mkdir -p ".build-fuzz/corpus/$target"
PARADOX_FUZZ_TARGET="$target" .build-fuzz/release/paradox-fuzz -max_total_time="$seconds" -timeout=10 \
  -max_len=65536 ".build-fuzz/corpus/$target" "Tests/Fuzz/Corpus/$target"
