"""Counts citations per cited work across a corpus of texts, with Gloss running inside Spark.

The corpus is JSON Lines, one text a line: {"id": "...", "text": "..."}, sharded over any number
of files. Each partition's lines are piped through `gloss cites --stdin` (RDD.pipe), which answers
with one JSON line per in-text citation; the job then counts, for every cited work (author and
year of an author-date or narrative citation), how many citations name it and in how many texts.

    python count_cited_works.py --gloss /usr/local/bin/gloss CORPUS_DIR OUT_DIR

writes OUT_DIR (Spark's text output: part-* files) with one JSON line per work, most cited first:
{"author": "...", "year": "...", "citations": N, "texts": M}. See README.md.
"""

import argparse
import json
import shlex

from pyspark import SparkConf, SparkContext


def work_key(item):
    """The cited work of a citation item: its author lower-cased with spaces collapsed, and its
    year; None for items that do not name both (numeric references, footnote markers: they cite a
    reference list or footnote of their own text, which `gloss refs` resolves in a workspace)."""
    author, year = item.get("author"), item.get("year")
    if not author or not year:
        return None
    return (" ".join(author.lower().split()), year)


def cited_works(line):
    """(work, text id) for each item of one citation line of `gloss cites --stdin`."""
    citation = json.loads(line)
    for item in citation["items"]:
        key = work_key(item)
        if key is not None:
            yield key, citation["source"]


def count(sc, gloss, corpus, partitions=None):
    """An RDD of (work, citations, texts), most cited first (ties by work)."""
    texts = sc.textFile(corpus, minPartitions=partitions or sc.defaultParallelism)
    # checkCode: a bad input line makes gloss exit non-zero, and that fails the task and the job.
    citations = texts.pipe(shlex.join([gloss, "cites", "--stdin"]), checkCode=True)
    pairs = citations.flatMap(cited_works)
    per_work = pairs.combineByKey(
        lambda text: (1, {text}),
        lambda acc, text: (acc[0] + 1, acc[1] | {text}),
        lambda a, b: (a[0] + b[0], a[1] | b[1]),
    )
    return (per_work.map(lambda kv: (kv[0], kv[1][0], len(kv[1][1])))
            .sortBy(lambda row: (-row[1], row[0])))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a JSONL file, a folder of them, or a glob (anything sc.textFile reads)")
    parser.add_argument("output", help="a folder to create for the counts (JSON lines)")
    parser.add_argument("--gloss", default="gloss", help="the gloss binary, on every worker (default: gloss on PATH)")
    parser.add_argument("--master", default="local[*]", help="Spark master (default: local[*], all cores of this machine)")
    parser.add_argument("--partitions", type=int, help="at least this many partitions (default: Spark's parallelism)")
    args = parser.parse_args()

    conf = (SparkConf().setAppName("gloss-cited-works").setMaster(args.master)
            .set("spark.ui.showConsoleProgress", "false"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    try:
        rows = count(sc, args.gloss, args.corpus, args.partitions)
        rows.map(lambda row: json.dumps({"author": row[0][0], "year": row[0][1], "citations": row[1], "texts": row[2]},
                                        ensure_ascii=False)).saveAsTextFile(args.output)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
