#!/usr/bin/env bash
# Runs every test of ICP Desk: the crates (unit, property, crash safety), the commands on Tauri's
# mock runtime, the TypeScript bindings' freshness, the UI's checks and Vitest, and the
# end-to-end tests in the real window (under Xvfb when there is no display).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ICP_ROOT"
own_crates_from_this_clone

npm_install "$ICP_ROOT/tests/e2e"
if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "Installing tauri-driver…"
  cargo install tauri-driver --locked --version '^2'
fi

step() { printf '\n==> %s\n' "$*"; }

step "UI: type check, unit tests, build"
(cd ui && npm run check && npm test && npm run build)

# One build serves the Rust tests and the end-to-end tests: the app binary that `cargo test`
# builds for the integration tests embeds ui/dist (custom-protocol) like a shipped build.
step "Rust: every crate's tests, the IPC tests, the bindings check"
cargo test --workspace --features custom-protocol

step "End to end: the real window through tauri-driver"
ICP_DESK_BIN="$CARGO_TARGET_DIR/debug/icp-desk" npm --prefix tests/e2e test
