"""The story report as Markdown, and the summary lines every format opens with.

Scraped text is untrusted: `md` escapes it so no markup, link or HTML can come from an article, and
only http(s) URLs become links (`safe_url`). That includes the summary lines, which name outlets and
error forms. Dates are shown in UTC, whatever offset each page gave, so a column of dates reads in one
zone (`utc_text`).

A big story would print thousands of rows; past `ROLLUP_AFTER` uses of an error form the report
rolls up per outlet (count, first and last use, a few examples) and points to the complete CSV/JSONL
(`newsclaims report STORY --format csv`, `newsclaims export STORY`).
"""
from __future__ import annotations

import re
from collections import defaultdict

from analysis.dates import date_key, parse_published
from analysis.reports.text import percent

#: Uses of one error form (and flagged mentions in all) shown row by row; more roll up per outlet.
ROLLUP_AFTER = 25
#: Examples kept per outlet in a roll-up.
ROLLUP_EXAMPLES = 3

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#!])")


def md(text) -> str:
    """Escape scraped text for Markdown: no markup, links or HTML can come from an article."""
    text = " ".join(str(text if text is not None else "").split())
    return _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;").replace(">", "&gt;")


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s) (no javascript:, data: or whitespace tricks), else None."""
    if url and re.match(r"^https?://[^\s<>\"'`]+$", url):
        return url
    return None


def md_link(label: str, url: str | None) -> str:
    url = safe_url(url)
    if url and not re.search(r"[()]", url):
        return f"[{md(label)}](<{url}>)"
    return md(label)


def utc_text(published: str | None) -> str:
    """A published date for reading, in UTC: "2026-03-04 14:00 UTC"; a day-only date stays a day
    ("2026-03-04, day only"), a time without offset says so; unreadable text is shown as given.

    >>> utc_text("2026-03-04T09:00:00-05:00"), utc_text("2026-03-04"), utc_text(None)
    ('2026-03-04 14:00 UTC', '2026-03-04, day only', 'undated')
    """
    if not published:
        return "undated"
    instant, day, precision = parse_published(published)
    if day is None:
        return published
    if precision == "day":
        return f"{day.isoformat()}, day only"
    has_offset = "+" in published[10:] or "-" in published[10:] or published.rstrip().endswith("Z")
    if not has_offset:
        return f"{instant:%Y-%m-%d %H:%M} (no time zone)"
    return f"{instant:%Y-%m-%d %H:%M} UTC"


def _date(published: str | None, rule: str | None) -> str:
    if not published:
        return "undated"
    return f"{md(utc_text(published))} ({md(rule or 'unknown rule')})"


def render_markdown(report: dict) -> str:
    s = report["summary"]
    narrowed = f" · outlet {md(report['story']['outlet'])} only" if report["story"].get("outlet") else ""
    lines = [
        f"# newsclaims report: {md(report['story']['title'])}",
        "",
        f"Story `{md(report['story']['slug'])}`{narrowed} · generated {md(utc_text(report['generated_at']))} · "
        f"{s['articles']} articles from {s['outlets']} outlets · {s['people']} people · schema {report['schema']} "
        f"v{report['schema_version']} · dates in UTC",
        "",
        "## Summary",
        "",
        *[f"- {md(line)}" for line in summary_lines(report)],
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
                      f"(surfaces: {', '.join(md(x) for x in error['surfaces'])}).", ""]
        if len(error["uses"]) > ROLLUP_AFTER:
            lines += _rolled_up_uses(error)
            continue
        lines += ["| # | date (rule) | outlet | article | usage | mentions | review |", "|---|---|---|---|---|---|---|"]
        for n, use in enumerate(error["uses"], 1):
            lines.append(f"| {n} | {_date(use['published'], use['date_rule'])} | {md(use['outlet_name'])} | "
                         f"{md_link(use['title'] or use['url'], use['url'])} | {use['usage']} | {use['mentions']} | "
                         f"{md(use['review'] or '')} |")
        lines.append("")
    ranked = [o for o in report["outlets"] if o["ranked"]]
    ranking = (f"ranked only from n = {min(o['error_rate']['n'] for o in ranked)} up" if ranked
               else "no outlet has enough articles mentioning the person to be ranked")
    lines += ["## Outlets", "",
              "Error rate = articles using an error / articles mentioning a person who has an error form, "
              f"with a 95% Wilson interval; {ranking}. "
              "Corrections and copying are not measured yet: shown as –, not 0.", "",
              "| rank | outlet | authoritative | articles | mentioning | using an error | quoting | error rate (95% CI) | corrections | copied |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for o in report["outlets"]:
        rate = o["error_rate"]
        shown = "–" if rate is None else f"{percent(rate['rate'])} ({percent(rate['low'])}–{percent(rate['high'])}), n={rate['n']}"
        lines.append(f"| {o['rank'] or '–'} | {md(o['name'])} | {'yes' if o['authoritative'] else 'no'} | {o['articles']} | "
                     f"{o['articles_mentioning']} | {o['articles_using_errors']} | {o['articles_quoting_errors']} | "
                     f"{shown} | – | – |")
    lines += ["", "## Flagged mentions", ""]
    flagged = report["flagged_mentions"]
    if not flagged:
        lines += ["None.", ""]
    elif len(flagged) > ROLLUP_AFTER:
        lines += _rolled_up_mentions(flagged)
    for m in flagged if len(flagged) <= ROLLUP_AFTER else []:
        lines.append(_flagged_line(m))
    review = report["review"]
    lines += ["", f"Review: {review['open']} open, {review['confirmed']} confirmed, {review['dismissed']} dismissed; "
                  f"{len(review['new_since_last_run'])} flags new since the last analysis.", "", "## People", ""]
    for person in report["people"]:
        lines += [f"### {md(person['canonical'])}", "", f"Canonical form decided by: {md(person['rule'])}.", "",
                  "| surface | kind | mentions | articles | outlets | first seen | why |", "|---|---|---|---|---|---|---|"]
        for surface in person["surfaces"]:
            lines.append(f"| {md(surface['surface'])} | {surface['kind']} | {surface['mentions']} | {surface['articles']} | "
                         f"{surface['outlets']} | {md(utc_text(surface['first_published']) if surface['first_published'] else '')} | "
                         f"{md(surface['rule'])} |")
        lines.append("")
    if report["unattached"]:
        lines += ["Surnames that fit more than one person (left unattached): "
                  + ", ".join(md(u) for u in report["unattached"]), ""]
    from analysis.reports.claims import markdown_lines as claims_markdown  # it escapes with `md`, from here

    lines += claims_markdown(report)
    lines += _propagation_lines(report)
    lines += ["## Not yet measured", ""] + [f"- {md(key)}: {md(why)}" for key, why in sorted(report["absent"].items())]
    lines += [""] + provenance_lines(report)
    lines.append("")
    return "\n".join(lines)


def _propagation_lines(report: dict) -> list[str]:
    """Who copied whom: each error's chains (origin, copies, corrections), then every correction."""
    if report.get("propagation") is None:
        return []
    lines = ["## Who copied whom", "", f"{len(report.get('copies') or [])} copy edges between articles "
             "(shared passages of 150+ characters, direct copies only).", ""]
    for entry in report["propagation"]:
        error = entry["error"]
        lines += [f"### “{md(error.get('form'))}” for {md(error.get('canonical'))}: {len(entry['chains'])} chain(s)", ""]
        for chain in entry["chains"]:
            copies = len(chain["member_urls"]) - 1
            fixed = "; ".join(f"{md_link('corrected', c['url'])} in version {c['to_version']} ({md(c['kind'])})"
                              for c in chain.get("corrected", ()))
            lines.append(f"- origin {md_link(chain['origin_url'], chain['origin_url'])} (confidence "
                         f"{chain['confidence']:.2f}, {md(chain.get('likely', ''))}): {copies} cop"
                         f"{'y carries' if copies == 1 else 'ies carry'} it" + (f"; {fixed}" if fixed else ""))
        lines.append("")
    corrections = report.get("corrections") or []
    lines += ["### Corrections", ""]
    if not corrections:
        lines += ["No article changed an error form between the versions fetched.", ""]
    for c in corrections:
        lines.append(f"- {md_link(c['url'], c['url'])}: version {c['from_version']} → {c['to_version']} "
                     f"({md(c['kind'])}, seen {md(utc_text(c.get('observed_at')))}); dropped {md(', '.join(c['dropped']) or '–')}, "
                     f"added {md(', '.join(c['added']) or '–')}")
    return lines + [""]


