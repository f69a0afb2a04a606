#!/usr/bin/env python3
"""The bib round trip (issue 23): a .bib file of N entries read and written back, by Gloss
(`gloss bib import` into a fresh workspace, then `gloss export biblatex`), by bibtexparser v2 and
by pybtex (baseline.py), interleaved round by round; the median of the rounds is reported.

usage: [GLOSS=path/to/gloss] [PYTHON=python with bibtexparser and pybtex] run.py [--rounds R] [N ...]
Without GLOSS it builds the release gloss first. Sizes default to 10000 and 40000."""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))

def timed(command, **kwargs):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - start

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("sizes", nargs="*", type=int, default=[10000, 40000])
    args = parser.parse_args()
    gloss = os.environ.get("GLOSS")
    if not gloss:
        subprocess.run(["swift", "build", "-c", "release", "--product", "gloss"], cwd=root, check=True)
        gloss = os.path.join(root, ".build", "release", "gloss")
    python = os.environ.get("PYTHON", sys.executable)
    work = tempfile.mkdtemp(prefix="gloss-bib-bench-")
    try:
        print(f"{'entries':>8} {'gloss s':>9} {'bibtexparser s':>15} {'pybtex s':>9} {'µs/entry':>9} {'vs bibtexparser':>16} {'vs pybtex':>10}")
        for n in args.sizes:
            source = os.path.join(work, f"in-{n}.bib")
            with open(source, "w", encoding="utf-8") as out:
                subprocess.run([sys.executable, os.path.join(here, "make-bib.py"), str(n)], stdout=out, check=True)
            times = {"gloss": [], "bibtexparser": [], "pybtex": []}
            for _ in range(args.rounds):
                workspace = os.path.join(work, "ws")
                shutil.rmtree(workspace, ignore_errors=True)
                subprocess.run([gloss, "init", workspace], check=True, stdout=subprocess.DEVNULL)
                start = time.perf_counter()
                subprocess.run([gloss, "bib", "import", source], cwd=workspace, check=True, stdout=subprocess.DEVNULL)
                subprocess.run([gloss, "export", "biblatex", "-o", os.path.join(work, "gloss.bib")], cwd=workspace,
                               check=True, stdout=subprocess.DEVNULL)
                times["gloss"].append(time.perf_counter() - start)
                for tool in ("bibtexparser", "pybtex"):
                    times[tool].append(timed([python, os.path.join(here, "baseline.py"), tool, source,
                                              os.path.join(work, f"{tool}.bib")]))
            g, b, p = (statistics.median(times[k]) for k in ("gloss", "bibtexparser", "pybtex"))
            print(f"{n:>8} {g:>9.2f} {b:>15.2f} {p:>9.2f} {g / n * 1e6:>9.0f} {b / g:>15.1f}× {p / g:>9.1f}×", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
