#!/usr/bin/env python3
"""The bib round trip (issue 23): a .bib file of N entries read and written back, by Gloss
(`gloss bib import` into a fresh workspace, then `gloss export biblatex`), by bibtexparser v2 and
by pybtex (baseline.py), interleaved round by round; the median of the rounds is reported, as
wall-clock seconds and as CPU seconds (user + system of the processes run: the fairer figure on a
machine others load).

usage: [GLOSS=path/to/gloss] [PYTHON=python with bibtexparser and pybtex] run.py [--rounds R] [N ...]
Without GLOSS it builds the release gloss first. Sizes default to 10000 and 40000."""
import argparse, os, resource, shutil, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))

def cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

def timed(commands):
    """Wall-clock and CPU seconds of running `commands` one after the other."""
    start, start_cpu = time.perf_counter(), cpu()
    for command, cwd in commands:
        subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, cpu() - start_cpu

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
        print(f"{'entries':>8} {'gloss s':>8} {'bibtexparser s':>15} {'pybtex s':>9} {'gloss µs/entry':>15} "
              f"{'vs bibtexparser':>16} {'vs pybtex':>10}   (wall / CPU)")
        for n in args.sizes:
            source = os.path.join(work, f"in-{n}.bib")
            with open(source, "w", encoding="utf-8") as out:
                subprocess.run([sys.executable, os.path.join(here, "make-bib.py"), str(n)], stdout=out, check=True)
            times = {"gloss": [], "bibtexparser": [], "pybtex": []}
            for _ in range(args.rounds):
                workspace = os.path.join(work, "ws")
                shutil.rmtree(workspace, ignore_errors=True)
                subprocess.run([gloss, "init", workspace], check=True, stdout=subprocess.DEVNULL)
                times["gloss"].append(timed([([gloss, "bib", "import", source], workspace),
                                             ([gloss, "export", "biblatex", "-o", os.path.join(work, "gloss.bib")], workspace)]))
                for tool in ("bibtexparser", "pybtex"):
                    times[tool].append(timed([([python, os.path.join(here, "baseline.py"), tool, source,
                                                os.path.join(work, f"{tool}.bib")], None)]))
            def median(tool, which):
                return statistics.median(t[which] for t in times[tool])
            for which, name in ((0, "wall"), (1, "CPU")):
                g, b, p = median("gloss", which), median("bibtexparser", which), median("pybtex", which)
                print(f"{n:>8} {g:>8.2f} {b:>15.2f} {p:>9.2f} {g / n * 1e6:>15.0f} {b / g:>15.1f}× {p / g:>9.1f}×   {name}",
                      flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
