# Node runtimes from the npm registry (package node-linux-<arch>: the official binary and headers), cached in
# .e2e/node-<version>/. Sourced by scripts/setup.sh (code-server's runtimes) and .ci/run (the extra Nodes the
# browserless suites run on). Needs $E2E; defines node_runtime.

# node_runtime VERSION: makes sure .e2e/node-VERSION/bin/node is that exact Node; prints the folder.
# A re-run only starts the cached binary once (about 50 ms).
node_runtime() {
  local version=$1 dir="$E2E/node-$1" arch
  if [ "$("$dir/bin/node" --version 2>/dev/null)" != "v$version" ]; then
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64 | arm64) arch=arm64 ;;
      *) echo "[setup] ERROR: no node-linux-* runtime package for $(uname -m)" >&2; return 1 ;;
    esac
    echo "[setup] Node $version from the npm registry (node-linux-$arch@$version) into .e2e/node-$version" >&2
    rm -rf "$dir" "$dir.part"
    mkdir -p "$dir.part"
    # npm pack checks the tarball against the registry's integrity hash; it has no install scripts to run.
    (cd "$dir.part" && npm pack --silent "node-linux-$arch@$version" > /dev/null) || { echo "[setup] ERROR: npm pack node-linux-$arch@$version failed" >&2; return 1; }
    tar xzf "$dir.part"/node-linux-"$arch"-"$version".tgz --strip-components=1 -C "$dir.part"
    rm -f "$dir.part"/node-linux-"$arch"-"$version".tgz
    [ "$("$dir.part/bin/node" --version 2>/dev/null)" = "v$version" ] || { echo "[setup] ERROR: .e2e/node-$version/bin/node does not run" >&2; return 1; }
    mv "$dir.part" "$dir"
  fi
  echo "$dir"
}
