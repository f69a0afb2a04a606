#!/usr/bin/env bash
# Throughput of `gloss cites --format jsonl` against ripgrep with a naive citation regex, on the
# same ~100 MB corpus tiled from the seed articles. Not part of `swift test`.
#
# usage: Benchmarks/cites-vs-ripgrep.sh [SIZE_MB]   (run from the package root; needs rg)
# The corpus: files of about 1 MB, each the five seeds concatenated five times under a line that
# makes every file distinct (so no two share a detection-cache entry), imported into a temporary
# workspace. gloss runs three ways: cold (all of `.gloss-cache` removed before every run, so every
# text is hashed against its sha256, scanned and cached), scanning (only the detections removed:
# every text is read and scanned, its integrity vouched for by the stat signature recorded when
# it was last hashed) and warm (detections served from the cache).
# The corpus lives under mktemp's folder, so TMPDIR chooses its file system. Cold and scanning runs
# write one cache file a text (13 MB in all), which costs more on a disk file system than on tmpfs;
# the file system is printed with the figures.
set -euo pipefail

size_mb=${1:-100}
root=$(cd "$(dirname "$0")/.." && pwd)
seeds=${SEEDS:-$root/../shared/seeds}
command -v rg >/dev/null || { echo "ripgrep (rg) is needed: apt-get install -y ripgrep" >&2; exit 66; }
[ -d "$seeds" ] || { echo "no seed articles at $seeds" >&2; exit 66; }

swift build -c release --static-swift-stdlib --product gloss --package-path "$root" >/dev/null
gloss=$root/.build/release/gloss

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tiles"
tile=$work/tile.txt
for _ in 1 2 3 4 5; do cat "$seeds"/*.txt >> "$tile"; done
tile_bytes=$(wc -c < "$tile")
count=$(( (size_mb * 1000000 + tile_bytes - 1) / tile_bytes ))
for i in $(seq -w 1 "$count"); do
    { echo "Tile $i"; echo; cat "$tile"; } > "$work/tiles/tile-$i.txt"
done

"$gloss" init "$work/ws" >/dev/null
"$gloss" add --workspace "$work/ws" "$work/tiles"/*.txt >/dev/null
corpus="$work/ws/sources"
# A text's stat signature is only trusted once it has been unchanged for two seconds.
sleep 2
bytes=$(cat "$corpus"/*.txt | wc -c)
filesystem=$(df -T "$work" | awk 'NR == 2 {print $2}')

# Best of three wall-clock runs of a command, in seconds.
best() {
    local best_time=""
    for _ in 1 2 3; do
        case ${CLEAR:-} in
            all) rm -rf "$work/ws/.gloss-cache" ;;
            detections) rm -rf "$work/ws/.gloss-cache/citations" ;;
        esac
        local start end
        start=$(date +%s.%N)
        "$@" > /dev/null
        end=$(date +%s.%N)
        best_time=$(echo "$start $end ${best_time:-}" | awk '{t = $2 - $1; if ($3 == "" || t < $3) print t; else print $3}')
    done
    echo "$best_time"
}

regex='\([^()]{1,80}\d{4}[^()]{0,20}\)|\[\d{1,3}[^\]]{0,30}\]'
gloss_cold=$(CLEAR=all best "$gloss" cites --workspace "$work/ws" --format jsonl)
gloss_scan=$(CLEAR=detections best "$gloss" cites --workspace "$work/ws" --format jsonl)
gloss_warm=$(best "$gloss" cites --workspace "$work/ws" --format jsonl)
rg_default=$(best rg -o -n --no-heading "$regex" "$corpus")
rg_single=$(best rg -j1 -o -n --no-heading "$regex" "$corpus")
citations=$("$gloss" cites --workspace "$work/ws" --format jsonl | wc -l)
matches=$(rg -o -n --no-heading "$regex" "$corpus" | wc -l)

awk -v b="$bytes" -v gc="$gloss_cold" -v gs="$gloss_scan" -v gw="$gloss_warm" -v rd="$rg_default" -v rs="$rg_single" \
    -v n="$count" -v c="$citations" -v m="$matches" -v fs="$filesystem" 'BEGIN {
    mb = b / 1e6
    printf "corpus: %.1f MB in %d files (on %s); gloss found %d citations, rg %d regex matches\n", mb, n, fs, c, m
    printf "gloss cites (cold: hash, scan) %7.3f s  %8.1f MB/s\n", gc, mb / gc
    printf "gloss cites (scanning)         %7.3f s  %8.1f MB/s\n", gs, mb / gs
    printf "gloss cites (warm, cached)     %7.3f s  %8.1f MB/s\n", gw, mb / gw
    printf "rg (default threads)           %7.3f s  %8.1f MB/s\n", rd, mb / rd
    printf "rg -j1                         %7.3f s  %8.1f MB/s\n", rs, mb / rs
    printf "ratio to rg (default threads): cold %.2fx, scanning %.2fx, warm %.2fx\n", rd / gc, rd / gs, rd / gw
    printf "ratio to rg -j1:               cold %.2fx, scanning %.2fx, warm %.2fx\n", rs / gc, rs / gs, rs / gw
}'
