"""Story reports: plain data in, a versioned JSON-ready dict out, and renderings of that dict.

The dict is the single source: Markdown (and later HTML and CSV) render from it and never reach back
into the store, so every format says the same thing. Schema (version 1):

- `schema`: "newsclaims.story-report", `schema_version`: 1, `story`: {slug, title}
- `summary`: counts (articles, outlets, people, error_forms, flagged mentions/articles/outlets)
- `people[]`: {cluster_id, canonical, rule, surfaces[{surface, kind, rule, mentions, articles,
  outlets, first_published}], evidence}
- `errors[]`: {cluster_id, canonical, form, surfaces[], articles, outlets[], first_use[] (all
  articles tied for the earliest date), uses[] (every article, earliest first): {outlet, outlet_name,
  url, title, published, date_rule, usage, mentions}}
- `outlets[]`: {outlet, name, origin, authoritative, articles, articles_using_errors,
  articles_quoting_errors, error_forms[]}
- `unattached[]`: surname-only surfaces that fit more than one person
Sections for claims and propagation are added under their own keys when that data exists.
"""
from __future__ import annotations

import re
from collections import defaultdict

from analysis.names import fold
from analysis.dates import date_key, earliest

SCHEMA = "newsclaims.story-report"
SCHEMA_VERSION = 1


def build_report(*, story: dict, outlets: list[dict], documents: list[dict], clusters: list[dict],
                 assignments: list[dict], flags: list[dict]) -> dict:
    outlet_names = {o["origin"]: o["name"] for o in outlets}
    titles = {d["article_id"]: d["title"] for d in documents}
    people = [c for c in clusters if c["evidence"].get("forms")]
    errors = _errors(clusters, assignments, outlet_names, titles)
    outlet_rows = []
    for outlet in outlets:
        using = {u["url"] for e in errors for u in e["uses"] if u["origin"] == outlet["origin"] and u["usage"] == "uses"}
        quoting = {u["url"] for e in errors for u in e["uses"] if u["origin"] == outlet["origin"]} - using
        outlet_rows.append({
            "outlet": outlet["slug"], "name": outlet["name"], "origin": outlet["origin"],
            "authoritative": bool(outlet["authoritative"]),
            "articles": sum(1 for d in documents if d["origin"] == outlet["origin"]),
            "articles_using_errors": len(using), "articles_quoting_errors": len(quoting),
            "error_forms": sorted({e["form"] for e in errors for u in e["uses"] if u["origin"] == outlet["origin"]}),
        })
    level_counts = defaultdict(int)
    for flag in flags:
        level_counts[flag["level"]] += 1
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "story": story,
        "summary": {
            "articles": len(documents),
            "outlets": len(outlets),
            "people": len(people),
            "error_forms": len(errors),
            "flagged_mentions": level_counts["mention"],
            "flagged_articles": level_counts["article"],
            "flagged_outlets": level_counts["outlet"],
        },
        "people": [
            {"cluster_id": c["id"], "canonical": c["canonical"], "rule": c["rule"], "evidence": c["evidence"],
             "surfaces": [{k: s[k] for k in ("surface", "kind", "rule", "mentions", "articles", "outlets",
                                             "first_published")} for s in c["surfaces"]]}
            for c in people
        ],
        "errors": errors,
        "outlets": outlet_rows,
        "unattached": sorted({a["surface"] for a in assignments if a["kind"] == "unattached"}),
    }


