"""Deciding each person's canonical form and the kind of every other form, from evidence.

Why evidence and not frequency: a copied misspelling can outnumber the right spelling."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from analysis.names import ParsedName, fold, given_compatible, parse_name, script_of  # noqa: F401 (re-exported)
from analysis.records import Form
from analysis.variants.compare import compare_names

#: In a list with counts only, an unexplained spelling used at most 1/ERROR_RATIO as often as the
#: canonical form is an error; a more common one is left accepted (no evidence it is wrong).
ERROR_RATIO = 2


@dataclass
class _Decision:
    canonical: str
    canonical_name: ParsedName
    canonical_form: int | None
    rule: str
    ranked: list[int]
    #: Uses of the canonical surname across this person's forms (titled, bare, full): what a wrong
    #: surname is weighed against in a name list. Computed once per person, not once per form.
    surname_uses: int = 0


_CRITERIA = (
    ("pinned in story config", lambda f, ctx: 0 if ctx["pinned"] == f else 1),
    ("authoritative outlets", lambda f, ctx: -len(ctx["forms"][f].authoritative)),
    ("independent outlets", lambda f, ctx: -len(ctx["forms"][f].independent)),
    ("independent sources", lambda f, ctx: -len(ctx["forms"][f].sources)),
    ("earliest use", lambda f, ctx: ctx["forms"][f].first),
    ("frequency", lambda f, ctx: -ctx["forms"][f].count),
)


def _rank_forms(indices: list[int], forms: list[Form], pinned: int | None, criteria: tuple[str, ...]) -> tuple[list[int], str]:
    ctx = {"forms": forms, "pinned": pinned}
    used = [(label, fn) for label, fn in _CRITERIA if label in criteria]

    def key(f: int):
        return (*[fn(f, ctx) for _label, fn in used], -len(forms[f].name.tokens), forms[f].name.compact)

    ranked = sorted(indices, key=key)
    if pinned is not None and ranked[0] == pinned:
        return ranked, "pinned in story config"
    if len(ranked) == 1:
        return ranked, "only full form" if forms[ranked[0]].name.full else "only form"
    best, runner = key(ranked[0]), key(ranked[1])
    for position, (label, _fn) in enumerate(used):
        if best[position] != runner[position]:
            return ranked, label
    return ranked, "alphabetical (no evidence separates the forms)"


def _decide_canonical(indices: list[int], forms: list[Form], pinned: int | None, criteria: tuple[str, ...],
                      writing: str = "surfaces") -> _Decision:
    """The best-evidenced form, written the way it is written most (`writing`: "surfaces" for a list,
    where the canonical is an input surface; "displays" for a story, where it is the name without title)."""
    full = [i for i in indices if forms[i].name.full and not forms[i].name.initials_only]
    candidates = full or [i for i in indices if forms[i].name.full] or indices
    ranked, rule = _rank_forms(candidates, forms, pinned, criteria)
    best = forms[ranked[0]]
    written = getattr(best, writing)
    canonical = _display(written) if written else best.name.display
    if len(ranked) == 1 and len([w for w, n in written.items() if n]) > 1 and rule in ("only form", "only full form"):
        rule += ", written its most used way"
    return _Decision(canonical, best.name, ranked[0], rule, ranked)


def _display(counts: Counter) -> str:
    """The most used way of writing a name, preferring capitalised spellings over lower case."""
    return sorted(counts.items(), key=lambda kv: (not kv[0][:1].isupper(), -kv[1], kv[0]))[0][0]


def _kind(form: Form, decision: _Decision, forms: list[Form], *, story: bool, score_cutoff: float) -> tuple[str, str]:
    """The kind of a form that is not the canonical one, and the rule that decided it."""
    canonical = decision.canonical_name
    name = form.name
    comparison = compare_names(name, canonical, score_cutoff)
    if not name.full and not name.initials_only:
        same_surname = name.surname_core == canonical.surname_core
        if same_surname or (comparison.explained and not canonical.full):
            return ("title", "title with the canonical surname") if name.title else ("surname", "surname of the canonical name")
        if comparison.explained:
            return "accepted", "surname spelt by a documented rule: " + "; ".join(comparison.rules)
        for other in decision.ranked[1:]:
            accepted_form = forms[other]
            if accepted_form.name.surname_core == name.surname_core and _is_accepted(accepted_form, decision, forms, story, score_cutoff):
                return "accepted", "surname of an accepted variant"
        return _unexplained(form, decision, forms, story, "surname")
    if comparison.explained:
        return "accepted", "; ".join(comparison.rules) or "same name"
    return _unexplained(form, decision, forms, story, "name")


def _is_accepted(form: Form, decision: _Decision, forms: list[Form], story: bool, score_cutoff: float) -> bool:
    comparison = compare_names(form.name, decision.canonical_name, score_cutoff)
    return comparison.explained or _unexplained(form, decision, forms, story, "name")[0] == "accepted"


def _unexplained(form: Form, decision: _Decision, forms: list[Form], story: bool, what: str) -> tuple[str, str]:
    """An edit no rule explains: accepted only on evidence of use, else an error."""
    part = "surname differs" if what == "surname" else "differs"
    if story:
        if form.authoritative:
            return "accepted", "surname form used by an authoritative outlet" if what == "surname" else "used by an authoritative outlet"
        if len(form.independent) >= 2:
            return "accepted", f"used independently by {len(form.independent)} outlets"
        return "error", f"{part} from the canonical name and no authoritative outlet uses it"
    if len(form.sources) >= 2:
        return "accepted", f"used by {len(form.sources)} independent sources"
    best = forms[decision.canonical_form] if decision.canonical_form is not None else None
    top = best.count if best is not None else 0
    if form.name.surname_core != decision.canonical_name.surname_core:
        # A wrong surname is weighed against every use of the right one, titled or bare.
        top = max(top, decision.surname_uses)
    if form.count * ERROR_RATIO <= top:
        return "error", f"a letter dropped, doubled, swapped or changed, in a rare form ({form.count} vs {top} uses)"
    return "accepted", f"unexplained spelling but not rare ({form.count} vs {top} uses): not judged an error"
