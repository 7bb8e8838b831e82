"""One story's propagation, from its article versions and its error forms: the report's `copies`,
`propagation` and `corrections`.

Steps: copy edges among the latest versions (`analysis.reuse`); every version searched for the
story's error surfaces (so an error an article carried and later corrected is still seen); the edges
marked with the errors they carry; corrections between consecutive versions; chains and origins.

Why search older versions by surface rather than re-run the mention stages: the error surfaces are
already decided for the story, and a corrected version differs exactly in them; the search is exact,
cheap and explains itself (offsets into the version's text).
"""
from __future__ import annotations

import re
from collections import defaultdict

from analysis.dates import parse_published
from analysis.propagation.chains import trace_errors
from analysis.propagation.corrections import REMOVED_CHARS, find_corrections
from analysis.reuse import align, article_key, candidate_pairs, copy_edges, direct_edges, mark_carried
from analysis.reuse.candidates import MIN_RUN

#: The shortest shared passage that counts as copying: one short news paragraph (~25 words). Shorter
#: verbatim runs are mostly the same quote taken from one statement, which is not copying each other.
MIN_PASSAGE_CHARS = 150
#: What the stored search results depend on: a stored search made with other settings is not reused.
#: Bump the revision when alignment or the quote rule changes what a pair's edge is.
COPY_SEARCH = f"revision=2 min_run={MIN_RUN} min_chars={MIN_PASSAGE_CHARS}"
#: Keys of a copy edge that the report carries (the contract); `runs` and `basis` stay internal.
EDGE_KEYS = ("source_url", "source_version", "target_url", "target_version", "shared_chars", "target_share",
             "direction", "passages", "carries", "basis")


def propagate(versions: list[dict], errors: list[dict], person_urls: dict | None = None,
              edges: list[dict] | None = None) -> dict:
    """versions: every version of the story's articles (`id`, `url`, `ordinal`, `outlet`, `text`,
    `published`, `fetched_at`, optional `canonical_url`, `outlet_name`); errors: the report's `errors`
    (each with `cluster_id`, `canonical`, `form`, `surfaces` and `uses` with `url`); person_urls: cluster
    id -> the articles whose latest version names that person; edges: the direct copy edges `analyse`
    stored (`latest_copies`, versions named by id), or None to find them here. Returns {"copies",
    "propagation", "corrections"}.

    Which articles carry an error: those whose latest version uses it (the mention stages decided), and
    those that name the person now and used the error's surface in an earlier version (corrected since).
    An older version is searched only in articles about that person, since a surface alone ("Pecott")
    may be another person's right name.
    """
    person_urls = person_urls or {}
    by_url: dict[str, list[dict]] = defaultdict(list)
    for version in versions:
        by_url[version["url"]].append(version)
    articles = [_article(copy_basis(vs)) for vs in by_url.values()]
    finders = [(error["form"], _finder(error["surfaces"], case=error.get("lowered", False)),
                {u["url"] for u in error.get("uses", ())}, person_urls.get(error["cluster_id"], set()))
               for error in errors]
    latest_ordinal = {url: max(v["ordinal"] for v in vs) for url, vs in by_url.items()}

    occurrences: dict[tuple, list[dict]] = {}
    carried_by_version: dict[tuple, set[str]] = {}
    for version in versions:
        url, is_latest = version["url"], version["ordinal"] == latest_ordinal[version["url"]]
        found = [{"form": form, "start": m.start(), "end": m.end()}
                 for form, finder, using, about in finders
                 if finder and (url in using if is_latest else url in using or url in about)
                 for m in finder.finditer(version.get("text") or "")]
        occurrences[(url, version["ordinal"])] = found
        carried_by_version[(url, version["ordinal"])] = {f["form"] for f in found}

    edges = direct_copies(articles) if edges is None else _by_ordinal(edges, versions)
    if edges:
        edges = mark_carried(edges, occurrences)
        text_of = {(v["url"], v["ordinal"]): v.get("text") or "" for v in versions}
        edges = _carried_from_history(edges, occurrences, carried_by_version, latest_ordinal, text_of)
    copies = [{key: edge[key] for key in EDGE_KEYS if key in edge} for edge in edges]

    corrections = []
    for url, vs in sorted(by_url.items()):
        if len(vs) > 1:
            corrections += find_corrections({"url": url, "outlet": vs[0].get("outlet"), "versions": [
                {"version": v["ordinal"], "observed_at": v.get("fetched_at"), "text": v.get("text") or "",
                 "errors": sorted(carried_by_version[(url, v["ordinal"])])} for v in vs]})

    outlet_of = {v["url"]: v.get("outlet") for v in versions}
    traced_input = []
    for error in errors:
        carrying = sorted(url for url, vs in by_url.items()
                          if any(error["form"] in carried_by_version[(url, v["ordinal"])] for v in vs))
        uses = [_use(min(by_url[url], key=lambda v: v["ordinal"])) for url in carrying]
        traced_input.append({"error": {"kind": "name", "form": error["form"], "canonical": error["canonical"],
                                       "cluster_id": error["cluster_id"]},
                             "form": error["form"], "uses": uses})
    copying = {outlet_of.get(edge["target_url"]) for edge in edges}
    propagation = trace_errors(traced_input, edges, corrections, copying_outlets=copying - {None})
    return {"copies": copies, "propagation": propagation, "corrections": corrections}


