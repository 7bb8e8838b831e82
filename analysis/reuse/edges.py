"""Copy edges: who copied whom, in which direction, and only the direct copies.

An *edge* is a plain dict, one per pair of article versions that share at least one passage:

    {"source_url", "source_version", "target_url", "target_version",
     "shared_chars",   # characters of the target inside shared passages
     "target_share",   # shared_chars / len(target text)
     "direction",      # "syndication" | "dated" | "uncertain"
     "basis",          # what decided the direction (see `orient`)
     "passages": [{"source_start", "source_end", "target_start", "target_end"}, ...],  # exact
     "runs": [{...same keys...}],  # the same words in the same order (min_words or more), up to case,
                                   # accents and punctuation; passages are the exact pieces of the long ones
     "carries": [form, ...]}   # filled by `mark_carried`

Passages are exact (``source_text[source_start:source_end] == target_text[target_start:target_end]``);
each lies inside a run (see `analysis.reuse.align`).

**Direction** (`orient`). Syndication evidence wins: the target's canonical URL names the source's URL
or another outlet's host that is the source's, or the target's credit line names the source's outlet.
An outlet says so itself, while a published date can be a CMS default or a later update. Otherwise the
earlier published date is the source ("dated"). When dates cannot order the two (either undated, the
same instant, or the same day/month when one of them is only known to that precision) the edge is
"uncertain", and source/target are only a stable guess: the smaller (url, version). The order in which
pages were crawled is never evidence: a crawler meets a copy before its original all the time.

**Direct edges only** (`direct_edges`), judged from passages, not from dates alone:

- *Siblings.* B and C both copy A (confident edges A->B and A->C). The edge between B and C is
  indirect when every word they share is explained by A: it lies in an A->C run in C, and its place
  in B lies in an A->B run. One shared word A does not have (an error B introduced and C reproduced)
  is evidence that one of them copied the other, so the edge stays. Runs, not exact passages, are
  what A "has": a word B and C both re-cased or re-punctuated the same way is house style, not copying.
- *Chains.* C copies B, which copied A (confident edges A->B and B->C). The edge A->C is indirect when
  every word of its passages in C lies in a B->C passage whose place in B lies in an A->B run.
  If C also took a paragraph from A that B left out, that paragraph is unexplained and A->C stays.
- Siblings are judged first, on all edges; chains then only through edges that survived. When a copy
  is verbatim, text alone cannot tell "C copied B, a verbatim copy of A" from "B and C copied A"; the
  sibling reading wins, so the original source keeps its edges. An edge whose direction is uncertain
  is never a leg of an explanation (its direction is unknown), but it can be explained itself.
  Syndication edges are never removed as siblings: a canonical or credit naming the other outlet is
  the outlets' own word that one took from the other.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlsplit

from analysis.dates import parse_published
from analysis.reuse.align import Run, align_runs, shared_chars
from analysis.reuse.shingles import tokenize

Key = tuple[str, object]  # (url, version): one article version
Interval = tuple[int, int]

_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:$|-)")
_WORD_CHAR = re.compile(r"\w")


# --- direction ---------------------------------------------------------------------------------------

def article_key(article: Mapping) -> Key:
    return article["url"], article.get("version")


def _guess_order(key: Key) -> tuple:
    """A stable order when nothing else can orient a pair: by URL, then version (numbers before text)."""
    url, version = key
    return url, (0, version, "") if isinstance(version, int) else (1, 0, str(version))


def _url_key(url: str | None) -> str | None:
    """A URL as compared for canonical links: no scheme, no www., no fragment, no trailing slash."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def _host(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    return (urlsplit(url.strip()).hostname or "").removeprefix("www.") or None


def _name(value: str) -> str:
    """An outlet name or credit as compared: "(Example Wire)" and "example wire" are the same."""
    return " ".join(re.sub(r"[^\w.\- ]+", " ", value.casefold()).split()).removeprefix("www.")


def outlet_names(article: Mapping) -> set[str]:
    """Every name an outlet may be credited by: its outlet value, that value's host, its URL's host and
    an optional `outlet_name`."""
    names = {_host(article.get("url"))}
    for value in (article.get("outlet"), article.get("outlet_name")):
        if value:
            names.update((_name(value), _host(value)))
    return {name for name in names if name}


def _credits(article: Mapping) -> list[str]:
    credit = article.get("credit")
    if not credit:
        return []
    values = [credit] if isinstance(credit, str) else list(credit)
    return [_host(value) or _name(value) for value in values if value]


