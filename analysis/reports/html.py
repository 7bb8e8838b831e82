"""The story report dict (analysis.reports) as one self-contained HTML file a journalist can forward.

The file renders offline and asks for nothing: no script, no font, no image, no CDN. Charts are
inline SVG drawn by the template from plain geometry computed here, each with a `<title>`, a `<desc>`
and a data table, so every label, like every other string, goes through Jinja's autoescape.

Everything scraped is untrusted (titles, bodies, outlet names, bylines, URLs, even name surfaces), so:

- the Jinja environment escapes every `{{ }}` (text, attributes, SVG text alike); the only unescaped
  insert is the stylesheet, which is ours;
- a URL becomes an `href` only when `analysis.reports.markdown.safe_url` accepts it (plain http(s));
  anything else is shown as text. Article links carry `rel="noopener noreferrer"`;
- a Content-Security-Policy meta allows nothing at all except the one inline stylesheet, named by
  its sha256 hash rather than `'unsafe-inline'`: should markup ever slip through, an injected
  `<style>` or `style=` would be refused as well as any script, image or request;
- nothing here reads the store: the dict is the single source, as for the Markdown renderer.
"""
from __future__ import annotations

import base64
import hashlib
from bisect import bisect_left
from collections import defaultdict
from datetime import date, timezone
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from analysis.dates import date_key, parse_published
from analysis.names import slug_words
from analysis.reports.cascade import cascade_charts
from analysis.reports.charts import _MONTHS, error_rate_chart, outlet_timeline_chart, variant_timeline_chart
from analysis.reports.claims import html_view as claims_view
from analysis.reports.markdown import ROLLUP_AFTER, ROLLUP_EXAMPLES, safe_url, summary_lines, utc_text
from analysis.reports.text import percent

TEMPLATES = Path(__file__).parent / "templates"
_ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)



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
        "cascades": cascade_charts(report, charts.next),
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
        "flagged_total": len(report["flagged_mentions"]),
        "flagged_rollup": _flagged_rollup(report["flagged_mentions"]),
        "provenance": _provenance(report.get("provenance")),
        "claims": claims_view(report),
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
    """A date for people, in UTC whatever offset the page gave, so dates in one table read in one
    zone: "4 Mar 2026, 13:30 UTC"; "4 Mar 2026 (day only)" (a day is only comparable within its own
    offset, so it is not converted); "undated"; a time the page gave without an offset says so."""
    instant, day, precision = parse_published(value)
    if not value:
        text = "undated"
    elif day is None:
        text = value  # unparseable: shown as the page gave it (escaped), never guessed
    elif precision == "day":
        text = f"{_day(day)} (day only)"
    elif utc_text(value).endswith("(no time zone)"):
        text = f"{_day(day)}, {instant:%H:%M} (no time zone)"
    else:
        text = f"{_day(instant.astimezone(timezone.utc).date())}, {instant:%H:%M} UTC"
    return {"text": text, "iso": value if day else None, "rule": rule, "precision": precision}


