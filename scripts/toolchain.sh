#!/usr/bin/env bash
# Makes sure the tools ICP Desk builds with are on this machine: Debian packages, Rust (1.90 or
# newer), Node.js (20.19 or newer) with npm, and the UI's npm packages. Sourced by start.sh and
# test.sh; installs only what is missing.
set -euo pipefail

ICP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ICP_ROOT

bash "$ICP_ROOT/scripts/deps-debian.sh"

[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
if ! command -v cargo >/dev/null 2>&1; then
  echo "Installing Rust with rustup (Debian's own Rust is too old for Tauri 2)…"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  . "$HOME/.cargo/env"
fi

if ! command -v node >/dev/null 2>&1; then
  echo "Installing Node.js and npm from Debian…"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
node_version=$(node -p 'process.versions.node')
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "ICP Desk's UI build needs Node.js 20.19 or newer; this machine has $node_version." >&2
  echo "Install a newer Node.js (for example from Debian backports) and run this again." >&2
  exit 1
fi

# Builds are kept outside the clone so a fresh clone reuses the compiled dependencies.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/icp-desk-target}"

# Cargo leaves the source path out of a workspace crate's build hash, so two clones sharing
# the target folder would take each other's compiled crates (and build-script output) as
# fresh. Our own crates are therefore always rebuilt from this clone; dependencies are reused.
own_crates_from_this_clone() {
  (cd "$ICP_ROOT" && cargo clean -q -p icp-desk -p icp-api -p icp-domain -p icp-store -p icp-print -p icp-search)
}

# npm ci only when the lock file changed since the last install: it starts from scratch.
npm_install() {
  local dir="$1"
  local stamp="$dir/node_modules/.icp-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    (cd "$dir" && npm ci --no-audit --no-fund)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
npm_install "$ICP_ROOT/ui"
