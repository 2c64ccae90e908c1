#!/usr/bin/env bash
# Make sure Debian's nginx and Apache are installed: tests/site/test_server_configs.py runs both for real
# (on a free 127.0.0.1 port, workers as www-data) with the generated server configuration. Like
# tools/ensure-debian-package.sh. The packages' own services are not wanted (both would want port 80), so they
# are kept from starting during the install.
set -euo pipefail
PATH="$PATH:/usr/sbin:/sbin"
missing=()
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v apache2 >/dev/null 2>&1 || missing+=(apache2)
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
echo "Web servers missing (${missing[*]}): installing Debian's packages." >&2
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
POLICY=/usr/sbin/policy-rc.d
if [ ! -e "$POLICY" ]; then
  # invoke-rc.d and deb-systemd-invoke ask this script; 101 means "do not start services now".
  trap '$SUDO rm -f "$POLICY"' EXIT
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
  $SUDO chmod 755 "$POLICY"
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v nginx && command -v apache2
