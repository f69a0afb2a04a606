#!/usr/bin/env python3
"""Kills Gloss's writing commands with SIGKILL at random moments and checks what they leave (issue 21).

For each command — `add` (two texts at once), TEI import (`add FILE.xml` of a Gloss export with
claims, links and records), `bib import` (a file of several records), `claim add`, and `add --revise`
(a rejected citation must follow its text to each new revision) — RUNS times:

1. start the command on fresh input, wait a random time (uniform between 0 and 1.5 times the
   command's own uninterrupted duration, measured first), SIGKILL it if it still runs; a command
   that exited 0 before that is an *acknowledged* write;
2. every JSON file of the workspace must parse (`corrupt` otherwise);
3. the same command on other input runs to completion (the *next command*: it takes the workspace
   lock, which recovers what a killed writer left); it must exit 0, and afterwards no temporary
   file (`.NAME.tmp-PID-N`) or journal may be left (`leftovers`);
4. every acknowledged write so far must be there, whole (`lost`); the killed command's write must be
   all there or not there at all — both texts of an `add`, the source with all of its annotations
   and records of a TEI import, every record of a `bib import` (`half`);
5. `gloss check` must run (exit 0 or 1: findings are no failure; `check failed` otherwise).

A workspace serves CHAIN runs in a row (acknowledged writes accumulate across them), then a fresh
copy of the base workspace (`gloss init` and the repository's seed sources) is taken.

    Benchmarks/crash-safety/kill9.py [--runs 1000] [--gloss .build/release/gloss] [--commands add,tei,bib,claim]

Prints one line a command with the counts, and exits 1 when any of them is not 0.
"""
import argparse
import glob
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(gloss, args, cwd, check=True):
    """Runs gloss to completion; returns (exit status, stdout, stderr)."""
    done = subprocess.run([gloss] + args, cwd=cwd, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise RuntimeError(f"gloss {' '.join(args)} exited {done.returncode}: {done.stderr.strip()}")
    return done.returncode, done.stdout, done.stderr


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Workspace:
    """A workspace folder and what its files say."""

    def __init__(self, root):
        self.root = root

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def json_files(self):
        return [p for p in glob.glob(self.path("**", "*.json"), recursive=True)]

    def leftovers(self):
        found = []
        for folder in ["sources", "annotations", ".gloss-cache"]:
            for name in os.listdir(self.path(folder)) if os.path.isdir(self.path(folder)) else []:
                if ".tmp-" in name or name in ("journal.json", "import-journal.json", "import-library.json",
                                               "import-annotations.json"):
                    found.append(os.path.join(folder, name))
        return found

    def source(self, id):
        """(sidecar, text matches its sha256) of a source, or None when it has no sidecar."""
        sidecar = self.path("sources", id + ".json")
        if not os.path.exists(sidecar):
            return None
        meta = read_json(sidecar)
        last = meta["revisions"][-1]
        with open(self.path("sources", last["file"]), "rb") as f:
            ok = hashlib.sha256(f.read()).hexdigest() == meta["sha256"]
        return meta, ok

    def has_text(self, id):
        return os.path.exists(self.path("sources", id + ".txt"))

    def annotations(self, id):
        p = self.path("annotations", id + ".json")
        return read_json(p) if os.path.exists(p) else None

    def library_ids(self):
        p = self.path("annotations", "library.json")
        return {r["id"] for r in read_json(p)} if os.path.exists(p) else set()


class Command:
    """One writing command under test: its input for run `n`, and what its write must leave."""

    name = ""

    def __init__(self, gloss, scratch):
        self.gloss = gloss
        self.scratch = scratch

    def setup(self, ws):
        """Called on each fresh workspace."""

    def args(self, n):
        raise NotImplementedError

    def state(self, ws, n):
        """'whole', 'absent' or a string saying what is half there."""
        raise NotImplementedError


class Add(Command):
    name = "add"

    def args(self, n):
        paths = []
        for part in ("a", "b"):
            p = os.path.join(self.scratch, f"run{n}{part}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(f"Metin {n}{part}: bu görüş yaygındır (Kaya, {1950 + n % 70}: {n % 90 + 1}).\n" * (50 + n % 200))
            paths.append(p)
        return ["add"] + paths

    def state(self, ws, n):
        parts = []
        for part in ("a", "b"):
            id = f"run{n}{part}"
            found = ws.source(id)
            if found is None:
                parts.append("text without sidecar" if ws.has_text(id) else "absent")
            else:
                parts.append("whole" if found[1] else "text does not match sidecar")
        if parts == ["whole", "whole"]:
            return "whole"
        if parts == ["absent", "absent"]:
            return "absent"
        return f"a: {parts[0]}, b: {parts[1]}"


class TEIImport(Command):
    """`gloss add export.xml --id ID`: a Gloss TEI export (claims, links, records) imported again."""

    name = "tei"

    def __init__(self, gloss, scratch, base):
        super().__init__(gloss, scratch)
        self.tei = os.path.join(scratch, "export.tei.xml")
        seed = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(base, "sources", "*.json")))[0]
        run(gloss, ["export", "tei", seed, "-o", self.tei], base)
        probe = os.path.join(scratch, "probe")
        shutil.copytree(base, probe)
        run(gloss, ["add", self.tei, "--id", "probe"], probe)
        ws = Workspace(probe)
        self.claims = len((ws.annotations("probe") or {}).get("claims", []))
        self.manual = len((ws.annotations("probe") or {}).get("manualCitations", []))
        self.library = ws.library_ids()
        shutil.rmtree(probe)

    def args(self, n):
        return ["add", self.tei, "--id", f"tei{n}"]

    def state(self, ws, n):
        id = f"tei{n}"
        found = ws.source(id)
        notes = ws.annotations(id)
        if found is None:
            if ws.has_text(id) or notes is not None:
                return "text or annotations without a sidecar"
            return "absent"
        if not found[1]:
            return "text does not match sidecar"
        if notes is None or len(notes.get("claims", [])) != self.claims or len(notes.get("manualCitations", [])) != self.manual:
            return "annotations missing or short"
        if not self.library <= ws.library_ids():
            return "records missing"
        return "whole"


