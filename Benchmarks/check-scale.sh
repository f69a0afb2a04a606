#!/usr/bin/env bash
# `gloss check` on workspaces of many sources: cold (nothing cached), warm (nothing changed) and
# after one source changed, with peak memory, beside a baseline gloss when one is given.
#
#   Benchmarks/check-scale.sh [SIZES…]            (default: 1000 10000)
#   GLOSS=path/to/gloss        skip the build and time that binary
#   BASELINE=path/to/gloss     also time this one (an older build, say), interleaved run by run
#   RUNS=N                     cold and warm runs of each size and binary (default 2)
#
# The workspace tiles the seed articles of sources/ (each copy made distinct by a last line naming
# it, so no two share a cache entry) and is imported with `gloss add`. A cold run gets the
# workspace with .gloss-cache/ removed; a warm run follows a run of the same binary. Each run is
# timed by /usr/bin/time (wall and CPU seconds, peak resident set in MB). Run it niced on a shared
# machine.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000}")
read -r -a sizes <<<"${sizes[*]}"
runs=${RUNS:-2}
if [ -z "${GLOSS:-}" ]; then
    swift build -c release --product gloss >/dev/null
    GLOSS="$PWD/.build/release/gloss"
fi
binaries=("$GLOSS")
[ -n "${BASELINE:-}" ] && binaries+=("$BASELINE")
seeds=(sources/*.txt)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

timed() {  # timed LABEL BINARY ARGS… — prints LABEL, wall seconds and peak MB
    local label=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    awk -v label="$label" '{ printf "%-44s %7.2f s wall %7.2f s CPU %7.0f MB\n", label, $1, $2 + $3, $4 / 1024 }' "$work/time"
}

for size in "${sizes[@]}"; do
    ws="$work/ws-$size"
    mkdir -p "$ws/in"
    for ((i = 0; i < size; i++)); do
        seed=${seeds[i % ${#seeds[@]}]}
        { cat "$seed"; printf '\nkopya %d\n' "$i"; } >"$ws/in/s$i.txt"
    done
    (cd "$ws" && "$GLOSS" init >/dev/null && find in -name '*.txt' | sort | xargs -n 1000 "$GLOSS" add >/dev/null)
    rm -rf "$ws/in"
    echo "check of $size sources ($(du -sh "$ws/sources" | cut -f1) of text), $runs runs each, load $(cut -d' ' -f1-3 /proc/loadavg)"
    for ((run = 1; run <= runs; run++)); do
        for binary in "${binaries[@]}"; do
            name=$([ "$binary" = "$GLOSS" ] && echo gloss || echo baseline)
            rm -rf "$ws/.gloss-cache"
            timed "  $name cold (run $run)" "$binary" check --fail-on never --workspace "$ws"
            timed "  $name warm (run $run)" "$binary" check --fail-on never --workspace "$ws"
        done
    done
    # One source changed (an annotation): only it is checked again.
    "$GLOSS" check --fail-on never --workspace "$ws" >/dev/null
    printf '{"source": "s7", "rejectedCitations": []}\n' >"$ws/annotations/s7.json"
    timed "  gloss after one annotation changed" "$GLOSS" check --fail-on never --workspace "$ws"
    rm -rf "$ws"
done
