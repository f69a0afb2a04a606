#!/bin/sh
# libFuzzer targets for Gloss (issue 21). From this folder:
#
#   ./fuzz.sh build                      build every target with -sanitize=fuzzer (release, in .build/)
#   ./fuzz.sh seeds                      make the seed corpora in corpus/TARGET/ (from ../sources, ../Tests/Fixtures)
#   ./fuzz.sh run TARGET [SECONDS] [libFuzzer flags...]
#                                        fuzz TARGET (FuzzScanner, FuzzFootnotes, FuzzReferences, FuzzBibTeX,
#                                        FuzzTEI) for SECONDS (default 3600), niced, on one core; new inputs go
#                                        to corpus/TARGET/, crashes to crashes/TARGET/
#   ./fuzz.sh cpu TARGET SECONDS [libFuzzer flags...]
#                                        as run, but stops (SIGINT, final stats printed) once the fuzzer has
#                                        used SECONDS of CPU time: on a shared machine, an hour of one core
#   ./fuzz.sh all [SECONDS]              seeds, then every target in turn
#
# A crash found is kept as a regression test in the main package's suites (see README.md).
set -eu
cd "$(dirname "$0")"
TARGETS="FuzzScanner FuzzFootnotes FuzzReferences FuzzBibTeX FuzzTEI"

build() {
    # SwiftPM does not plan again when the main package gains a file: drop the plan.
    rm -f .build/release.yaml
    nice -n 10 swift build -c release --sanitize=fuzzer -Xswiftc -g
}

seeds() {
    rm -rf corpus.seed && mkdir -p corpus.seed
    for t in $TARGETS; do mkdir -p "corpus/$t" "corpus.seed/$t"; done
    # Texts: the seed articles and the eLife fixture in pieces of 4 KB (cut on line feeds), and the
    # last 16 KB of each (where the reference list and the footnotes are).
    for f in ../sources/*.txt ../Tests/Fixtures/elife06003/*.txt; do
        b=$(basename "$f" .txt)
        split -C 4096 -d -a 3 "$f" "corpus.seed/FuzzScanner/$b-"
        tail -c 16384 "$f" > "corpus.seed/FuzzReferences/$b-tail"
        tail -c 16384 "$f" > "corpus.seed/FuzzFootnotes/$b-tail"
    done
    cp corpus.seed/FuzzScanner/* corpus.seed/FuzzFootnotes/
    # XML: the TEI and JATS fixtures.
    for f in ../Tests/Fixtures/grobid/*.xml ../Tests/Fixtures/jats/*.xml; do cp "$f" "corpus.seed/FuzzTEI/$(basename "$f")"; done
    # BibTeX: a few hand-written entries, and the library of the repository's workspace when a
    # built gloss can export it (plus its TEI exports).
    cat > corpus.seed/FuzzBibTeX/hand.bib <<'BIB'
@string{dergi = "Türk Dili"}
@article{kaya2015, author = {Kaya, Ali and {Demir Holding}}, title = {Bir {\"o}rnek: \textit{başlık}},
  journal = dergi # " Dergisi", year = 2015, pages = {12--34}, doi = {10.1000/xyz}}
@book(simsir2011, author = "Şimşir, Bilal N.", title = "Azerbaycan", publisher = {TTK}, address = {Ankara}, year = {2011})
@comment{ignored}
@incollection{ru2001, author = {Иванов, И. И.}, title = {Кавказ и Закавказье}, booktitle = {Сборник}, year = {2001}, editor = {Петров, П.}}
BIB
    gloss=""
    for g in ../.build/release/gloss ../.build/debug/gloss; do [ -x "$g" ] && gloss=$(cd "$(dirname "$g")" && pwd)/gloss && break; done
    if [ -n "$gloss" ]; then
        (cd .. && "$gloss" export bibtex > Fuzz/corpus.seed/FuzzBibTeX/workspace.bib 2>/dev/null || true)
        for id in $(cd ../sources && ls *.json | sed 's/\.json$//'); do
            (cd .. && "$gloss" export tei "$id" > "Fuzz/corpus.seed/FuzzTEI/$id.tei.xml" 2>/dev/null || true)
        done
    fi
    find corpus.seed -type f -empty -delete
}

run() {
    target=$1; seconds=${2:-3600}; shift; [ $# -gt 0 ] && shift
    mkdir -p "corpus/$target" "crashes/$target"
    [ -d "corpus.seed/$target" ] || seeds
    # Texts of 4 KB keep the scanners fast enough to try many; XML documents need more room.
    case $target in FuzzTEI) len=65536 ;; FuzzBibTeX) len=16384 ;; *) len=4096 ;; esac
    # Swift's own backtracer would catch the crash first, and libFuzzer would keep no input.
    SWIFT_BACKTRACE=enable=no nice -n 15 ".build/release/$target" "corpus/$target" "corpus.seed/$target" \
        -max_total_time="$seconds" -max_len="$len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="crashes/$target/" "$@"
}

cpu() {
    target=$1; budget=$2; shift 2
    run "$target" 86400 "$@" &
    # The fuzzer is the child of nice's child: wait for it to appear.
    pid=""
    while [ -z "$pid" ] && kill -0 $! 2>/dev/null; do sleep 1; pid=$(pgrep -f "^\.build/release/$target " | head -n 1 || true); done
    ticks=$(getconf CLK_TCK)
    while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do
        used=$(awk -v t="$ticks" '{ print int(($14 + $15) / t) }' "/proc/$pid/stat" 2>/dev/null || echo 0)
        if [ "$used" -ge "$budget" ]; then kill -INT "$pid"; break; fi
        sleep 5
    done
    wait
}

case "${1:-}" in
build) build ;;
seeds) seeds ;;
run) shift; run "$@" ;;
cpu) shift; cpu "$@" ;;
all) seeds; for t in $TARGETS; do run "$t" "${2:-3600}"; done ;;
*) sed -n '2,16p' "$0"; exit 64 ;;
esac
