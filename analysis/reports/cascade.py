"""The cascade picture of one error, for the HTML report: time across, outlets down, one mark per use,
copy edges as arrows, origins ringed, corrected uses hollow.

Geometry only, as in `analysis.reports.charts`: plain numbers and strings the template
(`templates/_cascade.html.j2`) places with autoescape on, so every scraped string (outlet names, URLs,
error forms) is escaped as SVG text and attributes like any other. Ids come from the report's chart
counter, never from scraped text.

Why a picture per error: the table of uses says who wrote the error when; only a picture shows that
six uses are one origin and five copies, or two origins each copied on, and which copies were made
from a source that has since corrected itself.

What is drawn: every use that belongs to a chain (`propagation[].chains[].member_urls`), placed at its
publication instant (a day-only date at noon UTC of its day; undated uses in a column of their own at
the right: their order is unknown and never guessed); one row per outlet, outlets ordered by their
first use. A story with thousands of uses draws its largest chains up to `MAX_MARKS` marks and says
how many single uses were left out (the data table and the CSV keep all of them).
"""
from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import urlsplit

from analysis.dates import parse_published
from analysis.reports.charts import _MONTHS, _label, _label_width

#: The most marks one picture draws: beyond it, an SVG stops being readable (and the file small).
MAX_MARKS = 200
WIDTH = 680
ROW_H = 30
TOP = 30
MARK_R = 5.0
ORIGIN_R = 9.0


def cascade_charts(report: dict, next_id) -> list[dict]:
    """One picture per error that has propagation data, in the report's error order. `next_id` gives
    a fresh chart id (the HTML report's counter)."""
    entries = {(p["error"].get("cluster_id"), (p["error"].get("form") or "").lower()): p
               for p in report.get("propagation") or ()}
    charts = []
    for error in report["errors"]:
        entry = entries.get((error["cluster_id"], error["form"].lower()))
        if entry and entry["chains"]:
            charts.append(cascade_chart(entry, error, report.get("copies") or (), next_id()))
    return charts


