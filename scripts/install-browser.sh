#!/usr/bin/env bash
# Makes a Chromium available to Playwright: Debian's package where apt exists (closed networks
# can't download Playwright's own build), Playwright's browser elsewhere.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | tail -n1)"
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | tail -n1)"
else
  npx playwright install chromium
fi