def direct_copies(articles: list[dict]) -> list[dict]:
    """The direct copy edges among `articles` (reuse records): candidates and aligned passages, shared
    quotes set aside, then only edges no common source or path explains. One recipe for the variants
    stage (`copied_articles`) and the report (`propagate`)."""
    articles = [a for a in articles if a.get("text")]
    texts = {article_key(a): a["text"] for a in articles}
    return direct_edges(_aligned(articles, texts), texts)


def latest_copies(versions: list[dict], known: dict | None = None) -> dict:
    """The direct copy edges among the latest version of each article (`copy_basis`; `versions` as for
    `propagate`), each naming its versions by id too (`source_version_id`, `target_version_id`): what
    `analyse` computes and stores, and every report reads.

    known: what the last analysis stored of its search (`checked`: the version ids it searched,
    `aligned`: every pair it aligned, as edges with ids), or None to search every pair. Only versions
    not searched before are looked up, against all: a day's crawl aligns its own pairs, not the
    story's. Why that gives the same edges as a search from scratch: a pair's edge depends only on its
    two versions' texts and dates, which a version never changes (new text is a new version). The
    direct-edge reduction does depend on the whole story, so it runs again over every aligned pair.

    Returns {"edges": the direct edges, "aligned": every aligned pair among the latest versions,
    "checked": their version ids}, the last two for the next analysis.
    """
    by_url: dict[str, list[dict]] = defaultdict(list)
    for version in versions:
        by_url[version["url"]].append(version)
    latest = [copy_basis(vs) for vs in by_url.values()]
    id_of = {(v["url"], v["ordinal"]): v["id"] for v in latest}
    current = set(id_of.values())
    checked = set((known or {}).get("checked") or ()) & current
    kept = [pair for pair in (known or {}).get("aligned") or ()
            if pair["source_version_id"] in checked and pair["target_version_id"] in checked]
    articles = [_article(v) for v in latest if v.get("text")]
    texts = {article_key(a): a["text"] for a in articles}
    new = [i for i, a in enumerate(articles) if id_of[(a["url"], a["version"])] not in checked]
    found = [{**edge, "source_version_id": id_of[(edge["source_url"], edge["source_version"])],
              "target_version_id": id_of[(edge["target_url"], edge["target_version"])]}
             for edge in _aligned(articles, texts, new)]
    aligned = sorted(kept + found, key=lambda e: (e["source_version_id"], e["target_version_id"]))
    return {"edges": direct_edges(aligned, texts), "aligned": aligned, "checked": sorted(current)}


def _aligned(articles: list[dict], texts: dict, new: list[int] | None = None) -> list[dict]:
    """Every candidate pair's edge (`analysis.reuse.copy_edges`) with passages quoted in both texts set
    aside (`texts`: article key -> text); with `new` (indices into `articles`), only pairs with a new
    article."""
    if len(articles) < 2 or (new is not None and not new):
        return []
    pairs = candidate_pairs([a["text"] for a in articles], min_run=MIN_RUN, new=new)
    return _without_shared_quotes(copy_edges(articles, pairs, min_chars=MIN_PASSAGE_CHARS), texts)


def copy_basis(versions: list[dict]) -> dict:
    """The version of one article that copy edges are found on: its latest, unless that is a removal
    (a page emptied or shrunk to almost nothing), then the latest before it that still had text. A
    removal takes the text away, not the fact that others copied it: their edges must still point at
    the article, or every copy of a removed page would look like an independent introduction."""
    def removal(version: dict) -> bool:  # the store marks one (`removed`); else judged by its text
        return bool(version.get("removed")) or len((version.get("text") or "").strip()) < REMOVED_CHARS

    ordered = sorted(versions, key=lambda v: v["ordinal"])
    kept = [v for v in ordered if not removal(v)]
    return kept[-1] if kept and removal(ordered[-1]) else ordered[-1]


