"""The story report as CSV tables: one table per list in the report dict (errors, uses, outlets, flags,
and propagation: the data of the HTML report's cascade pictures)."""
from __future__ import annotations

import csv
import io

from analysis.reports.claims import csv_rows as claim_rows


def csv_tables(report: dict) -> dict[str, list[dict]]:
    """The report as flat tables: people (one row per surface), errors (one row per use), outlets,
    flags (one row per flagged mention), propagation (one row per use in a chain; none when the
    report has no propagation), and claims (one row per article stating a claim's value) when the
    report has them."""
    people = [{"cluster_id": p["cluster_id"], "canonical": p["canonical"], "canonical_rule": p["rule"], **surface}
              for p in report["people"] for surface in p["surfaces"]]
    errors = [{"cluster_id": e["cluster_id"], "canonical": e["canonical"], "form": e["form"], "order": n,
               "first_use": any(use["url"] == f["url"] for f in e["first_use"]), **use}
              for e in report["errors"] for n, use in enumerate(e["uses"], 1)]
    outlets = []
    for o in report["outlets"]:
        rate = o["error_rate"] or {}
        outlets.append({k: o[k] for k in ("rank", "outlet", "name", "origin", "authoritative", "articles",
                                          "articles_mentioning", "articles_using_errors", "articles_quoting_errors")}
                       | {"error_rate": rate.get("rate"), "ci_low": rate.get("low"), "ci_high": rate.get("high"),
                          "n": rate.get("n"), "ranked": o["ranked"], "error_forms": "; ".join(o["error_forms"]),
                          "corrections": None, "copied": None})
    tables = {"people": people, "errors": errors, "outlets": outlets, "flags": list(report["flagged_mentions"]),
              "propagation": propagation_rows(report)}
    if report.get("claims") is not None:
        tables["claims"] = claim_rows(report)
    return tables


def propagation_rows(report: dict) -> list[dict]:
    """One row per use of an error in a chain: the chain (numbered per error, earliest origin first),
    its origin and the origin's confidence, whether the use is the origin, which article(s) it copied
    the error from, and the correction that later fixed it (version, kind, when it was seen)."""
    published = {u["url"]: (u.get("outlet_name") or u.get("outlet"), u.get("published"))
                 for e in report["errors"] for u in e["uses"]}
    rows = []
    for entry in report.get("propagation") or ():
        error = entry["error"]
        for n, chain in enumerate(entry["chains"], 1):
            fixed = {c["url"]: c for c in chain.get("corrected", ())}
            for url in chain["member_urls"]:
                outlet, when = published.get(url, (None, None))
                fix = fixed.get(url) or {}
                rows.append({"form": error.get("form") or error.get("value"), "canonical": error.get("canonical"),
                             "cluster_id": error.get("cluster_id"), "chain": n, "origin_url": chain["origin_url"],
                             "origin_confidence": chain["confidence"], "url": url, "outlet": outlet,
                             "published": when, "role": "origin" if url == chain["origin_url"] else "copy",
                             "copied_from": "; ".join(e["source_url"] for e in chain["edges"]
                                                      if e["target_url"] == url),
                             "corrected_version": fix.get("to_version"), "corrected_kind": fix.get("kind"),
                             "corrected_seen": fix.get("observed_at")})
    return rows


def to_csv(rows: list[dict]) -> str:
    """CSV text with a header row; formula-like cells are prefixed so spreadsheets do not run them."""
    if not rows:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def _cell(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


# --- ClaimReview ----------------------------------------------------------------------------------
