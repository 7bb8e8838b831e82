"""The story report dict (analysis.reports) as one self-contained HTML file a journalist can forward.

The file renders offline and asks for nothing: no script, no font, no image, no CDN. Charts are
inline SVG drawn by the template from plain geometry computed here, each with a `<title>`, a `<desc>`
and a data table, so every label, like every other string, goes through Jinja's autoescape.

Everything scraped is untrusted (titles, bodies, outlet names, bylines, URLs, even name surfaces), so:

- the Jinja environment escapes every `{{ }}` (text, attributes, SVG text alike); the only unescaped
  insert is the stylesheet, which is ours;
- a URL becomes an `href` only when `analysis.report_formats.safe_url` accepts it (plain http(s));
  anything else is shown as text. Article links carry `rel="noopener noreferrer"`;
- a Content-Security-Policy meta allows nothing at all except the one inline stylesheet, named by
  its sha256 hash rather than `'unsafe-inline'`: should markup ever slip through, an injected
  `<style>` or `style=` would be refused as well as any script, image or request;
- nothing here reads the store: the dict is the single source, as for the Markdown renderer.
"""
from __future__ import annotations

import base64
import hashlib
import math
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from analysis.dates import parse_published, surely_after
from analysis.report_formats import safe_url, summary_lines

TEMPLATES = Path(__file__).parent / "templates"
_ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)

#: Long labels are cut for the chart (the full text stays in the chart's data table and tooltip).
LABEL_CHARS = 34
_CHAR_WIDTH = 7.2  # px per character of 12px sans-serif, generous so labels never overrun
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def render_html(report: dict, *, snapshot_base: str | None = None) -> str:
    """The report as a complete HTML document.

    `snapshot_base` is where the stored article versions can be browsed (the Datasette database URL,
    e.g. ``http://127.0.0.1:8001/newsclaims``); each stored copy then links to
    ``snapshot_base + "/article_versions/" + version_id``. Without it, the version id and fetch time
    are shown as text. A `snapshot_base` that is not plain http(s) is ignored, like any other URL.
    """
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    base = safe_url(snapshot_base.rstrip("/")) if snapshot_base else None
    return _ENV.get_template("report.html.j2").render(
        r=report, css=Markup(css), csp=content_security_policy(css), view=_view(report, base))


