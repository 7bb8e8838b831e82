"""The story report as CSV tables: one table per list in the report dict (errors, uses, outlets, flags)."""
from __future__ import annotations

import csv
import io

from analysis.reports.claims import csv_rows as claim_rows


def csv_tables(report: dict) -> dict[str, list[dict]]:
    """The report as flat tables: people (one row per surface), errors (one row per use), outlets,
    flags (one row per flagged mention), and claims (one row per article stating a claim's value)
    when the report has them."""
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
    tables = {"people": people, "errors": errors, "outlets": outlets, "flags": list(report["flagged_mentions"])}
    if report.get("claims") is not None:
        tables["claims"] = claim_rows(report)
    return tables


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
