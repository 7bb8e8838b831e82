"""Claim values in one comparable form: counts as integers, dates as ISO dates or intervals.

Why these parsers: number words go through text2num (a maintained parser of "forty seven", "three
hundred and forty two"); the idioms it does not know ("a dozen", "a score of") are handled here. Dates go
through dateparser with the article's published date as the anchor, except weekday names: dateparser
reads "Friday" on a Friday as a week ago, while a news report published on Friday saying "on Friday"
means that day, so a weekday is resolved here to the latest such day on or before the anchor (on or
after it for "will" and "next").

Date values and their precision:

- ``2025-03-25`` (day), ``2025-03`` (month), ``2025`` (year);
- ``2025-05-08/2025-05-09`` (interval; a week is an interval too);
- ``--03-26`` (month-day: the year is unknown because the article is undated);
- ``Saturday`` (weekday: undated article, weekday only).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?"
_INTERVAL = [
    re.compile(rf"\b({_MONTH_RE})\s+{_DAY_RE}\s*(?:-|–|—|to|and|through|until)\s*{_DAY_RE}(?:,?\s+(\d{{4}}))?", re.I),
    re.compile(rf"\b{_DAY_RE}\s*(?:-|–|—|to|and)\s*{_DAY_RE}\s+({_MONTH_RE})(?:,?\s+(\d{{4}}))?", re.I),
]
_MONTH_DAY = [re.compile(rf"\b({_MONTH_RE})\s+{_DAY_RE}\b(?:,?\s+(\d{{4}}))?", re.I),
              re.compile(rf"\b{_DAY_RE}\s+(?:of\s+)?({_MONTH_RE})(?:,?\s+(\d{{4}}))?", re.I)]
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})(?:\s+of)?,?\s+(\d{{4}})\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = re.compile(r"\b(yesterday|today|tonight|last|this|next|ago|earlier|previous)\b", re.I)
_FUTURE = re.compile(r"\b(next|coming)\b", re.I)
_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def anchor_of(published: str | None) -> tuple[date | None, str | None]:
    """The article's published day and its precision ('day' or 'month'), from ``YYYY-MM-DD[...]`` or ``YYYY-MM``."""
    if not published:
        return None, None
    text = str(published).strip()
    try:
        if len(text) >= 10:
            return date.fromisoformat(text[:10]), "day"
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:7])
            return date(year, month, calendar.monthrange(year, month)[1]), "month"
    except ValueError:
        return None, None
    return None, None


def _year_for(month: int, day: int, anchor: date | None) -> int | None:
    """The year of a month-day written without one: the latest not after the anchor (news reports the past)."""
    if anchor is None:
        return None
    year = anchor.year
    if (month, day) > (anchor.month, anchor.day) and (month - anchor.month) % 12 > 1:
        year -= 1
    return year


def _day(year: int | None, month: int, day: int) -> dict | None:
    try:
        if year is None:
            date(2000, month, day)  # validates month and day (2000 is a leap year)
            return {"value": f"--{month:02d}-{day:02d}", "precision": "month-day"}
        return {"value": date(year, month, day).isoformat(), "precision": "day"}
    except ValueError:
        return None


