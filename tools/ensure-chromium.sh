#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests (Playwright's own download cannot work here).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
echo "Chromium is missing: installing Debian's chromium package." >&2
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-liberation >/dev/null
command -v chromium
