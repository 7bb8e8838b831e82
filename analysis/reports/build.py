"""Story reports: plain data in, a versioned JSON-ready dict out. Every format renders this dict
(`analysis.reports.markdown`, `.csv`, `.claimreview` and `.html`) and
never reaches back into the store, so all formats say the same thing.

Schema `newsclaims.story-report`, version 1 (every key below is always present):

- `schema`, `schema_version`, `generated_at`, `story`: {slug, title}
- `summary`: articles, outlets, people, error_forms, flagged_mentions, flagged_articles, flagged_outlets
- `people[]`: {cluster_id, canonical, rule, evidence, surfaces[{surface, kind, rule, mentions, articles,
  outlets, first_published}], timeline[{date, surface, kind, mentions}]} (date: the publication day in
  the page's own offset, null when undated)
- `errors[]`: {cluster_id, canonical, form, surfaces[], articles, outlets[], first_use[] (every use
  tied for first: several when dates cannot order them), uses[] (earliest first): {outlet,
  outlet_name, origin, url, title, published, date_rule, date_precision, usage, mentions, version_id,
  fetched_at, flag_id, review}} (usage: "uses"; "quoted", talk about the spelling; "slug", only the
  URL carries the error while the page spells the name right: `flags.slug_only`. Only "uses" counts)
- `outlets[]`: {outlet, name, origin, authoritative, articles, articles_mentioning, articles_using_errors,
  articles_quoting_errors, error_forms[], error_rate: {rate, k, n, low, high} | null, ranked, rank,
  timeline[{date, mentioning, using_error}], corrections: null, copied: null, absent: {field: why}}
  (error_rate = articles using an error / articles mentioning a person with an error form; low/high
  is the 95% Wilson interval; ranked only when n >= min_n; an article whose URL alone carries an
  error, usage "slug", is neither using nor quoting it)
- `flagged_mentions[]`: {flag_id, review, note, canonical, surface, form, field, usage, sentence, start,
  end, outlet, outlet_name, url, published, date_rule, version_id, fetched_at}
- `review`: {open, confirmed, dismissed, new_since_last_run[] (flag ids first raised by the latest
  analysis), last_run}
- `unattached[]`: surname-only surfaces that fit more than one person
- `claims[]`: {id, kind, subject, slot, conflict, values[{value, articles[{url, version, field, start, end,
  as_written, sentence}]}], held_by{authoritative, earliest, majority}, deviating_urls[]} (conflicts
  first; see `analysis.claims`), null when no claims were given; each outlet then has
  `claims_deviating`, the conflicting claims it states a deviating value of
- `propagation`: null until that work exists, with `absent` saying why
- `absent`: {section: why} for every section or figure whose data does not exist yet
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from datetime import datetime, timezone
from urllib.parse import urlsplit

from analysis.dates import date_key, earliest, parse_published
from analysis.flags import usage_of
from analysis.names import fold
from analysis.propagation import propagate
from analysis.reports.claims import add_claims

SCHEMA = "newsclaims.story-report"
SCHEMA_VERSION = 2
ABSENT = {
    "claims": "claim tracking (dates, counts, quotes) is not built yet",
    "propagation": "no article versions were given to the report: who copied whom cannot be said",
    "corrections": "no article versions were given to the report; none are compared",
    "copied": "no article versions were given to the report",
}


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float] | None:
    """The Wilson score interval of k successes in n trials (95% by default); None when n is 0.

    >>> [round(x, 3) for x in wilson(3, 10)]
    [0.108, 0.603]
    """
    if n == 0:
        return None
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def publication_day(published: str | None) -> str | None:
    """The calendar day of a publication date in the page's own offset."""
    _, day, _ = parse_published(published)
    return day.isoformat() if day else None


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence (or line) holding text[start:end], trimmed to `limit` characters around it."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? ")))
    left = 0 if left < 0 else left + 1
    stops = [i for i in (text.find("\n", end), *(text.find(p, end) for p in (". ", "! ", "? "))) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    sentence = text[left:right].strip()
    if len(sentence) > limit:
        middle = start - left
        sentence = "…" + sentence[max(0, middle - limit // 2):middle + limit // 2] + "…"
    return sentence


def build_report(*, story: dict, outlets: list[dict], documents: list[dict], clusters: list[dict],
                 assignments: list[dict], flags: list[dict], texts: dict | None = None,
                 analysis_runs: list[dict] = (), min_n: int = 3, generated_at: str | None = None,
                 versions: list[dict] | None = None, copies: list[dict] | None = None,
                 claims: list[dict] | None = None) -> dict:
    """The report dict. `versions` (every version of the story's articles, `store.story_versions`)
    enables `copies`, `propagation` and `corrections`; without them those keys are null, with `absent`
    saying why. `copies`: the direct copy edges the analysis stored (`store.story_copies`, versions
    named by id); None finds them here from `versions` (for callers without a store). `claims` (the
    story's claim groups, `analysis.claims.story.story_claims`) fills `claims`, each outlet's
    `claims_deviating` and, with `versions`, the wrong claim values' propagation."""
    texts = texts or {}
    outlet_names = {o["origin"]: o["name"] for o in outlets}
    documents_by_article = {d["article_id"]: d for d in documents}
    people = [c for c in clusters if c["evidence"].get("forms")]
    flags_by_article = {(f["cluster_id"], f["article_id"]): f for f in flags if f["level"] == "article"}
    errors = _errors(clusters, assignments, outlet_names, documents_by_article, flags_by_article)
    erring_clusters = {e["cluster_id"] for e in errors} or {c["id"] for c in people}
    person_urls: dict[str, set] = defaultdict(set)
    # Each person's mentions grouped once, in story order: `_person` reads its own, not all of them.
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for a in assignments:
        if a["cluster_id"]:
            person_urls[a["cluster_id"]].add(a["url"])
            by_cluster[a["cluster_id"]].append(a)
    spread = propagate(versions, errors, person_urls, edges=copies) if versions is not None else None
    if spread is not None:
        _keep_corrected_uses(errors, spread, versions, outlet_names)
    level_counts = defaultdict(int)
    for flag in flags:
        level_counts[flag["level"]] += 1
    last_run = analysis_runs[-1] if analysis_runs else None
    report = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "generated_at": generated_at or datetime.now(timezone.utc).isoformat(timespec="seconds"),
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
        "people": [_person(c, by_cluster.get(c["id"], [])) for c in people],
        "errors": errors,
        "outlets": _with_spread(_outlets(outlets, documents, assignments, errors, erring_clusters, min_n), spread),
        "flagged_mentions": _flagged_mentions(flags, assignments, clusters, texts, outlet_names),
        "review": {
            **{status: sum(1 for f in flags if f["level"] == "mention" and f["status"] == status)
               for status in ("open", "confirmed", "dismissed")},
            "new_since_last_run": sorted(f["id"] for f in flags
                                         if last_run and f["first_flagged"] >= last_run["started"]),
            "last_run": last_run and {"started": last_run["started"], "ended": last_run["ended"]},
        },
        "unattached": sorted({a["surface"] for a in assignments if a["kind"] == "unattached"}),
        "claims": None,
        "copies": spread and spread["copies"],
        "propagation": spread and spread["propagation"],
        "corrections": spread and spread["corrections"],
        "absent": {"claims": ABSENT["claims"],
                   **({} if spread else {"propagation": ABSENT["propagation"], "corrections": ABSENT["corrections"]})},
    }
    if claims is not None:
        add_claims(report, claims, documents, versions)
    return report


def _keep_corrected_uses(errors: list[dict], spread: dict, versions: list[dict], outlet_names: dict) -> None:
    """A corrected use is never dropped: an article whose latest version no longer carries an error
    stays among the error's uses (and counts), marked with the version and time that fixed it."""
    first_version = {}
    for version in sorted(versions, key=lambda v: v["ordinal"]):
        first_version.setdefault(version["url"], version)
    fixes = defaultdict(list)
    for correction in spread["corrections"]:
        for form in correction["dropped"]:
            fixes[(correction["url"], form)].append(correction)
    by_form = {(entry["error"]["cluster_id"], entry["error"]["form"]): entry for entry in spread["propagation"]}
    for error in errors:
        entry = by_form.get((error["cluster_id"], error["form"]))
        members = {url for chain in (entry or {}).get("chains", ()) for url in chain["member_urls"]}
        known = {u["url"] for u in error["uses"]}
        for use in error["uses"]:
            use["corrected"] = _fixed(fixes[(use["url"], error["form"])])
        for url in sorted(members - known):
            version = first_version[url]
            error["uses"].append({
                "outlet": version.get("outlet"), "outlet_name": outlet_names.get(version.get("origin"), version.get("outlet_name")),
                "origin": version.get("origin"), "url": url, "title": version.get("title"),
                "published": version.get("published"), "date_rule": None,
                "date_precision": parse_published(version.get("published"))[2], "usage": "uses", "mentions": None,
                "version_id": version.get("id"), "fetched_at": version.get("fetched_at"), "flag_id": None,
                "review": None, "corrected": _fixed(fixes[(url, error["form"])])})
        error["uses"].sort(key=lambda u: (date_key(u["published"]), u["url"]))
        error["articles"] = sum(1 for u in error["uses"] if u["usage"] == "uses")
        error["outlets"] = sorted({u["outlet"] for u in error["uses"] if u["usage"] == "uses"})


def _fixed(corrections: list[dict]) -> dict | None:
    """The correction that fixed a use ("corrected in version N on DATE, visible / stealth"), or None."""
    if not corrections:
        return None
    last = max(corrections, key=lambda c: c["to_version"])
    return {"to_version": last["to_version"], "observed_at": last["observed_at"], "kind": last["kind"]}


def _with_spread(rows: list[dict], spread: dict | None) -> list[dict]:
    """Each outlet's part in propagation: errors it introduced first, carried by copy or introduced
    independently, whom it copied, and its corrections by kind."""
    if spread is None:
        return rows
    # Counted per outlet in one pass over the story (an outlet is its origin), not once per outlet.
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sources: dict[str, set] = defaultdict(set)
    for edge in spread["copies"]:
        sources[_origin(edge["target_url"])].add(_origin(edge["source_url"]))
    for entry in spread["propagation"]:
        earliest_origin = entry["origins"][0]["url"] if entry["origins"] else None
        for chain in entry["chains"]:
            for url in chain["member_urls"]:
                if url != chain["origin_url"]:
                    key = "errors_carried_by_copy"
                elif url == earliest_origin:
                    key = "errors_introduced_first"
                else:
                    key = "errors_introduced_independently"
                counts[_origin(url)][key] += 1
    kinds: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for correction in spread["corrections"]:
        kinds[_origin(correction["url"])][correction["kind"]] += 1
    for row in rows:
        mine = counts[row["origin"]]
        row["copied"] = {key: mine[key] for key in ("errors_introduced_first", "errors_carried_by_copy",
                                                    "errors_introduced_independently")}
        row["copied"]["copied_from"] = sorted(sources[row["origin"]])
        row["corrections"] = {kind: kinds[row["origin"]][kind] for kind in ("visible", "stealth", "removed")}
        row["absent"] = {}
    return rows


def _origin(url: str) -> str:
    """An outlet is its origin (scheme, host and port)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _person(cluster: dict, assignments: list[dict]) -> dict:
    """One person's report entry; `assignments` may be the story's or only this person's."""
    kinds = {s["surface"]: s["kind"] for s in cluster["surfaces"]}
    timeline: dict[tuple, int] = defaultdict(int)
    for a in assignments:
        if a["cluster_id"] == cluster["id"]:
            timeline[(publication_day(a["published"]), a["surface"])] += 1
    return {
        "cluster_id": cluster["id"], "canonical": cluster["canonical"], "rule": cluster["rule"],
        "evidence": cluster["evidence"],
        "surfaces": [{k: s[k] for k in ("surface", "kind", "rule", "mentions", "articles", "outlets", "first_published")}
                     for s in cluster["surfaces"]],
        "timeline": [{"date": day, "surface": surface, "kind": kinds.get(surface), "mentions": n}
                     for (day, surface), n in sorted(timeline.items(), key=lambda kv: (kv[0][0] or "~", kv[0][1]))],
    }


def _errors(clusters, assignments, outlet_names, documents_by_article, flags_by_article) -> list[dict]:
    forms_of = {(s["cluster_id"], s["surface"]): s["form"] for c in clusters for s in c["surfaces"] if s["kind"] == "error"}
    canonical = {c["id"]: c["canonical"] for c in clusters}
    grouped: dict[tuple, dict[int, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for a in assignments:
        if a["kind"] == "error":
            # An error of the mention's writing alone (`flags.lowered_kinds`): its surface is its form.
            form = forms_of.get((a["cluster_id"], a["surface"]))
            grouped[(a["cluster_id"], form or a["surface"], form is None)][a["article_id"]].append(a)
    errors = []
    for (cluster_id, form, lowered), by_article in sorted(grouped.items()):
        uses = []
        for article_id, found in by_article.items():
            first = found[0]
            document = documents_by_article.get(article_id, {})
            flag = flags_by_article.get((cluster_id, article_id), {})
            uses.append({
                "outlet": first["outlet"], "outlet_name": outlet_names.get(first["origin"], first["outlet_name"]),
                "origin": first["origin"], "url": first["url"], "title": document.get("title"),
                "published": first["published"], "date_rule": first["published_rule"],
                "date_precision": parse_published(first["published"])[2],
                "usage": usage_of(found),
                "mentions": len(found), "version_id": first["version_id"], "fetched_at": document.get("fetched_at"),
                "flag_id": flag.get("id"), "review": flag.get("status"),
            })
        uses.sort(key=lambda u: (date_key(u["published"]), u["url"]))
        dated = [u for u in uses if u["usage"] == "uses"] or uses
        surfaces = sorted({m["surface"] for found in by_article.values() for m in found})
        errors.append({
            "cluster_id": cluster_id, "canonical": canonical[cluster_id],
            "form": form if lowered else _display_form(form, surfaces), **({"lowered": True} if lowered else {}),
            "surfaces": surfaces, "articles": sum(1 for u in uses if u["usage"] == "uses"),
            "outlets": sorted({u["outlet"] for u in uses if u["usage"] == "uses"}),
            "first_use": earliest(dated),
            "uses": uses,
        })
    return errors


def _outlets(outlets, documents, assignments, errors, erring_clusters, min_n) -> list[dict]:
    # Grouped by origin once, in story order, rather than every list scanned again for each outlet.
    mentions_of: dict[str, list[dict]] = defaultdict(list)
    for a in assignments:
        if a["cluster_id"] in erring_clusters:
            mentions_of[a["origin"]].append(a)
    uses_of: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
    for e in errors:
        for u in e["uses"]:
            uses_of[u["origin"]].append((e, u))
    articles_of: dict[str, int] = defaultdict(int)
    for d in documents:
        articles_of[d["origin"]] += 1
    rows = []
    for outlet in outlets:
        origin = outlet["origin"]
        mentioning = {a["article_id"]: a["published"] for a in mentions_of[origin]}
        using = {u["url"]: u["published"] for _e, u in uses_of[origin] if u["usage"] == "uses"}
        quoting = {u["url"] for _e, u in uses_of[origin] if u["usage"] == "quoted"} - set(using)
        interval = wilson(len(using), len(mentioning))
        mentioning_days = Counter(publication_day(p) for p in mentioning.values())
        using_days = Counter(publication_day(p) for p in using.values())
        days = sorted(mentioning_days, key=lambda d: d or "~")
        rows.append({
            "outlet": outlet["slug"], "name": outlet["name"], "origin": origin,
            "authoritative": bool(outlet["authoritative"]),
            "articles": articles_of[origin],
            "articles_mentioning": len(mentioning),
            "articles_using_errors": len(using), "articles_quoting_errors": len(quoting),
            "error_forms": sorted({e["form"] for e, _u in uses_of[origin]}),
            "error_rate": None if interval is None else {
                "rate": len(using) / len(mentioning), "k": len(using), "n": len(mentioning),
                "low": interval[0], "high": interval[1]},
            "ranked": len(mentioning) >= min_n,
            "rank": None,
            "timeline": [{"date": day, "mentioning": mentioning_days[day], "using_error": using_days[day]}
                         for day in days],
            "corrections": None,
            "copied": None,
            "absent": {"corrections": ABSENT["corrections"], "copied": ABSENT["copied"]},
        })
    ranked = sorted((r for r in rows if r["ranked"]), key=lambda r: (-r["error_rate"]["rate"], -r["error_rate"]["n"], r["name"]))
    for rank, row in enumerate(ranked, 1):
        row["rank"] = rank
    return sorted(rows, key=lambda r: (r["rank"] is None, r["rank"] or 0, r["name"]))


def _flagged_mentions(flags, assignments, clusters, texts, outlet_names) -> list[dict]:
    by_mention = {a["mention_id"]: a for a in assignments}
    forms = {(s["cluster_id"], s["surface"]): s["form"] for c in clusters for s in c["surfaces"]}
    rows = []
    for flag in flags:
        if flag["level"] != "mention" or flag["mention_id"] not in by_mention:
            continue
        a = by_mention[flag["mention_id"]]
        text = (texts.get(a["version_id"]) or {}).get(a["field"]) or ""
        rows.append({
            "flag_id": flag["id"], "review": flag["status"], "note": flag["note"], "canonical": flag["canonical"],
            "surface": a["surface"], "form": forms.get((a["cluster_id"], a["surface"])), "field": a["field"],
            "usage": a["usage"], "sentence": sentence_around(text, a["start"], a["end"]) if text else None,
            "start": a["start"], "end": a["end"], "outlet": a["outlet"],
            "outlet_name": outlet_names.get(a["origin"], a["outlet_name"]), "url": a["url"],
            "published": a["published"], "date_rule": a["published_rule"], "version_id": a["version_id"],
            "fetched_at": (texts.get(a["version_id"]) or {}).get("fetched_at"),
        })
    return sorted(rows, key=lambda r: (date_key(r["published"]), r["url"], r["field"], r["start"]))


def _display_form(form: str, surfaces: list[str]) -> str:
    """The wrong spelling as written, preferring a capitalised occurrence ("Kathcart" over "kathcart")."""
    seen = [w for s in surfaces for w in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", s)
            if fold(w).replace("-", "") == form.replace(" ", "")]
    seen.sort(key=lambda w: (not w[:1].isupper(), w))
    return seen[0] if seen else form


def for_outlet(report: dict, outlet: str) -> dict | None:
    """The story report narrowed to one outlet (by slug, origin or name, case-insensitive); None when
    no outlet matches. Same schema, so every format renders it."""
    wanted = outlet.casefold().rstrip("/")
    match = [o for o in report["outlets"] if wanted in (o["outlet"].casefold(), o["origin"].casefold(), o["name"].casefold())]
    if not match:
        return None
    origin = match[0]["origin"]
    errors = []
    for error in report["errors"]:
        uses = [u for u in error["uses"] if u["origin"] == origin]
        if uses:
            errors.append({**error, "uses": uses, "articles": sum(1 for u in uses if u["usage"] == "uses"),
                           "outlets": [match[0]["outlet"]] if any(u["usage"] == "uses" for u in uses) else []})
    used_urls = {u["url"] for e in errors for u in e["uses"]}
    flagged = [m for m in report["flagged_mentions"] if m["url"] and m["url"] in used_urls]
    return {**report, "story": {**report["story"], "outlet": match[0]["name"]}, "outlets": match, "errors": errors,
            "flagged_mentions": flagged,
            "summary": {**report["summary"], "articles": match[0]["articles"], "outlets": 1,
                        "error_forms": len(errors), "flagged_mentions": len(flagged)}}
