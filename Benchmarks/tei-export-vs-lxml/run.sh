#!/usr/bin/env bash
# `gloss export tei` of one ~10 MB source beside lxml building the TEI document of the same text and
# citations (lxml_tei.py), interleaved round by round: wall and CPU seconds and peak resident memory
# from /usr/bin/time, and the ratios.
#
#   Benchmarks/tei-export-vs-lxml/run.sh [SIZE_MB]    (default 10)
#   GLOSS=path/to/gloss     skip the build and time that binary
#   BASELINE=path/to/gloss  also time this one (an older build, say)
#   ROUNDS=N                rounds (default 5)
#   PYTHON=python3          a Python with lxml (apt-get install -y python3-lxml; default /usr/bin/python3)
#   SEEDS=folder            the texts to tile (default: the seed articles of sources/)
#
# The source is the seed articles tiled (a blank line between copies) to SIZE_MB, added to a new
# workspace; `gloss cites --format jsonl` then scans it once, which fills the detection cache and
# gives lxml_tei.py its citations. So both sides start from the text and its citation offsets:
# Gloss reads them from its workspace and cache (and parses the footnotes and reference lists,
# links the citations, writes the records and its state besides); the script from the files.
# Both write to a file and neither syncs it (`export -o` would).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
size_mb=${1:-10}
rounds=${ROUNDS:-5}
python=${PYTHON:-/usr/bin/python3}
"$python" -c 'import lxml' 2>/dev/null || { echo "needs lxml for $python: apt-get install -y python3-lxml" >&2; exit 1; }
if [ -z "${GLOSS:-}" ]; then
    swift build -c release --product gloss >/dev/null
    GLOSS="$PWD/.build/release/gloss"
fi
seeds=("${SEEDS:-sources}"/*.txt)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" - "$work/big.txt" "$size_mb" "${seeds[@]}" <<'PY'
import sys
out, size, seeds = sys.argv[1], int(sys.argv[2]) * 1_000_000, sys.argv[3:]
texts = [open(s, encoding="utf-8").read().strip("\n") + "\n\n" for s in seeds]
parts, total, i = [], 0, 0
while total < size:
    parts.append(texts[i % len(texts)]); total += len(texts[i % len(texts)].encode()); i += 1
open(out, "w", encoding="utf-8").write("".join(parts).rstrip("\n") + "\n")
PY
prepare() {  # prepare BINARY FOLDER — a workspace holding the source, its detections cached
    mkdir "$2" && (cd "$2" && "$1" init >/dev/null && "$1" add "$work/big.txt" --id big >/dev/null \
        && "$1" cites big --format jsonl >"$work/cites.jsonl")
}
prepare "$GLOSS" "$work/gloss"
[ -n "${BASELINE:-}" ] && prepare "$BASELINE" "$work/baseline"
echo "$(du -h "$work/big.txt" | cut -f1) of text, $(wc -l <"$work/cites.jsonl") citations; load $(cut -d' ' -f1-3 /proc/loadavg)"

timed() {  # timed LABEL OUT COMMAND… — stdout to OUT; one line: label, wall, CPU, peak memory
    local label=$1 out=$2; shift 2
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$out" 2>"$work/err" || { cat "$work/err"; exit 1; }
    awk -v key="${label%% *}" '{ print key, $1, $2 + $3, $4 }' "$work/time" >>"$work/figures"
    awk -v label="$label" '{ printf "%-28s %7.2f s wall %6.2f s CPU %6.0f MB\n", label, $1, $2 + $3, $4 / 1024 }' "$work/time"
}

for ((round = 1; round <= rounds; round++)); do
    (cd "$work/gloss" && timed "gloss export tei ($round)" "$work/gloss.xml" "$GLOSS" export tei big)
    timed "lxml ($round)" /dev/null "$python" "$here/lxml_tei.py" "$work/big.txt" "$work/cites.jsonl" "$work/lxml.xml" big
    if [ -n "${BASELINE:-}" ]; then
        (cd "$work/baseline" && timed "baseline export tei ($round)" "$work/baseline.xml" "$BASELINE" export tei big)
    fi
done
echo "output: gloss $(du -h "$work/gloss.xml" | cut -f1) ($(grep -o '<ref ' "$work/gloss.xml" | wc -l) <ref>), lxml $(du -h "$work/lxml.xml" | cut -f1) ($(grep -o '<ref ' "$work/lxml.xml" | wc -l) <ref>)"
# Best round of each (the machine is shared: the least disturbed run), and gloss over lxml.
awk '{ key = $1
       if (!(key in wall) || $2 < wall[key]) wall[key] = $2
       if (!(key in cpu) || $3 < cpu[key]) cpu[key] = $3
       if (!(key in mem) || $4 < mem[key]) mem[key] = $4 }
     END { printf "best of %d rounds: gloss %.2f s wall %.2f s CPU %.0f MB; lxml %.2f s wall %.2f s CPU %.0f MB\n",
                  '"$rounds"', wall["gloss"], cpu["gloss"], mem["gloss"] / 1024, wall["lxml"], cpu["lxml"], mem["lxml"] / 1024
           printf "gloss / lxml: %.2f× wall, %.2f× CPU, %.2f× memory\n", wall["gloss"] / wall["lxml"], cpu["gloss"] / cpu["lxml"], mem["gloss"] / mem["lxml"]
           if ("baseline" in wall) printf "baseline: %.2f s wall %.2f s CPU %.0f MB (%.2f× lxml CPU)\n", wall["baseline"], cpu["baseline"], mem["baseline"] / 1024, cpu["baseline"] / cpu["lxml"] }' "$work/figures"
