"""Reading newsclaims' own settings (the `NEWSCLAIMS_*` group of crawler/settings.py) once, with checks.

Why here: Scrapy's typed getters accept any text and fail later with a traceback (`getint("abc")`
raises ValueError deep in a command). Each value is checked once, against the range declared beside
the record that uses it, and a bad one is a `SettingsError` naming the setting and its valid range.
"""
from __future__ import annotations

from analysis.settings import RANGES, AnalysisSettings
from newsclaims.errors import SettingsError

#: Settings read as numbers outside the analysis record: name -> (type, lowest, highest).
NUMERIC = {
    "NEWSCLAIMS_NER_BATCH_SIZE": (int, 1, 10_000),
    "NEWSCLAIMS_NER_PROCESSES": (int, 1, 64),
    "NEWSCLAIMS_EXTRACT_PROCESSES": (int, 0, 64),
    "NEWSCLAIMS_MIN_WORDS": (int, 0, 100_000),
    "NEWSCLAIMS_MIN_BRIEF_WORDS": (int, 0, 100_000),
    "NEWSCLAIMS_DB_LOCK_TIMEOUT": (float, 0, 86_400),
    "NEWSCLAIMS_REDIS_RUN_WAIT": (float, 0, 86_400),
    "NEWSCLAIMS_REDIS_HEARTBEAT": (float, 0.05, 3_600),
    "NEWSCLAIMS_REDIS_WORKER_TIMEOUT": (float, 0.1, 86_400),
    "NEWSCLAIMS_REDIS_IDLE_SECONDS": (float, 0, 3_600),
    "NEWSCLAIMS_REDIS_OUTLET_INTERVAL": (float, 0, 3_600),
    **{name: (kind, low, high) for name, kind, low, high in RANGES.values()},
}


def number(settings, name: str):
    """The setting `name` as its declared type, or a one-line `SettingsError` naming the valid range.

    >>> number({"NEWSCLAIMS_REPORT_MIN_N": "5"}, "NEWSCLAIMS_REPORT_MIN_N")
    5
    >>> number({"NEWSCLAIMS_REPORT_MIN_N": "0"}, "NEWSCLAIMS_REPORT_MIN_N")
    Traceback (most recent call last):
    ...
    newsclaims.errors.SettingsError: NEWSCLAIMS_REPORT_MIN_N must be a whole number from 1 to 100000, got '0'
    """
    kind, low, high = NUMERIC[name]
    raw = settings.get(name)
    what = "a whole number" if kind is int else "a number"
    try:
        value = kind(raw) if kind is float else int(str(raw).strip())
    except (TypeError, ValueError):
        value = None
    if value is None or value != value or not low <= value <= high:  # value != value: NaN
        raise SettingsError(f"{name} must be {what} from {low:g} to {high:g}, got {raw!r}")
    return value


def analysis_settings(settings) -> AnalysisSettings:
    """The analysis record from Scrapy-style settings (or any mapping with `.get`), checked."""
    return AnalysisSettings(**{field: number(settings, name) for field, (name, _, _, _) in RANGES.items()})


def check(settings) -> None:
    """Check every numeric newsclaims setting at once, so a command fails before it does any work."""
    for name in NUMERIC:
        number(settings, name)