def _flagged_line(m: dict) -> str:
    note = f" Review note: “{md(m['note'])}”." if m.get("note") else ""
    return (f"- **{md(m['surface'])}** ({m['usage']}, {m['field']}, review: {md(m['review'])}) in "
            f"{md_link(m['outlet_name'], m['url'])}, {_date(m['published'], m['date_rule'])}: "
            f"“{md(m['sentence'] or '')}” — flag `{m['flag_id']}`.{note}")


def _by_outlet(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["outlet_name"] or row.get("outlet") or "?"].append(row)
    return sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def _rolled_up_uses(error: dict) -> list[str]:
    lines = [f"{len(error['uses'])} articles: rolled up per outlet, earliest first within each. The complete list "
             "is the errors table of `newsclaims report STORY --format csv` (or `newsclaims export STORY`).", "",
             "| outlet | articles | using | first use | last use | examples |", "|---|---|---|---|---|---|"]
    for outlet, uses in _by_outlet(error["uses"]):
        ordered = sorted(uses, key=lambda u: (date_key(u["published"]), u["url"]))
        examples = ", ".join(md_link(u["title"] or u["url"], u["url"]) for u in ordered[:ROLLUP_EXAMPLES])
        lines.append(f"| {md(outlet)} | {len(uses)} | {sum(1 for u in uses if u['usage'] == 'uses')} | "
                     f"{md(utc_text(ordered[0]['published']))} | {md(utc_text(ordered[-1]['published']))} | {examples} |")
    return lines + [""]


