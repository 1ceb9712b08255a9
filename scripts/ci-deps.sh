#!/usr/bin/env bash
# Debian packages the test suite needs: a real OCR engine for scanned PDFs and images,
# PostgreSQL's server binaries (the tests start their own server with initdb and pg_ctl), and
# Debian's Chromium, which the workbench's browser tests drive through Playwright, with a font.
# Idempotent and fast when everything is already installed: it asks apt only for what is missing.
set -euo pipefail

PACKAGES=(tesseract-ocr tesseract-ocr-eng postgresql chromium fonts-dejavu-core)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# Try the install first; update the package lists only when apt does not know the packages yet.
if ! $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
tesseract --version >/dev/null
ls /usr/lib/postgresql/*/bin/initdb >/dev/null
chromium --version >/dev/null
echo "ci-deps: installed ${missing[*]}"
