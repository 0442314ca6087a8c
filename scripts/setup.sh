#!/usr/bin/env bash
# Fresh-machine setup (Debian, Node 20), offline except for Debian apt and the npm registry:
#   - apt: chromium (the e2e tests' browser), ripgrep (stands in for a GitHub download of
#     code-server's @vscode/ripgrep), libkrb5-dev + a compiler (native modules of code-server)
#   - npm ci for the project
#   - code-server (VS Code in the browser, for `npm start` and the e2e tests) into .e2e/code-server
# Idempotent: each step is skipped when already done, so a re-run takes about a second.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
E2E="$ROOT/.e2e"
CS_DIR="$E2E/code-server"
CS_VERSION=$(node -p "require('./test/e2e/code-server/package.json').dependencies['code-server']")
RG_PKG_VERSION=1.15.11   # @vscode/ripgrep pinned by code-server 4.100.3's lib/vscode
RG_TAG=v13.0.0-10        # the ripgrep-prebuilt release that @vscode/ripgrep 1.15.11 downloads

T0=$(date +%s)
log() { echo "[setup $(($(date +%s) - T0))s] $*"; }
fail() { echo "[setup] ERROR: $*" >&2; exit 1; }

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || fail "Node 20 is needed (code-server $CS_VERSION and the extension's engines); found $(node -v)"

# 1. System packages, only those missing.
need=""
for p in chromium ripgrep libkrb5-dev python3 make g++; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need="$need $p"
done
if [ -n "$need" ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || fail "missing Debian packages:$need (run as root or install them)"
    SUDO="sudo -n"
  fi
  log "apt-get install:$need"
  mkdir -p "$E2E"
  { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends $need; } > "$E2E/apt.log" 2>&1 \
    || { tail -30 "$E2E/apt.log"; fail "apt-get install$need failed (log: .e2e/apt.log)"; }
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing after the apt step"

export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
# node-gyp compiles against the local Node headers instead of downloading them.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi

# 2. The project's own dependencies (npm records what it installed in node_modules/.package-lock.json).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error > "$ROOT/.npm-ci.log" 2>&1 || { tail -30 "$ROOT/.npm-ci.log"; fail "npm ci failed"; }
  rm -f "$ROOT/.npm-ci.log"
fi

# code-server and Chromium write config, caches and crash reports under the XDG dirs: keep them in .e2e.
export XDG_CONFIG_HOME="$E2E/xdg/config" XDG_DATA_HOME="$E2E/xdg/data" XDG_CACHE_HOME="$E2E/xdg/cache"

# 3. code-server into .e2e/code-server (its own package.json: it is not a dependency of the extension).
mkdir -p "$E2E/tmp"
MARK="$CS_DIR/.installed-$CS_VERSION"
if [ ! -f "$MARK" ] || [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "npm install code-server@$CS_VERSION into .e2e/code-server (compiles native modules: a few minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  cp test/e2e/code-server/package.json "$CS_DIR/"
  # @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache in $TMPDIR has the
  # tarball: seed it with Debian's rg under the asset name it expects.
  export TMPDIR="$E2E/tmp"
  rgc="$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
  mkdir -p "$rgc" "$E2E/rg"
  cp /usr/bin/rg "$E2E/rg/rg"
  tar czf "$rgc/ripgrep-$RG_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$E2E/rg" rg
  # unsafe_perm: its postinstall refuses to run as root otherwise; yes: node-pty's postinstall
  # runs `npx node-gyp`, which aborts where ~/.npmrc says yes=false.
  (cd "$CS_DIR" && npm_config_unsafe_perm=true npm_config_yes=true \
     npm install --no-audit --no-fund --no-package-lock > "$E2E/code-server-install.log" 2>&1) \
    || { tail -40 "$E2E/code-server-install.log"; fail "code-server install failed (log: .e2e/code-server-install.log)"; }
  "$CS_DIR/node_modules/.bin/code-server" --version 2>/dev/null | grep -q "^$CS_VERSION " \
    || fail "code-server $CS_VERSION does not start (log: .e2e/code-server-install.log)"
  touch "$MARK"
  log "code-server $CS_VERSION installed ($(du -sh "$CS_DIR/node_modules" | cut -f1))"
fi

log "ready: npm start (VS Code in the browser with the extension), npm test (every suite, e2e included)"
