"""The demo's second crawl: after the first crawl the server switches to phase 2 (some articles edited,
their index dates moved on) and the corpus is crawled again, so `newsclaims demo` shows corrections.

Why a subprocess: Twisted's reactor cannot be restarted, so one process runs at most one crawl (see
`newsclaims.jobs.crawl`). The second crawl is `newsclaims crawl demo` with the same database, the same
loopback profile and the user's own `-s` overrides, run by the same Python with the same environment.
"""
from __future__ import annotations

import subprocess
import sys

from newsclaims.errors import NewsclaimsError


class RecrawlFailed(NewsclaimsError):
    """The demo's phase-2 crawl exited non-zero (its own lines on stderr said why)."""


def recrawl_command(db_path: str, profile: dict, overrides=(), *, quiet: bool = False) -> list[str]:
    """The argv of the phase-2 crawl: `newsclaims crawl demo --db DB -s NAME=VALUE ...` (profile first,
    so the user's overrides win, as they do in the first crawl)."""
    settings = [arg for name, value in profile.items() for arg in ("-s", f"{name}={value}")]
    settings += [arg for item in overrides for arg in ("-s", item)]
    return [sys.executable, "-m", "newsclaims", "crawl", "demo", "--db", str(db_path), *settings,
            *(["-q"] if quiet else [])]


def recrawl_demo(db_path: str, profile: dict, overrides=(), *, quiet: bool = False) -> None:
    """Crawl the demo story again, in a child process; its output goes where this process's goes."""
    result = subprocess.run(recrawl_command(db_path, profile, overrides, quiet=quiet), check=False)
    if result.returncode != 0:
        raise RecrawlFailed(f"the demo's second crawl (phase 2) exited with status {result.returncode}; "
                            "run `newsclaims demo -v` to see its log")
