"""Human-readable datelines ("March 4, 2026 · 3:05 PM ET") parsed into a `PublishedDate`.

dateparser finds the calendar day; a small pattern reads the clock time and zone first, because
dateparser neither reads "a.m." nor knows "ET".
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from crawler.extract.records import MIN_YEAR, PublishedDate, instant

#: Words that mark a date as an update rather than the publication.
UPDATE_LABEL = re.compile(r"\b(?:updated?|modified|edited|revised|last\s+changed)\b", re.I)


# Time-zone abbreviations in datelines. North American ones map to the region's zone rather than a
# fixed offset: publishers write "ET" all year and often "EST" in summer too, meaning the local wall
# clock, so America/New_York gives -05:00 in winter and -04:00 under DST. The rest are fixed.
_ZONES: dict[str, ZoneInfo | timezone] = {
    **dict.fromkeys(("ET", "EST", "EDT"), ZoneInfo("America/New_York")),
    **dict.fromkeys(("CT", "CST", "CDT"), ZoneInfo("America/Chicago")),
    **dict.fromkeys(("MT", "MST", "MDT"), ZoneInfo("America/Denver")),
    **dict.fromkeys(("PT", "PST", "PDT"), ZoneInfo("America/Los_Angeles")),
    **dict.fromkeys(("AKT", "AKST", "AKDT"), ZoneInfo("America/Anchorage")),
    "HST": ZoneInfo("Pacific/Honolulu"),
    **dict.fromkeys(("AET", "AEST", "AEDT"), ZoneInfo("Australia/Sydney")),
    **dict.fromkeys(("CET", "CEST"), ZoneInfo("Europe/Berlin")),
    "UTC": timezone.utc, "GMT": timezone.utc, "Z": timezone.utc,
    "BST": timezone(timedelta(hours=1)), "AWST": timezone(timedelta(hours=8)),
    "JST": timezone(timedelta(hours=9)), "KST": timezone(timedelta(hours=9)),
    "SGT": timezone(timedelta(hours=8)), "MYT": timezone(timedelta(hours=8)),
    "HKT": timezone(timedelta(hours=8)), "EAT": timezone(timedelta(hours=3)),
    "SAST": timezone(timedelta(hours=2)), "WAT": timezone(timedelta(hours=1)),
}
# A clock time, optionally AM/PM, optionally a zone: "3:05 PM ET", "7:45 AM EST", "13:30 UTC",
# "10:00 GMT+1", "09:15 +02:00". Minutes are required unless AM/PM is given ("7 PM").
_TIME = re.compile(
    r"(?<![\d:.])(?P<hour>[01]?\d|2[0-3])(?:[:.h](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?!\.?\d))?"
    r"\s*(?P<ampm>[AP]M)?\b"
    r"(?:\s*\(?(?P<zone>" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")\b\)?"
    r"(?P<zone_offset>[+-]\d{1,2}(?::?\d{2})?)?|\s*(?P<offset>[+-](?:[01]\d|2[0-3]):?[0-5]\d)\b)?",
)
_AMPM = re.compile(r"\b([ap])\.?\s?m\b\.?", re.I)
_ABBREVIATED_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.", re.I)
_DOTTED_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_DATEPARSER_SETTINGS = {"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"],
                        "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True}


def parse_dateline(text: str, *, language: str | None = None) -> PublishedDate | None:
    """Parse a human-readable dateline into a `PublishedDate` (rule None): an instant when it states a time.

    The calendar date is found by dateparser (absolute dates only, day, month and year all required),
    in the page's language and English. The clock time and zone are read by one small pattern first,
    because dateparser neither reads "a.m." nor knows "ET", and drops a zone it cannot place. A time
    with a zone gives an instant with its offset (zone abbreviations per `_ZONES`); a time without one
    gives a wall-clock instant without offset; no time gives a day. Text after an "Updated" label is
    ignored when a date precedes it.

    >>> parse_dateline("March 4, 2026 · 3:05 PM ET").value
    '2026-03-04T15:05:00-05:00'
    >>> parse_dateline("Published 7:45 a.m. EST, March 4, 2026").value
    '2026-03-04T07:45:00-05:00'
    >>> parse_dateline("Wednesday, March 4, 2026").value
    '2026-03-04'
    """
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    head = UPDATE_LABEL.split(text, maxsplit=1)[0]
    if _day_and_time(head, language) is not None:
        text = head
    found = _day_and_time(text, language)
    if found is None:
        return None
    day, clock = found
    if clock is None:
        return PublishedDate(day.isoformat(), "day", False, None)
    hour, minute, second, zone = clock
    moment = datetime.combine(day, time(hour, minute, second))
    if zone is not None:
        moment = moment.replace(tzinfo=zone)
        moment = datetime.fromisoformat(moment.isoformat())  # a fixed offset, not the zone's name
    return instant(moment, None)


def _day_and_time(text: str, language: str | None):
    text = _AMPM.sub(lambda m: f"{m.group(1).upper()}M", text)
    text = _ABBREVIATED_MONTH.sub(r"\1", text)
    clock, rest = None, text
    for match in _TIME.finditer(text):
        if match.group("minute") is None and match.group("ampm") is None:
            continue
        clock = _clock(match)
        if clock is not None:
            rest = text[:match.start()] + " " + text[match.end():]
            break
    day = _calendar_day(rest, language)
    return (day, clock) if day is not None else None


def _clock(match: re.Match):
    hour, minute, second = int(match.group("hour")), int(match.group("minute") or 0), int(match.group("second") or 0)
    ampm = match.group("ampm")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.upper() == "PM" else 0)
    zone = None
    if match.group("zone"):
        zone = _ZONES[match.group("zone")]
        if match.group("zone_offset"):  # "GMT+1", "UTC-05:00"
            zone = _fixed_offset(match.group("zone_offset"))
    elif match.group("offset"):
        zone = _fixed_offset(match.group("offset"))
    return hour, minute, second, zone


def _fixed_offset(text: str) -> timezone | None:
    match = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", text)
    if not match:
        return None
    minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return timezone(timedelta(minutes=-minutes if match.group(1) == "-" else minutes))


def _calendar_day(text: str, language: str | None) -> date | None:
    # Imported here: dateparser takes a noticeable moment to load, and most pages never need it.
    from dateparser.search import search_dates

    english = language in (None, "en")
    languages = ["en"] if english else [language, "en"]
    # All-numeric dates: month first only on English pages with slashes ("03/04/2026" in the US);
    # dotted dates ("04.03.2026") and other languages put the day first.
    settings = {**_DATEPARSER_SETTINGS, "DATE_ORDER": "MDY" if english and not _DOTTED_DATE.search(text) else "DMY"}
    try:
        found = search_dates(text, languages=languages, settings=settings)
    except ValueError:  # a language dateparser does not know
        found = search_dates(text, languages=["en"], settings=settings)
    for _, value in found or ():
        if value.year >= MIN_YEAR:
            return value.date()
    return None