def syndication_evidence(target: Mapping, source: Mapping) -> str | None:
    """"canonical_url" or "credit" when `target` itself says it comes from `source`, else None.

    >>> wire = {"url": "https://wire.example/a/1", "outlet": "https://wire.example", "outlet_name": "Example Wire"}
    >>> syndication_evidence({"url": "https://local.example/x", "credit": "(Example Wire)"}, wire)
    'credit'
    >>> syndication_evidence({"url": "https://local.example/x", "canonical_url": "https://wire.example/a/1"}, wire)
    'canonical_url'
    """
    canonical = target.get("canonical_url")
    own = _url_key(target.get("url"))
    if canonical and _url_key(canonical) != own:
        if _url_key(canonical) in {_url_key(source.get("url")), _url_key(source.get("canonical_url"))}:
            return "canonical_url"
        host = _host(canonical)
        if host and host != _host(target.get("url")) and host in outlet_names(source):
            return "canonical_url"
    own_names = outlet_names(target)
    source_names = outlet_names(source)
    if any(credit in source_names and credit not in own_names for credit in _credits(target)):
        return "credit"
    return None


def _moment(article: Mapping) -> tuple[str, datetime | None, date | None, tuple[int, int]] | None:
    """(precision, UTC instant or None, calendar day or None, (year, month)), or None when undated.

    `published_precision` is believed over the string's shape: a CMS that writes every date as
    midnight ("2024-03-05T00:00:00") is only telling the day.
    """
    published = article.get("published")
    if not published:
        return None
    text = str(published).strip()
    precision = article.get("published_precision")
    month = _MONTH.match(text)
    if precision == "month" or (precision is None and month and len(text) == 7):
        return ("month", None, None, (int(month.group(1)), int(month.group(2)))) if month else None
    instant, day, _ = parse_published(text)
    if day is None:
        return None
    if precision == "day" or instant is None:
        return "day", None, day, (day.year, day.month)
    return "instant", instant, day, (day.year, day.month)


def compare_published(a: Mapping, b: Mapping) -> tuple[int | None, str]:
    """(-1 if `a` is surely earlier, 1 if surely later, 0 for a tie, None if unknown) and the basis.

    Two instants compare exactly; otherwise at the coarser precision of the two, on the calendar day
    (or month) in each page's own offset, as `analysis.dates` does: 10:00 on the 5th and "the 5th" tie.

    >>> compare_published({"published": "2024-03-05T10:00:00+00:00"}, {"published": "2024-03-05"})
    (0, 'same day')
    >>> compare_published({"published": "2024-03-04"}, {"published": "2024-03-05T10:00:00+00:00"})
    (-1, 'published')
    """
    ma, mb = _moment(a), _moment(b)
    if ma is None or mb is None:
        return None, "undated"
    if ma[0] == mb[0] == "instant":
        key_a, key_b, tie = ma[1], mb[1], "same instant"
    elif "month" in (ma[0], mb[0]):
        key_a, key_b, tie = ma[3], mb[3], "same month"
    else:
        key_a, key_b, tie = ma[2], mb[2], "same day"
    if key_a == key_b:
        return 0, tie
    return (-1 if key_a < key_b else 1), "published"


def orient(a: Mapping, b: Mapping) -> tuple[Mapping, Mapping, str, str]:
    """(source, target, direction, basis) for two versions that share text.

    basis: "canonical_url" or "credit" (syndication); "published" (dated); for uncertain edges
    "undated", "same instant", "same day", "same month" or "syndication both ways".
    """
    a_from_b, b_from_a = syndication_evidence(a, b), syndication_evidence(b, a)
    if b_from_a and not a_from_b:
        return a, b, "syndication", b_from_a
    if a_from_b and not b_from_a:
        return b, a, "syndication", a_from_b
    first, second = sorted((a, b), key=lambda article: _guess_order(article_key(article)))
    if a_from_b and b_from_a:
        return first, second, "uncertain", "syndication both ways"
    order, basis = compare_published(a, b)
    if not order:
        return first, second, "uncertain", basis
    return (a, b, "dated", basis) if order < 0 else (b, a, "dated", basis)


# --- edges -------------------------------------------------------------------------------------------

def copy_edge(source: Mapping, target: Mapping, direction: str, basis: str, runs: list[Run]) -> dict:
    """The edge record for `target` sharing `runs` with `source`."""
    passages = sorted((piece for run in runs if run.counted for piece in run.pieces),
                      key=lambda p: (p.target_start, p.source_start))
    shared = shared_chars(passages)
    return {
        "source_url": source["url"], "source_version": source.get("version"),
        "target_url": target["url"], "target_version": target.get("version"),
        "shared_chars": shared,
        "target_share": round(shared / len(target["text"]), 4) if target["text"] else 0.0,
        "direction": direction, "basis": basis,
        "passages": [p.as_dict() for p in passages],
        "runs": [run.extent.as_dict() for run in runs],
        "carries": [],
    }


