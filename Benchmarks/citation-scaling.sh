#!/bin/sh
# Times `gloss export tei` and `gloss check` on one text holding N citations, for growing N, to show
# how they scale (issue 21: 100k citations in one text took 35 s to export and 71 s to check).
#
#   Benchmarks/citation-scaling.sh [N ...]        (default: 12500 25000 50000 100000)
#
# GLOSS=path/to/gloss picks the binary (default: .build/release/gloss, built if missing). Needs
# /usr/bin/time. Both commands are timed with the detections cached (by a first check) and no
# cached check result.
# Each text: paragraphs of author-date citations, parenthetical ("(Kaya, 1995: 12)") and narrative
# ("Kaya (1995, s. 12)") in turn, citing 200 works, and a reference list of those 200 entries.
set -eu
cd "$(dirname "$0")/.."
GLOSS=${GLOSS:-$PWD/.build/release/gloss}
[ -x "$GLOSS" ] || swift build -c release --product gloss
[ $# -gt 0 ] || set -- 12500 25000 50000 100000
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { # command... → "wall s (CPU s)" of one run (the CPU time shows the work on a busy machine)
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" > /dev/null 2>&1 || true
    awk '{ printf "%.2f s (%.2f s)", $1, $2 + $3 }' "$work/time"
}

printf '%-9s %-9s %-9s %-22s %-22s\n' citations found "text MB" "export tei: wall (CPU)" "check: wall (CPU)"
for n in "$@"; do
    dir="$work/w$n"
    mkdir -p "$dir"
    python3 - "$n" > "$dir/long.txt" <<'PY'
import sys
n = int(sys.argv[1])
names = ["Kaya", "Demir", "Yılmaz", "Şahin", "Çelik", "Aksoy", "Arslan", "Doğan", "Kılıç", "Aslan",
         "Koç", "Kurt", "Özdemir", "Aydın", "Öztürk", "Yıldız", "Erdoğan", "Polat", "Güneş", "Tekin"]
works = [(names[a % 20], 1990 + a // 20) for a in range(200)]
out = []
for i in range(n):
    name, year = works[i % 200]
    if i % 2:
        out.append(f"Bu bulgu {i} numaralı gözlemle uyumludur ({name}, {year}: {i % 300 + 1}). ")
    else:
        out.append(f"Bu konuyu {name} ({year}, s. {i % 300 + 1}) ayrıntılı biçimde ele almıştır. ")
    if i % 10 == 9:
        out.append("\n\n")
out.append("\n\nKaynakça\n\n")
for a, (name, year) in enumerate(works):
    out.append(f"{name}, A. ({year}). Çalışma başlığı {a}. Dergi Adı, {a % 40 + 1}(2), 1-20.\n\n")
sys.stdout.write("".join(out))
PY
    (cd "$dir" && "$GLOSS" init > /dev/null && "$GLOSS" add long.txt > /dev/null)
    found=$(cd "$dir" && "$GLOSS" cites --format jsonl | wc -l)
    size=$(du -m "$dir/long.txt" | cut -f1)
    (cd "$dir" && "$GLOSS" check > /dev/null 2>&1 || true)   # warm: the scan is cached, as a second check finds it
    tei=$(cd "$dir" && seconds "$GLOSS" export tei long -o "$dir/out.xml")
    rm -rf "$dir/.gloss-cache/checks"   # the rules run, not a cached result (the detections stay cached)
    check=$(cd "$dir" && seconds "$GLOSS" check)
    printf '%-9s %-9s %-9s %-22s %-22s\n' "$n" "$found" "$size" "$tei" "$check"
    rm -rf "$dir"
done
