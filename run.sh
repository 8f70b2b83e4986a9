#!/usr/bin/env bash
# Runs the bundled study (Codebooks/privacy-paradox.study.yml) and writes the report to Output/.
# Extra arguments go to `paradox run` (e.g. ./run.sh Codebooks/my-study.yml --out MyOutput).
# Installs GSL and pkg-config with apt-get when they are missing.
set -euo pipefail
cd "$(dirname "$0")"
source ./.ci/dependencies.sh
install_dependencies
swift build -c release --product paradox
.build/release/paradox run "$@"