def copy_edges(articles: Sequence[Mapping], pairs: Sequence[tuple[int, int]], *, min_chars: int = 200,
               min_words: int = 8) -> list[dict]:
    """One edge per candidate pair (indices into `articles`) that shares at least one passage; sorted.

    Versions of the same URL are one article rewriting itself, not copying: they make no edge.
    """
    @lru_cache(maxsize=512)
    def tokens(index: int):
        return tokenize(articles[index]["text"])

    position = {id(article): index for index, article in enumerate(articles)}
    edges = []
    for i, j in pairs:
        if i == j or articles[i]["url"] == articles[j]["url"]:
            continue
        source, target, direction, basis = orient(articles[i], articles[j])
        s, t = position[id(source)], position[id(target)]
        runs = align_runs(source["text"], target["text"], min_chars=min_chars, min_words=min_words,
                          source_tokens=tokens(s), target_tokens=tokens(t))
        if any(run.counted for run in runs):
            edges.append(copy_edge(source, target, direction, basis, runs))
    return sorted(edges, key=_edge_order)


def _edge_order(edge: Mapping) -> tuple:
    return (_guess_order((edge["source_url"], edge["source_version"])),
            _guess_order((edge["target_url"], edge["target_version"])))


def _ends(edge: Mapping) -> tuple[Key, Key]:
    return (edge["source_url"], edge["source_version"]), (edge["target_url"], edge["target_version"])


# --- direct edges ------------------------------------------------------------------------------------

def _merge(intervals: list[Interval]) -> list[Interval]:
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        elif end > start:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _clip(covered: list[Interval], start: int, end: int) -> list[Interval]:
    """The parts of [start, end) inside the merged intervals `covered`."""
    return [(max(start, s), min(end, e)) for s, e in covered if s < end and e > start]


def _in_target(edge: Mapping) -> list[Interval]:
    return _merge([(p["target_start"], p["target_end"]) for p in edge["passages"]])


def _words_in_target(edge: Mapping) -> list[Interval]:
    """The target's words the source also has: run extents, so a word the copy only re-cased or
    re-punctuated still counts as the source's (without runs, the exact passages)."""
    return _merge([(r["target_start"], r["target_end"]) for r in edge.get("runs") or edge["passages"]])


def _sibling_explained(edge: Mapping, via_source: Mapping, via_target: Mapping) -> list[Interval]:
    """Parts of `edge`'s passages (target coordinates) that lie in A's runs at both of its ends, A being
    the common source of `via_source` (A->edge source) and `via_target` (A->edge target)."""
    in_target, in_source = _words_in_target(via_target), _words_in_target(via_source)
    explained = []
    for p in edge["passages"]:
        shift = p["source_start"] - p["target_start"]
        for start, end in _clip(in_target, p["target_start"], p["target_end"]):
            explained.extend((s - shift, e - shift) for s, e in _clip(in_source, start + shift, end + shift))
    return explained


def _chain_explained(edge: Mapping, first: Mapping, second: Mapping) -> list[Interval]:
    """Parts of `edge` (X->Y, target coordinates) that reach Y through Z: inside a Z->Y passage
    (`second`) whose place in Z lies in an X->Z run (`first`)."""
    in_middle = _words_in_target(first)
    explained = []
    for q_start, q_end in _in_target(edge):
        for p in second["passages"]:
            start, end = max(q_start, p["target_start"]), min(q_end, p["target_end"])
            if start >= end:
                continue
            shift = p["source_start"] - p["target_start"]
            explained.extend((s - shift, e - shift) for s, e in _clip(in_middle, start + shift, end + shift))
    return explained


def _unexplained_chars(edge: Mapping, explained: list[Interval], text: str | None) -> int:
    """Word characters of the edge's target passages outside `explained` (all characters without text)."""
    covered = _merge(explained)
    left = 0
    for start, end in _in_target(edge):
        cursor = start
        for s, e in _clip(covered, start, end) + [(end, end)]:
            if s > cursor:
                gap = text[cursor:s] if text is not None else None
                left += len(_WORD_CHAR.findall(gap)) if gap is not None else s - cursor
            cursor = max(cursor, e)
    return left


