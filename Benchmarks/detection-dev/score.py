#!/usr/bin/env python3
"""Scores `gloss cites` on the detection development set.

    python3 score.py [--gloss PATH] [--show N]

Imports texts/*.txt into a temporary workspace (gloss init, gloss add --id NAME), runs
`gloss cites --format jsonl` and compares with gold.jsonl: a citation is found when a predicted
span has exactly its start and end. Prints P/R/F1 overall, by language (the file name's prefix)
and by kind, item author/year accuracy over the found ones, the misses and the spurious ones,
and last the line `detection-dev: P=… R=… F1=…`.
"""
import argparse, collections, glob, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr}")
    return p.stdout


def prf(tp, npred, ngold):
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def norm(v):
    return None if v is None else " ".join(str(v).replace("\u2019", "'").split()).casefold()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gloss", default=os.environ.get("GLOSS") or shutil.which("gloss"))
    ap.add_argument("--show", type=int, default=40)
    args = ap.parse_args()
    if not args.gloss:
        sys.exit("score.py: no gloss (use --gloss PATH or GLOSS=PATH)")
    names = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(HERE, "texts", "*.txt")))
    ws = tempfile.mkdtemp(prefix="gloss-devset-")
    try:
        run([args.gloss, "init", ws])
        for name in names:
            run([args.gloss, "add", "--workspace", ws, os.path.join(HERE, "texts", name + ".txt"), "--id", name])
        out = run([args.gloss, "cites", "--workspace", ws, "--format", "jsonl"])
    finally:
        shutil.rmtree(ws, ignore_errors=True)
    pred = [json.loads(l) for l in out.splitlines() if l.strip()]
    with open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") as f:
        gold = [json.loads(l) for l in f if l.strip()]
    gkey = {(g["source"], g["start"], g["end"]): g for g in gold}
    pkey = {(p["source"], p["start"], p["end"]): p for p in pred}
    tp = set(gkey) & set(pkey)
    groups = collections.defaultdict(lambda: [0, 0, 0])
    for k in gkey:
        lang = k[0].split("-")[0]
        groups["lang " + lang][1] += 1
        groups["kind " + gkey[k]["kind"]][1] += 1
        if k in tp:
            groups["lang " + lang][0] += 1
            groups["kind " + gkey[k]["kind"]][0] += 1
    for k in pkey:
        groups["lang " + k[0].split("-")[0]][2] += 1
        groups["kind " + pkey[k]["kind"]][2] += 1
    fields = {"author": [0, 0], "year": [0, 0], "locator": [0, 0], "ref": [0, 0]}
    for k in tp:
        for j, g in enumerate(gkey[k]["items"]):
            p = pkey[k]["items"][j] if j < len(pkey[k]["items"]) else {}
            for f in fields:
                fields[f][1] += 1
                fields[f][0] += norm(g.get(f)) == norm(p.get(f))
    print(f"gold {len(gkey)}  predicted {len(pkey)}  exact {len(tp)}")
    for name, (hit, ngold, npred) in sorted(groups.items()):
        p, r, f = prf(hit, npred, ngold)
        print(f"  {name:22s} gold {ngold:3d} pred {npred:3d}  P={p:.3f} R={r:.3f} F1={f:.3f}")
    for f, (ok, tot) in fields.items():
        if tot:
            print(f"  item {f:7s} {ok}/{tot} = {ok / tot:.3f}")
    for title, keys, src in (("missed", sorted(set(gkey) - tp), gkey), ("spurious", sorted(set(pkey) - tp), pkey)):
        if keys:
            print(f"{title} ({len(keys)}):")
            for k in keys[:args.show]:
                print(f"  {k[0]} {k[1]}-{k[2]} {src[k]['text'][:90]!r}")
    p, r, f = prf(len(tp), len(pkey), len(gkey))
    print(f"detection-dev: P={p:.3f} R={r:.3f} F1={f:.3f}")


if __name__ == "__main__":
    main()
