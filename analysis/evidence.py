"""Usage evidence per form: who uses each way of writing a name, where, how often and since when.

Why its own stage: the canonical decision and the error/accepted judgement weigh *usage* (authoritative
outlets, independent outlets, first use, counts), never a spelling rule alone; this is where usage is
counted, once, from the mentions.
"""
from __future__ import annotations

from analysis.dates import date_key
from analysis.name_rules import role_title
from analysis.names import ParsedName, fold, given_compatible, parse_name, script_of  # noqa: F401 (re-exported)
from analysis.records import Form


def _form_index(name: ParsedName, forms: list["Form"], index_of: dict[str, int], key: str | None = None) -> int:
    """The index of the Form that `name` is written as (or of the form `key` names), adding it when
    new; the Form keeps the richest parse of its name seen so far."""
    key = key or form_key(name)
    index = index_of.get(key)
    if index is None:
        index = index_of[key] = len(forms)
        forms.append(Form(name=name))
    elif _richer(name, forms[index].name):
        forms[index].name = name
    return index


def _forms_from_mentions(mentions: list[dict], parsed: dict, copies: dict | None,
                         apart: dict | None = None) -> tuple[list[Form], dict]:
    """One Form per written-the-same name. Only mentions that *use* a name are evidence for it; a
    quoted form (talk about the spelling) or a URL's is clustered but carries no weight. `apart`: mention id ->
    a tag; tagged mentions make forms of their own, one per tag (a namesake's pages,
    `variants.namesakes`)."""
    apart = apart or {}
    forms: list[Form] = []
    index_of: dict[str, int] = {}
    form_of: dict = {}
    # Content first, so that which mention of a form is read first never depends on how ids are made.
    for m in sorted(mentions, key=lambda m: (form_key(parsed[m["mention_id"]]), not m["surface"][:1].isupper(),
                                           m["surface"], str(m["mention_id"]))):
        name = parsed[m["mention_id"]]
        tag = apart.get(m["mention_id"])
        index = _form_index(name, forms, index_of, None if tag is None else f"{form_key(name)}|apart:{tag}")
        form = forms[index]
        form.surfaces[m["surface"]] += 0
        form.displays[name.display] += 0
        form_of[m["mention_id"]] = index
        form.articles.add(m["article_id"])
        if m.get("kin"):
            form.kin_articles.add(m["article_id"])
        role = role_title(name.title)
        if role:
            form.titles.add(role)
        if m.get("usage", "uses") != "uses" or m.get("field") == "url" or m.get("echo"):
            # A URL's slug is no writing of the outlet's either: it has no case, marks, spaces or
            # hyphens of its own ("ana-lindahl-berg" for Ana Lindahl-Berg), and repeats the headline;
            # the headline a page's text opens with (`echo`) is the title written once more.
            continue
        form.surfaces[m["surface"]] += 1
        form.displays[name.display] += 1
        form.count += 1
        form.couples += bool(m.get("couple"))
        form.sources.add(m["origin"])
        form.outlet_uses[m["origin"]] += 1
        if m["authoritative"]:
            form.authoritative.add(m["origin"])
            form.display_authorities.setdefault(name.display, set()).add(m["origin"])
            if m.get("foreign"):
                form.abroad_languages.setdefault(str(m["foreign"]), set()).add(m["origin"])
        if copies is not None and copies.get(m["article_id"]) is None:
            form.independent.add(m["origin"])
        form.first = min(form.first, date_key(m["published"]))
    return forms, form_of


def form_key(name: ParsedName) -> str:
    """What makes two surfaces one form: the same given names and surname once title, case, accents
    and punctuation are gone; for a surname alone also its title ("Mayor Brennan" is evidence that
    "Brennan" alone is not). Surfaces that split the same letters differently ("RamiMakhlouf",
    "CORTEZ, Oliverio Abril" / "ABRIL CORTEZ, Oliverio") stay apart here and meet in the comparison,
    so that each keeps its own structure."""
    if name.full:
        # A generation apart is another form: "Robert Roe Jr." may be the son of a "Robert Roe".
        return f"{' '.join(name.given)}|{name.surname}" + (f"|{name.generation}" if name.generation else "")
    return f"|{name.surname}|{name.title or ''}"


def _richer(candidate: ParsedName, current: ParsedName) -> bool:
    """Which parse to keep for a form: one with a given name, marked, with more words."""
    return (candidate.full, candidate.marked, len(candidate.given)) > (current.full, current.marked, len(current.given))
