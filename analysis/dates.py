"""Dates as evidence of order: which use came first, and when the data cannot say.

A date is either an instant (with a time, and ideally a zone offset) or a day. A day-precision date
on the same calendar day as another date cannot be ordered against it: that is a tie, and reports
must say so rather than pretend midnight was the publication time.
"""
from __future__ import annotations

from datetime import date, datetime, timezone


def parse_published(published: str | None) -> tuple[datetime | None, date | None, str | None]:
    """(instant in UTC or None, calendar day in the page's own offset, precision 'instant'|'day')."""
    if not published:
        return None, None, None
    text = published.strip().replace("Z", "+00:00")
    try:
        if "T" not in text and " " not in text and len(text) <= 10:
            return None, date.fromisoformat(text), "day"
        value = datetime.fromisoformat(text)
    except ValueError:
        return None, None, None
    day = value.date()
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc), day, "instant"


def date_key(published: str | None) -> str:
    """A sortable form: UTC instants, day-only dates at the start of their day; undated sorts last."""
    instant, day, _ = parse_published(published)
    if instant is not None:
        return instant.isoformat()
    if day is not None:
        return datetime(day.year, day.month, day.day, tzinfo=timezone.utc).isoformat()
    return "~" + (published or "")


def surely_after(a: str | None, b: str | None) -> bool:
    """Whether date `a` is certainly later than date `b`: both instants and later, or a later day."""
    instant_a, day_a, _ = parse_published(a)
    instant_b, day_b, _ = parse_published(b)
    if instant_a is not None and instant_b is not None:
        return instant_a > instant_b
    if day_a is None:
        return day_b is not None  # undated comes after anything dated, and ties with undated
    if day_b is None:
        return False
    return day_a > day_b


def earliest(items: list[dict], key: str = "published") -> list[dict]:
    """The items that may have come first: those no other item is surely earlier than, in date order.

    One item when the dates can order them; several (a tie) when a day-only date shares a day.
    """
    ordered = sorted(items, key=lambda item: date_key(item[key]))
    return [item for item in ordered if not any(surely_after(item[key], other[key]) for other in ordered)]
