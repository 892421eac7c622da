#!/usr/bin/env bash
# Builds ICP Desk and opens its window. Arguments go to the app, e.g.
#   scripts/start.sh --data-dir /tmp/icp-demo
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ICP_ROOT"
own_crates_from_this_clone

(cd ui && npm run build)
cargo build --release --features custom-protocol
exec "$CARGO_TARGET_DIR/release/icp-desk" "$@"
