"""Measured truth on real coverage: real pages nobody here wrote, labelled by hand, crawled and judged.

The stories are `../shared/data/real-stories/` (`leavitt-press-secretary`, `ozturk-tufts-detention`) and
`../shared/data/misspelled-article/` (one real SEO page, served here as the story `misspelled-article`).
`NEWSCLAIMS_SHARED_DATA` overrides the data folder. For each story the bench serves the pages on free
127.0.0.1 ports (`serve.py`; the single article with a small stdlib server), writes the story config
(`make_story.py`), runs `newsclaims crawl`, `newsclaims analyse` and `newsclaims report --format json` in
a temporary folder, and compares the report with the labels. Only the CLI and the report JSON are used,
never the database.

Why one file of ~800 lines: a bench is run by path (`python bench/real_coverage.py`) and tested by path,
and its counting rules are meant to be read beside the alignment and the table they feed; the pure
counting functions are kept apart from the serving and printing inside it.

    python bench/real_coverage.py            # every story: a table, one block per story
    python bench/real_coverage.py --json     # one JSON object instead
    python bench/real_coverage.py --smoke    # the quick run the test suite uses (one story + the article)
    python bench/real_coverage.py --story ozturk-tufts-detention --keep /tmp/out   # keep db and report

Counting rules (the functions below implement them; all are pure and tested on invented data):

* Pages. A report URL is matched to a labelled page by origin + path (+ query); the pages counted as
  *stored* are derived from the report's article count per outlet (one outlet per domain): a domain
  whose stored count equals its labelled pages has all of them stored; a partial count is filled first
  with pages whose URL the report names, then with on-story pages (marked `ambiguous`). Every metric
  below is counted on stored pages only; the crawl line says what was not stored.
* Occurrences. A labelled occurrence is one span of the page text or title (`truth.json` offsets). A
  report mention (`flagged_mentions[]`: url, field, start, end, surface) is placed in the labelled text
  through the expected extraction (one line per non-empty line, whitespace runs as one space): when the
  expected text holds the surface at [start, end) the span maps exactly; otherwise the surface is looked
  for in the labelled text nearest its proportional position (`near`), else it is `unaligned`. A
  labelled occurrence is *flagged* when a flagged mention's span overlaps it. Mentions in the URL field
  have no labels and are only counted.
* Error-occurrence recall per person: labelled `error` occurrences with context `use` or `seo_phrase`
  that are flagged, over all of them; lower-case `seo_phrase` ones are reported apart (`lc_seo`).
  `quoted` errors are not counted (a flag on them is neither right nor wrong here).
* Flag canonical: of the person's flagged error occurrences (`use`/`seo_phrase`), those whose flag
  names the person's labelled canonical (`canon_ok`; a flag that corrects "Caroline Levitt" to the
  novelist "Caroline Leavitt" counts as flagged above but not here).
* Right forms flagged: `correct`/`accepted` occurrences that are flagged (count over all of them).
  Flagged mentions overlapping no labelled occurrence are listed apart as `unlabelled` (the labels
  track only some people).
* Article flags per person: a page is flagged for person P when a flagged mention with usage `uses`
  overlaps an occurrence of P (any label), or when an `errors[].uses` entry with usage `uses` names the
  page, no flagged mention on it overlaps a tracked occurrence, and the error's cluster is P's by
  majority (below: P holds most of its mentions, and more than untracked people do). A flag in a
  title the labeller made from the URL slug (`title_source: slug`) flags no page: that headline is not
  the publisher's (listed as `slug_title_flags`). Truth: stored pages
  with `uses_error` and P in `error_people`. Precision = flagged
  and true / flagged; recall = flagged and true / true; 0/0 is printed as `-`.
* Outlet flags per person: the domains of those pages, against the domains of the true pages.
* Clusters. The report lists each cluster's surfaces with mention counts, not each mention, so
  mentions are attributed by surface: a report surface stands for a labelled surface (`name_part`:
  the same text; a labelled name it is part of, `Ali Öztürk` -> `Mehmet Ali Öztürk`; one ending it,
  `Secretary Karoline Leavitt` -> `Karoline Leavitt`; a multi-word one starting it; case-sensitive,
  except that a small-letter full name, `karoline leavitt` from a URL, stands for `Karoline Leavitt`),
  else it is untracked. A labelled surface used for one person only gives that person all its mentions in the
  cluster (this is the cluster's *affinity*); a surface used for several people (`Leavitt`) is shared
  among them in proportion to their affinity in that cluster, or, with none, to their labelled counts.
  A person's *main* cluster holds most of their correct/accepted mentions; `canonical` is right when
  its canonical equals the labelled canonical (periods dropped, whitespace collapsed, case kept);
  `clusters` counts the clusters holding at least half a mention of the person (any label), and
  `err_in_main` the share of their error mentions in the main cluster.
* False merges: a labelled `distinct` pair both of whose people have affinity >= 1 in one cluster.

Exit code 0 unless the bench itself fails: poor figures are measurements, not crashes.
"""
from __future__ import annotations

