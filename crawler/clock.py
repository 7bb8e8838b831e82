"""The one clock: the current time in UTC, as a datetime and as the timestamp string rows carry.

Every fetch time, crawl-run start and review time is written as `utc_timestamp()` (ISO 8601, UTC,
milliseconds) so that timestamps from the crawler and the store compare as strings. It lives in the
crawler package, not in the store, so the spider can read the clock without importing the store;
it imports nothing but the standard library, so any module may use it.

The seam: `NEWSCLAIMS_CLOCK_SHIFT_DAYS` in the environment moves this clock that many days ahead (or
back, when negative), for the whole process and the crawls it starts. Tests use it to run a crawl "a
week later" (the revisit backoff schedule) without waiting a week; nothing else should set it.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

CLOCK_SHIFT_ENV = "NEWSCLAIMS_CLOCK_SHIFT_DAYS"


def utc_now() -> datetime:
    """Now, timezone-aware in UTC (moved by `NEWSCLAIMS_CLOCK_SHIFT_DAYS` when set)."""
    now = datetime.now(timezone.utc)
    shift = os.environ.get(CLOCK_SHIFT_ENV)
    return now + timedelta(days=float(shift)) if shift else now


def utc_timestamp() -> str:
    """Now as stored: ISO 8601 in UTC with milliseconds, e.g. `2026-03-04T15:05:00.123+00:00`."""
    return utc_now().isoformat(timespec="milliseconds")