class BibImport(Command):
    name = "bib"
    records = 12

    def args(self, n):
        p = os.path.join(self.scratch, f"run{n}.bib")
        with open(p, "w", encoding="utf-8") as f:
            for j in range(self.records):
                f.write(f"@article{{run{n}r{j},\n  author = {{Kaya, Ali and Demir, Ayşe}},\n"
                        f"  title = {{Run {n} record {j}: bir çalışma}},\n  journal = {{Dergi}},\n"
                        f"  year = {{{1950 + (n + j) % 70}}},\n  volume = {{{j + 1}}},\n  pages = {{1--{n + 2}}}\n}}\n\n")
        return ["bib", "import", p]

    def state(self, ws, n):
        have = ws.library_ids()
        count = sum(f"run{n}r{j}" in have for j in range(self.records))
        if count == self.records:
            return "whole"
        return "absent" if count == 0 else f"{count} of {self.records} records"


class ClaimAdd(Command):
    name = "claim"

    def setup(self, ws):
        seeds = sorted(os.path.basename(p)[:-5] for p in glob.glob(ws.path("sources", "*.json")))
        self.source = seeds[0]
        self.length = read_json(ws.path("sources", self.source + ".json"))["length"]

    def args(self, n):
        start = random.randrange(0, self.length - 200)
        return ["claim", "add", self.source, "--span", f"{start}..{start + 40 + n % 150}", "--tag", f"run{n}"]

    def state(self, ws, n):
        tag = {"purpose": "tagging", "type": "TextualBody", "value": f"run{n}"}
        claims = [c for c in (ws.annotations(self.source) or {}).get("claims", []) if tag in c.get("body", [])]
        return {0: "absent", 1: "whole"}.get(len(claims), f"{len(claims)} claims")


class Revise(Command):
    """`gloss add --revise SOURCE FILE`: each revision puts a line before the text, which moves
    every span; a rejected citation must follow its text to every revision stored."""

    name = "revise"

    def setup(self, ws):
        self.source = sorted(os.path.basename(p)[:-5] for p in glob.glob(ws.path("sources", "*.json")))[0]
        _, out, _ = run(self.gloss, ["cites", self.source, "--format", "jsonl"], ws.root)
        first = json.loads(out.splitlines()[0])
        self.rejected = first["text"]
        run(self.gloss, ["cite", "reject", first["id"]], ws.root)

    def current_text(self, ws):
        meta = read_json(ws.path("sources", self.source + ".json"))
        with open(ws.path("sources", meta["revisions"][-1]["file"]), encoding="utf-8") as f:
            return f.read()

    def args(self, n):
        p = os.path.join(self.scratch, f"revision{n}.txt")
        with open(p, "w", encoding="utf-8") as f:
            f.write(f"Ek satır {n}.\n" + self.current_text(Workspace(self.root)))
        return ["add", "--revise", self.source, p]

    def state(self, ws, n):
        meta, ok = ws.source(self.source)
        if not ok:
            return "text does not match sidecar"
        text = self.current_text(ws)
        rejected = (ws.annotations(self.source) or {}).get("rejectedCitations", [])
        if len(rejected) != 1:
            return f"{len(rejected)} rejections"
        start, end = (int(x) for x in rejected[0].rsplit(":", 1)[1].split("-"))
        if text[start:end] != self.rejected:
            return f"the rejection names {text[start:end]!r}, not {self.rejected!r}"
        for revision in meta["revisions"]:
            with open(ws.path("sources", revision["file"]), encoding="utf-8") as f:
                if f.read().startswith(f"Ek satır {n}.\n"):
                    return "whole"
        return "absent"


def measure(gloss, base, command, scratch):
    """The command's uninterrupted duration (median of three) on a copy of the base workspace."""
    times = []
    for k in range(3):
        ws = os.path.join(scratch, f"measure{k}")
        shutil.copytree(base, ws)
        command.root = ws
        command.setup(Workspace(ws))
        args = command.args(10_000_000 + k)
        start = time.monotonic()
        run(gloss, args, ws)
        times.append(time.monotonic() - start)
        shutil.rmtree(ws)
    return sorted(times)[1]


