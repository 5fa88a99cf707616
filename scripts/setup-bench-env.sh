#!/usr/bin/env bash
# Installs what the context benchmark and the n-gram build read besides npm packages: Debian's
# wamerican word list (/usr/share/dict/american-english). Nothing is done when it is already there.
set -euo pipefail
[[ -f /usr/share/dict/american-english ]] && exit 0
SUDO=""
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null || { echo "[setup-bench-env] need root or sudo to apt-get install wamerican" >&2; exit 1; }
  SUDO="sudo"
fi
echo "[setup-bench-env] apt-get install wamerican"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends wamerican || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends wamerican; }
