"""The one clock: the current time in UTC, as a datetime and as the timestamp string rows carry.

Every fetch time, crawl-run start and review time is written as `utc_timestamp()` (ISO 8601, UTC,
milliseconds) so that timestamps from the crawler and the store compare as strings. It lives in the
crawler package, not in the store, so the spider can read the clock without importing the store;
it imports nothing but the standard library, so any module may use it.
"""
from __future__ import annotations

from datetime import datetime, timezone


def utc_now() -> datetime:
    """Now, timezone-aware in UTC."""
    return datetime.now(timezone.utc)


def utc_timestamp() -> str:
    """Now as stored: ISO 8601 in UTC with milliseconds, e.g. `2026-03-04T15:05:00.123+00:00`."""
    return utc_now().isoformat(timespec="milliseconds")
