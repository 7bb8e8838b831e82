"""The report's claims: the `claims` key, each outlet's deviating claims, and the claims section of
every format (a conflicts table in Markdown and HTML, a claims CSV).

Every string here came from a scraped page (the words as written, the sentence, a speaker's name,
a role), so each format escapes it as it escapes everything else: `md` for Markdown, Jinja's
autoescape for HTML (this module hands plain strings to the template), `to_csv`'s formula guard for CSV.
"""
from __future__ import annotations

from analysis.reports.markdown import md, md_link, safe_url

#: Conflicts shown row by row in Markdown and HTML; the rest are counted and left to the CSV / JSON.
SHOWN_CONFLICTS = 50


def add_claims(report: dict, claims: list[dict], documents: list[dict], versions: list[dict] | None) -> None:
    """Fill `claims`, each outlet's `claims_deviating` and (with `versions`) the propagation of wrong
    claim values, in place."""
    from analysis.claims.story import deviating_by_origin

    report["claims"] = claims
    report["absent"].pop("claims", None)
    deviating = deviating_by_origin(claims, documents)
    for outlet in report["outlets"]:
        outlet["claims_deviating"] = deviating.get(outlet["origin"], 0)
    if versions is not None and report.get("propagation") is not None:
        from analysis.propagation.claims import propagate_claims

        report["propagation"] = report["propagation"] + propagate_claims(versions, claims, report["copies"] or [])


def value_text(value) -> str:
    """A claim value for reading: a quote as 'speaker: “words”', anything else as itself."""
    if isinstance(value, dict):
        return f"{value.get('speaker') or 'unknown speaker'}: “{value.get('words', '')}”"
    return "" if value is None else str(value)


def subject_text(subject: dict) -> str:
    return subject.get("canonical") or subject.get("text") or ""


def conflicts(report: dict) -> list[dict]:
    return [c for c in report.get("claims") or () if c["conflict"]]


# --- Markdown ----------------------------------------------------------------------------------------

def markdown_lines(report: dict) -> list[str]:
    """The conflicts table: one row per value of each conflicting claim, the deviating ones marked."""
    if report.get("claims") is None:
        return []
    found = conflicts(report)
    lines = ["## Conflicting claims", "",
             f"{len(report['claims'])} claims compared across articles; {len(found)} where sources disagree. "
             "Reference = the value the authoritative outlets hold, else the earliest article's.", ""]
    if not found:
        return lines + ["No conflicting claims.", ""]
    lines += ["| claim | subject | value | held by | articles (exact words) |", "|---|---|---|---|---|"]
    for claim in found[:SHOWN_CONFLICTS]:
        deviating = set(claim["deviating_urls"])
        for value in claim["values"]:
            held = [key for key, held in claim["held_by"].items() if held == value["value"]]
            wrong = any(a["url"] in deviating for a in value["articles"])
            articles = "; ".join(f"{md_link(_host(a['url']), a['url'])} v{a['version']} «{md(a['as_written'])}»"
                                 for a in value["articles"])
            lines.append(f"| {md(claim['kind'])} · {md(claim['slot'])} | {md(subject_text(claim['subject']))} | "
                         f"{'**deviates:** ' if wrong else ''}{md(value_text(value['value']))} | "
                         f"{md(', '.join(held) or '–')} | {articles} |")
    if len(found) > SHOWN_CONFLICTS:
        lines += ["", f"{len(found) - SHOWN_CONFLICTS} more: see `newsclaims claims STORY --conflicts`."]
    deviating = [o for o in report["outlets"] if o.get("claims_deviating")]
    if deviating:
        lines += ["", "Conflicting claims each outlet states a deviating value of: "
                  + ", ".join(f"{md(o['name'])} {o['claims_deviating']}" for o in deviating) + "."]
    return lines + [""]


def _host(url: str) -> str:
    return url.split("/")[2] if url.count("/") >= 2 else url


# --- HTML --------------------------------------------------------------------------------------------

def html_view(report: dict) -> dict | None:
    """The conflicts as plain strings and checked links for `_claims.html.j2` (autoescaped there)."""
    if report.get("claims") is None:
        return None
    found = conflicts(report)
    rows = []
    for claim in found[:SHOWN_CONFLICTS]:
        deviating = set(claim["deviating_urls"])
        rows.append({
            "kind": claim["kind"], "slot": claim["slot"], "subject": subject_text(claim["subject"]),
            "values": [{"text": value_text(v["value"]),
                        "held": ", ".join(k for k, held in claim["held_by"].items() if held == v["value"]),
                        "deviates": any(a["url"] in deviating for a in v["articles"]),
                        "articles": [{"href": safe_url(a["url"]), "url": a["url"], "host": _host(a["url"]),
                                      "version": a["version"], "as_written": a["as_written"],
                                      "sentence": a.get("sentence") or ""} for a in v["articles"]]}
                       for v in claim["values"]]})
    return {"total": len(report["claims"]), "conflicts": len(found), "rows": rows,
            "more": max(0, len(found) - SHOWN_CONFLICTS),
            "outlets": [{"name": o["name"], "claims_deviating": o["claims_deviating"]} for o in report["outlets"]
                        if o.get("claims_deviating")]}


# --- CSV ---------------------------------------------------------------------------------------------

def csv_rows(report: dict) -> list[dict]:
    """One row per article stating a value of a claim (every claim, conflicting or not)."""
    rows = []
    for claim in report.get("claims") or ():
        deviating = set(claim["deviating_urls"])
        for value in claim["values"]:
            for article in value["articles"]:
                rows.append({"claim_id": claim["id"], "kind": claim["kind"], "slot": claim["slot"],
                             "subject": subject_text(claim["subject"]),
                             "subject_cluster_id": claim["subject"].get("cluster_id"),
                             "conflict": claim["conflict"], "value": value_text(value["value"]),
                             "authoritative_value": value_text(claim["held_by"]["authoritative"]),
                             "earliest_value": value_text(claim["held_by"]["earliest"]),
                             "majority_value": value_text(claim["held_by"]["majority"]),
                             "deviates": article["url"] in deviating, "url": article["url"],
                             "version": article["version"], "field": article["field"], "start": article["start"],
                             "end": article["end"], "as_written": article["as_written"],
                             "sentence": article["sentence"]})
    return rows
