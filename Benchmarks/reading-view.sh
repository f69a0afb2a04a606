#!/usr/bin/env bash
# The reading view of the largest seed (002, 67 KB, the most citations and footnotes): how long
# `gloss serve` takes to answer its page (the text, every citation with its standing, claims,
# the findings of `gloss check`), and how long `gloss report` takes to write it as a file.
#
#   Benchmarks/reading-view.sh [RUNS]      (default 20 runs; CONFIG=debug for a debug build)
#
# Needs curl. The served page is asked for RUNS times after one warm-up request (which fills
# .gloss-cache/); each figure is curl's time_total, request sent to last byte received.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
config=${CONFIG:-release}
swift build -c "$config" --product gloss >/dev/null
gloss="$PWD/.build/$config/gloss"
source_id=002_ccf2ee7b6882ff5b

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r sources annotations "$work/"
cd "$work"

"$gloss" serve --port 0 >serve.out 2>serve.err &
server=$!
for _ in $(seq 100); do grep -q '?token=' serve.out 2>/dev/null && break; sleep 0.1; done
address=$(grep -m1 '^http://' serve.out)
origin=${address%%/\?token=*}
token=${address##*token=}
page="$origin/source/$source_id?token=$token"

curl -sf -o /dev/null "$page"
for _ in $(seq "$runs"); do curl -sf -o /dev/null -w '%{time_total}\n' "$page"; done | sort -n >served.txt
bytes=$(curl -sf "$page" | wc -c)

for _ in $(seq "$runs"); do
    start=$(date +%s.%N); "$gloss" report "$source_id" -o report.html; end=$(date +%s.%N)
    echo "$end - $start" | bc -l
done | sort -n >report.txt

summary() { awk '{ v[NR] = $1 } END { printf "best %.1f ms, median %.1f ms, worst %.1f ms\n", v[1] * 1000, v[int((NR + 1) / 2)] * 1000, v[NR] * 1000 }' "$1"; }
echo "reading view of $source_id ($config build, $runs runs)"
echo "  gloss serve, page ($bytes bytes): $(summary served.txt)"
echo "  gloss report -o (process start to file written): $(summary report.txt)"