def _moment(published: str | None) -> datetime | None:
    """The instant a use is drawn at: its instant in UTC, noon UTC for a day-only date, None undated."""
    instant, day, precision = parse_published(published)
    if day is None:
        return None
    if instant is not None and precision == "instant":
        return instant.astimezone(timezone.utc) if instant.tzinfo else instant.replace(tzinfo=timezone.utc)
    return datetime.combine(day, time(12), tzinfo=timezone.utc)


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def cascade_chart(entry: dict, error: dict, copies, chart_id: str) -> dict:
    """The geometry of one error's cascade (see the module docstring)."""
    uses = {u["url"]: u for u in error["uses"]}
    chains = sorted(entry["chains"], key=lambda c: -len(c["member_urls"]))
    drawn, left_out = [], 0
    for chain in chains:
        if len(drawn) + len(chain["member_urls"]) <= MAX_MARKS or not drawn:
            drawn += [(url, chain) for url in chain["member_urls"][:MAX_MARKS]]
        else:
            left_out += len(chain["member_urls"])
    corrected = {c["url"]: c for chain in entry["chains"] for c in chain.get("corrected", ())}
    origins = {c["origin_url"]: c for c in entry["chains"]}
    direction = {(c["source_url"], c["target_url"]): c.get("direction") for c in copies}

    marks = []
    for url, chain in drawn:
        use = uses.get(url, {})
        outlet = use.get("outlet_name") or use.get("outlet") or _host(url)
        marks.append({"url": url, "outlet": outlet, "published": use.get("published"),
                      "when": _moment(use.get("published")), "chain": chain})
    dated = [m["when"] for m in marks if m["when"] is not None]
    undated = any(m["when"] is None for m in marks)
    order: dict[str, datetime | None] = {}
    for m in sorted(marks, key=lambda m: (m["when"] is None, m["when"] or datetime.min.replace(tzinfo=timezone.utc))):
        order.setdefault(m["outlet"], m["when"])
    outlets = list(order)
    label_w = _label_width(outlets)
    left, right = label_w + 16, WIDTH - (96 if undated else 28)
    undated_x = WIDTH - 48
    first, last = (min(dated), max(dated)) if dated else (None, None)
    span = (last - first).total_seconds() if dated else 0.0

    def x_of(when: datetime | None) -> float:
        if when is None:
            return undated_x
        if span == 0:
            return round((left + right) / 2, 1)
        return round(left + (right - left) * (when - first).total_seconds() / span, 1)

    rows = [{"y": TOP + ROW_H * n + ROW_H / 2, "label": _label(name), "full": name} for n, name in enumerate(outlets)]
    row_y = {name: row["y"] for name, row in zip(outlets, rows)}
    placed: dict[str, list[float]] = defaultdict(list)
    points = {}
    for m in marks:
        x, y = x_of(m["when"]), row_y[m["outlet"]]
        # Two uses of one outlet close in time would hide each other: the later one steps down a little.
        near = sum(1 for other in placed[m["outlet"]] if abs(other - x) < 2 * MARK_R)
        placed[m["outlet"]].append(x)
        y = round(y + (near % 3) * 4 - (4 if near % 3 == 2 else 0), 1)
        points[m["url"]] = (x, y)
        fix = corrected.get(m["url"])
        chain = origins.get(m["url"])
        tip = [f"{m['outlet']}, {m['published'] or 'undated'}: {m['url']}"]
        if chain is not None:
            tip.append(f"origin of a chain of {len(chain['member_urls'])} (confidence {chain['confidence']:.2f})")
        if fix:
            tip.append(f"corrected in version {fix['to_version']} ({fix['kind']}, seen {fix['observed_at'] or '?'})")
        m.update({"x": x, "y": y, "origin": chain is not None,
                  "uncertain": chain is not None and chain["confidence"] < 1, "corrected": fix is not None,
                  "tip": "; ".join(tip)})
    arrows = []
    for chain in entry["chains"]:
        for edge in chain["edges"]:
            if edge["source_url"] not in points or edge["target_url"] not in points:
                continue
            (x1, y1), (x2, y2) = points[edge["source_url"]], points[edge["target_url"]]
            arrows.append({**_arrow(x1, y1, x2, y2), "uncertain": (edge.get("direction") or direction.get(
                (edge["source_url"], edge["target_url"]))) == "uncertain",
                "tip": f"copied: {edge['source_url']} → {edge['target_url']}"})
    height = TOP + ROW_H * len(outlets) + 34
    ticks = _ticks(first, last, x_of) if dated else []
    n_chains = len(entry["chains"])
    desc = (f"Cascade of “{error['form']}” (error for {error['canonical']}): {len(marks)} uses by {len(outlets)} "
            f"outlets in {n_chains} chain(s), time across, outlets down; arrows are copies that carried the error. "
            f"Origins: " + "; ".join(f"{uses.get(c['origin_url'], {}).get('outlet_name') or _host(c['origin_url'])} "
                                    f"({uses.get(c['origin_url'], {}).get('published') or 'undated'})"
                                    for c in entry["chains"][:8])
            + ("; …" if n_chains > 8 else "") + f". {sum(1 for m in marks if m['corrected'])} use(s) corrected since."
            + (f" {left_out} uses in smaller chains are not drawn." if left_out else ""))
    return {"id": chart_id, "width": WIDTH, "height": height, "rows": rows, "marks": marks, "arrows": arrows,
            "ticks": ticks, "axis_y": height - 26, "plot_top": TOP - 12, "left": left, "right": right,
            "label_x": label_w, "undated_x": undated_x if undated else None,
            "lane_end": (undated_x if undated else right) + 10, "left_out": left_out,
            "title": f"Who copied “{error['form']}” from whom", "desc": desc,
            "table": [{"outlet": m["outlet"], "published": m["published"] or "undated", "url": m["url"],
                       "role": "origin" if m["origin"] else "copy",
                       "copied_from": ", ".join(e["source_url"] for e in m["chain"]["edges"]
                                                if e["target_url"] == m["url"]),
                       "corrected": (f"version {corrected[m['url']]['to_version']} ({corrected[m['url']]['kind']})"
                                     if m["corrected"] else "")} for m in marks]}


def _arrow(x1: float, y1: float, x2: float, y2: float) -> dict:
    """A path from one mark to another, stopping short of both circles so the head shows; a gentle
    curve when both sit on one row (a straight line would run through the marks between them)."""
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    sx, sy = x1 + ux * (MARK_R + 2), y1 + uy * (MARK_R + 2)
    ex, ey = x2 - ux * (MARK_R + 3), y2 - uy * (MARK_R + 3)
    if abs(dy) < 1:
        lift = min(22.0, 8 + length / 10)
        return {"d": f"M {sx:.1f} {sy:.1f} Q {(sx + ex) / 2:.1f} {sy - lift:.1f} {ex:.1f} {ey:.1f}"}
    return {"d": f"M {sx:.1f} {sy:.1f} L {ex:.1f} {ey:.1f}"}


def _ticks(first: datetime, last: datetime, x_of) -> list[dict]:
    """Day marks at midnight UTC (at most about eight), labelled "4 Mar"."""
    start, end = first.date(), last.date()
    days = (end - start).days
    step = max(1, math.ceil((days + 1) / 8))
    ticks = []
    for offset in range(0, days + 2, step):
        day: date = start + timedelta(days=offset)
        moment = datetime.combine(day, time(0), tzinfo=timezone.utc)
        if first <= moment <= last:
            ticks.append({"x": x_of(moment), "label": f"{day.day} {_MONTHS[day.month - 1]}"})
    return ticks
