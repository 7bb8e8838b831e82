"""The story report as Markdown, and the summary lines every format opens with.

Scraped text is untrusted: `md` escapes it so no markup, link or HTML can come from an article, and
only http(s) URLs become links (`safe_url`).
"""
from __future__ import annotations

import re

from analysis.reports.text import percent

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


def _date(published: str | None, rule: str | None) -> str:
    if not published:
        return "undated"
    return f"{md(published)} ({md(rule or 'unknown rule')})"


def render_markdown(report: dict) -> str:
    s = report["summary"]
    lines = [
        f"# newsclaims report: {md(report['story']['title'])}",
        "",
        f"Story `{md(report['story']['slug'])}` · generated {md(report['generated_at'])} · {s['articles']} articles "
        f"from {s['outlets']} outlets · {s['people']} people · schema {report['schema']} v{report['schema_version']}",
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
                  "| # | date (rule) | outlet | article | usage | mentions | review |", "|---|---|---|---|---|---|---|"]
        for n, use in enumerate(error["uses"], 1):
            lines.append(f"| {n} | {_date(use['published'], use['date_rule'])} | {md(use['outlet_name'])} | "
                         f"{md_link(use['title'] or use['url'], use['url'])} | {use['usage']} | {use['mentions']} | "
                         f"{md(use['review'] or '')} |")
        lines.append("")
    lines += ["## Outlets", "",
              "Error rate = articles using an error / articles mentioning a person who has an error form, "
              "with a 95% Wilson interval; ranked only from n = "
              f"{min([o['articles_mentioning'] for o in report['outlets'] if o['ranked']] or [0])} up. "
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
    if not report["flagged_mentions"]:
        lines += ["None.", ""]
    for m in report["flagged_mentions"]:
        lines.append(f"- **{md(m['surface'])}** ({m['usage']}, {m['field']}, review: {md(m['review'])}) in "
                     f"{md_link(m['outlet_name'], m['url'])}, {_date(m['published'], m['date_rule'])}: "
                     f"“{md(m['sentence'] or '')}” — flag `{m['flag_id']}`")
    review = report["review"]
    lines += ["", f"Review: {review['open']} open, {review['confirmed']} confirmed, {review['dismissed']} dismissed; "
                  f"{len(review['new_since_last_run'])} flags new since the last analysis.", "", "## People", ""]
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
    lines += ["## Not yet measured", ""] + [f"- {md(key)}: {md(why)}" for key, why in sorted(report["absent"].items())]
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
        f"Flagged: {s['flagged_mentions']} mentions, {s['flagged_articles']} articles, {s['flagged_outlets']} outlets"
        f" ({len(report['review']['new_since_last_run'])} new since the last run)",
        "Outlets using an error: " + (", ".join(erring) if erring else "none"),
    ]


# --- CSV: one table per file ----------------------------------------------------------------------