def normalise_date(text: str, published: str | None = None, *, future: bool = False) -> dict | None:
    """A date expression as ``{"value", "precision"}``, or None when it names no calendar date.

    >>> normalise_date("on Friday", "2024-11-15")
    {'value': '2024-11-15', 'precision': 'day'}
    >>> normalise_date("May 8th and 9th, 2025")
    {'value': '2025-05-08/2025-05-09', 'precision': 'interval'}
    >>> normalise_date("Wednesday, March 26")
    {'value': '--03-26', 'precision': 'month-day'}
    >>> normalise_date("Saturday")
    {'value': 'Saturday', 'precision': 'weekday'}
    >>> normalise_date("In March 2024")
    {'value': '2024-03', 'precision': 'month'}
    >>> normalise_date("six weeks") is None
    True
    """
    anchor, anchor_precision = anchor_of(published)
    day_anchor = anchor if anchor_precision == "day" else None
    if _ISO.search(text):
        return None  # machine dates ("date 2025-03-27") are page metadata, not prose
    for pattern in _INTERVAL:
        match = pattern.search(text)
        if match:
            groups = match.groups()
            if pattern is _INTERVAL[0]:
                month, d1, d2, year = MONTHS[groups[0].lower().rstrip(".")], int(groups[1]), int(groups[2]), groups[3]
            else:
                d1, d2, month, year = int(groups[0]), int(groups[1]), MONTHS[groups[2].lower().rstrip(".")], groups[3]
            year = int(year) if year else _year_for(month, d1, anchor)
            first, last = _day(year, month, d1), _day(year, month, d2)
            if first and last and d2 > d1:
                return {"value": f"{first['value']}/{last['value']}", "precision": "interval"}
    for pattern in _MONTH_DAY:
        match = pattern.search(text)
        if match:
            groups = match.groups()
            if pattern is _MONTH_DAY[0]:
                month, day, year = MONTHS[groups[0].lower().rstrip(".")], int(groups[1]), groups[2]
            else:
                day, month, year = int(groups[0]), MONTHS[groups[1].lower().rstrip(".")], groups[2]
            if day > 31:
                continue
            year = int(year) if year else _year_for(month, day, anchor)
            found = _day(year, month, day)
            if found:
                return found
    match = _MONTH_YEAR.search(text)
    if match:
        return {"value": f"{int(match.group(2)):04d}-{MONTHS[match.group(1).lower().rstrip('.')]:02d}",
                "precision": "month"}
    match = _WEEKDAY.search(text)
    if match:
        weekday = WEEKDAYS[match.group(1).lower()]
        if day_anchor is None:
            return {"value": match.group(1).capitalize(), "precision": "weekday"}
        future = future or bool(_FUTURE.search(text))
        shift = (weekday - day_anchor.weekday()) % 7 if future else -((day_anchor.weekday() - weekday) % 7)
        if re.search(r"\blast\b", text, re.I):
            shift = shift or -7
        return {"value": (day_anchor + timedelta(days=shift)).isoformat(), "precision": "day"}
    if _RELATIVE.search(text):
        return _relative(text, anchor, anchor_precision)
    match = _YEAR.search(text)
    if match and re.fullmatch(r"(?:(?:in|of|since|early|late|mid|the|year|,|-)\s*)*" + match.group(1) + r"(?:'s|’s)?",
                              text.strip(), re.I):
        return {"value": match.group(1), "precision": "year"}
    month = re.fullmatch(rf"(?:(?:in|early|late|mid|the|of|end|-)\s*)*({_MONTH_RE})", text.strip(), re.I)
    if month and anchor is not None:
        number = MONTHS[month.group(1).lower().rstrip(".")]
        year = anchor.year if number <= anchor.month else anchor.year - 1
        return {"value": f"{year:04d}-{number:02d}", "precision": "month"}
    return None


