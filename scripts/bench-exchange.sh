#!/usr/bin/env bash
# Exchange between desktops at 100,000 operations, as the exchange issue measures it:
#   1. in process: cargo bench -p icp-store --bench exchange (export, import into an empty
#      desk, import again; 5 rounds each), which also leaves its exchange file behind;
#   2. as a whole process: `icp-desk exchange import` of that file into a new, empty data
#      folder, 5 runs of the release build, reporting the median wall time and the largest
#      peak resident memory.
#   scripts/bench-exchange.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ICP_ROOT"
own_crates_from_this_clone

out="$(mktemp -d "${CARGO_TARGET_DIR}/bench-exchange.XXXXXX")"
trap 'rm -rf "$out"' EXIT
EXCHANGE_BENCH_FILE="$out/100k.icpx" cargo bench -p icp-store --bench exchange
(cd ui && npm run build)
cargo build --release --features custom-protocol

bin="$CARGO_TARGET_DIR/release/icp-desk"
for i in 1 2 3 4 5; do
  /usr/bin/time -f '%e %M' -o "$out/time-$i" \
    "$bin" --data-dir "$out/desk-$i" exchange import "$out/100k.icpx" >/dev/null
done
cat "$out"/time-* | sort -n | awk '
  { wall[NR] = $1; if ($2 > rss) rss = $2 }
  END { printf "icp-desk exchange import, 100,002 operations into an empty desk, 5 runs: median %.2f s wall (min %.2f, max %.2f), peak %.0f MiB\n",
        wall[int((NR + 1) / 2)], wall[1], wall[NR], rss / 1024 }'
