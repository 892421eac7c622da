#!/usr/bin/env bash
# The printed itinerary's speed, as the study-visit issue measures it:
#   1. in process: the criterion benchmark (cargo bench -p icp-api --bench itinerary), which
#      also fills a data folder with the six-day, 60-session, mixed-script reference visit;
#   2. as a whole process: `icp-desk print itinerary` on that folder, 7 runs of the release
#      build, reporting the median wall time and the largest peak resident memory.
#   scripts/bench-print.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ICP_ROOT"
own_crates_from_this_clone

cargo bench -p icp-api --bench itinerary
(cd ui && npm run build)
cargo build --release --features custom-protocol

data="${TMPDIR:-/tmp}/icp-bench-data"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bin="$CARGO_TARGET_DIR/release/icp-desk"
for i in 1 2 3 4 5 6 7; do
  /usr/bin/time -f '%e %M' -o "$out/time-$i" \
    "$bin" --data-dir "$data" print itinerary Benchmark --out "$out/itinerary.pdf" >/dev/null
done
cat "$out"/time-* | sort -n | awk '
  { wall[NR] = $1; if ($2 > rss) rss = $2 }
  END { printf "whole process, 7 runs: median %.2f s wall (min %.2f, max %.2f), peak %.0f MiB\n",
        wall[int((NR + 1) / 2)], wall[1], wall[NR], rss / 1024 }'
printf 'file: %s bytes, %s pages\n' "$(stat -c %s "$out/itinerary.pdf")" \
  "$(pdfinfo "$out/itinerary.pdf" | awk '/^Pages:/ { print $2 }')"
