#!/bin/sh
# Times `gloss export tei` and `gloss check` on one text holding N citations, for growing N, to show
# how they scale (issue 21: 100k citations in one text took 35 s to export and 71 s to check).
#
#   Benchmarks/citation-scaling.sh [N ...]        (default: 12500 25000 50000 100000)
#
# GLOSS=path/to/gloss picks the binary (default: .build/release/gloss, built if missing).
# Each text: paragraphs of author-date citations ("(Author17, 1987: 12)"), a numeric one and a
# footnote marker now and then, and a reference list of 400 entries that the citations resolve to.
set -eu
cd "$(dirname "$0")/.."
GLOSS=${GLOSS:-$PWD/.build/release/gloss}
[ -x "$GLOSS" ] || swift build -c release --product gloss
[ $# -gt 0 ] || set -- 12500 25000 50000 100000
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { # command... → wall-clock seconds of one run
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$start $end" | awk '{ printf "%.2f", $2 - $1 }'
}

printf '%-9s %-10s %-12s %-10s\n' citations "text (MB)" "export tei" check
for n in "$@"; do
    dir="$work/w$n"
    mkdir -p "$dir"
    python3 - "$n" > "$dir/long.txt" <<'PY'
import sys
n = int(sys.argv[1])
authors = 400
out = []
for i in range(n):
    a = i % authors
    out.append(f"Bu bulgu {i} numaralı gözlemle uyumludur (Author{a}, {1950 + a % 70}: {i % 300 + 1}). ")
    if i % 10 == 9:
        out.append("\n\n")
out.append("\n\nKaynakça\n\n")
for a in range(authors):
    out.append(f"Author{a}, A. ({1950 + a % 70}). Çalışma başlığı {a}. Dergi Adı, {a % 40 + 1}(2), 1-20.\n\n")
sys.stdout.write("".join(out))
PY
    (cd "$dir" && "$GLOSS" init > /dev/null && "$GLOSS" add long.txt > /dev/null && "$GLOSS" cites > /dev/null)
    size=$(du -m "$dir/long.txt" | cut -f1)
    tei=$(cd "$dir" && seconds "$GLOSS" export tei long -o "$dir/out.xml")
    check=$(cd "$dir" && seconds "$GLOSS" check)
    printf '%-9s %-10s %-12s %-10s\n' "$n" "$size" "$tei s" "$check s"
    rm -rf "$dir"
done