def direct_edges(edges: Sequence[Mapping], texts: Mapping[Key, str] | None = None, *,
                 max_unexplained_chars: int = 0) -> list[dict]:
    """The edges that are not explained by a common source (siblings) or a path (chains); sorted.

    `texts` maps (url, version) to text, so that only word characters count as unexplained (a quote
    mark both copies changed is not evidence); without it every character counts. An edge is
    explained when at most `max_unexplained_chars` such characters of its passages are unexplained:
    0 by default, since one shared word the source lacks (a copied misspelling) is the best evidence
    there is of who copied whom. See the module docstring for the rules.
    """
    texts = texts or {}
    by_pair: dict[tuple[Key, Key], Mapping] = {}
    sources_of: dict[Key, dict[Key, Mapping]] = defaultdict(dict)  # target -> source -> confident edge
    for edge in edges:
        source, target = _ends(edge)
        by_pair[(source, target)] = edge
        if edge["direction"] != "uncertain":
            sources_of[target][source] = edge

    def explained(edge: Mapping, parts: list[Interval]) -> bool:
        return _unexplained_chars(edge, parts, texts.get(_ends(edge)[1])) <= max_unexplained_chars

    siblings = set()
    for edge in edges:
        if edge["direction"] == "syndication":
            continue
        source, target = _ends(edge)
        parts = []
        for common in sources_of[source].keys() & sources_of[target].keys():
            parts.extend(_sibling_explained(edge, sources_of[source][common], sources_of[target][common]))
        if parts and explained(edge, parts):
            siblings.add((source, target))

    legs: dict[Key, dict[Key, Mapping]] = defaultdict(dict)  # target -> source -> surviving confident edge
    for (source, target), edge in by_pair.items():
        if (source, target) not in siblings and edge["direction"] != "uncertain":
            legs[target][source] = edge
    sources_by_middle: dict[Key, set[Key]] = {middle: set(found) for middle, found in legs.items()}

    def through_path(edge: Mapping, start: Key, end: Key) -> list[Interval]:
        parts = []
        for middle in sorted(legs[end], key=_guess_order):
            if middle != start and start in sources_by_middle.get(middle, ()):
                parts.extend(_chain_explained(edge, legs[middle][start], legs[end][middle]))
        return parts

    kept = []
    for edge in edges:
        source, target = _ends(edge)
        if (source, target) in siblings:
            continue
        parts = through_path(edge, source, target)
        if edge["direction"] == "uncertain":
            parts += _reversed_parts(edge, through_path, source, target)
        if parts and explained(edge, parts):
            continue
        kept.append(dict(edge))
    return sorted(kept, key=_edge_order)


def _reversed_parts(edge: Mapping, through_path, source: Key, target: Key) -> list[Interval]:
    """For an uncertain edge, the explanation of the other orientation (target -> source), mapped back
    into the edge's target coordinates."""
    flipped = {"passages": [{"source_start": p["target_start"], "source_end": p["target_end"],
                             "target_start": p["source_start"], "target_end": p["source_end"]}
                            for p in edge["passages"]]}
    parts = []
    for start, end in _merge(through_path(flipped, target, source)):
        for p in flipped["passages"]:
            s, e = max(start, p["target_start"]), min(end, p["target_end"])
            if s < e:
                shift = p["source_start"] - p["target_start"]
                parts.append((s + shift, e + shift))
    return parts


# --- carried errors ----------------------------------------------------------------------------------

def mark_carried(edges: Sequence[Mapping], occurrences: Mapping[Key, Sequence[Mapping]]) -> list[dict]:
    """Copies of `edges` with `carries`: the error forms the copy took from its source.

    `occurrences` maps (url, version) to that text's error occurrences `{"form", "start", "end"}`
    (offsets into the text the edges were aligned on). An edge carries a form when an occurrence in the
    target lies inside one of its passages and the source has an occurrence of the same form at the
    same place in the passage. Passages are exact, so the source has the same characters there; asking
    for its occurrence too keeps "carried" to what the analysis judged an error in both.

    >>> edge = {"source_url": "a", "source_version": 1, "target_url": "b", "target_version": 1,
    ...         "passages": [{"source_start": 100, "source_end": 400, "target_start": 0, "target_end": 300}]}
    >>> found = {("a", 1): [{"form": "Koppinger", "start": 150, "end": 159}],
    ...          ("b", 1): [{"form": "Koppinger", "start": 50, "end": 59},
    ...                     {"form": "Copinger", "start": 320, "end": 328}]}
    >>> mark_carried([edge], found)[0]["carries"]
    ['Koppinger']
    """
    marked = []
    for edge in edges:
        source, target = _ends(edge)
        in_source = {(o["form"], o["start"], o["end"]) for o in occurrences.get(source, ())}
        carried = set()
        for occurrence in occurrences.get(target, ()):
            for p in edge["passages"]:
                if p["target_start"] <= occurrence["start"] and occurrence["end"] <= p["target_end"]:
                    shift = p["source_start"] - p["target_start"]
                    if (occurrence["form"], occurrence["start"] + shift, occurrence["end"] + shift) in in_source:
                        carried.add(occurrence["form"])
        marked.append({**edge, "carries": sorted(carried)})
    return marked