def content_security_policy(css: str) -> str:
    """A policy that allows the one inline stylesheet (by hash) and nothing else: no script at all,
    no request of any kind, no <base>, no form submission."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; script-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; "
            "font-src 'none'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")


# --- the view: the dict rearranged for reading ------------------------------------------------------

def _view(report: dict, snapshot_base: str | None) -> dict:
    new_flags = set(report["review"]["new_since_last_run"])
    titles = {u["url"]: u["title"] for e in report["errors"] for u in e["uses"] if u["title"]}
    people_with_errors = {e["cluster_id"] for e in report["errors"]}
    charts = _ChartIds()
    names = {o["origin"]: o["name"] for o in report["outlets"]}
    people = [_person(p, charts, names) for p in report["people"]]
    outlets = report["outlets"]
    outlet_absent: dict[str, str] = {}
    for outlet in outlets:
        for field, why in outlet["absent"].items():
            outlet_absent.setdefault(field, why)
    absent = {**outlet_absent, **report["absent"]}
    return {
        "summary": [_label_line(line) for line in summary_lines(report)],
        "errors": [_error(e, snapshot_base, new_flags) for e in report["errors"]],
        "outlets": [_outlet_row(o) for o in outlets],
        "ranked_any": any(o["ranked"] for o in outlets),
        "unranked_any": any(not o["ranked"] for o in outlets),
        "rate_chart": error_rate_chart(outlets, charts.next()),
        "outlet_timeline": outlet_timeline_chart(outlets, charts.next()),
        "flagged_articles": _flagged_by_article(report["flagged_mentions"], titles, snapshot_base, new_flags),
        # A chart and full tables for people whose name is spelt more than one way (an error or an
        # accepted variant); a title or the bare surname is not a spelling, so the rest share one table.
        "people_detailed": [p for p in people if p["cluster_id"] in people_with_errors or p["variants"]],
        "other_people": [p for p in people if p["cluster_id"] not in people_with_errors and not p["variants"]],
        "absent": sorted(absent.items()),
        "outlet_absent": sorted(outlet_absent.items()),
        "new_flags": len(new_flags),
        "last_run": _when((report["review"]["last_run"] or {}).get("started")),
        "generated": _when(report["generated_at"]),
    }


class _ChartIds:
    """Chart element ids come from a counter, never from scraped text."""

    def __init__(self):
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return f"chart-{self.n}"


def _label_line(line: str) -> dict:
    label, _, text = line.partition(": ")
    return {"label": label, "text": text} if text else {"label": "", "text": line}


def _link(text: str | None, url: str | None) -> dict:
    """A link the template may render as <a href> (href is None when the URL is not plain http(s))."""
    return {"href": safe_url(url), "text": text or url or "(no URL)", "url": url}


def _snapshot(version_id, fetched_at: str | None, snapshot_base: str | None) -> dict:
    """Where the stored copy of an article version is: a Datasette row link, or its id and fetch time."""
    fetched = _when(fetched_at)["text"] if fetched_at else None
    href = f"{snapshot_base}/article_versions/{int(version_id)}" if snapshot_base and version_id is not None else None
    return {"href": href, "version_id": version_id, "fetched": fetched}


def _when(value: str | None, rule: str | None = None) -> dict:
    """A date for people: "4 Mar 2026, 13:30 +00:00", "4 Mar 2026 (day only)" or "undated"; the
    page's own offset is kept, because a day-only date is only comparable within that offset."""
    _, day, precision = parse_published(value)
    if not value:
        text = "undated"
    elif day is None:
        text = value  # unparseable: shown as the page gave it (escaped), never guessed
    elif precision == "day":
        text = f"{_day(day)} (day only)"
    else:
        local = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        offset = local.strftime("%z")
        text = f"{_day(day)}, {local:%H:%M}" + (f" {offset[:3]}:{offset[3:5]}" if offset else " (no time zone)")
    return {"text": text, "iso": value if day else None, "rule": rule, "precision": precision}


