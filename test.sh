#!/usr/bin/env bash
# Runs every test of Paradox. Installs what the build and tests need (GSL, pkg-config, xmllint,
# Chromium for the browser test of report.html) with apt-get when it is missing, so that it works on a fresh Debian machine with only Swift.
set -euo pipefail
cd "$(dirname "$0")"
source ./.ci/dependencies.sh
install_dependencies --tests
swift build --build-tests
swift test --skip-build
