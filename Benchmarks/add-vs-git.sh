#!/usr/bin/env bash
# `gloss add` of many files beside `git add` (and commit) of the same files: wall time and peak
# memory, interleaved run by run (wall and CPU seconds: on a shared machine the wall time is mostly
# waiting).
#
#   Benchmarks/add-vs-git.sh [FILES]         (default 1000)
#   GLOSS=path/to/gloss     skip the build and time that binary
#   BASELINE=path/to/gloss  also time this one (an older build, say)
#   RUNS=N                  runs of each (default 3)
#
# The files tile the seed articles of sources/, each made distinct by a last line. Each run imports
# them into a new workspace (`gloss init`) or a new repository (`git init`) in the folder holding
# them (hard links to one set), so both write to the same file system. git's figure is `git add`
# and `git commit`: like `gloss add`, it stores every file and makes the result permanent. git does
# not fsync by default; with `core.fsync=all` it does, and that figure is printed too.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-1000}
runs=${RUNS:-3}
if [ -z "${GLOSS:-}" ]; then
    swift build -c release --product gloss >/dev/null
    GLOSS="$PWD/.build/release/gloss"
fi
seeds=(sources/*.txt)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
for ((i = 0; i < files; i++)); do
    seed=${seeds[i % ${#seeds[@]}]}
    { cat "$seed"; printf '\nkopya %d\n' "$i"; } >"$work/in/s$i.txt"
done
echo "$files files, $(du -sh "$work/in" | cut -f1); load $(cut -d' ' -f1-3 /proc/loadavg)"

timed() {  # timed LABEL COMMAND… — prints LABEL, wall seconds and peak MB
    local label=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    awk -v label="$label" '{ printf "%-40s %7.2f s wall %6.2f s CPU %6.0f MB\n", label, $1, $2 + $3, $4 / 1024 }' "$work/time"
}

fresh() { cd "$work"; rm -rf run; mkdir run; cp -l in/*.txt run/; cd run; }
for ((run = 1; run <= runs; run++)); do
    fresh; "$GLOSS" init >/dev/null
    timed "gloss add (run $run)" sh -c "\"$GLOSS\" add s*.txt"
    if [ -n "${BASELINE:-}" ]; then
        fresh; "$BASELINE" init >/dev/null
        timed "baseline gloss add (run $run)" sh -c "\"$BASELINE\" add s*.txt"
    fi
    fresh; git init -q
    timed "git add + commit (run $run)" sh -c 'git add s*.txt && git -c user.name=b -c user.email=b@b commit -qm x'
    fresh; git init -q
    timed "git add + commit, fsync (run $run)" sh -c 'git -c core.fsync=all add s*.txt && git -c core.fsync=all -c user.name=b -c user.email=b@b commit -qm x'
done
cd /
