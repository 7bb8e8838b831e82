"""Flags from decisions: a mention, article or outlet that uses an error form."""
from __future__ import annotations

from collections import defaultdict

from analysis.names import ParsedName, fold, given_compatible, parse_name, script_of  # noqa: F401 (re-exported)


def _flags(cluster: dict, group: list[dict], kinds: dict[str, str]) -> list[dict]:
    """Mention, article and outlet flags for one cluster; quoted errors are flagged but kept apart, and
    a name cut by the end of a text (`analysis.entities.usage`) is no error of the outlet's."""
    flags = []
    errors = [m for m in group if kinds[m["surface"]] == "error" and m["usage"] != "cut"]
    forms = {s["surface"]: s["form"] for s in cluster["surfaces"]}
    for m in errors:
        flags.append({"level": "mention", "cluster_id": cluster["id"], "canonical": cluster["canonical"],
                      "surface": m["surface"], "mention_id": m["mention_id"], "article_id": m["article_id"],
                      "origin": m["origin"], "usage": m["usage"], "count": 1})
    by_article: dict[int, list[dict]] = defaultdict(list)
    for m in errors:
        by_article[m["article_id"]].append(m)
    for article_id, found in sorted(by_article.items()):
        uses = [m for m in found if m["usage"] == "uses"]
        flags.append({"level": "article", "cluster_id": cluster["id"], "canonical": cluster["canonical"],
                      "surface": ", ".join(sorted({forms[m["surface"]] for m in found})), "article_id": article_id,
                      "origin": found[0]["origin"], "usage": "uses" if uses else "quoted",
                      "count": len(uses), "quoted": len(found) - len(uses)})
    articles_of: dict[str, set] = defaultdict(set)
    for m in group:
        articles_of[m["origin"]].add(m["article_id"])
    for origin in sorted({m["origin"] for m in errors}):
        using = {a for a, found in by_article.items() if found[0]["origin"] == origin
                 and any(m["usage"] == "uses" for m in found)}
        quoted = {a for a, found in by_article.items() if found[0]["origin"] == origin} - using
        flags.append({"level": "outlet", "cluster_id": cluster["id"], "canonical": cluster["canonical"],
                      "surface": ", ".join(sorted({forms[m["surface"]] for m in errors if m["origin"] == origin})),
                      "origin": origin, "usage": "uses" if using else "quoted", "count": len(using),
                      "quoted": len(quoted), "total": len(articles_of[origin])})
    return flags
