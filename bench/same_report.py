"""Check that a restructure left the demo's report.json unchanged: the same crawled database, analysed
and reported by a git ref and by this tree, gives the same report.

A restructure must not change what newsclaims reports. Two crawls of the demo differ in what they cannot
control (fetch times, and row ids that follow crawl order), so the comparison holds the crawl fixed:
`newsclaims demo` runs once with a temporary `git worktree` of REF (default `main`); its database is
copied twice; REF and this working tree (uncommitted changes included) each run `analyse --force` and
`report` on one copy, each with only its own tree on PYTHONPATH and the same python. Everything is
compared, flag ids and version ids included; only the report's times of the run (`generated_at`,
`review.last_run`, `provenance.analysed_at`) and the ruleset version each tree declares are dropped, so
no ruleset needs setting back to compare. Outputs and databases go to a temporary directory, never into
a repository.

    python bench/same_report.py            # against main
    python bench/same_report.py crawler    # against another branch, tag or commit

Prints `same report.json as REF` (exit 0), or the first differing paths (exit 1). Exit 2 when a demo run
fails (for example, when another process holds the demo's fixed ports 18301-18308: the two runs take
turns, never overlap).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: How many differing paths to print.
SHOWN = 12


class DemoFailed(Exception):
    """A `newsclaims demo` run exited non-zero or wrote no report.json."""


def normalise(report: dict) -> dict:
    """The report without the times of the run that wrote it (`generated_at`, `review.last_run`,
    `provenance.analysed_at`) and without the ruleset version each tree declares (`provenance.ruleset`,
    printed apart: a change of rules bumps it whether or not the demo's report moves)."""
    out = json.loads(json.dumps(report))
    out.pop("generated_at", None)
    if isinstance(out.get("review"), dict):
        out["review"].pop("last_run", None)
    if isinstance(out.get("provenance"), dict):
        out["provenance"].pop("analysed_at", None)
        out["provenance"].pop("ruleset", None)
    return out


def differences(old, new, path: str = "") -> Iterator[str]:
    """One line per differing path, depth first in document order (`old` is the ref, `new` this tree)."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(old) + [k for k in new if k not in old]:
            here = f"{path}.{key}"
            if key not in new:
                yield f"{here}: only in ref ({_short(old[key])})"
            elif key not in old:
                yield f"{here}: only here ({_short(new[key])})"
            else:
                yield from differences(old[key], new[key], here)
    elif isinstance(old, list) and isinstance(new, list):
        for i, (a, b) in enumerate(zip(old, new)):
            yield from differences(a, b, f"{path}[{i}]")
        if len(old) != len(new):
            yield f"{path}: {len(old)} items in ref, {len(new)} here"
    elif old != new or type(old) is not type(new):
        yield f"{path or '.'}: ref {_short(old)}, here {_short(new)}"


def _short(value, limit: int = 70) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[:limit - 3] + "..."


@contextlib.contextmanager
def temporary_worktree(ref: str, parent: Path) -> Iterator[Path]:
    """A detached `git worktree` of `ref` under `parent`, removed (and unregistered) on exit."""
    commit = _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    if not commit:
        raise SystemExit(f"error: {ref!r} is not a commit in {ROOT}; pass a branch, tag or commit")
    tree = parent / "ref-tree"
    _git("worktree", "add", "--detach", "--quiet", str(tree), commit)
    try:
        yield tree
    finally:
        _git("worktree", "remove", "--force", str(tree), check=False)


def _git(*args: str, check: bool = True) -> str:
    result = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise SystemExit(f"error: git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout.strip() if result.returncode == 0 else ""


def run_demo(tree: Path, python: str, workdir: Path) -> dict:
    """Run `newsclaims demo` from `tree` into `workdir` (fresh database, own output dir); its report.json.

    PYTHONPATH is `tree` alone so that tree's packages win over anything installed; the working
    directory is `workdir` so that nothing can land in a repository.
    """
    workdir.mkdir(parents=True)
    out = workdir / "out"
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop("NEWSCLAIMS_DB_PATH", None)
    command = [python, "-m", "newsclaims", "demo", "--output-dir", str(out), "--db", str(workdir / "demo.db")]
    result = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True, timeout=900)
    report = out / "report.json"
    if result.returncode != 0 or not report.is_file():
        tail = (result.stderr or result.stdout).strip().splitlines()[-15:]
        raise DemoFailed(f"newsclaims demo in {tree} failed (exit {result.returncode}):\n  " + "\n  ".join(tail))
    return json.loads(report.read_text(encoding="utf-8"))


def analyse_and_report(tree: Path, python: str, database: Path, workdir: Path) -> dict:
    """`newsclaims analyse` then `report --format json` of the demo story, from `tree`, on `database`."""
    workdir.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop("NEWSCLAIMS_DB_PATH", None)
    config = str(tree / "data" / "stories" / "demo.toml")
    report = workdir / "report.json"
    # --force: each tree analyses the crawl itself; without it, a tree declaring the ruleset the demo run
    # stored would report that run's results, and the comparison would test the report code only.
    for command in (["analyse", config, "--db", str(database), "-q", "--force"],
                    ["report", config, "--db", str(database), "--format", "json", "-o", str(report)]):
        result = subprocess.run([python, "-m", "newsclaims", *command], cwd=workdir, env=env, capture_output=True,
                                text=True, timeout=900)
        if result.returncode != 0:
            tail = (result.stderr or result.stdout).strip().splitlines()[-15:]
            raise DemoFailed(f"newsclaims {command[0]} in {tree} failed (exit {result.returncode}):\n  "
                             + "\n  ".join(tail))
    return json.loads(report.read_text(encoding="utf-8"))


def _copy_database(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's backup API (the WAL is folded in)."""
    import sqlite3

    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?", default="main", help="git ref to compare against (default: main)")
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter for both runs (default: the one running this script)")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="same-report-"))
    try:
        with temporary_worktree(args.ref, tmp) as ref_tree:
            run_demo(ref_tree, args.python, tmp / "crawl")
            crawled = tmp / "crawl" / "demo.db"
            old = analyse_and_report(ref_tree, args.python, _copy_database(crawled, tmp / "ref.db"), tmp / "ref-run")
            new = analyse_and_report(ROOT, args.python, _copy_database(crawled, tmp / "this.db"), tmp / "this-run")
    except DemoFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    found = list(differences(normalise(old), normalise(new)))
    if not found:
        print(f"same report.json as {args.ref}")
        return 0
    print(f"report.json differs from {args.ref} at {len(found)} path(s); first {min(len(found), SHOWN)}:")
    for line in found[:SHOWN]:
        print(f"  {line}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
