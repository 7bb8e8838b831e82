"""Chart geometry for the HTML report: plain numbers the template draws as inline SVG.

Why geometry here and not in the template: it is arithmetic worth testing, and the template then only
escapes and places values.
"""
from __future__ import annotations

import math
from datetime import date

from analysis.reports.text import percent

#: Long labels are cut for the chart (the full text stays in the chart's data table and tooltip).
LABEL_CHARS = 34
_CHAR_WIDTH = 7.2  # px per character of 12px sans-serif, generous so labels never overrun
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _short_day(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _label(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


def _label_width(labels, bold=()) -> float:
    """Room for the longest label (bold ones are about a tenth wider), so none runs off the left edge."""
    widths = [len(_label(t)) * _CHAR_WIDTH * (1.12 if t in bold else 1.0) for t in labels]
    return max(widths, default=4 * _CHAR_WIDTH) + 14


def _date_axis(dates: list[str], left: float, right: float) -> tuple[dict, list[dict]]:
    """x position of each ISO day on a linear day scale, and tick marks (at most about eight)."""
    days = [date.fromisoformat(d) for d in dates]
    first, last = min(days), max(days)
    span = (last - first).days
    def x(day: date) -> float:
        return (left + right) / 2 if span == 0 else left + (right - left) * (day - first).days / span
    step = max(1, math.ceil((span + 1) / 8))
    ticks = []
    for offset in range(0, span + 1, step):
        day = date.fromordinal(first.toordinal() + offset)
        ticks.append({"x": round(x(day), 1), "label": _short_day(day.isoformat())})
    return {d: round(x(date.fromisoformat(d)), 1) for d in dates}, ticks


def variant_timeline_chart(person: dict, chart_id: str) -> dict | None:
    """One row per way the person is written, a dot per day it was used, area by number of mentions."""
    timeline = person["timeline"]
    if not timeline:
        return None
    kinds = {s["surface"]: s["kind"] for s in person["surfaces"]}
    rank = {"canonical": 0, "title": 1, "surname": 1, "given": 1, "accepted": 2, "error": 3}
    order = sorted({t["surface"] for t in timeline}, key=lambda s: (rank.get(kinds.get(s), 2), s.casefold(), s))
    dated = sorted({t["date"] for t in timeline if t["date"]})
    undated = any(t["date"] is None for t in timeline)
    label_w = _label_width(order, bold={s for s in order if kinds.get(s) in ("error", "canonical")})
    width, row_h, top = 680, 26, 14
    right = width - (110 if undated else 24)
    left = label_w + 16
    xs, ticks = _date_axis(dated, left, right) if dated else ({}, [])
    undated_x = width - 40
    gap = min([b - a for a, b in zip(sorted(set(xs.values())), sorted(set(xs.values()))[1:])] + [40])
    max_r = max(4.0, min(11.0, gap / 2 - 1))
    most = max(t["mentions"] for t in timeline)
    rows = []
    for n, surface in enumerate(order):
        y = top + row_h * n + row_h / 2
        kind = kinds.get(surface) or "other"
        style = {"error": "error", "accepted": "variant", "canonical": "canonical"}.get(kind, "plain")
        dots = [{"x": xs[t["date"]] if t["date"] else undated_x, "y": y, "n": t["mentions"],
                 "r": round(2.5 + (max_r - 2.5) * math.sqrt(t["mentions"] / most), 1),
                 "tip": f"{surface}: {t['mentions']} mention(s) on {t['date'] or 'an undated article'}"}
                for t in timeline if t["surface"] == surface]
        rows.append({"y": y, "label": _label(surface), "full": surface, "kind": kind, "style": style, "dots": dots})
    height = top + row_h * len(order) + 34
    errors = [s for s in order if kinds.get(s) == "error"]
    first_error = min((t["date"] for t in timeline if t["surface"] in errors and t["date"]), default=None)
    first_any = dated[0] if dated else None
    desc = (f"Dot chart of how {person['canonical']} is written over time: {len(order)} written forms, "
            f"one row each, one dot per day a form was used, dot size by number of mentions"
            + (f", from {dated[0]} to {dated[-1]}" if dated else "") + ". "
            + (f"{len(errors)} error form(s) ({', '.join(errors)}), first used on {first_error or 'an undated day'}; "
               f"the name was first written on {first_any}." if errors else "No error forms."))
    return {"id": chart_id, "width": width, "height": height, "rows": rows, "ticks": ticks,
            "styles": sorted({r["style"] for r in rows}), "axis_y": height - 26, "plot_top": top - 6, "left": left, "right": right, "label_x": label_w,
            "undated_x": undated_x if undated else None, "lane_end": (undated_x if undated else right) + 10,
            "title": f"How {person['canonical']} is written, day by day", "desc": desc,
            "table": [{"date": t["date"] or "undated", "surface": t["surface"], "kind": t["kind"] or "",
                       "mentions": t["mentions"]} for t in timeline]}


def outlet_timeline_chart(outlets: list[dict], chart_id: str) -> dict | None:
    """A grid: one row per outlet, one column per publication day; each cell is "articles using an
    error / articles mentioning the person", shaded by that share."""
    rows_in = [o for o in outlets if o["timeline"]]
    if not rows_in:
        return None
    dated = sorted({t["date"] for o in rows_in for t in o["timeline"] if t["date"]})
    columns = dated + (["undated"] if any(t["date"] is None for o in rows_in for t in o["timeline"]) else [])
    label_w = _label_width(o["name"] for o in rows_in)
    cell_w = max(14.0, min(58.0, (680 - label_w - 16) / len(columns)))
    cell_h, top = 26, 30
    width = round(label_w + 16 + cell_w * len(columns) + 8)
    show_numbers = cell_w >= 30
    rows = []
    for n, outlet in enumerate(rows_in):
        y = top + cell_h * n
        by_day = {t["date"] or "undated": t for t in outlet["timeline"]}
        cells = []
        for c, column in enumerate(columns):
            t = by_day.get(column)
            if t is None:
                continue
            share = t["using_error"] / t["mentioning"] if t["mentioning"] else 0.0
            cells.append({"x": round(label_w + 16 + cell_w * c, 1), "y": y, "w": round(cell_w - 3, 1), "h": cell_h - 3,
                          "level": 0 if t["using_error"] == 0 else 1 + min(3, int(share * 4 - 1e-9)),
                          "text": f"{t['using_error']}/{t['mentioning']}",
                          "tip": f"{outlet['name']}, {column}: {t['using_error']} of {t['mentioning']} articles "
                                 "mentioning the person used an error form"})
        rows.append({"y": y + (cell_h - 3) / 2, "label": _label(outlet["name"]), "full": outlet["name"], "cells": cells})
    step = max(1, math.ceil(len(columns) / 10))
    heads = [{"x": round(label_w + 16 + cell_w * c + (cell_w - 3) / 2, 1),
              "label": "undated" if col == "undated" else _short_day(col)}
             for c, col in enumerate(columns) if c % step == 0]
    erring = [o["name"] for o in rows_in if o["articles_using_errors"]]
    desc = (f"Grid of {len(rows_in)} outlets by {len(columns)} publication days. Each filled cell shows how many "
            "of that day's articles mentioning a person with an error form used the error, out of how many; "
            "darker red means a larger share. "
            + (f"Outlets that used an error: {', '.join(erring)}." if erring else "No outlet used an error form."))
    return {"id": chart_id, "width": width, "height": top + cell_h * len(rows_in) + 8, "rows": rows,
            "heads": heads, "label_x": label_w, "show_numbers": show_numbers,
            "title": "Each outlet's accuracy, day by day", "desc": desc,
            "table": [{"outlet": o["name"], "date": t["date"] or "undated", "mentioning": t["mentioning"],
                       "using_error": t["using_error"]} for o in rows_in for t in o["timeline"]]}


def error_rate_chart(outlets: list[dict], chart_id: str) -> dict | None:
    """Horizontal bars: each outlet's error rate with its 95% Wilson interval as a whisker; outlets
    with too few articles to rank are drawn hatched and say so."""
    rows_in = [o for o in outlets if o["error_rate"]]
    if not rows_in:
        return None
    label_w = _label_width(o["name"] for o in rows_in)
    left = label_w + 16
    right = 680 - 150
    row_h, top = 30, 12
    def x(value: float) -> float:
        return round(left + (right - left) * value, 1)
    rows = []
    for n, outlet in enumerate(rows_in):
        rate = outlet["error_rate"]
        y = top + row_h * n
        mid = y + row_h / 2 - 2
        rows.append({
            "y": y, "mid": mid, "label": _label(outlet["name"]), "full": outlet["name"], "ranked": outlet["ranked"],
            "bar_x": left, "bar_w": max(0.0, round(x(rate["rate"]) - left, 1)), "bar_y": mid - 7, "bar_h": 14,
            "low": x(rate["low"]), "high": x(rate["high"]), "rate_x": x(rate["rate"]),
            "value": f"{percent(rate['rate'])}  ({rate['k']}/{rate['n']})"
                     + ("" if outlet["ranked"] else ", not ranked"),
            "value_x": right + 10,
            "tip": f"{outlet['name']}: {rate['k']} of {rate['n']} articles used an error form, "
                   f"{percent(rate['rate'])} (95% interval {percent(rate['low'])} to {percent(rate['high'])})",
        })
    height = top + row_h * len(rows_in) + 30
    ticks = [{"x": x(v / 100), "label": f"{v}%"} for v in (0, 25, 50, 75, 100)]
    worst = max(rows_in, key=lambda o: (o["ranked"], o["error_rate"]["rate"], o["error_rate"]["n"]))
    desc = (f"Bar chart of the error rate of {len(rows_in)} outlets: the share of their articles mentioning a "
            "person with an error form that used the error, with a line for the 95% Wilson interval. "
            f"Highest{' ranked' if worst['ranked'] else ''}: {worst['name']}, "
            f"{worst['error_rate']['k']} of {worst['error_rate']['n']} "
            f"({percent(worst['error_rate']['rate'])}, interval {percent(worst['error_rate']['low'])} to "
            f"{percent(worst['error_rate']['high'])}).")
    return {"id": chart_id, "width": 680, "height": height, "rows": rows, "ticks": ticks,
            "axis_y": top + row_h * len(rows_in) + 2, "plot_top": top, "label_x": label_w,
            "title": "Error rate by outlet, with 95% intervals", "desc": desc}
