#!/usr/bin/env bash
# Throughput of `gloss cites --format jsonl` against ripgrep with a naive citation regex, on the
# same ~100 MB corpus tiled from the seed articles. Not part of `swift test`.
#
# usage: Benchmarks/cites-vs-ripgrep.sh [SIZE_MB]   (run from the package root; needs rg)
# The corpus: files of about 1 MB, each the five seeds concatenated five times under a line that
# makes every file distinct (so no two share a detection-cache entry), imported into a temporary
# workspace. gloss runs three ways: cold (a workspace never opened before: every text is hashed
# against its sha256, scanned and cached), scanning (a workspace whose texts were checked before
# but never scanned: every text is read and scanned, its integrity vouched for by the stat
# signature recorded when it was last hashed, and cached) and warm (detections served from the
# cache).
# Each cold or scanning run gets a workspace of its own, made before any run: its texts are hard
# links to the first workspace's (no copy), its cache folder new. Removing the cache before each run
# instead would time the file system too: ext4 without a journal will not reuse an inode freed in
# the last minute (five when its table is dirty), and every file created scans past each of them,
# so a run after a removal of hundreds of cache entries creates its own entries several times slower.
# The commands run in rounds, each once a round, and each one's best round is kept, so that gloss
# and rg meet the same moments of a machine whose speed drifts.
# The corpus lives under mktemp's folder, so TMPDIR chooses its file system; it is printed with the
# figures.
set -euo pipefail

size_mb=${1:-100}
root=$(cd "$(dirname "$0")/.." && pwd)
seeds=${SEEDS:-$root/sources}
command -v rg >/dev/null || { echo "ripgrep (rg) is needed: apt-get install -y ripgrep" >&2; exit 66; }
[ -d "$seeds" ] || { echo "no seed articles at $seeds" >&2; exit 66; }

# Built as the README builds its fastest release (docs/decisions.md, "Release builds"): one
# static executable. The linker's warnings about glibc functions gloss does not call are dropped.
swift build -c release --static-swift-stdlib -Xswiftc -static-executable -Xlinker -no-pie \
    -Xlinker --start-group -Xlinker -lxml2 -Xlinker -licuuc -Xlinker -licudata \
    -Xlinker -lz -Xlinker -llzma -Xlinker -lstdc++ -Xlinker --end-group \
    --product gloss --package-path "$root" >/dev/null 2>&1 \
    || { echo "the static release build failed (see the README's install step)" >&2; exit 70; }
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
runs=7
# Fresh workspaces for the cold and scanning runs, sharing the texts (a link changes a text's
# status-change time, so all are made before its signature is recorded).
for mode in cold scanning; do
    for k in $(seq "$runs"); do
        mkdir "$work/$mode-$k"
        cp -al "$corpus" "$work/$mode-$k/sources"
        cp -a "$work/ws/annotations" "$work/$mode-$k/annotations"
    done
done
# A text's stat signature is only trusted once it has been unchanged for two seconds.
sleep 2
# Hashes every text once and records its signature; the scanning workspaces get that record.
"$gloss" cites --workspace "$work/ws" --format jsonl >/dev/null
for k in $(seq "$runs"); do
    mkdir "$work/scanning-$k/.gloss-cache"
    cp "$work/ws/.gloss-cache/verified" "$work/scanning-$k/.gloss-cache/"
done
bytes=$(cat "$corpus"/*.txt | wc -c)
filesystem=$(df -T "$work" | awk 'NR == 2 {print $2}')

# Wall-clock seconds of one run of a command (its output discarded).
timed() {
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    echo "$start $end" | awk '{print $2 - $1}'
}
smaller() { echo "$1 ${2:-}" | awk '{print ($2 == "" || $1 < $2) ? $1 : $2}'; }

# Rounds in which every command runs once, each command's best kept: on a shared machine whose
# speed drifts from second to second, gloss and rg then meet the same slow and fast moments.
regex='\([^()]{1,80}\d{4}[^()]{0,20}\)|\[\d{1,3}[^\]]{0,30}\]'
gloss_cold="" gloss_scan="" gloss_warm="" rg_default="" rg_single=""
for k in $(seq "$runs"); do
    rg_default=$(smaller "$(timed rg -o -n --no-heading "$regex" "$corpus")" "$rg_default")
    gloss_scan=$(smaller "$(timed "$gloss" cites --workspace "$work/scanning-$k" --format jsonl)" "$gloss_scan")
    gloss_cold=$(smaller "$(timed "$gloss" cites --workspace "$work/cold-$k" --format jsonl)" "$gloss_cold")
    gloss_warm=$(smaller "$(timed "$gloss" cites --workspace "$work/ws" --format jsonl)" "$gloss_warm")
    rg_single=$(smaller "$(timed rg -j1 -o -n --no-heading "$regex" "$corpus")" "$rg_single")
done
citations=$("$gloss" cites --workspace "$work/ws" --format jsonl | wc -l)
matches=$(rg -o -n --no-heading "$regex" "$corpus" | wc -l)

awk -v b="$bytes" -v gc="$gloss_cold" -v gs="$gloss_scan" -v gw="$gloss_warm" -v rd="$rg_default" -v rs="$rg_single" \
    -v n="$count" -v c="$citations" -v m="$matches" -v fs="$filesystem" -v r="$runs" 'BEGIN {
    mb = b / 1e6
    printf "corpus: %.1f MB in %d files (on %s); gloss found %d citations, rg %d regex matches; best of %d runs\n", mb, n, fs, c, m, r
    printf "gloss cites (cold: hash, scan) %7.3f s  %8.1f MB/s\n", gc, mb / gc
    printf "gloss cites (scanning)         %7.3f s  %8.1f MB/s\n", gs, mb / gs
    printf "gloss cites (warm, cached)     %7.3f s  %8.1f MB/s\n", gw, mb / gw
    printf "rg (default threads)           %7.3f s  %8.1f MB/s\n", rd, mb / rd
    printf "rg -j1                         %7.3f s  %8.1f MB/s\n", rs, mb / rs
    printf "ratio to rg (default threads): cold %.2fx, scanning %.2fx, warm %.2fx\n", rd / gc, rd / gs, rd / gw
    printf "ratio to rg -j1:               cold %.2fx, scanning %.2fx, warm %.2fx\n", rs / gc, rs / gs, rs / gw
}'