import argparse
import csv
import http.server
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from crawler.extract.text import cue_length, transcript_runs  # noqa: E402

SHARED = Path(os.environ.get("NEWSCLAIMS_SHARED_DATA") or ROOT.parent / "shared" / "data")
REAL_STORIES = SHARED / "real-stories"
MISSPELLED = SHARED / "misspelled-article"
STORIES = ("leavitt-press-secretary", "ozturk-tufts-detention", "misspelled-article")
SMOKE_STORIES = ("ozturk-tufts-detention", "misspelled-article")
# crawler/settings.py's loopback profile, as Scrapy settings (a loopback origin needs no politeness).
CRAWL_SETTINGS = {"AUTOTHROTTLE_START_DELAY": 0.05, "AUTOTHROTTLE_MAX_DELAY": 1.0,
                  "CONCURRENT_REQUESTS_PER_DOMAIN": 4, "AUTOTHROTTLE_TARGET_CONCURRENCY": 4.0,
                  "LOG_LEVEL": "WARNING"}
ERROR_CONTEXTS = ("use", "seo_phrase")
RIGHT_LABELS = ("correct", "accepted")


# --- pure functions: alignment, matching, attribution, precision/recall ----------------------------

def ratio(k: float, n: float) -> float | None:
    return None if not n else k / n


def precision_recall(predicted: set, actual: set) -> dict:
    """Precision and recall of a predicted set against the true set (None where the denominator is 0)."""
    tp = len(predicted & actual)
    return {"tp": tp, "fp": len(predicted - actual), "fn": len(actual - predicted),
            "predicted": len(predicted), "actual": len(actual),
            "precision": ratio(tp, len(predicted)), "recall": ratio(tp, len(actual)),
            # Which ones, for reading a failure (pages or domains): flagged wrongly, and missed.
            "wrong": sorted(predicted - actual), "missed": sorted(actual - predicted)}


def extracted_view(text: str) -> tuple[str, list[int]]:
    """The text as the extractor is expected to give it, and for each of its characters the index in `text`.

    One line per non-empty line, whitespace runs inside a line as one space, lines stripped and joined
    with a newline (that newline maps to the end of the previous line in `text`). A caption transcript's
    cue lines are one line, cues dropped, joined with a space (crawler/extract/text.py,
    `join_transcript_cues`).
    """
    out: list[str] = []
    index: list[int] = []
    lines = text.split("\n")
    joined = {n: run.start for run in transcript_runs(lines) for n in run}
    position = last_end = 0
    for n, line in enumerate(lines):
        skip = cue_length(line) if n in joined else 0
        words = list(re.finditer(r"\S+", line[skip:]))
        if words:
            if out:
                out.append(" " if n in joined and n != joined[n] else "\n")
                index.append(last_end)
            for k, word in enumerate(words):
                if k:
                    out.append(" ")
                    index.append(position + skip + words[k - 1].end())
                out.append(word.group())
                index.extend(range(position + skip + word.start(), position + skip + word.end()))
            last_end = position + skip + words[-1].end()
        position += len(line) + 1
    return "".join(out), index


def _surface_pattern(surface: str) -> re.Pattern:
    return re.compile(r"\s+".join(re.escape(w) for w in surface.split()))


