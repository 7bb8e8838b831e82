"""Small text helpers every report format shares, so a figure reads the same in all of them.

>>> percent(0.125)
'12%'
>>> percent(None)
'–'
"""
from __future__ import annotations


def percent(value: float | None) -> str:
    """A share as a whole percentage; an absent figure is a dash, never "0%"."""
    return "–" if value is None else f"{100 * value:.0f}%"
