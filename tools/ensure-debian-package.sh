#!/usr/bin/env bash
# Make sure a program the tests need is installed, from Debian, when it is missing:
#   tools/ensure-debian-package.sh COMMAND PACKAGE...
# `make test` uses it for Chromium (the browser tests; Playwright's own download cannot work here), Java
# (the W3C Nu Html Checker, vnu-jar) and LibreOffice Writer (it opens the .docx the report saves).
# nginx and Apache need more care: tools/ensure-servers.sh.
set -euo pipefail
command="$1"
shift
if command -v "$command" >/dev/null 2>&1; then exit 0; fi
echo "$command is missing: installing Debian's $* package(s)." >&2
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
command -v "$command"