def copied_articles(edges: list[dict], article_of: dict[str, int]) -> dict:
    """article_id -> the article_id it copies, from direct copy edges (`latest_copies`) whose direction
    the dates or syndication settle: what the variants stage needs to count only independent outlets as
    evidence for a spelling (a copy repeats its source's spelling; it does not vouch for it).
    article_of: URL -> article id."""
    return {article_of[e["target_url"]]: article_of[e["source_url"]] for e in edges
            if e["direction"] != "uncertain" and e["target_url"] in article_of and e["source_url"] in article_of}


def _by_ordinal(edges: list[dict], versions: list[dict]) -> list[dict]:
    """Stored edges (versions named by id) with their versions named by ordinal, as the report says
    them; an edge whose version is no longer in the story is left out."""
    ordinal_of = {v["id"]: v["ordinal"] for v in versions if "id" in v}
    out = []
    for edge in edges:
        source, target = ordinal_of.get(edge["source_version_id"]), ordinal_of.get(edge["target_version_id"])
        if source is None or target is None:
            continue
        out.append({**{k: v for k, v in edge.items() if k not in ("source_version_id", "target_version_id")},
                    "source_version": source, "target_version": target})
    return sorted(out, key=lambda e: (e["source_url"], e["source_version"], e["target_url"], e["target_version"]))


def _carried_from_history(edges: list[dict], occurrences: dict, carried_by_version: dict, latest: dict,
                          text_of: dict) -> list[dict]:
    """Edges also carry an error that an earlier version of the source had, when the target's use of
    it lies inside a passage it shares with that earlier version: a copy made before its source was
    corrected still carries the error and still points at that source (the corrected latest version
    no longer shows it, and its passages stop at the corrected word)."""
    out = []
    for edge in edges:
        source, target = edge["source_url"], (edge["target_url"], edge["target_version"])
        carries = set(edge.get("carries") or ())
        for ordinal in range(1, latest[source]):
            forms = carried_by_version.get((source, ordinal), set()) - carries
            if not forms:
                continue
            passages = align(text_of[(source, ordinal)], text_of[target], min_chars=MIN_PASSAGE_CHARS)
            carries |= {o["form"] for o in occurrences.get(target, ()) if o["form"] in forms
                        and any(p.target_start <= o["start"] and o["end"] <= p.target_end for p in passages)}
        out.append({**edge, "carries": sorted(carries)} if carries != set(edge.get("carries") or ()) else edge)
    return out


#: Quoted stretches: two outlets quoting one statement share its words without copying each other.
_QUOTE = re.compile(r"[“\"]([^“”\"\n]{20,2000})[”\"]")


def _without_shared_quotes(edges: list[dict], texts: dict) -> list[dict]:
    """The edges with passages that lie inside quotation marks in both texts removed (the same quote,
    not a copy), and with them the edges left sharing too little to count."""
    quotes = {key: [(m.start(), m.end()) for m in _QUOTE.finditer(text)] for key, text in texts.items()}

    def quoted(key, start, end) -> bool:
        return any(s <= start + 2 and end - 2 <= e for s, e in quotes.get(key, ()))

    kept = []
    for edge in edges:
        source, target = (edge["source_url"], edge["source_version"]), (edge["target_url"], edge["target_version"])
        passages = [p for p in edge["passages"]
                    if not (quoted(source, p["source_start"], p["source_end"]) and quoted(target, p["target_start"], p["target_end"]))]
        shared = sum(p["target_end"] - p["target_start"] for p in passages)
        if shared < MIN_PASSAGE_CHARS:
            continue
        if len(passages) < len(edge["passages"]):
            edge = {**edge, "passages": passages, "shared_chars": shared,
                    "target_share": shared / max(1, len(texts.get(target) or ""))}
        kept.append(edge)
    return kept


def _article(version: dict) -> dict:
    _, _, precision = parse_published(version.get("published"))
    return {"url": version["url"], "version": version["ordinal"], "outlet": version.get("outlet"),
            "outlet_name": version.get("outlet_name"), "text": version.get("text") or "",
            "published": version.get("published"), "published_precision": version.get("published_precision") or precision,
            "canonical_url": version.get("canonical_url")}


def _use(version: dict) -> dict:
    return {"url": version["url"], "outlet": version.get("outlet"), "published": version.get("published"),
            "precision": version.get("published_precision") or parse_published(version.get("published"))[2]}


def _finder(surfaces: list[str], case: bool = False) -> re.Pattern | None:
    """A whole-word pattern for an error's surfaces (longest first): case-insensitive, as a misspelling
    is the same in any case, unless the error is its letter case (`case`: a name lowered in prose,
    whose letters are the name's own)."""
    words = sorted({s.strip() for s in surfaces if s and s.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", 0 if case else re.IGNORECASE)
