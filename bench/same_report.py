"""Check that a restructure left the demo's report.json unchanged: run `newsclaims demo` on a git ref and
on this tree, and compare the two reports.

A restructure must not change what newsclaims reports, and the demo is the one run that exercises every
stage (serve, crawl, extract, store, analyse, report) on fixed input. So this runs the demo twice, each
with only its own tree on PYTHONPATH and the same python: first a temporary `git worktree` of REF
(default `main`), then this working tree as it is (uncommitted changes included). Outputs and databases
go to a temporary directory, never into a repository, and the worktree is removed afterwards.

What differs between any two runs, even of the same code, is dropped before comparing (see `normalise`):
the report's `generated_at`, `review.last_run`, and the values that come from the run rather than the
corpus (fetch times, database row ids and the flag ids hashed from them).

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

#: Keys dropped wherever they appear: they come from the run, not from the corpus. `fetched_at` is the
#: crawl's clock; `version_id` is a database row id (it follows crawl order); `flag_id` is a hash over
#: row ids (`store.flag_key`), so it changes with them.
RUN_KEYS = frozenset({"fetched_at", "version_id", "flag_id"})
#: How many differing paths to print.
SHOWN = 12


class DemoFailed(Exception):
    """A `newsclaims demo` run exited non-zero or wrote no report.json."""


def normalise(report: dict) -> dict:
    """The report without what changes from run to run.

    `generated_at` and `review.last_run` are times of this run; `review.new_since_last_run` lists flag
    ids, so only its length is kept (a fresh database makes every flag new, so the count still says
    something). RUN_KEYS are dropped at any depth.
    """
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in RUN_KEYS}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    out = strip(report)
    out.pop("generated_at", None)
    review = out.get("review")
    if isinstance(review, dict):
        review.pop("last_run", None)
        if isinstance(review.get("new_since_last_run"), list):
            review["new_since_last_run"] = len(review["new_since_last_run"])
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?", default="main", help="git ref to compare against (default: main)")
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter for both runs (default: the one running this script)")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="same-report-"))
    try:
        with temporary_worktree(args.ref, tmp) as ref_tree:
            old = run_demo(ref_tree, args.python, tmp / "ref-run")
        new = run_demo(ROOT, args.python, tmp / "this-run")
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