def _rolled_up_mentions(flagged: list[dict]) -> list[str]:
    lines = [f"{len(flagged)} flagged mentions: rolled up per outlet and error form, with a few examples. The "
             "complete list is the flags table of `newsclaims report STORY --format csv`.", "",
             "| outlet | error form | mentions | open | confirmed | dismissed | first | last |",
             "|---|---|---|---|---|---|---|---|"]
    examples = []
    for outlet, rows in _by_outlet(flagged):
        forms: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            forms[row["form"] or row["surface"]].append(row)
        for form, found in sorted(forms.items()):
            ordered = sorted(found, key=lambda r: date_key(r["published"]))
            count = {s: sum(1 for r in found if r["review"] == s) for s in ("open", "confirmed", "dismissed")}
            lines.append(f"| {md(outlet)} | {md(form)} | {len(found)} | {count['open']} | {count['confirmed']} | "
                         f"{count['dismissed']} | {md(utc_text(ordered[0]['published']))} | "
                         f"{md(utc_text(ordered[-1]['published']))} |")
            examples += ordered[:1]
    noted = [m for m in flagged if m.get("note")]
    lines += ["", "Examples (the earliest per outlet and form), then every mention with a review note:", ""]
    shown = {m["flag_id"] for m in examples}
    for m in examples[:ROLLUP_AFTER] + [m for m in noted if m["flag_id"] not in shown]:
        lines.append(_flagged_line(m))
    return lines


def provenance_lines(report: dict) -> list[str]:
    """What produced the report: ruleset, settings of the last analysis, and each outlet's last crawl."""
    provenance = report.get("provenance")
    if not provenance:
        return []
    settings = ", ".join(f"{md(k)} = {md(v)}" for k, v in sorted((provenance.get("settings") or {}).items()))
    lines = ["## How this report was made", "",
             f"- Ruleset {md(provenance.get('ruleset'))}; last analysis {md(utc_text(provenance.get('analysed_at')))}.",
             f"- Settings: {settings or 'defaults'}."]
    if provenance.get("not_analysed"):
        lines.append(f"- {provenance['not_analysed']} article versions stored since are not analysed yet.")
    lines += ["", "| outlet | last crawl | crawl status | answers | failures | last page fetched |",
              "|---|---|---|---|---|---|"]
    for o in provenance.get("outlets") or []:
        lines.append(f"| {md(o.get('name') or o.get('outlet'))} | {md(utc_text(o.get('crawl_started')))} | "
                     f"{md(o.get('crawl_status') or '–')} | {o.get('ok', '–')} | {o.get('failures', '–')} | "
                     f"{md(utc_text(o.get('last_fetched')))} |")
    return lines


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
        f"Flagged: {s['flagged_mentions']} mentions, {s['flagged_articles']} articles, {s['flagged_outlets']} outlets"
        f" ({len(report['review']['new_since_last_run'])} new since the last run)",
        "Outlets using an error: " + (", ".join(erring) if erring else "none"),
    ]


# --- CSV: one table per file ----------------------------------------------------------------------