def _day(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _short_day(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


# --- sections ---------------------------------------------------------------------------------------

def _error(error: dict, snapshot_base, new_flags) -> dict:
    uses = error["uses"]
    counted = [i for i, u in enumerate(uses) if u["usage"] == "uses"] or list(range(len(uses)))
    positions = {i: 1 + sum(surely_after(uses[i]["published"], uses[j]["published"]) for j in counted) for i in counted}
    shared = defaultdict(list)
    for i, position in positions.items():
        shared[position].append(i)
    rows = []
    for i, use in enumerate(uses):
        position = positions.get(i)
        tied = position is not None and len(shared[position]) > 1
        rows.append({
            **use,
            "position": position, "tied": tied,
            "tie_reason": _tie_reason([uses[j] for j in shared[position]]) if tied else None,
            "when": _when(use["published"], use["date_rule"]),
            "article": _link(use["title"], use["url"]),
            "snapshot": _snapshot(use["version_id"], use["fetched_at"], snapshot_base),
            "new": use["flag_id"] in new_flags,
        })
    first = [{**u, "when": _when(u["published"], u["date_rule"]),
              "article": _link(u["title"], u["url"])} for u in error["first_use"]]
    return {**error, "rows": rows, "first": first,
            "first_tie_reason": _tie_reason(error["first_use"]) if len(first) > 1 else None}


def _tie_reason(uses: list[dict]) -> str:
    if all(not u["published"] for u in uses):
        return "none of these articles gives a publication date"
    if any(parse_published(u["published"])[2] != "instant" for u in uses):
        return "a date without a time of day cannot be ordered against another date on the same day"
    return "the articles give the same publication time"


def _outlet_row(outlet: dict) -> dict:
    rate = outlet["error_rate"]
    return {**outlet,
            "rate_text": None if rate is None else _percent(rate["rate"]),
            "ci_text": None if rate is None else f"{_percent(rate['low'])}–{_percent(rate['high'])}"}


def _flagged_by_article(mentions: list[dict], titles: dict, snapshot_base, new_flags) -> list[dict]:
    """Flagged mentions grouped by article version, in the report's (date) order."""
    groups: dict[tuple, dict] = {}
    for m in mentions:
        key = (m["url"], m["version_id"])
        if key not in groups:
            groups[key] = {
                "outlet_name": m["outlet_name"], "article": _link(titles.get(m["url"]), m["url"]),
                "when": _when(m["published"], m["date_rule"]),
                "snapshot": _snapshot(m["version_id"], m["fetched_at"], snapshot_base), "mentions": []}
        groups[key]["mentions"].append({**m, "parts": highlight(m["sentence"], m["surface"]),
                                        "new": m["flag_id"] in new_flags})
    return list(groups.values())


def highlight(sentence: str | None, surface: str) -> tuple[str, str, str] | None:
    """(before, surface as written, after) so the template can mark the surface; None without a sentence.

    >>> highlight("Sheriff Kathcart said", "Kathcart")
    ('Sheriff ', 'Kathcart', ' said')
    """
    if not sentence:
        return None
    at = sentence.find(surface)
    if at < 0:
        at = sentence.casefold().find(surface.casefold())
        if at < 0 or len(sentence.casefold()) != len(sentence):
            return sentence, "", ""
    return sentence[:at], sentence[at:at + len(surface)], sentence[at + len(surface):]


def _person(person: dict, charts: _ChartIds, outlet_names: dict) -> dict:
    forms = [{**f, "first": _when(f.get("first_published")),
              "authorities": [outlet_names.get(o, o) for o in f.get("authoritative_outlets", [])]}
             for f in person["evidence"].get("forms", [])]
    links = sorted({(l["a"], l["b"], l["rule"]) for l in person["evidence"].get("links", [])})
    surfaces = [{**s, "first": _when(s["first_published"])}
                for s in sorted(person["surfaces"], key=lambda s: (s["kind"] == "error", -s["mentions"], s["surface"]))]
    return {**person, "surfaces": surfaces, "forms": forms, "links": links,
            "errors": [s for s in surfaces if s["kind"] == "error"],
            "variants": [s for s in surfaces if s["kind"] == "accepted"],
            "chart": variant_timeline_chart(person, charts.next())}


# --- charts: geometry only; the template draws it and escapes every label ---------------------------

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
    rank = {"canonical": 0, "title": 1, "surname": 1, "accepted": 2, "error": 3}
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
            "value": f"{_percent(rate['rate'])}  ({rate['k']}/{rate['n']})"
                     + ("" if outlet["ranked"] else ", not ranked"),
            "value_x": right + 10,
            "tip": f"{outlet['name']}: {rate['k']} of {rate['n']} articles used an error form, "
                   f"{_percent(rate['rate'])} (95% interval {_percent(rate['low'])} to {_percent(rate['high'])})",
        })
    height = top + row_h * len(rows_in) + 30
    ticks = [{"x": x(v / 100), "label": f"{v}%"} for v in (0, 25, 50, 75, 100)]
    worst = max(rows_in, key=lambda o: (o["ranked"], o["error_rate"]["rate"], o["error_rate"]["n"]))
    desc = (f"Bar chart of the error rate of {len(rows_in)} outlets: the share of their articles mentioning a "
            "person with an error form that used the error, with a line for the 95% Wilson interval. "
            f"Highest{' ranked' if worst['ranked'] else ''}: {worst['name']}, "
            f"{worst['error_rate']['k']} of {worst['error_rate']['n']} "
            f"({_percent(worst['error_rate']['rate'])}, interval {_percent(worst['error_rate']['low'])} to "
            f"{_percent(worst['error_rate']['high'])}).")
    return {"id": chart_id, "width": 680, "height": height, "rows": rows, "ticks": ticks,
            "axis_y": top + row_h * len(rows_in) + 2, "plot_top": top, "label_x": label_w,
            "title": "Error rate by outlet, with 95% intervals", "desc": desc}
