#!/usr/bin/env bash
# Make sure a Java runtime is installed for the W3C Nu Html Checker (vnu-jar, tests/site/test_valid_html.py):
# Debian's default-jre-headless when `java` is missing.
set -euo pipefail
if command -v java >/dev/null 2>&1; then exit 0; fi
echo "Java is missing: installing Debian's default-jre-headless package." >&2
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq default-jre-headless >/dev/null
command -v java
