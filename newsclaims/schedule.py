"""Scheduled crawls: one crawl of a story at a time, on an interval, stoppable with SIGTERM.

The lock is an `fcntl.flock` on a file beside the database. The kernel drops it when its holder dies,
however it dies (SIGKILL included), so a crashed crawl never blocks the next one; the PID written in
the file lets the next crawl say whose stale lock it took over.
"""
from __future__ import annotations

import fcntl
import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from newsclaims.errors import LockedError

logger = logging.getLogger(__name__)

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class CrawlLocked(LockedError):
    """Raised by `CrawlLock.acquire` when another live process is crawling the same story."""


def parse_interval(text: str) -> float:
    """Seconds in an interval such as "30m", "2s", "1h30m" or "90" (seconds).

    >>> parse_interval("1h30m"), parse_interval("2s"), parse_interval("90")
    (5400.0, 2.0, 90.0)
    """
    value = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        seconds = float(value)
    else:
        parts = re.findall(r"(\d+(?:\.\d+)?)([smhd])", value)
        if not parts or "".join(n + u for n, u in parts) != value:
            raise ValueError(f"--every takes an interval such as 30m, 2s, 1h30m or 90, got {text!r}")
        seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise ValueError(f"--every must be longer than 0 seconds, got {text!r}")
    return seconds


def lock_path(db_path: str | Path, story: str) -> Path:
    return Path(f"{db_path}.{story}.crawl.lock")


class CrawlLock:
    """An exclusive lock on crawling `story` into `db_path`, held until `release` or process death."""

    def __init__(self, db_path: str | Path, story: str):
        self.path = lock_path(db_path, story)
        self.story = story
        self._file = None

    def acquire(self) -> str | None:
        """Take the lock; returns a note when a stale lock of a dead process was taken over.

        The lock file sits beside the database, so a crawl needs that directory writable; when it is
        not (or does not exist), that is one line naming the file, not a traceback.
        """
        try:
            handle = open(self.path, "a+")
        except OSError as exc:
            raise LockedError(f"cannot take the crawl lock {self.path}: {exc.strerror}; a crawl writes beside the "
                              "database, so its directory must exist and be writable (or pass another --db)") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            raise CrawlLocked(f"a crawl of {self.story!r} is already running (pid {holder}); "
                              f"wait for it, or stop it") from None
        handle.seek(0)
        previous = handle.read().strip()
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle
        if previous and previous != str(os.getpid()):
            return f"took over the stale crawl lock of {self.story!r} left by pid {previous} (no longer running)"
        return None

    def release(self) -> None:
        if self._file is not None:
            self._file.seek(0)
            self._file.truncate()
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None

    def __enter__(self) -> CrawlLock:
        note = self.acquire()
        if note:
            logger.warning(note)
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def run_every(interval: float, crawl_args: list[str], *, runs: int | None = None, echo=print) -> int:
    """Run `newsclaims crawl CRAWL_ARGS` every `interval` seconds until SIGTERM/SIGINT (or `runs` runs).

    Each run is its own process: Twisted's reactor cannot be restarted, and a crash in one run must
    not end the schedule. SIGTERM during a run is passed on to the crawl, which Scrapy shuts down
    cleanly (in-flight pages finish, the crawl_runs row says so); the schedule then stops.
    """
    stop = threading.Event()
    child: list[subprocess.Popen] = []

    def on_signal(signum, frame):
        stop.set()
        for process in child:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    done = 0
    try:
        while not stop.is_set():
            started = time.monotonic()
            echo(f"scheduled crawl {done + 1}: starting")
            process = subprocess.Popen([sys.executable, "-m", "newsclaims", "crawl", *crawl_args],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            child[:] = [process]
            out, err = process.communicate()
            child.clear()
            done += 1
            summary = (out.strip().splitlines() or [""])[-1]
            if process.returncode == 0:
                echo(f"scheduled crawl {done}: {summary} ({time.monotonic() - started:.1f}s)")
            else:
                reason = (err.strip().splitlines() or ["exit status %d" % process.returncode])[-1]
                echo(f"scheduled crawl {done}: skipped or failed: {reason}")
            if runs is not None and done >= runs:
                break
            stop.wait(max(0.0, interval - (time.monotonic() - started)))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    echo(f"schedule stopped after {done} run(s)")
    return done