def _relative(text: str, anchor: date | None, anchor_precision: str | None) -> dict | None:
    """'yesterday', 'last week', 'last year', 'earlier this month' against the anchor (dateparser)."""
    if anchor is None:
        return None
    import dateparser
    from dateparser.date import DateDataParser

    cleaned = re.sub(r"\b(earlier|later)\b", "", text, flags=re.I).strip()
    base = datetime(anchor.year, anchor.month, anchor.day, 12)
    data = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) \
        .get_date_data(cleaned)
    if data is None or data.date_obj is None:
        return None
    found, period = data.date_obj.date(), data.period
    if anchor_precision != "day" and period in ("day", "week", "time"):
        return None
    if period == "year":
        return {"value": f"{found.year:04d}", "precision": "year"}
    if period == "month":
        return {"value": f"{found.year:04d}-{found.month:02d}", "precision": "month"}
    if period == "week":
        monday = found - timedelta(days=found.weekday())
        return {"value": f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", "precision": "interval"}
    del dateparser
    return {"value": found.isoformat(), "precision": "day"}


def _range(value: str) -> tuple | None:
    """(first day, last day) of a dated value, or None for weekday and month-day values."""
    if "/" in value:
        first, last = value.split("/")
        if first.startswith("--"):
            return None
        return date.fromisoformat(first), date.fromisoformat(last)
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = int(value[:4]), int(value[5:])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = date.fromisoformat(value)
        return day, day
    return None


def dates_compatible(a: str, b: str) -> bool:
    """Whether two date values can name the same day (one contains the other, or they overlap).

    >>> dates_compatible("2024-03", "2024"), dates_compatible("2025-03-25", "Saturday")
    (True, False)
    >>> dates_compatible("--03-26", "2025-03-26"), dates_compatible("2023", "2024-03")
    (True, False)
    """
    if a == b:
        return True
    range_a, range_b = _range(a), _range(b)
    if range_a and range_b:
        return range_a[0] <= range_b[1] and range_b[0] <= range_a[1]
    if range_a is None and range_b is not None:
        a, b, range_a, range_b = b, a, range_b, range_a
    if range_b is None and range_a is not None:  # b is a weekday or a month-day
        first, last = range_a
        if b.startswith("--"):
            month, day = int(b[2:4]), int(b[5:7])
            return any((d.month, d.day) == (month, day) for d in _days(first, last))
        weekday = WEEKDAYS.get(b.lower())
        return weekday is None or any(d.weekday() == weekday for d in _days(first, last))
    return True  # weekday vs month-day, or two different weekdays/month-days of unknown years


def _days(first: date, last: date):
    if (last - first).days >= 366:
        last = first + timedelta(days=366)
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


_NUMBER_IDIOMS = {"a dozen": 12, "dozen": 12, "a score of": 20, "a score": 20, "score": 20, "a hundred": 100,
                  "a thousand": 1000, "a couple of": 2, "a pair of": 2, "half a dozen": 6, "two dozen": 24,
                  "three dozen": 36}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def parse_count(text: str) -> int | None:
    """An integer from digits or number words, or None when the words name no exact number.

    >>> [parse_count(t) for t in ("five", "forty seven", "a score of", "1,200", "2.5 million", "dozens")]
    [5, 47, 20, 1200, 2500000, None]
    """
    words = re.sub(r"\s+", " ", text.strip().lower().replace("-", " "))
    if words in _NUMBER_IDIOMS:
        return _NUMBER_IDIOMS[words]
    match = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?: (thousand|million|billion))?", words)
    if match:
        number = float(match.group(1).replace(",", "")) * _SCALES.get(match.group(2) or "", 1)
        return int(number) if number == int(number) else None
    if not re.fullmatch(r"[a-z ]+", words):
        return None
    from text_to_num import text2num

    try:
        return int(text2num(words, "en"))
    except ValueError:
        return None


#: AP-style state abbreviations, so "Basile, La." and "Basile, Louisiana" are one place.
_STATES = {"ala.": "Alabama", "ariz.": "Arizona", "ark.": "Arkansas", "calif.": "California", "colo.": "Colorado",
           "conn.": "Connecticut", "del.": "Delaware", "fla.": "Florida", "ga.": "Georgia", "ill.": "Illinois",
           "ind.": "Indiana", "kan.": "Kansas", "ky.": "Kentucky", "la.": "Louisiana", "md.": "Maryland",
           "mass.": "Massachusetts", "mich.": "Michigan", "minn.": "Minnesota", "miss.": "Mississippi",
           "mo.": "Missouri", "mont.": "Montana", "neb.": "Nebraska", "nev.": "Nevada", "n.h.": "New Hampshire",
           "n.j.": "New Jersey", "n.m.": "New Mexico", "n.y.": "New York", "n.c.": "North Carolina",
           "n.d.": "North Dakota", "okla.": "Oklahoma", "ore.": "Oregon", "pa.": "Pennsylvania",
           "r.i.": "Rhode Island", "s.c.": "South Carolina", "s.d.": "South Dakota", "tenn.": "Tennessee",
           "vt.": "Vermont", "va.": "Virginia", "wash.": "Washington", "w.va.": "West Virginia",
           "wis.": "Wisconsin", "wyo.": "Wyoming"}


def normalise_place(text: str) -> str:
    """A place as "Town, State" with AP abbreviations spelled out.

    >>> normalise_place("Basile,  La.")
    'Basile, Louisiana'
    """
    parts = [part.strip() for part in re.split(r"\s*,\s*", text.strip(" ,")) if part.strip()]
    return ", ".join(_STATES.get(part.lower(), _STATES.get(part.lower() + ".", part)) if len(part) <= 6 else part
                     for part in parts)
