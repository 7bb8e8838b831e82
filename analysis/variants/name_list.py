"""Clustering a plain list of names with counts (`newsclaims variants cluster FILE.csv`)."""
from __future__ import annotations

from collections import defaultdict

from analysis.dates import date_key
from analysis.evidence import _form_index
from analysis.name_rules import role_title
from analysis.names import ParsedName, fold, given_compatible, parse_name, script_of  # noqa: F401 (re-exported)
from analysis.records import Form
from analysis.settings import DEFAULTS, AnalysisSettings
from analysis.variants.canonical import _decide_canonical, _kind
from analysis.variants.compare import _score, format_rules
from analysis.variants.linkage import link_forms
from analysis.variants.story import _cluster_sort_key, _slug, _unique_id

#: Surfaces longer than this are not names (a paragraph caught by a CSV export, a 500-character "name").
MAX_SURFACE_CHARS = 120


class NameListError(ValueError):
    """A name list (CSV rows) that cannot be read as a whole: a missing column or a bad value."""


def validate_name_rows(raw_rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """Check rows of a name list and convert them: (valid rows, skipped rows with a reason).

    A row is {"surface", "count", optional "source", "first_seen", optional "line"}. A missing column,
    a count that is not a non-negative whole number, or a first_seen that is not an ISO date make the
    whole list unreadable: `NameListError`, one line saying which row and what to do. A surface that is
    not a name (empty, a single letter, longer than MAX_SURFACE_CHARS, not in Latin script) is skipped
    with its reason, and the rest go on.
    """
    return _validate(raw_rows, {})


def _validate(raw_rows: list[dict], parsed: dict[str, ParsedName]) -> tuple[list[dict], list[dict]]:
    """`validate_name_rows`, keeping each valid surface's parse in `parsed` (parsing is most of the cost)."""
    rows, skipped = [], []
    for position, raw in enumerate(raw_rows, start=1):
        line = raw.get("line", position)
        for column in ("surface", "count"):
            if column not in raw:
                raise NameListError(f"missing column {column!r}: a name list needs the columns surface,count "
                                    f"(optional source,first_seen)")
        count = raw["count"]
        if isinstance(count, str):
            text = count.strip()
            if not text.isdigit():
                raise NameListError(f"row {line}: count must be a non-negative whole number, got {count!r}")
            count = int(text)
        elif isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise NameListError(f"row {line}: count must be a non-negative whole number, got {count!r}")
        first_seen = (raw.get("first_seen") or "").strip() or None
        if first_seen is not None and date_key(first_seen).startswith("~"):
            raise NameListError(f"row {line}: first_seen must be an ISO date such as 2026-03-04, got {first_seen!r}")
        surface = raw["surface"] if isinstance(raw["surface"], str) else ""
        reason, name = _check_name(surface)
        if reason:
            skipped.append({"line": line, "surface": surface, "reason": reason})
            continue
        parsed[surface.strip()] = name
        rows.append({"line": line, "surface": surface.strip(), "count": count,
                     "source": (raw.get("source") or "").strip() or None, "first_seen": first_seen})
    return rows, skipped


def name_problem(surface: str) -> str | None:
    """Why a surface is not a name this tool compares, or None.

    >>> name_problem("Ж"), name_problem("x"), name_problem("Kevin Coppinger")
    ('not in Latin script (cyrillic): cross-script names are not compared', 'a single letter is not a name', None)
    """
    return _check_name(surface)[0]


def _check_name(surface: str) -> tuple[str | None, ParsedName | None]:
    text = (surface or "").strip()
    if not text:
        return "empty surface", None
    if len(text) > MAX_SURFACE_CHARS:
        return f"longer than {MAX_SURFACE_CHARS} characters ({len(text)}): not a name", None
    script = script_of(text)
    if script == "none":
        return "no letters", None
    if script != "latin":
        return f"not in Latin script ({script}): cross-script names are not compared", None
    name = parse_name(text)
    if name is None or len(name.compact) < 2 or (len(name.surname_core) < 2 and not name.given_tokens):
        return "a single letter is not a name", None
    if len(name.surname_core) < 2 and all(len(t) == 1 for t in name.given_tokens):
        return "initials only: not a name", None
    return None, name


def cluster_name_list(rows: list[dict], *, settings: AnalysisSettings = DEFAULTS) -> tuple[list[dict], list[dict]]:
    """Cluster a plain list of names with counts: one output row per valid input surface.

    Rows as for `validate_name_rows` (it is applied here too). Output rows: `surface, cluster_id,
    canonical, kind, flagged, rule, score` (score: similarity 0-100 to the canonical surface; cluster_id
    None for an unattached surname). With `source`, distinct sources using a form count as independent
    outlets (a list carries no copy data); with `first_seen`, the earliest use counts before frequency.

    >>> out, skipped = cluster_name_list([{"surface": "Kevin Coppinger", "count": 20},
    ...                                    {"surface": "Kevin Koppinger", "count": 2}])
    >>> [(r["surface"], r["kind"]) for r in out]
    [('Kevin Coppinger', 'canonical'), ('Kevin Koppinger', 'error')]
    """
    score_cutoff = settings.score_cutoff
    parsed: dict[str, ParsedName] = {}
    valid, skipped = _validate(rows, parsed)
    forms: list[Form] = []
    index_of: dict[str, int] = {}
    form_of_surface: dict[str, int] = {}
    order: list[str] = []
    for row in valid:
        surface = row["surface"]
        name = parsed[surface]
        index = _form_index(name, forms, index_of)
        form = forms[index]
        if surface not in form_of_surface:
            order.append(surface)
            form_of_surface[surface] = index
        form.surfaces[surface] += row["count"]
        form.count += row["count"]
        role = role_title(name.title)
        if role:
            form.titles.add(role)
        if row["source"]:
            form.sources.add(row["source"])
        if row["first_seen"]:
            form.first = min(form.first, date_key(row["first_seen"]))
    linkage = link_forms(forms, score_cutoff=score_cutoff)
    criteria = ["frequency"]
    if any(f.first != "~" for f in forms):
        criteria.insert(0, "earliest use")
    if any(f.sources for f in forms):
        criteria.insert(0, "independent sources")

    decided: dict[str, tuple] = {}
    used_ids: set[str] = set()
    for group in sorted(linkage.clusters, key=lambda g: _cluster_sort_key(g, forms)):
        decision = _decide_canonical(group, forms, None, tuple(criteria))
        decision.surname_uses = sum(forms[i].count for i in group
                                    if forms[i].name.surname_core == decision.canonical_name.surname_core)
        canonical_surface = decision.canonical
        cluster_id = _unique_id(_slug(canonical_surface), used_ids)
        for i in group:
            form = forms[i]
            for surface in form.surfaces:
                name = parsed[surface]
                if surface == canonical_surface:
                    kind, rule, score = "canonical", decision.rule, 100.0
                else:
                    score = _score(name, decision.canonical_name)
                    if i == decision.canonical_form or name.compact == decision.canonical_name.compact:
                        kind = "title" if name.title else "accepted"
                        rule = "title with the canonical name" if name.title else \
                            "written differently: " + ", ".join(format_rules(surface, canonical_surface))
                        score = 100.0
                    else:
                        kind, rule = _kind(form, decision, forms, story=False, score_cutoff=score_cutoff)
                decided[surface] = (cluster_id, canonical_surface, kind, rule, score)
    for i in linkage.unattached:
        for surface in forms[i].surfaces:
            decided[surface] = (None, None, "unattached", "surname fits more than one person", 0.0)
    out = []
    for surface in order:
        cluster_id, canonical, kind, rule, score = decided[surface]
        out.append({"surface": surface, "cluster_id": cluster_id, "canonical": canonical, "kind": kind,
                    "flagged": kind == "error", "rule": rule, "score": float(score)})
    return out, skipped


def cluster_names(surfaces: list[str], *, counts: list[int] | None = None,
                  settings: AnalysisSettings = DEFAULTS) -> list[list[str]]:
    """Groups of the surfaces that name one person, in RapidFuzz's vocabulary: a list in, groups out.

    Surfaces that are not names are left out; unattached surnames come back alone.

    >>> cluster_names(["Kevin Coppinger", "Kevin Koppinger", "Chris Lucchesi", "Andrew Lucchesi"])
    [['Andrew Lucchesi'], ['Chris Lucchesi'], ['Kevin Coppinger', 'Kevin Koppinger']]
    """
    rows = [{"surface": s, "count": c} for s, c in zip(surfaces, counts or [1] * len(surfaces))]
    out, _ = cluster_name_list(rows, settings=settings)
    groups: dict[object, list[str]] = defaultdict(list)
    for row in out:
        groups[row["cluster_id"] or ("unattached", row["surface"])].append(row["surface"])
    return sorted(sorted(g) for g in groups.values())
