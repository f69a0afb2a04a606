"""Turns a folder of UTF-8 text files into a corpus for count_cited_works.py: JSON Lines
{"id": FILE NAME WITHOUT .txt, "text": ...}, dealt round-robin over SHARDS files.

    python texts_to_jsonl.py TEXTS_DIR CORPUS_DIR --shards 4
"""

import argparse
import json
import pathlib


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", type=pathlib.Path, help="a folder of *.txt files")
    parser.add_argument("corpus", type=pathlib.Path, help="a folder to write shard-NNNNN.jsonl into")
    parser.add_argument("--shards", type=int, default=4)
    args = parser.parse_args()

    args.corpus.mkdir(parents=True, exist_ok=True)
    shards = [open(args.corpus / f"shard-{n:05d}.jsonl", "w", encoding="utf-8") for n in range(args.shards)]
    try:
        for index, path in enumerate(sorted(args.texts.glob("*.txt"))):
            line = json.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")}, ensure_ascii=False)
            shards[index % args.shards].write(line + "\n")
    finally:
        for shard in shards:
            shard.close()


if __name__ == "__main__":
    main()
