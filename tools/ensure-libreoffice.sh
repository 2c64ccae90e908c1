#!/usr/bin/env bash
# Make sure Debian's LibreOffice Writer (no GUI) is installed: tests/browser/test_report.py converts the
# .docx the report saves with it, as a person opening it would. Like tools/ensure-chromium.sh.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then exit 0; fi
echo "LibreOffice is missing: installing Debian's libreoffice-writer-nogui package." >&2
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-writer-nogui >/dev/null
command -v soffice