def _errors(clusters, assignments, outlet_names, titles) -> list[dict]:
    forms_of = {(s["cluster_id"], s["surface"]): s["form"] for c in clusters for s in c["surfaces"] if s["kind"] == "error"}
    canonical = {c["id"]: c["canonical"] for c in clusters}
    grouped: dict[tuple, dict[int, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for a in assignments:
        if a["kind"] == "error":
            grouped[(a["cluster_id"], forms_of[(a["cluster_id"], a["surface"])])][a["article_id"]].append(a)
    errors = []
    for (cluster_id, form), by_article in sorted(grouped.items()):
        uses = []
        for article_id, found in by_article.items():
            first = found[0]
            uses.append({
                "outlet": first["outlet"], "outlet_name": outlet_names.get(first["origin"], first["outlet_name"]),
                "origin": first["origin"], "url": first["url"], "title": titles.get(article_id),
                "published": first["published"], "date_rule": first["published_rule"],
                "usage": "uses" if any(m["usage"] == "uses" for m in found) else "quoted",
                "mentions": len(found),
            })
        uses.sort(key=lambda u: (date_key(u["published"]), u["url"]))
        dated = [u for u in uses if u["usage"] == "uses"] or uses
        surfaces = sorted({m["surface"] for found in by_article.values() for m in found})
        errors.append({
            "cluster_id": cluster_id, "canonical": canonical[cluster_id], "form": _display_form(form, surfaces),
            "surfaces": surfaces, "articles": sum(1 for u in uses if u["usage"] == "uses"),
            "outlets": sorted({u["outlet"] for u in uses if u["usage"] == "uses"}),
            "first_use": earliest(dated),
            "uses": uses,
        })
    return errors


def _display_form(form: str, surfaces: list[str]) -> str:
    """The wrong spelling as written, preferring a capitalised occurrence ("Kathcart" over "kathcart")."""
    seen = [w for s in surfaces for w in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", s) if fold(w).replace("-", "") == form.replace(" ", "")]
    seen.sort(key=lambda w: (not w[:1].isupper(), w))
    return seen[0] if seen else form


# --- Markdown ---------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#!])")


def md(text) -> str:
    """Escape scraped text for Markdown: no markup, links or HTML can come from an article."""
    text = " ".join(str(text if text is not None else "").split())
    return _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;").replace(">", "&gt;")


def md_link(label: str, url: str | None) -> str:
    if url and re.match(r"^https?://", url) and not re.search(r"[\s<>()]", url):
        return f"[{md(label)}](<{url}>)"
    return md(label)


def _date(published: str | None, rule: str | None) -> str:
    if not published:
        return "undated"
    return f"{md(published)} ({md(rule or 'unknown rule')})"


def render_markdown(report: dict) -> str:
    s = report["summary"]
    lines = [
        f"# newsclaims report: {md(report['story']['title'])}",
        "",
        f"Story `{md(report['story']['slug'])}` · {s['articles']} articles from {s['outlets']} outlets · "
        f"{s['people']} people · report schema {report['schema']} v{report['schema_version']}",
        "",
        "## Summary",
        "",
        *[f"- {line}" for line in summary_lines(report)],
        "",
        "## Name errors",
        "",
    ]
    if not report["errors"]:
        lines += ["No name errors found.", ""]
    for error in report["errors"]:
        lines += [f"### “{md(error['form'])}” for {md(error['canonical'])}", ""]
        first = error["first_use"]
        tie = " (a tie: these dates cannot be ordered, a day-only date falls on the same day)" if len(first) > 1 else ""
        lines.append(f"First used{tie} by " + "; ".join(
            f"**{md(u['outlet_name'])}** on {_date(u['published'], u['date_rule'])}, {md_link(u['title'] or u['url'], u['url'])}"
            for u in first) + ".")
        lines += ["", f"Used in {error['articles']} articles by {len(error['outlets'])} outlets "
                      f"(surfaces: {', '.join(md(x) for x in error['surfaces'])}).", "",
                  "| # | date (rule) | outlet | article | usage | mentions |", "|---|---|---|---|---|---|"]
        for n, use in enumerate(error["uses"], 1):
            lines.append(f"| {n} | {_date(use['published'], use['date_rule'])} | {md(use['outlet_name'])} | "
                         f"{md_link(use['title'] or use['url'], use['url'])} | {use['usage']} | {use['mentions']} |")
        lines.append("")
    lines += ["## People", ""]
    for person in report["people"]:
        lines += [f"### {md(person['canonical'])}", "", f"Canonical form decided by: {md(person['rule'])}.", "",
                  "| surface | kind | mentions | articles | outlets | first seen | why |", "|---|---|---|---|---|---|---|"]
        for surface in person["surfaces"]:
            lines.append(f"| {md(surface['surface'])} | {surface['kind']} | {surface['mentions']} | {surface['articles']} | "
                         f"{surface['outlets']} | {md(surface['first_published'] or '')} | {md(surface['rule'])} |")
        lines.append("")
    if report["unattached"]:
        lines += ["Surnames that fit more than one person (left unattached): "
                  + ", ".join(md(u) for u in report["unattached"]), ""]
    lines += ["## Outlets", "", "| outlet | authoritative | articles | using an error | quoting an error | error forms |",
              "|---|---|---|---|---|---|"]
    for o in report["outlets"]:
        lines.append(f"| {md(o['name'])} | {'yes' if o['authoritative'] else 'no'} | {o['articles']} | "
                     f"{o['articles_using_errors']} | {o['articles_quoting_errors']} | {', '.join(md(f) for f in o['error_forms'])} |")
    lines.append("")
    return "\n".join(lines)


def summary_lines(report: dict) -> list[str]:
    """Five lines for a terminal: what was read, who, which errors, what is flagged, who erred."""
    s = report["summary"]
    errors = report["errors"]
    if errors:
        worst = max(errors, key=lambda e: e["articles"])
        firsts = " and ".join(f"{u['outlet_name']} ({u['published'] or 'undated'})" for u in worst["first_use"])
        tie = ", a tie" if len(worst["first_use"]) > 1 else ""
        error_line = (f"Errors: {len(errors)} wrong form(s); worst “{worst['form']}” for {worst['canonical']} in "
                      f"{worst['articles']} articles, first by {firsts}{tie}")
    else:
        error_line = "Errors: none found"
    erring = [o["name"] for o in report["outlets"] if o["articles_using_errors"]]
    return [
        f"Story: {report['story']['title']}: {s['articles']} articles from {s['outlets']} outlets",
        f"People: {s['people']} (canonical forms chosen from evidence)",
        error_line,
        f"Flagged: {s['flagged_mentions']} mentions, {s['flagged_articles']} articles, {s['flagged_outlets']} outlets",
        "Outlets using an error: " + (", ".join(erring) if erring else "none"),
    ]


# --- queries ----------------------------------------------------------------------------------------

def variants_of(name: str, clusters: list[dict], assignments: list[dict], *, story: str = "",
                score_cutoff: float = 80) -> list[dict]:
    """Every variant of the person(s) `name` belongs to, with who uses each form and since when.

    Any spelling works as the query: an exact surface, a full name, a surname alone, or a spelling
    close enough to one (an error form is a surface of its cluster like any other).
    """
    from analysis.names import parse_name
    from analysis.variants import surnames_fit

    query = parse_name(name)
    if query is None:
        return []

    def matches(surface: str, fuzzy: bool) -> bool:
        parsed = parse_name(surface)
        if parsed is None:
            return False
        if query.full and parsed.full:
            return parsed.key == query.key or (fuzzy and parsed.given == query.given
                                               and surnames_fit(parsed.surname_key, query.surname_key, score_cutoff))
        return parsed.surname_key == query.surname_key or (fuzzy and surnames_fit(parsed.surname_key, query.surname_key, score_cutoff))

    hits = [c for c in clusters if any(matches(s["surface"], False) for s in c["surfaces"])]
    if not hits:
        hits = [c for c in clusters if any(matches(s["surface"], True) for s in c["surfaces"])]
    by_surface: dict[tuple, list[dict]] = defaultdict(list)
    for a in assignments:
        by_surface[(a["cluster_id"], a["surface"])].append(a)
    people = []
    for cluster in hits:
        rows = []
        for s in cluster["surfaces"]:
            uses = sorted(by_surface[(cluster["id"], s["surface"])], key=lambda a: date_key(a["published"]))
            rows.append({
                "surface": s["surface"], "kind": s["kind"], "rule": s["rule"], "mentions": s["mentions"],
                "articles": s["articles"], "outlets": sorted({a["outlet"] or a["origin"] for a in uses}),
                "first_seen": uses[0]["published"] if uses else None,
                "last_seen": uses[-1]["published"] if uses else None,
                "introduced_by": (uses[0]["outlet"] or uses[0]["origin"]) if uses else None,
            })
        kind_order = {"canonical": 0, "title": 1, "accepted": 2, "surname": 3, "error": 4}
        rows.sort(key=lambda r: (kind_order.get(r["kind"], 9), -r["mentions"], r["surface"]))
        people.append({"story": story, "cluster_id": cluster["id"], "canonical": cluster["canonical"],
                       "rule": cluster["rule"], "variants": rows})
    return people
