# Sourced by run.sh and test.sh: installs the system packages Paradox needs when they are missing.
#   libgsl-dev + pkg-config  the GNU Scientific Library, found through pkg-config by SwiftPM
#   libvectorscan-dev        Vectorscan (the portable Hyperscan), the linear-time engine of theme-codebook regexes
#   libxml2-utils            xmllint, with which the tests validate REFI-QDA exports against their XSD
#   libreadstat-dev          ReadStat, which reads SPSS .sav/.zsav and Stata .dta files (no pkg-config file)
#   zlib1g-dev               zlib's inflate, with which Archive reads REFI-QDA (.qdpx) projects
#   chromium                 (with --tests only) headless Chromium, in which the tests render report.html
#   python3-docx             (with --tests only; from pip for a python3 that is not Debian's) with which the tests read report.docx back
#   libreoffice-writer-nogui (with --tests only) LibreOffice, in which the tests lay report.docx out as a PDF
#   poppler-utils            (with --tests only) pdfinfo and pdftotext, with which the tests read that PDF's pages
install_dependencies() {
  local missing=()
  if [ "${1:-}" = "--tests" ]; then
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    # Debian's package where python3 is Debian's (pip refuses to install into it, PEP 668).
    python3 -c 'import docx' 2>/dev/null || missing+=(python3-docx)
    command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  fi
  pkg-config --exists gsl 2>/dev/null || missing+=(libgsl-dev)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  pkg-config --exists libhs 2>/dev/null || missing+=(libvectorscan-dev)
  command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
  [ -f /usr/include/readstat.h ] || missing+=(libreadstat-dev)
  pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} with apt-get…" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # A python3 of its own (pyenv, a virtualenv) does not see Debian's packages: pip for that one.
  if [ "${1:-}" = "--tests" ] && ! python3 -c 'import docx' 2>/dev/null; then
    python3 -m pip install -q python-docx
  fi
}
