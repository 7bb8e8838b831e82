"""Polling for a condition another process brings about (a crawl storing pages, a worker exiting)."""
from __future__ import annotations

import time


def wait_for(predicate, timeout: float = 60, what: str = "condition") -> None:
    """Return once `predicate()` is true; fail the test with `what` if `timeout` seconds pass first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")