def _day(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


# --- sections ---------------------------------------------------------------------------------------

def use_positions(uses: list[dict], counted: list[int]) -> dict[int, int]:
    """For each counted use, 1 + the number of counted uses surely earlier (`analysis.dates.surely_after`):
    its place in the order, shared by uses that cannot be told apart. Sorted lists and binary search,
    not all pairs: an error form used in 10,000 articles took 38 s the quadratic way.

    >>> use_positions([{"published": "2026-03-04"}, {"published": "2026-03-04T10:00:00+00:00"},
    ...                {"published": "2026-03-05"}, {"published": None}], [0, 1, 2, 3])
    {0: 1, 1: 1, 2: 3, 3: 4}
    """
    parsed = {i: parse_published(uses[i]["published"]) for i in counted}
    instants = sorted(p[0] for p in parsed.values() if p[0] is not None and p[2] == "instant")
    day_only = sorted(p[1] for p in parsed.values() if p[1] is not None and p[2] == "day")
    all_days = sorted(p[1] for p in parsed.values() if p[1] is not None)
    positions = {}
    for i, (instant, day, precision) in parsed.items():
        if day is None:
            earlier = len(all_days)  # undated comes after everything dated
        elif precision == "day":
            earlier = bisect_left(all_days, day)
        else:
            earlier = bisect_left(instants, instant) + bisect_left(day_only, day)
        positions[i] = 1 + earlier
    return positions


def _error(error: dict, snapshot_base, new_flags) -> dict:
    uses = error["uses"]
    counted = [i for i, u in enumerate(uses) if u["usage"] == "uses"] or list(range(len(uses)))
    positions = use_positions(uses, counted)
    shared = defaultdict(list)
    for i, position in positions.items():
        shared[position].append(i)
    reasons = {position: _tie_reason([uses[j] for j in members]) for position, members in shared.items()
               if len(members) > 1}
    shown = range(len(uses)) if len(uses) <= ROLLUP_AFTER else range(ROLLUP_AFTER)
    rows = []
    for i in shown:
        use = uses[i]
        position = positions.get(i)
        tied = position in reasons
        rows.append({
            **use,
            "position": position, "tied": tied,
            "tie_reason": reasons.get(position),
            "when": _when(use["published"], use["date_rule"]),
            "article": _link(use["title"], use["url"]),
            "snapshot": _snapshot(use["version_id"], use["fetched_at"], snapshot_base),
            "new": use["flag_id"] in new_flags,
        })
    first = [{**u, "when": _when(u["published"], u["date_rule"]),
              "article": _link(u["title"], u["url"])} for u in error["first_use"]]
    return {**error, "rows": rows, "first": first, "hidden": len(uses) - len(rows),
            "rollup": _uses_rollup(uses) if len(uses) > ROLLUP_AFTER else [],
            "first_tie_reason": _tie_reason(error["first_use"]) if len(first) > 1 else None}


def _uses_rollup(uses: list[dict]) -> list[dict]:
    """Per outlet: articles, how many use (not quote) the form, first and last use, a few examples."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    for use in uses:
        grouped[use["outlet_name"] or use["outlet"]].append(use)
    rows = []
    for outlet, found in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        ordered = sorted(found, key=lambda u: (date_key(u["published"]), u["url"]))
        rows.append({"outlet_name": outlet, "articles": len(found),
                     "using": sum(1 for u in found if u["usage"] == "uses"),
                     "first": _when(ordered[0]["published"]), "last": _when(ordered[-1]["published"]),
                     "examples": [_link(u["title"], u["url"]) for u in ordered[:ROLLUP_EXAMPLES]]})
    return rows


def _flagged_rollup(mentions: list[dict]) -> list[dict]:
    """Flagged mentions per outlet and error form (empty while they are few enough to list)."""
    if len(mentions) <= ROLLUP_AFTER:
        return []
    grouped: dict[tuple, list[dict]] = defaultdict(list)
    for m in mentions:
        grouped[(m["outlet_name"] or m["outlet"], m["form"] or m["surface"])].append(m)
    rows = []
    for (outlet, form), found in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        ordered = sorted(found, key=lambda m: date_key(m["published"]))
        rows.append({"outlet_name": outlet, "form": form, "mentions": len(found),
                     **{status: sum(1 for m in found if m["review"] == status)
                        for status in ("open", "confirmed", "dismissed")},
                     "first": _when(ordered[0]["published"]), "last": _when(ordered[-1]["published"])})
    return rows


def _provenance(provenance: dict | None) -> dict | None:
    if not provenance:
        return None
    return {**provenance, "analysed": _when(provenance.get("analysed_at")),
            "settings": sorted((provenance.get("settings") or {}).items()),
            "outlets": [{"name": None, "crawl_status": None, "ok": None, "failures": None, **o,
                         "crawled": _when(o.get("crawl_started")), "fetched": _when(o.get("last_fetched"))}
                        for o in provenance.get("outlets") or []]}


def _tie_reason(uses: list[dict]) -> str:
    if all(not u["published"] for u in uses):
        return "none of these articles gives a publication date"
    if any(parse_published(u["published"])[2] != "instant" for u in uses):
        return "a date without a time of day cannot be ordered against another date on the same day"
    return "the articles give the same publication time"


def _outlet_row(outlet: dict) -> dict:
    rate = outlet["error_rate"]
    return {**outlet,
            "rate_text": None if rate is None else percent(rate["rate"]),
            "ci_text": None if rate is None else f"{percent(rate['low'])}–{percent(rate['high'])}"}


def _flagged_by_article(mentions: list[dict], titles: dict, snapshot_base, new_flags) -> list[dict]:
    """Flagged mentions grouped by article version, in the report's (date) order; past `ROLLUP_AFTER`
    mentions only the first `ROLLUP_AFTER` and those with a review note (the roll-up counts the rest)."""
    if len(mentions) > ROLLUP_AFTER:
        mentions = mentions[:ROLLUP_AFTER] + [m for m in mentions[ROLLUP_AFTER:] if m.get("note")]
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

    A name found in a URL was read with its hyphens as spaces (`names.slug_words`), and is marked
    where it stands in the URL.

    >>> highlight("Sheriff Kathcart said", "Kathcart")
    ('Sheriff ', 'Kathcart', ' said')
    >>> highlight("https://example.org/a/sheriff-kathcart-said", "sheriff kathcart")
    ('https://example.org/a/', 'sheriff-kathcart', '-said')
    """
    if not sentence:
        return None
    at = sentence.find(surface)
    if at < 0:
        at = sentence.casefold().find(surface.casefold())
        if at < 0:
            at = slug_words(sentence).casefold().find(surface.casefold())
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