def exercise(gloss, base, command, runs, chain, scratch, progress=False):
    duration = measure(gloss, base, command, scratch)
    counts = dict(runs=0, killed=0, acknowledged=0, corrupt=0, lost=0, half=0, leftovers=0, failed_next=0, check_failed=0)
    problems = []
    ws = None
    acknowledged = []
    n = 0
    for i in range(runs):
        if i % chain == 0:
            if ws:
                shutil.rmtree(ws.root)
            ws = Workspace(os.path.join(scratch, f"ws-{command.name}"))
            shutil.copytree(base, ws.root)
            command.root = ws.root
            command.setup(ws)
            acknowledged = []
        n += 1
        killed_n = n
        args = command.args(killed_n)
        process = subprocess.Popen([gloss] + args, cwd=ws.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(random.uniform(0, 1.5 * duration))
        status = process.poll()
        if status is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            counts["killed"] += 1
        elif status == 0:
            acknowledged.append(killed_n)
            counts["acknowledged"] += 1
        counts["runs"] += 1

        for path in ws.json_files():
            try:
                read_json(path)
            except (ValueError, UnicodeDecodeError) as error:
                counts["corrupt"] += 1
                problems.append(f"run {i}: {os.path.relpath(path, ws.root)} does not parse: {error}")

        n += 1
        status, _, stderr = run(gloss, command.args(n), ws.root, check=False)
        if status != 0:
            counts["failed_next"] += 1
            problems.append(f"run {i}: the next command exited {status}: {stderr.strip()}")
        else:
            acknowledged.append(n)
        left = ws.leftovers()
        if left:
            counts["leftovers"] += 1
            problems.append(f"run {i}: left after the next command: {', '.join(left)}")

        for done in acknowledged:
            state = command.state(ws, done)
            if state != "whole":
                counts["lost"] += 1
                problems.append(f"run {i}: acknowledged write {done}: {state}")
        if killed_n not in acknowledged:
            state = command.state(ws, killed_n)
            if state not in ("whole", "absent"):
                counts["half"] += 1
                problems.append(f"run {i}: killed write: {state}")
        acknowledged = sorted(set(acknowledged))

        status, _, stderr = run(gloss, ["check", "--fail-on", "never"], ws.root, check=False)
        if status != 0:
            counts["check_failed"] += 1
            problems.append(f"run {i}: gloss check exited {status}: {stderr.strip()}")
        if progress and (i + 1) % 100 == 0:
            print(f"  {command.name}: {i + 1} runs, " + ", ".join(f"{k} {v}" for k, v in counts.items() if k != "runs"),
                  file=sys.stderr, flush=True)
    if ws:
        shutil.rmtree(ws.root)
    return duration, counts, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1000, help="kills per command (default 1000)")
    parser.add_argument("--gloss", default=os.path.join(REPO, ".build", "release", "gloss"))
    parser.add_argument("--commands", default="add,tei,bib,claim,revise")
    parser.add_argument("--chain", type=int, default=25, help="runs on one workspace before a fresh copy")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--progress", action="store_true", help="print the counts every 100 runs (stderr)")
    parser.add_argument("--seeds", type=int, default=2, help="seed sources in the base workspace")
    options = parser.parse_args()
    gloss = os.path.abspath(options.gloss)
    if options.seed is not None:
        random.seed(options.seed)
    scratch = tempfile.mkdtemp(prefix="gloss-kill9-")
    try:
        base = os.path.join(scratch, "base")
        os.makedirs(base)
        run(gloss, ["init"], base)
        texts = sorted(glob.glob(os.path.join(REPO, "sources", "*.txt")))[: options.seeds]
        run(gloss, ["add"] + texts, base)
        first = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(base, "sources", "*.json")))[0]
        run(gloss, ["claim", "add", first, "--span", "100..180", "--tag", "base"], base)
        makers = {"add": lambda: Add(gloss, scratch), "tei": lambda: TEIImport(gloss, scratch, base),
                  "bib": lambda: BibImport(gloss, scratch), "claim": lambda: ClaimAdd(gloss, scratch),
                  "revise": lambda: Revise(gloss, scratch)}
        failed = False
        print(f"{'command':8} {'runs':>5} {'killed':>6} {'acked':>6} {'lost':>5} {'corrupt':>7} {'half':>5} "
              f"{'leftover':>8} {'next!=0':>7} {'check!':>6}  duration")
        for name in options.commands.split(","):
            command = makers[name]()
            duration, c, problems = exercise(gloss, base, command, options.runs, options.chain, scratch, options.progress)
            print(f"{name:8} {c['runs']:>5} {c['killed']:>6} {c['acknowledged']:>6} {c['lost']:>5} {c['corrupt']:>7} "
                  f"{c['half']:>5} {c['leftovers']:>8} {c['failed_next']:>7} {c['check_failed']:>6}  {duration * 1000:.0f} ms",
                  flush=True)
            for problem in problems[:20]:
                print("   ", problem)
            failed = failed or bool(problems)
        sys.exit(1 if failed else 0)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
