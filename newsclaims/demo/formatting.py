"""The small text helpers every renderer shares: visible dates, HTML/XML escaping, origin placeholders.

Absolute links are written as ``{{origin:SLUG}}`` (``{{offsite}}`` for the off-site origin) and filled
in by the demo server, because ports are only known once its sockets are bound: rendering never knows
a real port, which keeps every page deterministic.
"""
from __future__ import annotations

import html
from datetime import datetime, timedelta
from xml.sax.saxutils import escape as _xml_escape

from newsclaims.demo.model import OFFSITE

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_TZ_NAMES = {timedelta(hours=-5): "EST", timedelta(hours=-4): "EDT", timedelta(0): "UTC"}


def fmt_date(iso: str, fmt: str) -> str:
    dt = datetime.fromisoformat(iso)
    return fmt.format(
        month=_MONTHS[dt.month - 1],
        mon=_MONTHS[dt.month - 1][:3],
        weekday=_WEEKDAYS[dt.weekday()],
        day=dt.day,
        dd=f"{dt.day:02d}",
        mm=f"{dt.month:02d}",
        year=dt.year,
        hour12=dt.hour % 12 or 12,
        HH=f"{dt.hour:02d}",
        MM=f"{dt.minute:02d}",
        ampm="AM" if dt.hour < 12 else "PM",
        ap="a.m." if dt.hour < 12 else "p.m.",
        tz=_TZ_NAMES.get(dt.utcoffset(), dt.strftime("%z")),
    )


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def xesc(text: str) -> str:
    return _xml_escape(text)


def origin(slug: str) -> str:
    return "{{offsite}}" if slug == OFFSITE else "{{origin:%s}}" % slug