def align_span(text: str, start: int, end: int, surface: str, view: tuple[str, list[int]] | None = None):
    """Where a mention reported at [start, end) of the extracted text lies in the labelled `text`.

    Returns ((truth_start, truth_end), how) with how `exact` (the expected extraction holds the surface
    there), `near` (the surface found in `text` nearest the proportional position, within 25% of the
    text or 200 characters) or `unaligned` (span None).
    """
    expected, index = view or extracted_view(text)
    if 0 <= start < end <= len(expected) and expected[start:end] == surface:
        return (index[start], index[end - 1] + 1), "exact"
    if not surface.strip():
        return None, "unaligned"
    estimate = start * len(text) / max(len(expected), 1)
    window = max(200, len(text) // 4)
    found = [(abs(m.start() - estimate), m.start(), m.end()) for m in _surface_pattern(surface).finditer(text)]
    found = [f for f in found if f[0] <= window]
    if not found:
        return None, "unaligned"
    _, s, e = min(found)
    return (s, e), "near"


def overlapping(span: tuple[int, int], occurrences: list[dict]) -> list[int]:
    """Indexes of the occurrences (offset, surface) whose span overlaps `span`."""
    s, e = span
    return [i for i, o in enumerate(occurrences) if o["offset"] < e and s < o["offset"] + len(o["surface"])]


def url_key(url: str) -> tuple[str, str]:
    """(origin, path?query) of a URL, for matching report URLs to served pages."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower(), (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def page_for_url(url: str, pages_by_key: dict) -> str | None:
    """The page id a report URL names: exact origin + path + query, else origin + path."""
    origin, path = url_key(url)
    return pages_by_key.get((origin, path)) or pages_by_key.get((origin, path.split("?")[0]))


def match_flags(pages: dict[str, dict], flagged: list[dict], page_of_url) -> dict:
    """Match the report's flagged mentions to labelled occurrences.

    `pages`: page id -> {"text", "title", "occurrences", "title_occurrences"} (truth.json fields);
    `flagged`: report mentions with url, field, start, end, surface, usage; `page_of_url`: url -> page id.
    Returns {"hits": {(page, field, index): [mention numbers]}, "mentions": [{page, field, how,
    occurrences: [(page, field, index)]} per flagged mention], "how": Counter of alignment outcomes}.
    """
    views: dict = {}
    hits: dict = defaultdict(list)
    result = []
    how_count: Counter = Counter()
    for n, mention in enumerate(flagged):
        page_id = page_of_url(mention["url"])
        field = mention.get("field")
        entry = {"page": page_id, "field": field, "how": None, "occurrences": []}
        result.append(entry)
        if page_id is None or page_id not in pages:
            entry["how"] = "no page"
        elif field not in ("text", "title"):
            entry["how"] = f"field {field}"
        else:
            page = pages[page_id]
            text = page["text"] if field == "text" else page.get("title") or ""
            occurrences = page.get("occurrences", []) if field == "text" else page.get("title_occurrences", [])
            if (page_id, field) not in views:
                views[(page_id, field)] = extracted_view(text)
            span, how = align_span(text, mention["start"], mention["end"], mention["surface"], views[(page_id, field)])
            entry["how"] = how
            if span:
                for i in overlapping(span, occurrences):
                    key = (page_id, field, i)
                    entry["occurrences"].append(key)
                    hits[key].append(n)
        how_count[entry["how"]] += 1
    return {"hits": dict(hits), "mentions": result, "how": how_count}


def name_part(surface: str, tracked: list[str]) -> str | None:
    """The labelled surface a report surface stands for (case-sensitive, whitespace collapsed), or None.

    In order: the same text; the shortest multi-word labelled surface holding a multi-word report
    surface at word boundaries (NER cut "Mehmet Ali Öztürk" to "Ali Öztürk"); the longest labelled
    surface ending the report surface (a title before it: "Secretary Karoline Leavitt", or a colon
    after it); the longest multi-word labelled surface starting it ("Karoline Leavitt Makes"). One case
    rule comes second: a multi-word surface in small letters (a URL slug's "karoline leavitt") stands
    for the labelled name it writes small, when no labelled surface is written so.
    """
    flat = " ".join(surface.split())
    if flat in tracked:
        return flat
    if " " in flat and flat.islower():
        # A URL slug or keyword string writes a full name small ("mike gabbard"): that full name, not a
        # small surname labelled in some page's prose that happens to end it.
        same = sorted(t for t in tracked if t.casefold() == flat)
        if same:
            return same[0]

    def where(needle: str, hay: str):
        return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay)

    if " " in flat:
        holders = [t for t in tracked if " " in t and where(flat, t)]
        if holders:
            return min(holders, key=lambda t: (len(t), t))
    for t in sorted(tracked, key=lambda t: (-len(t), t)):
        m = where(t, flat)
        if m and not re.search(r"\w", flat[m.end():]):
            return t
    for t in sorted(tracked, key=lambda t: (-len(t), t)):
        m = where(t, flat)
        if " " in t and m and not re.search(r"\w", flat[:m.start()]):
            return t
    return None


def attribute_clusters(clusters: list[dict], occurrences: list[dict]) -> dict:
    """Attribute each cluster's surface counts to labelled people (rules in the module docstring).

    `clusters`: [{"id", "canonical", "surfaces": [{"surface", "mentions"}]}]; `occurrences`: labelled
    occurrences with surface, person (None: untracked person) and label. Returns {cluster id:
    {"people": {person: {label: mentions}}, "affinity": {person: mentions}, "untracked": mentions}}.
    """
    people_of: dict[str, Counter] = defaultdict(Counter)
    label_of: dict[tuple, str] = {}
    for o in occurrences:
        people_of[o["surface"]][o["person"]] += 1
        if o["person"] is not None:
            label_of[(o["surface"], o["person"])] = o["label"]
    tracked = list(people_of)
    out = {}
    for cluster in clusters:
        parts = [(name_part(s["surface"], tracked), s["mentions"]) for s in cluster["surfaces"]]
        affinity: Counter = Counter()
        for t, m in parts:
            if t is not None and len(people_of[t]) == 1:
                affinity[next(iter(people_of[t]))] += m
        people: dict = defaultdict(Counter)
        untracked = 0.0
        for t, m in parts:
            if t is None:
                untracked += m
                continue
            candidates = people_of[t]
            weights = {p: affinity[p] for p in candidates if affinity[p] > 0} or dict(candidates)
            total = sum(weights.values())
            for p, w in weights.items():
                share = m * w / total
                if p is None:
                    untracked += share
                else:
                    people[p][label_of[(t, p)]] += share
        out[cluster["id"]] = {"people": {p: dict(c) for p, c in people.items()},
                              "affinity": {p: a for p, a in affinity.items() if p is not None},
                              "untracked": untracked}
    return out


def same_name(a: str | None, b: str | None) -> bool:
    """Canonical forms compared with periods dropped and whitespace collapsed (case kept)."""
    if a is None or b is None:
        return False
    return " ".join(a.replace(".", " ").split()) == " ".join(b.replace(".", " ").split())


def person_clusters(person: str, attribution: dict, canonical_of: dict) -> dict:
    """A person's main cluster (most correct/accepted mentions), its canonical, the split and err_in_main."""
    right = {c: sum(v for label, v in a["people"].get(person, {}).items() if label in RIGHT_LABELS)
             for c, a in attribution.items()}
    total = {c: sum(a["people"].get(person, {}).values()) for c, a in attribution.items()}
    errors = {c: a["people"].get(person, {}).get("error", 0.0) for c, a in attribution.items()}
    main = None
    if any(v > 0 for v in right.values()):
        main = max(right, key=lambda c: (right[c], total[c], c))
    elif any(v > 0 for v in total.values()):
        main = max(total, key=lambda c: (total[c], c))
    held = sorted((c for c, v in total.items() if v >= 0.5), key=lambda c: -total[c])
    return {"main": main, "canonical": canonical_of.get(main), "clusters": held,
            "mentions": {c: round(total[c], 1) for c in held},
            "errors_attributed": round(sum(errors.values()), 1),
            "errors_in_main": round(errors.get(main, 0.0), 1)}


def cluster_majority(attribution: dict) -> dict:
    """Cluster id -> the labelled person holding most of its mentions, when that is more than untracked
    people hold (a namesake's cluster sharing a given name with a tracked person is not theirs)."""
    majority = {}
    for c, a in attribution.items():
        totals = {p: sum(v.values()) for p, v in a["people"].items()}
        if totals:
            best = max(totals, key=lambda p: (totals[p], p))
            if totals[best] > a["untracked"]:
                majority[c] = best
    return majority


def false_merges(distinct: list[dict], attribution: dict) -> list[dict]:
    """Labelled distinct pairs whose people both have affinity >= 1 in one cluster."""
    out = []
    for pair in distinct:
        for c, a in attribution.items():
            if a["affinity"].get(pair["a"], 0) >= 1 and a["affinity"].get(pair["b"], 0) >= 1:
                out.append({"a": pair["a"], "b": pair["b"], "cluster": c})
    return out


def stored_pages(truth_pages: list[dict], articles_per_domain: dict[str, int], named: set[str]) -> tuple[set, list]:
    """Which labelled pages count as stored, from the report's article count per domain.

    A domain's count covers its pages named by a report URL first, then its on-story pages, then the
    rest, in id order; a partial fill that had to guess is listed as ambiguous. Returns (ids, ambiguous
    domains).
    """
    by_domain: dict[str, list[dict]] = defaultdict(list)
    for page in truth_pages:
        by_domain[page["domain"]].append(page)
    stored, ambiguous = set(), []
    for domain, pages in by_domain.items():
        n = articles_per_domain.get(domain, 0)
        if n >= len(pages):
            stored.update(p["id"] for p in pages)
            continue
        order = sorted(pages, key=lambda p: (p["id"] not in named, not p["on_story"], p["id"]))
        chosen = order[:n]
        stored.update(p["id"] for p in chosen)
        guessed = [p for p in chosen if p["id"] not in named]
        if guessed and len({p["on_story"] for p in pages}) > 1:
            ambiguous.append(domain)
    return stored, ambiguous


def score(truth: dict, report: dict, origins: dict[str, str]) -> dict:
    """Compare one story's report with its labels. `origins`: domain -> served origin."""
    pages = {p["id"]: p for p in truth["pages"]}
    domain_of_origin = {o.rstrip("/").lower(): d for d, o in origins.items()}
    pages_by_key = {}
    for p in truth["pages"]:
        origin = origins[p["domain"]].rstrip("/").lower()
        pages_by_key[(origin, p["serve_path"])] = p["id"]
        pages_by_key.setdefault((origin, p["serve_path"].split("?")[0]), p["id"])

    def page_of_url(url):
        return page_for_url(url, pages_by_key)

    # Crawl coverage, from the report's article counts per outlet.
    articles_per_domain: Counter = Counter()
    for outlet in report["outlets"]:
        domain = domain_of_origin.get((outlet.get("origin") or "").rstrip("/").lower())
        if domain:
            articles_per_domain[domain] += outlet["articles"]
    named = {page_of_url(u) for u in _report_urls(report)} - {None}
    stored, ambiguous = stored_pages(truth["pages"], articles_per_domain, named)
    per_domain_pages = Counter(p["domain"] for p in truth["pages"])
    extra = sum(max(0, n - per_domain_pages[d]) for d, n in articles_per_domain.items())
    on = [p["id"] for p in truth["pages"] if p["on_story"]]
    off = [p["id"] for p in truth["pages"] if not p["on_story"]]
    crawl = {"on_story_total": len(on), "on_story_stored": len(set(on) & stored),
             "off_story_total": len(off), "off_story_stored": len(set(off) & stored),
             "articles_in_report": report["summary"]["articles"], "unlabelled_articles": extra,
             "ambiguous_domains": ambiguous, "not_stored_on_story": sorted(set(on) - stored)}
    crawl["on_story_coverage"] = ratio(crawl["on_story_stored"], crawl["on_story_total"])

    # Occurrences on stored pages.
    occurrences = {}
    for pid in stored:
        page = pages[pid]
        for field, key in (("text", "occurrences"), ("title", "title_occurrences")):
            for i, o in enumerate(page.get(key, [])):
                occurrences[(pid, field, i)] = o
    flagged = report["flagged_mentions"]
    matched = match_flags(pages, flagged, page_of_url)
    hits = {k: v for k, v in matched["hits"].items() if k in occurrences}

    # Clusters.
    clusters = [{"id": p["cluster_id"], "canonical": p["canonical"], "surfaces": p["surfaces"]} for p in report["people"]]
    canonical_of = {c["id"]: c["canonical"] for c in clusters}
    attribution = attribute_clusters(clusters, list(occurrences.values()))
    majority = cluster_majority(attribution)

    # Article flags.
    flagged_pages: dict[str, set] = defaultdict(set)
    pages_with_tracked_flag = set()
    slug_titles = []
    for mention, entry in zip(flagged, matched["mentions"]):
        for key in entry["occurrences"]:
            if key not in occurrences or occurrences[key]["person"] is None:
                continue
            pages_with_tracked_flag.add(key[0])
            if key[1] == "title" and pages[key[0]].get("title_source") == "slug":
                slug_titles.append({"page": key[0], "surface": occurrences[key]["surface"]})
                continue  # the labeller's headline made from the URL slug, not the publisher's words
            if mention.get("usage") == "uses":
                flagged_pages[occurrences[key]["person"]].add(key[0])
    for error in report["errors"]:
        person = majority.get(error["cluster_id"])
        for use in error["uses"]:
            pid = page_of_url(use["url"])
            if person and use["usage"] == "uses" and pid in stored and pid not in pages_with_tracked_flag:
                flagged_pages[person].add(pid)

    lexicon = _report_lexicon(report)
    people = []
    for person in truth["people"]:
        p = person["id"]
        mine = {k: o for k, o in occurrences.items() if o["person"] == p}
        errs = {k for k, o in mine.items() if o["label"] == "error" and o["context"] in ERROR_CONTEXTS}
        lc_seo = {k for k in errs if mine[k]["lowercase"] and mine[k]["context"] == "seo_phrase"}
        main_errs = errs - lc_seo
        rights = {k for k, o in mine.items() if o["label"] in RIGHT_LABELS}
        right_flagged = sorted(k for k in rights if k in hits)
        flagged_errs = sorted(errs & hits.keys())
        canon_ok = [k for k in flagged_errs
                    if any(same_name(flagged[n].get("canonical"), person["canonical"]) for n in hits[k])]
        true_pages = {pid for pid in stored if pages[pid].get("uses_error") and p in pages[pid].get("error_people", [])}
        art = precision_recall(flagged_pages.get(p, set()), true_pages)
        out = precision_recall({pages[x]["domain"] for x in flagged_pages.get(p, set())},
                               {pages[x]["domain"] for x in true_pages})
        cl = person_clusters(p, attribution, canonical_of)
        missed = [k for k in sorted(errs) if k not in hits]
        people.append({
            "id": p, "canonical": person["canonical"], "report_canonical": cl["canonical"],
            "canonical_ok": same_name(cl["canonical"], person["canonical"]), "main_cluster": cl["main"],
            # A person named only on pages the crawl rightly kept out of the story cannot be judged.
            "absent": not any(pid in stored for pid in {k[0] for k in mine}),
            "clusters": len(cl["clusters"]), "cluster_mentions": cl["mentions"],
            "err_in_main": {"k": cl["errors_in_main"], "n": cl["errors_attributed"],
                            "ratio": ratio(cl["errors_in_main"], cl["errors_attributed"])},
            "articles": art, "outlets": out,
            "errors": {"k": len(main_errs & hits.keys()), "n": len(main_errs), "ratio": ratio(len(main_errs & hits.keys()), len(main_errs))},
            "lc_seo": {"k": len(lc_seo & hits.keys()), "n": len(lc_seo), "ratio": ratio(len(lc_seo & hits.keys()), len(lc_seo))},
            "canon_ok": {"k": len(canon_ok), "n": len(flagged_errs), "ratio": ratio(len(canon_ok), len(flagged_errs))},
            "quoted_errors_flagged": sum(1 for k, o in mine.items() if o["label"] == "error" and o["context"] == "quoted" and k in hits),
            "right_flagged": {"k": len(right_flagged), "n": len(rights), "ratio": ratio(len(right_flagged), len(rights)),
                              "surfaces": [_describe(k, mine[k], pages, flagged, hits) for k in right_flagged]},
            "missed_errors": [{**_describe(k, mine[k], pages), "language": pages[k[0]].get("language", "en"),
                               "hint": _hint(mine[k]["surface"], lexicon)} for k in missed],
        })
    unlabelled = [{"surface": m["surface"], "field": m.get("field"), "page": e["page"], "canonical": m.get("canonical"),
                   "how": e["how"]} for m, e in zip(flagged, matched["mentions"]) if not e["occurrences"]]
    return {
        "story": truth["story"]["slug"], "crawl": crawl,
        "report": {"clusters": len(report["people"]), "flagged_mentions": len(flagged),
                   "flagged_articles": report["summary"].get("flagged_articles"),
                   "flagged_outlets": report["summary"].get("flagged_outlets")},
        "alignment": dict(matched["how"]), "people": people,
        "false_merges": [{**m, "canonical": canonical_of[m["cluster"]]} for m in false_merges(truth.get("distinct", []), attribution)],
        "unlabelled_flags": unlabelled, "slug_title_flags": slug_titles,
    }


def _report_urls(report: dict):
    for m in report["flagged_mentions"]:
        yield m["url"]
    for e in report["errors"]:
        for u in e["uses"]:
            yield u["url"]


def _report_lexicon(report: dict) -> dict:
    """surface -> [(cluster canonical, kind)] and the unattached surfaces, for the missed-error hints."""
    lexicon: dict = defaultdict(list)
    for p in report["people"]:
        for s in p["surfaces"]:
            lexicon[" ".join(s["surface"].split())].append((p["canonical"], s["kind"]))
    for s in report.get("unattached", []):
        lexicon[" ".join(s.split())].append((None, "unattached"))
    return lexicon


def _hint(surface: str, lexicon: dict) -> str:
    """Why an error occurrence may have been missed, from the report's surfaces: a hint, since the report
    gives each cluster's surfaces, not each mention (the same surface may be judged on another page)."""
    if surface in lexicon:
        return "; ".join(f"{kind} in {canonical!r}" if canonical else kind for canonical, kind in lexicon[surface])
    holders = [s for s in lexicon if re.search(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", s)]
    if holders:
        return "only inside " + ", ".join(repr(s) for s in sorted(holders, key=len)[:3])
    parts = [s for s in lexicon if re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", surface)]
    if parts:
        return "only a part found: " + ", ".join(repr(s) for s in sorted(parts, key=len, reverse=True)[:3])
    return "not a mention in the report"


def _describe(key, occurrence, pages, flagged=None, hits=None) -> dict:
    out = {"page": key[0], "field": key[1], "surface": occurrence["surface"], "context": occurrence["context"]}
    if flagged is not None and hits and key in hits:
        out["flagged_as"] = sorted({f"{flagged[n]['surface']} -> {flagged[n]['canonical']}" for n in hits[key]})
    return out


# --- the misspelled article as a one-page story ------------------------------------------------------

ARTICLE_DOMAIN = "worcester.example"
ARTICLE_PATH = "/news/worcester-coppinger.html"


def misspelled_truth() -> dict:
    """mentions.csv in the shape of a real-stories truth.json (one page, one person)."""
    text = (MISSPELLED / "worcester-coppinger.txt").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", (MISSPELLED / "worcester-coppinger.html").read_text(encoding="utf-8")).group(1)
    context = {"name-reference": "use", "seo-keyword-phrase": "seo_phrase", "quoted-term": "quoted"}
    occurrences = []
    with open(MISSPELLED / "mentions.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            start = int(row["char_offset"])
            assert text[start:int(row["char_end"])] == row["surface"], row
            occurrences.append({"offset": start, "surface": row["surface"], "person": "p1",
                                "label": "error" if row["is_misspelling"] == "true" else "correct",
                                "lowercase": row["surface"][:1].islower(), "context": context[row["usage"]]})
    errors = sorted({o["surface"] for o in occurrences if o["label"] == "error"})
    uses_error = any(o["label"] == "error" and o["context"] in ERROR_CONTEXTS for o in occurrences)
    return {
        "story": {"slug": "misspelled-article", "title": "Worcester ICE confrontation (real SEO page)",
                  "topic_names": ["Kevin Coppinger"], "keywords": []},
        "people": [{"id": "p1", "canonical": "Kevin Coppinger", "surname": "Coppinger",
                    "accepted": ["Coppinger", "Kevin Coppinger"], "errors": errors}],
        "distinct": [],
        "outlets": [{"domain": ARTICLE_DOMAIN, "name": "Worcester article", "authoritative": False, "pages": ["01"],
                     "uses_error": uses_error, "error_people": ["p1"] if uses_error else []}],
        "pages": [{"id": "01", "domain": ARTICLE_DOMAIN, "serve_path": ARTICLE_PATH, "text": text, "title": title,
                   "on_story": True, "uses_error": uses_error, "error_people": ["p1"] if uses_error else [],
                   "occurrences": occurrences, "title_occurrences": []}],
    }


def load_truth(story_dir: Path) -> dict:
    """A real story's truth.json, each page with the `text` it is served with (pages/NN.json)."""
    truth = json.loads((story_dir / "truth.json").read_text(encoding="utf-8"))
    for page in truth["pages"]:
        served = json.loads((story_dir / "pages" / f"{page['id']}.json").read_text(encoding="utf-8"))
        page["text"] = served["text"]
        page.setdefault("title", served.get("title"))
    return truth


class _ArticleHandler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict] = {}

    def do_GET(self):
        body, ctype = self.routes.get(self.path.split("?")[0], (None, None))
        if body is None:
            self.send_error(404)
            return
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


# --- running one story ------------------------------------------------------------------------------

def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_base_port(count: int, rng: random.Random) -> int:
    """A base port whose `count` consecutive ports are free on 127.0.0.1 right now."""
    for _ in range(200):
        base = rng.randrange(20000, 60000 - count)
        if all(_port_free(base + i) for i in range(count)):
            return base
    raise RuntimeError("no free port range found")


class StoryServer:
    """serve.py for a real-stories folder, on a free port range; stopped by its PID."""

    def __init__(self, story_dir: Path, domains: int):
        self.story_dir, self.domains, self.proc, self.base = story_dir, domains, None, None

    def __enter__(self):
        rng = random.Random()
        for _ in range(5):
            self.base = free_base_port(self.domains, rng)
            self.proc = subprocess.Popen([sys.executable, "-u", str(REAL_STORIES / "serve.py"), str(self.story_dir),
                                          str(self.base)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                         text=True)
            origins = {}
            for line in self.proc.stdout:
                domain, origin = line.split()
                origins[domain] = origin
                if len(origins) == self.domains:
                    break
            if len(origins) == self.domains:
                self.origins = origins
                return self
            self._stop()  # a port was taken between the check and the bind: try another range
        raise RuntimeError(f"serve.py could not start for {self.story_dir}")

    def _stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc and self.proc.stdout:
            self.proc.stdout.close()

    def __exit__(self, *exc):
        self._stop()


class ArticleServer:
    """The misspelled article (its HTML file as is), an index linking it and robots.txt, in a thread."""

    def __enter__(self):
        html = (MISSPELLED / "worcester-coppinger.html").read_text(encoding="utf-8")
        handler = type("Handler", (_ArticleHandler,), {"routes": {
            "/": (f'<html><body><a href="{ARTICLE_PATH}">Worcester</a></body></html>', "text/html; charset=utf-8"),
            ARTICLE_PATH: (html, "text/html; charset=utf-8"),
            "/robots.txt": ("User-agent: *\nDisallow:\n", "text/plain"),
        }})
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.origins = {ARTICLE_DOMAIN: f"http://127.0.0.1:{self.server.server_address[1]}"}
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    result = subprocess.run([sys.executable, "-m", "newsclaims", *args], check=False, cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"newsclaims {' '.join(args[:1])} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return result


def run_story(slug: str, work: Path, story_dir: Path | None = None) -> tuple[dict, dict, dict, dict]:
    """Serve, configure, crawl, analyse and report one story in `work`. Returns (truth, report, origins, timings).

    `story_dir`: a story folder in the real-stories format kept outside the repository (held-out data
    nobody tuned on); by default the folder of `slug` in ../shared/data/real-stories/."""
    work.mkdir(parents=True, exist_ok=True)
    config, db, out = work / f"{slug}.toml", work / f"{slug}.db", work / f"{slug}.report.json"
    for stale in work.glob(f"{slug}.db*"):  # a kept folder from an earlier run: start from an empty database
        stale.unlink()
    settings = [a for k, v in CRAWL_SETTINGS.items() for a in ("-s", f"{k}={v}")]
    timings = {}
    if slug == "misspelled-article":
        truth = misspelled_truth()
        server = ArticleServer()
    else:
        story_dir = story_dir or REAL_STORIES / slug
        truth = load_truth(story_dir)
        server = StoryServer(story_dir, len({p["domain"] for p in truth["pages"]}))
    with server:
        if slug == "misspelled-article":
            origin = server.origins[ARTICLE_DOMAIN]
            config.write_text(
                f'slug = "{slug}"\ntitle = "{truth["story"]["title"]}"\ncontact = "http://127.0.0.1/ (loopback evaluation crawl)"\n\n'
                f'[topic]\nnames = {json.dumps(truth["story"]["topic_names"])}\n\n'
                f'[[outlets]]\nslug = "worcester"\nname = "Worcester article"\norigin = "{origin}"\nseeds = ["/"]\n'
                'article_paths = ["^/news/"]\n', encoding="utf-8")
        else:
            subprocess.run([sys.executable, str(REAL_STORIES / "make_story.py"), str(story_dir), str(server.base),
                            str(config)], check=True, capture_output=True, text=True, timeout=60)
        t = time.monotonic()
        _cli("crawl", str(config), "--db", str(db), "-q", *settings, cwd=work)
        timings["crawl_s"] = time.monotonic() - t
        origins = dict(server.origins)
    t = time.monotonic()
    analysed = _cli("analyse", str(config), "--db", str(db), "-q", cwd=work).stdout.strip().splitlines()
    timings["analyse_s"] = time.monotonic() - t
    timings["analyse_output"] = analysed[-1] if analysed else ""
    _cli("report", str(config), "--db", str(db), "--format", "json", "-o", str(out), "-q", cwd=work)
    return truth, json.loads(out.read_text(encoding="utf-8")), origins, timings


# --- output -----------------------------------------------------------------------------------------

def _r(value: dict | None, k="k", n="n", key="ratio") -> str:
    """`0.89 (8/9)`; `- (0/0)` when undefined; fractional counts rounded."""
    v = value[key]
    return f"{'-' if v is None else f'{v:.2f}'} ({round(value[k])}/{round(value[n])})"


def _pr(pr: dict, name: str) -> str:
    return (f"{name}_P={_r(pr, 'tp', 'predicted', 'precision')} "
            f"{name}_R={_r(pr, 'tp', 'actual', 'recall')}")


def format_story(result: dict) -> list[str]:
    c = result["crawl"]
    lines = [f"== {result['story']}  [crawl {result['timings']['crawl_s']:.1f} s, analyse {result['timings']['analyse_s']:.1f} s]",
             f"  crawl: on_story_stored={_r({'k': c['on_story_stored'], 'n': c['on_story_total'], 'ratio': c['on_story_coverage']})} "
             f"off_story_stored={c['off_story_stored']}/{c['off_story_total']} unlabelled_articles={c['unlabelled_articles']}"
             + (f" ambiguous_domains={','.join(c['ambiguous_domains'])}" if c["ambiguous_domains"] else "")
             + (f" missing={','.join(c['not_stored_on_story'])}" if c["not_stored_on_story"] else ""),
             f"  analyse: {result.get('analyse_output', '')}",
             (f"  report: clusters={result['report']['clusters']} flagged_mentions={result['report']['flagged_mentions']} "
              f"alignment={', '.join(f'{k}:{v}' for k, v in sorted(result['alignment'].items(), key=str))}")]
    for p in result["people"]:
        ok = "ok" if p["canonical_ok"] else "absent (named only on pages kept out)" if p["absent"] else "WRONG"
        lines.append(
            f"  {p['id']} {p['canonical']!s:<18} canonical={ok} ({p['report_canonical']!s}) clusters={p['clusters']} "
            f"err_in_main={_r(p['err_in_main'])} {_pr(p['articles'], 'art')} {_pr(p['outlets'], 'out')} "
            f"err_R={_r(p['errors'])} lc_seo_R={_r(p['lc_seo'])} canon_ok={_r(p['canon_ok'])} "
            f"right_flagged={_r(p['right_flagged'])}")
    merges = result["false_merges"]
    lines.append("  false_merges=" + str(len(merges)) + (": " + "; ".join(
        f"{m['a']}+{m['b']} in {m['canonical']!r}" for m in merges) if merges else ""))
    for p in result["people"]:
        if p["right_flagged"]["surfaces"]:
            lines.append(f"  {p['id']} right forms flagged: " + "; ".join(
                f"{s['page']}/{s['field']} {s['surface']!r} as {', '.join(s.get('flagged_as', []))}"
                for s in p["right_flagged"]["surfaces"]))
        if p["missed_errors"]:
            counts = Counter((m["surface"], ("page in " + m["language"] + "; " if m["language"] != "en" else "") + m["hint"])
                             for m in p["missed_errors"])
            lines.append(f"  {p['id']} missed errors: " + "; ".join(
                f"{s!r} x{n} ({hint})" for (s, hint), n in counts.most_common()))
    if result["unlabelled_flags"]:
        counts = Counter((u["surface"].replace("\n", "\\n"), u["how"]) for u in result["unlabelled_flags"])
        lines.append("  unlabelled flags: " + "; ".join(f"{s!r} x{n} ({how})" for (s, how), n in counts.most_common()))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help=f"only {', '.join(SMOKE_STORIES)} (the test suite's run)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    parser.add_argument("--story", action="append", choices=STORIES, help="only this story (repeatable)")
    parser.add_argument("--keep", type=Path, help="write databases and reports here instead of a temporary folder")
    parser.add_argument("--story-dir", action="append", type=Path, default=[],
                        help="also a story folder in the real-stories format kept outside the repository "
                             "(held-out real pages; repeatable)")
    args = parser.parse_args(argv)
    for folder in args.story_dir:
        if not (folder / "truth.json").is_file():
            parser.error(f"{folder}: no truth.json (not a real-stories folder)")
    slugs = [(slug, None) for slug in args.story or (() if args.story_dir else SMOKE_STORIES if args.smoke else STORIES)]
    slugs += [(folder.name, folder) for folder in args.story_dir]
    started = time.monotonic()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsclaims-realcov-"))
    results = []
    try:
        for slug, story_dir in slugs:
            truth, report, origins, timings = run_story(slug, work / slug, story_dir)
            result = score(truth, report, origins)
            result["analyse_output"] = timings.pop("analyse_output")
            result["timings"] = {k: round(v, 2) for k, v in timings.items()}
            results.append(result)
            if not args.json:
                print("\n".join(format_story(result)), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    elapsed = time.monotonic() - started
    if args.json:
        print(json.dumps({"stories": results, "elapsed_s": round(elapsed, 1)}, indent=1, ensure_ascii=False, default=str))
    else:
        print(f"elapsed: {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
