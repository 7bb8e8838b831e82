"""Deciding each person's canonical form and the kind of every other form, from evidence.

Why evidence and not frequency: a copied misspelling can outnumber the right spelling."""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz.distance import Levenshtein

from analysis.name_rules import (
    SOURCE_SCRIPT,
    ascii_kept,
    explain_spelling,
    gender_forms,
    given_names,
    lost_letters,
    own_marks,
    particle_change,
    splits_a_letter,
    world_given_names,
)
from analysis.names import ParsedName, fold, given_compatible, parse_name, script_of, spelt  # noqa: F401 (re-exported)
from analysis.records import Form
from analysis.settings import DEFAULTS
from analysis.variants.compare import compare_names, family_names_of, surnames_fit

#: One authoritative outlet's spelling is a slip, not acceptance, when the canonical form has this many
#: times as many authoritative outlets behind it (a careful newsroom can mistype once; several agreeing
#: do not all mistype the same way).
AUTHORITY_RATIO = 4
#: Authoritative outlets that must write a name before one careful page's one-off spelling of it, which
#: no rule explains, is a slip rather than a house style (`_unexplained`, `linkage._garbled_given`).
SLIP_VOUCHERS = 2
#: Consistent use by this many independent outlets (none copying another) makes a form accepted, when the
#: canonical form is not used by AUTHORITY_RATIO times as many and no authoritative outlet writes the name
#: otherwise: two outlets that machine-translate or garble a name the same way are not a convention, and
#: aggregators agreeing against every careful newsroom are not either.
INDEPENDENT_OUTLETS = 3
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
    #: Authoritative outlets writing the canonical surname for anyone in the story (a story only): a
    #: surname is a family's, so careful newsrooms spelling it for the daughter vouch for the father's.
    surname_vouching: int = 0
    #: The same for the canonical's given words that are a surname in the story (a second family name
    #: parsed as a middle name: "Lindner" in "Lucía Lindner Arce"): word -> outlets.
    inner_vouching: dict = field(default_factory=dict)
    #: How careful outlets at home write the name's surname and given names (`careful_words`).
    careful_words: dict = field(default_factory=dict)


_CRITERIA = (
    ("pinned in story config", lambda f, ctx: 0 if ctx["pinned"] == f else 1),
    # A page whose encoding dropped the letters it could not carry ("Dvila" for "Dávila") writes no
    # spelling of the name, however careful its outlet: the form the letters are in comes first.
    ("no letters lost", lambda f, ctx: f in ctx["lost"]),
    ("authoritative outlets", lambda f, ctx: 0 if f in ctx["rendered"] else -len(ctx["forms"][f].authoritative)),
    # Then the surname careful outlets write for anyone in the story: a surname is a family's, so the
    # newsrooms spelling the father's vouch for the son's, when only aggregators named the son.
    # Only between spellings of one surname: careful outlets writing a husband's surname vouch for no
    # "Ella Holm" against her own "Ella Ronn" (`_spelt_elsewhere`).
    ("surname careful outlets write", lambda f, ctx: -len(ctx["vouching"].get(ctx["forms"][f].name.surname_core, ()))
     if _spelt_elsewhere(ctx["forms"][f].name, ctx["names"]) else 0),
    # Then a form written at home before a form only pages in another language write (`rendered`):
    # the story's own language writes the name so, and a language's rendering is no candidate beside it.
    ("written at home", lambda f, ctx: f in ctx["rendered"]),
    # Then the name without a middle name another form adds: "Ana Tewes Ruiz", a first reference's
    # formal name, is the person's, but the name in use is the one written without it.
    ("without a formal middle name", lambda f, ctx: _adds_middle(ctx["forms"][f].name, ctx)),
    ("independent outlets", lambda f, ctx: -len(ctx["forms"][f].independent)),
    ("independent sources", lambda f, ctx: -len(ctx["forms"][f].sources)),
    # By day: a day-only date and a time on the same day cannot be ordered (and which one a page gets
    # can depend on whether the crawl met it through a feed or a link), so that is a tie, not "earlier".
    ("earliest use", lambda f, ctx: ctx["forms"][f].first[:10]),
    ("frequency", lambda f, ctx: -ctx["forms"][f].count),
    # Then the given name the coverage calls the person by, counting lone given names ("Mike" in a
    # caption): a formal full name written once at the top ("Michael O. Pendry" in an official bio
    # style) is not the name in use when the same text keeps writing "Mike". Evidence of use, where
    # the alternative is the alphabet.
    ("given name in use", lambda f, ctx: -ctx["given_uses"].get(_first_given(ctx["forms"][f].name), 0)),
)


def _spelt_elsewhere(name: ParsedName, names: list[ParsedName]) -> bool:
    """Whether another candidate writes this name's surname, spelt otherwise (a garble, a rendering):
    only then do careful outlets' spellings of the surname choose between them.

    >>> ruiz, ruis, lund = (parse_name(n) for n in ("Ana Ferreira", "Ana Ferrera", "Ana Lund"))
    >>> _spelt_elsewhere(ruiz, [ruiz, ruis]), _spelt_elsewhere(ruiz, [ruiz, lund])
    (True, False)
    """
    return any(other.surname_core != name.surname_core
               and surnames_fit(other.surname_core, name.surname_core, DEFAULTS.score_cutoff, far=True)
               for other in names)


def _writings(form: Form) -> list[str]:
    """Every way a form is written (a name list's form has its one display)."""
    return list(form.displays) or [form.name.display]


def lost_from(forms: list[Form]) -> dict[int, list[int]]:
    """Each form written only as other forms' writings with their letters outside ASCII lost
    (`name_rules.lost_letters`) -> those forms: one name, a page's encoding having dropped some of its
    letters, so one person (`linkage.link_forms`, full names) and never the canonical form ("no letters
    lost", `_CRITERIA`). Found through the writings stripped of such letters, not by comparing every pair."""
    stripped: dict[str, set[int]] = defaultdict(set)
    for j, form in enumerate(forms):
        for right in _writings(form):
            if not right.isascii():
                stripped[ascii_kept(right)].add(j)
    lost: dict[int, list[int]] = {}
    for i, form in enumerate(forms):
        whole = [set(stripped.get(" ".join(written.split()), ())) - {i} for written in _writings(form)]
        if all(whole) and all(written.isascii() for written in _writings(form)):
            lost[i] = sorted(set().union(*whole))
    return lost


def _canonical_lost(form: Form, canonical: str) -> bool:
    """Whether a form is written as the canonical name, or its last words, with its letters outside ASCII
    lost (`lost_letters`): "Dvila" alone for "Inés Dávila" too."""
    words = canonical.split()
    return any(lost_letters(written, " ".join(words[-len(written.split()):])) for written in _writings(form))


def _adds_middle(name: ParsedName, ctx: dict) -> int:
    """1 when another candidate writes this name without its middle names (same first given name and
    surname, fewer given names), else 0."""
    given = name.given_tokens
    return int(len(given) > 1 and any(
        other.given_tokens[:1] == given[:1] and len(other.given_tokens) < len(given)
        and other.surname_core == name.surname_core for other in ctx["names"]))


def _first_given(name: ParsedName) -> str:
    """The given name a form calls the person by: its first given name, or the one word of a lone
    given name."""
    if name.given_tokens:
        return name.given_tokens[0]
    return name.tokens[0] if len(name.tokens) == 1 else ""


def _rank_forms(indices: list[int], forms: list[Form], pinned: int | None, criteria: tuple[str, ...],
                given_uses: Counter | None = None, vouching: dict | None = None,
                rendered: frozenset = frozenset()) -> tuple[list[int], str]:
    ctx = {"forms": forms, "pinned": pinned, "given_uses": given_uses or Counter(), "vouching": vouching or {},
           "names": [forms[i].name for i in indices], "rendered": rendered,
           "lost": {indices[k] for k in lost_from([forms[i] for i in indices])}}
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
                      writing: str = "surfaces", given_uses: Counter | None = None,
                      spellings: dict | None = None, vouching: dict | None = None,
                      rendered: frozenset = frozenset(), marking: Collection | None = None,
                      plain_chosen: Collection[str] = ()) -> _Decision:
    """The best-evidenced form, written the way it is written most (`writing`: "surfaces" for a list,
    where the canonical is an input surface; "displays" for a story, where it is the name without title).
    `given_uses`: how often the person's mentions use each given name (a story's), for the criterion
    "given name in use". `spellings`: how careful outlets write each word (`careful_spellings`).
    `vouching`: surname -> the authoritative outlets writing it for anyone in the story. `rendered`: the
    forms written only on pages in another language, of a story careful outlets write in its own; their
    careful outlets rank them no higher than any other outlet would. `marking`: the outlets that write
    diacritics somewhere in the story; a careful outlet that writes none vouches for no plain writing
    against a marked one (an ASCII newsroom simplifies every name it prints, this one too).

    Why: a careful outlet abroad writes the name its language's way ("Sjelnov" in Norwegian for a name
    English writes "Zhelnov"); where it alone of careful outlets names a minor person, its rendering is
    no evidence of how the story, in its own language, writes them: the family's surname as careful
    outlets at home write it is (`vouching`)."""
    full = [i for i in indices if forms[i].name.full and not forms[i].name.initials_only]
    full = [i for i in full if not _family_names_alone(forms[i], [forms[j] for j in full])] or full
    candidates = full or [i for i in indices if forms[i].name.full] or indices
    if set(candidates) <= rendered:
        # Every form is written abroad only: no writing at home to rank before, and careful outlets
        # abroad are the best evidence there is of how the name is written.
        rendered = frozenset()
    ranked, rule = _rank_forms(candidates, forms, pinned, criteria, given_uses, vouching, rendered)
    best = forms[ranked[0]]
    written = getattr(best, writing)
    authorities = best.display_authorities if writing == "displays" else None
    abroad = set().union(*(forms[i].abroad for i in indices))
    if authorities and abroad and set().union(*(forms[i].authoritative for i in indices)) - abroad:
        # Careful outlets at home decide how the name is written; a language's own marks ("Ábrego" in
        # Spanish coverage of a name English coverage writes plain) are its rendering, accepted, no more.
        # Marks no language renders with are the name's own, whoever reproduces them (`own_marks`).
        authorities = {written: outlets if own_marks(written) else outlets - abroad
                       for written, outlets in authorities.items()}
    if authorities and marking is not None and any(has_marks(written) for written in authorities):
        marking = set(marking)
        authorities = {written: outlets if has_marks(written) else outlets & marking
                       for written, outlets in authorities.items()}
    canonical = _display(written, authorities, spellings, plain_chosen) if written \
        else best.name.display
    if len(ranked) == 1 and len([w for w, n in written.items() if n]) > 1 and rule in ("only form", "only full form"):
        rule += ", written its most used way"
    return _Decision(canonical, best.name, ranked[0], rule, ranked)


def _family_names_alone(form: Form, others: list[Form]) -> bool:
    """Whether a name is the last words of a longer one written alone, opening with no listed given
    name ("Ibarra Soler" beside "Tomas Ibarra Soler"): the person's family names, which a parse reads
    as a given name and a surname. No canonical, however often used: the person has a given name.

    Unless the longer name opens with no listed given name either and far fewer sources write it
    (`LED_SHARE`): an honorific NER took into a name written without it far more often ("Daw" before a
    Burmese name, which has no family names) leads the longer form, not a given name. An article is no
    given name, whatever a list of names holds: "El" or "La" leading a longer form opens a place or a
    body's name NER ran into the person's ("El Salvador Nayib ..." for "the president of El Salvador").
    """
    return any(family_names_of(form.name, other.name)
               and (_led_by_given_names(other.name.tokens[:len(other.name.tokens) - len(form.name.tokens)])
                    or LED_SHARE * len(other.sources) >= len(form.sources))
               for other in others)


def _led_by_given_names(lead: tuple[str, ...]) -> bool:
    """Whether the words a longer name writes before a shorter one are given names: the first a listed
    one and no article, the others given names of some locale (`world_given_names`: "John Andres"
    before "Ibarra Soler"). An organisation NER ran into the name is not ("Al Newsroom Ana Ruiz": "Al" is
    a given name too, "Newsroom" none), and the shorter name stays the name in use.

    >>> _led_by_given_names(("john", "andres")), _led_by_given_names(("al", "newsroom")), _led_by_given_names(("el",))
    (True, False, False)
    """
    return (bool(lead) and lead[0] in given_names() and lead[0] not in ARTICLES
            and all(word in given_names() or word in world_given_names() for word in lead[1:]))


#: Articles of the languages news is written in that lead place and organisation names ("El Salvador",
#: "La Paz", "Le Monde"), never a person's given name.
ARTICLES = frozenset({"el", "la", "le", "les", "los", "las", "the"})


#: How many times more sources must write a name than a longer one ending in it, led by a word no
#: given-name list has, for the longer one to be the name with an honorific taken in (`_family_names_alone`).
LED_SHARE = 2


def _display(counts: Counter, authorities: dict | None = None, spellings: dict | None = None,
             plain_chosen: Collection[str] = ()) -> str:
    """The way of writing a name to show as canonical: capitalised before lower case; the fewest words
    written otherwise than careful outlets write them (`spellings`: `careful_spellings`, story-wide),
    then the most written so; an authoritative outlet's before others; then the most diacritics; then
    the most used.

    Why: dropping diacritics is the usual simplification (ASCII-only newsrooms, wire style), so a
    careful outlet's "Zoë" is the person's own spelling and "Zoe" an accepted variant. But an outlet
    that writes diacritics is not simplifying: where such outlets disagree on a word ("Pelard" and
    "Pélard"), the accent is a matter of evidence like any letter, and an extra one a hypercorrection.
    Words, not whole names, because a family shares its surname: the outlets that spell the wife's
    surname without the accent vouch for the husband's, and those that write the son's "Dončić" vouch
    for the father's, when only ASCII-only newsrooms happened to name the father. A letter no main
    language writes as its own (`own_marks`: "ø", "ć") is never added for effect: a careful outlet
    writing the word plain has simplified it, and vouches for the writing with it; unless careful
    outlets that write such letters elsewhere write the word plain (`plain_chosen`): theirs is a choice.

    >>> _display(Counter({"Zoe Ruiz": 9, "Zoë Ruiz": 2}), {"Zoë Ruiz": {"a"}, "Zoe Ruiz": {"b"}})
    'Zoë Ruiz'
    >>> _display(Counter({"Zoe Ruiz": 9, "Zoë Ruiz": 2}), {"Zoe Ruiz": {"b"}})
    'Zoe Ruiz'
    >>> _display(Counter({"Luc Pélin": 2, "Luc Pelin": 5}), {"Luc Pélin": {"a"}, "Luc Pelin": {"b"}},
    ...          {"pelin": "pelin", "luc": "luc"})
    'Luc Pelin'
    >>> _display(Counter({"Ivo Dončić": 1, "Ivo Doncic": 4}), {"Ivo Doncic": {"b"}}, {"doncic": "dončić"})
    'Ivo Dončić'
    >>> _display(Counter({"AJ Lund": 9, "A J Lund": 3}), {}, {"aj": "aj", "a": "a", "j": "j", "lund": "lund"})
    'AJ Lund'
    >>> _display(Counter({"Lars Lokke": 3, "Lars Løkke": 1}), {"Lars Lokke": {"a"}}, {"lokke": "lokke"})
    'Lars Løkke'
    >>> _display(Counter({"Lars Lokke": 3, "Lars Løkke": 1}), {"Lars Lokke": {"a"}}, {"lokke": "lokke"}, {"lokke"})
    'Lars Lokke'
    >>> _display(Counter({"Ionuţ Vasile": 5, "Ionuț Vasile": 3}), {"Ionuţ Vasile": {"a"}, "Ionuț Vasile": {"b"}})
    'Ionuț Vasile'
    """
    authorities = authorities or {}
    spellings = spellings or {}

    def agree(written: str) -> tuple[int, float]:
        # The share of its words written so, not their number: "J D Hollis" has a word more than "JD
        # Hollis" to agree with, and is no better written for it.
        def simplifies(word: str) -> bool:  # an own letter a careful outlet writing the word plain dropped
            return own_marks(word) and fold(word) not in plain_chosen

        careful = [spellings[fold(word)] in (spelt(word), fold(word) if simplifies(word) else None)
                   for word in written.split() if fold(word) in spellings]
        return careful.count(False), -careful.count(True) / max(len(careful), 1)

    def simplified(written: str) -> bool:  # a careful outlet writes it plain
        return own_marks(written) and any(authorities.get(other) and fold(other) == fold(written) for other in counts)

    def key(kv):
        written, uses = kv
        vouched = bool(authorities.get(written)) or simplified(written)
        comma = written.translate(COMMA_BELOW)
        stand_in = comma != written and comma in counts
        return (not written[:1].isupper(), stand_in, *agree(written), not vouched,
                -_marks(written) if vouched else 0, -uses, written)

    return sorted(counts.items(), key=key)[0][0]


#: Romanian's comma-below letters, for the cedilla letters legacy encodings put in their place ("ş" for
#: "ș"): where a name is written both ways, the comma is its letter and the cedilla a stand-in, however
#: many pages carry it (a language writing "ş" as its own, Turkish, has no "ș" to be written beside it).
COMMA_BELOW = str.maketrans("şţŞŢ", "șțȘȚ")


def careful_spellings(uses: list[tuple[str, str]], marking: set) -> dict[str, str]:
    """Folded word -> how the careful outlets write it: (outlet, surface) pairs of authoritative uses,
    counted only for outlets in `marking` (they write diacritics somewhere in the story, so none of
    their spellings is an ASCII simplification); the spelling most of them write, then most often,
    an outlet writing a word both with marks and plain counted for the marks. Words no such outlet
    writes are absent.

    >>> careful_spellings([("a", "Odèle Pelard"), ("b", "Odèle Pélard"), ("a", "Luc Pelard"),
    ...                    ("c", "Odele Pelard")], {"a", "b"})["pelard"]
    'pelard'
    >>> careful_spellings([("a", "Marek Ząbik"), ("a", "Mayor Zabik"), ("b", "Zabik"), ("b", "Zabik"),
    ...                    ("c", "Ząbik")], {"a", "b", "c"})["zabik"]
    'ząbik'
    """
    outlets: dict[str, dict[str, set]] = {}
    times: Counter = Counter()
    for outlet, surface in uses:
        if outlet not in marking:
            continue
        for word in surface.split():
            outlets.setdefault(fold(word), {}).setdefault(spelt(word), set()).add(outlet)
            times[spelt(word)] += 1
    for ways in outlets.values():
        # An outlet writing a word both with its marks and plain ("Rafał", "Rafal") dropped them: nobody
        # types a mark a name lacks by chance, and the plain one is the usual slip (`_display`).
        marked = set().union(*(by for way, by in ways.items() if way != fold(way)))
        for way in ways:
            if way == fold(way):
                ways[way] = ways[way] - marked
    return {word: max(ways, key=lambda w: (len(ways[w]), times[w], w)) for word, ways in outlets.items()}


def _inner_capital(word: str) -> bool:
    """Whether a word has a capital right after a small letter ("DeLisle", "McAnelly"), and is not in capitals."""
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))


def inner_capitals(uses: list[tuple[str, str]]) -> dict[str, str]:
    """Folded word -> its writing with a capital inside ("DeLisle", "McAnelly"), for the words more
    outlets write so than capitalised plainly ("Delisle"): (outlet, surface) pairs of the story's uses.

    Why: a capital inside a name is its bearer's spelling; nobody adds one by chance (a held shift
    key capitalises the second letter, "VEsper", after a capital, not after a small letter), while
    writing it plainly is a slip as easy as dropping a diacritic. So where a name is written in full
    only plainly ("Mike Delisle", once) and alone with its capital by most outlets ("Gov. DeLisle"),
    the canonical is written with the capital.

    >>> inner_capitals([("a", "Gov. DeLisle"), ("b", "DeLisle"), ("c", "Mike Delisle"), ("c", "Mike Ross")])
    {'delisle': 'DeLisle'}
    """
    inner: dict[str, dict[str, set]] = {}
    plain: dict[str, set] = {}
    for outlet, surface in uses:
        for word in surface.split():
            if _inner_capital(word):
                inner.setdefault(fold(word), {}).setdefault(word, set()).add(outlet)
            elif word[:1].isupper() and word[1:].islower():
                plain.setdefault(fold(word), set()).add(outlet)
    out = {}
    for folded, ways in inner.items():
        outlets = set().union(*ways.values())
        if len(outlets) > len(plain.get(folded, ())):
            out[folded] = max(ways, key=lambda w: (len(ways[w]), w))
    return out


def with_inner_capitals(name: str, capitals: dict[str, str]) -> str:
    """`name` with each plainly capitalised word written with its capital inside (`inner_capitals`).

    >>> capitals = {"delisle": "DeLisle"}
    >>> with_inner_capitals("Mike Delisle", capitals), with_inner_capitals("MIKE DELISLE", capitals)
    ('Mike DeLisle', 'MIKE DELISLE')
    """
    return " ".join(capitals[fold(word)] if fold(word) in capitals and word[:1].isupper() and word[1:].islower()
                    and spelt(capitals[fold(word)]) == spelt(word) else word for word in name.split())


def with_own_marks(name: str, spellings: dict[str, str]) -> str:
    """`name` with each word it writes plain that careful outlets write, for anyone in the story, with
    marks of the name's own (`careful_spellings`, `own_marks`: letters no main language renders with).

    Why: a surname is a family's. The careful newsrooms writing "Ekrem İmamoğlu" vouch for the marks of
    his father's name, when only ASCII-only outlets happened to name the father. A language's rendering
    marks ("Álvarez") are no such evidence, and a word written in capitals is left as written.

    >>> spellings = {"kandoglu": "kandoğlu", "alvarez": "álvarez"}
    >>> with_own_marks("Hasan Kandoglu", spellings), with_own_marks("Jorge Alvarez", spellings)
    ('Hasan Kandoğlu', 'Jorge Alvarez')
    """
    words = []
    for word in name.split():
        careful = spellings.get(fold(word))
        if careful and word.isascii() and word[:1].isupper() and word[1:].islower() and own_marks(careful):
            word = unicodedata.normalize("NFC", careful[:1].upper() + careful[1:])
        words.append(word)
    return " ".join(words)


def with_marks_abroad(name: str, marked: dict[str, str]) -> str:
    """`name` with each word it writes plain that careful outlets in two languages or more write with
    marks (`marked`: folded word -> that spelling), the marks put on letter for letter, case kept.

    Why: marks written alike in two languages' careful coverage ("Moïse" in French and Dutch papers)
    are no one language's rendering but the name's own, which ASCII newsrooms at home drop as they drop
    "Zoë"'s; one language's marks alone ("Gerásimov", Spanish) are its rendering, and stay out.

    >>> with_marks_abroad("Marc-Andre Moise", {"marc-andre": "marc-andré", "moise": "moïse"})
    'Marc-André Moïse'
    >>> with_marks_abroad("Ana Pelard", {"pelard": "pélard"}), with_marks_abroad("Ana Pelárd", {"pelard": "pélard"})
    ('Ana Pélard', 'Ana Pelárd')
    """
    words = []
    for word in name.split():
        spelling = marked.get(fold(word))
        if spelling and word.isascii() and len(spelling) == len(word):
            word = "".join(m.upper() if w.isupper() else m for w, m in zip(word, spelling))
        words.append(word)
    return " ".join(words)


def _marks(text: str) -> int:
    """How many letters carry a diacritic (or are a letter ASCII lacks, such as "đ" or "ø")."""
    return sum(1 for ch in text if ch.isalpha() and not ch.isascii())


def has_marks(text: str) -> bool:
    """Whether a writing has a letter with a diacritic (`_marks`). Not `str.isascii`: typographic quotes
    and apostrophes ("Tomas “Tito” Ibanez", "O’Malley") are punctuation a newsroom's software sets,
    no diacritic its writers chose.

    >>> has_marks("Tomás Ibáñez"), has_marks("Tomas “Tito” Ibanez"), has_marks("O’Malley")
    (True, False, False)
    """
    return _marks(text) > 0


def _kind(form: Form, decision: _Decision, forms: list[Form], *, story: bool, score_cutoff: float,
          house: set = frozenset(), group: list[Form] | None = None) -> tuple[str, str]:
    """The kind of a form that is not the canonical one, and the rule that decided it. `house`: as for
    `_by_rule`; `group`: the person's forms, from which an accepted variant's own house is counted when
    a bare surname is judged by it (so a careful outlet's one-off slip vouches for neither)."""
    canonical = decision.canonical_name
    name = form.name
    if _canonical_lost(form, decision.canonical):
        return "error", "the canonical name with its letters outside ASCII lost (the page's encoding dropped them)"
    if story and name.compact != canonical.compact and (
            rules := romanised_variant(name, canonical, decision.careful_words, form.sources)):
        return "accepted", f"{'; '.join(rules)}: careful outlets write the name more than one such way"
    comparison = compare_names(name, canonical, score_cutoff, family_names=1 if story else 0)
    if not name.full and not name.initials_only:
        # One core with a particle dropped or changed is judged as a spelling, not as the surname.
        same_surname = name.surname_core == canonical.surname_core and not particle_change(
            name.surname_tokens, canonical.surname_tokens)
        if same_surname or (comparison.explained and not canonical.full):
            return ("title", "title with the canonical surname") if name.title else ("surname", "surname of the canonical name")
        if comparison.explained:
            return _by_rule(form, decision, forms, story, comparison.rules, "surname spelt by a documented rule: ", house)
        for other in decision.ranked[1:]:
            accepted_form = forms[other]
            if accepted_form.name.surname_core == name.surname_core and _is_accepted(
                    accepted_form, decision, forms, story, score_cutoff,
                    house_outlets(accepted_form, canonical, group) if group is not None else None):
                return "accepted", "surname of an accepted variant"
        return _unexplained(form, decision, forms, story, "surname", house)
    if story and _written_out(name, canonical):
        return "accepted", WRITTEN_OUT
    if comparison.explained:
        return _by_rule(form, decision, forms, story, comparison.rules, "", house)
    kind, why = _unexplained(form, decision, forms, story, "name", house)
    if story and kind == "error" and (variant := _given_names_joined(form, decision, forms, score_cutoff, group)):
        return "accepted", f"the given names of the accepted variant {variant} written as one word"
    return kind, why


#: The rule of a whole name written out (`_written_out`).
WRITTEN_OUT = "the whole name written out: its middle names and the surname's particle, which everyday use drops"


def _written_out(name: ParsedName, canonical: ParsedName) -> bool:
    """Whether a name is the canonical's whole name written out: the canonical's given names in order
    with middle names among or after them, and its surname with a particle before it that everyday use
    drops ("Ana Luísa Santos da Mota" for Ana Mota, as a profile's first line writes a Portuguese name).

    Why: each word the canonical has is kept as it is spelt; what is added is the rest of the person's
    name, not a spelling of it. A particle alone ("Ana da Mota") is left to usage, as a dropped or
    changed one is: only the whole name shows that the writer is writing it out.

    >>> from analysis.names import parse_name as p
    >>> [_written_out(p(n), p("Ana Mota"))
    ...  for n in ("Ana Luísa Santos da Mota", "Ana da Mota", "Ana Luísa Mota", "Ana Luísa da Moto")]
    [True, False, False, False]
    """
    if not (name.full and canonical.full and name.surname_core == canonical.surname_core
            and particle_change(name.surname_tokens, canonical.surname_tokens) == "dropped"
            and len(name.surname_tokens) > len(canonical.surname_tokens)
            and len(name.given_tokens) > len(canonical.given_tokens)
            and name.given_tokens[:1] == canonical.given_tokens[:1]):
        return False
    rest = iter(name.given_tokens)
    return all(token in rest for token in canonical.given_tokens)


def _given_names_joined(form: Form, decision: _Decision, forms: list[Form], score_cutoff: float,
                        group: list[Form] | None) -> str | None:
    """An accepted full form of the person whose given names, written together, are this form's one
    given name under the same surname ("Jinwoo Pak" beside an accepted "Jin-Woo Pak"), or None.

    Why: a two-syllable given name is written hyphenated, spaced or as one word (Korean, Chinese and
    Vietnamese names are, in newsrooms' and their owners' own usage alike): a way of writing an
    accepted name, not a spelling of it. Judged against the canonical alone, whose given name may be
    a short name the person goes by, it would read as another given name."""
    name = form.name
    if len(name.given_tokens) != 1:
        return None
    for index in decision.ranked[1:]:
        other = forms[index]
        if (other is not form and len(other.name.given_tokens) > 1 and other.name.surname_core == name.surname_core
                and "".join(other.name.given_tokens) == name.given_tokens[0]
                and _is_accepted(other, decision, forms, True, score_cutoff,
                                 house_outlets(other, decision.canonical_name, group) if group is not None else None)):
            return other.name.display
    return None


def spelling_evidence(form: Form, group: list[Form]) -> Form:
    """The usage evidence for a surname written alone, pooled over the person's forms that write the
    same surname alone under any title or none; any other form's own evidence.

    Why: a surname alone is a form of its own for each title ("Mayor Brennan" says whom a bare
    "Brennan" means: `analysis.evidence.form_key`), but what is judged is the spelling. "President
    Zelenko", "Mr Zelenko" and "Zelenko" spell the name alike, an outlet writing one of them vouches
    for all, and one error is one error however it is titled. A full name keeps its title out of its
    form already. The languages its careful outlets abroad write it in are pooled too: abroad they
    vouch for a spelling only as one language's rendering, under any title (`house_outlets`).
    """
    name = form.name
    if name.full or name.initials_only:
        return form
    pooled = Form(name=name, count=form.count, titles=set(form.titles), articles=set(form.articles),
                  first=form.first, topic=form.topic)
    for other in group:
        if (not other.name.full and not other.name.initials_only and other.name.surname_core == name.surname_core
                and not particle_change(other.name.surname_tokens, name.surname_tokens)):
            pooled.sources |= other.sources
            pooled.authoritative |= other.authoritative
            pooled.independent |= other.independent
            pooled.outlet_uses.update(other.outlet_uses)
            for language, writers in other.abroad_languages.items():
                pooled.abroad_languages.setdefault(language, set()).update(writers)
    return pooled


def house_outlets(form: Form, canonical: ParsedName, group: list[Form], abroad: bool = False) -> set:
    """The authoritative outlets that spell the parts of the name where `form` differs from the
    canonical (its surname, its first given name, or both) the way `form` does, in any of the
    person's forms more than once, or more often than they spell those parts the canonical way: who
    vouches for that spelling as a house style (`HOUSE_STYLE_RULES`).

    Why the counts: a house style is a newsroom's repeated choice. A careful outlet that writes the
    name right eight times and once otherwise has made a slip, whatever rule could explain it; one
    that writes a wire story's romanisation twice beside its own has chosen to keep it, unless its own
    outnumbers it `HOUSE_SHARE` times over (a slip repeated in a long piece). Once each way
    is no choice either: one of the two is the slip, and the story's other outlets say which. `abroad`: only
    the outlets writing it so on pages in another language, those of the one language most of them
    write (`Form.abroad_languages`, `ABROAD_HOUSES`): a rendering is a language's, and two newsrooms
    in two languages agreeing on a spelling have copied one wire story, not rendered the name.

    Nor does an outlet that also writes the surname a third way that no rule explains, nor a gender form
    ("Brodzinkyy" beside its "Brodzinsky" for Brodzhinsky): it writes the name carelessly, and its
    variants are slips that happen to fit a rule, not a newsroom's choice."""
    name = form.name
    surname = name.surname_core if name.surname_core != canonical.surname_core else None
    first = name.given_tokens[:1]
    given = first[0] if first and canonical.given_tokens and first[0] != canonical.given_tokens[0] else None
    if surname is None and given is None:
        return _one_language(form.abroad_languages) if abroad else set(form.authoritative)

    def writes(other: Form, surname_: str | None, given_: str) -> bool:
        return (surname is None or other.name.surname_core == surname_) and \
            (given is None or other.name.given_tokens[:1] == (given_,))

    outlets: set = set()
    languages: dict = {}
    theirs: Counter = Counter()
    ours: Counter = Counter()
    careless: set = set()  # outlets writing the surname a third way: no rule explains it, no gender form (`_garbled`)
    for other in group:
        if writes(other, surname, given):
            outlets |= other.authoritative
            for language, writers in other.abroad_languages.items():
                languages.setdefault(language, set()).update(writers)
            theirs.update(other.outlet_uses)
        elif writes(other, canonical.surname_core, canonical.given_tokens[0] if given is not None else ""):
            ours.update(other.outlet_uses)
        elif surname is not None and _garbled(other.name.surname_core, (surname, canonical.surname_core)):
            careless |= set(other.outlet_uses)
    if abroad:
        outlets = _one_language(languages)
    return {outlet for outlet in outlets
            if (theirs[outlet] >= 2 and HOUSE_SHARE * theirs[outlet] >= ours[outlet] or theirs[outlet] > ours[outlet])
            and outlet not in careless}


#: A careful outlet's spelling written twice or more is its house style only while it writes the
#: canonical way at most this many times as often (`house_outlets`): twice beside three of its own is a
#: wire story's spelling kept; twice in a long piece that writes the name right nine times is a slip
#: made twice.
HOUSE_SHARE = 3


def _garbled(surname: str, rights: tuple[str, ...]) -> bool:
    """Whether a folded surname is none of `rights`, nor any of them by a documented rule or in the
    other gender's form: a garble ("brodzinkyy" beside "brodzinsky" and "brodzhinsky").

    >>> _garbled("brodzinkyy", ("brodzinsky", "brodzhinsky")), _garbled("brodzinskaya", ("brodzinsky", "brodzhinsky"))
    (True, False)
    """
    return all(surname != right and explain_spelling(surname, right) is None and not gender_forms(surname, right)
               for right in rights)


def _one_language(outlets_of: dict) -> set:
    """Of the outlets writing in each language, those of the language with most (ties: the first in
    alphabetical order), or none."""
    if not outlets_of:
        return set()
    language = max(sorted(outlets_of), key=lambda language: len(outlets_of[language]))
    return set(outlets_of[language])


#: Rules that change a name's letters (a transliteration, a nickname a letter away such as Jon/John): a
#: writer may also produce them by mistake, so they excuse a form only together with usage. Rules that
#: shorten a name (an initial, a missing middle name) or choose another name (Bob for Robert) change no
#: letter of the name written and need no usage.
SPELLING_RULES = ("romanisation", "known nickname, spelt", "transliteration", "spelling convention", "gender form")
#: Spelling rules that are a newsroom's choice, not a slip: a romanisation or transliteration of a name
#: from another script (Bilenskyy, Bilensky, Bilenskiy). One authoritative outlet writing it is a house
#: style and makes it accepted, however many others write another one; no careful outlet writes a
#: transliteration of a name by accident. A nickname a letter away (Jon/John) is not one: it is the
#: slip a careful writer makes.
HOUSE_STYLE_RULES = ("romanisation", "transliteration")
#: The rules of an umlaut written out ("Mueller" for Müller) that are that and nothing else, and the
#: letters that make them one. Not "ae" for "ä": Persian romanisations write "ae" too ("Ghaemi"), a
#: convention of their own whatever the canonical writes. The Danish and Norwegian "ø" is written out
#: "oe" the same way (wire services' "Stoere" for Støre; anyascii folds it to the "o" of "ö").
UMLAUT_RULES = ("umlaut written out (ö/oe)", "umlaut written out (ü/ue)")
UMLAUT_LETTERS = frozenset("öüøÖÜØ")
#: Romanisations that change only the vowel before a word's last consonant ("-ad/-ed", "-is/-es"):
#: Latin-script names of any origin end so, and a vowel changed there is the commonest slip there is
#: ("Korines" for a Greek Korinis, "Elmer" copied from a document's typo for Elmar). No house style:
#: such a spelling is accepted on the usage of several outlets, as a slip would need to be.
VOWEL_ENDING_RULES = ("romanisation: fatha/kasra before a final consonant", "romanisation: kasra before a final consonant")
#: Careful outlets writing in another language that must agree on a spelling, each repeatedly, for it
#: to be that language's rendering of the name whatever the edit ("Gelert" for a Hebrew name English
#: writes "Gellert": German does not double the letter). Several, because one careful outlet's
#: spelling may still be its slip; a rendering is what a language's newsrooms share.
ABROAD_HOUSES = 2


def romanised(a: str, b: str) -> bool:
    """Whether two folded surnames are one name in two romanisations and nothing else ("Brodjinsky",
    "Brodzhinsky": `explain_spelling` with `HOUSE_STYLE_RULES` only), however far apart their letters.

    >>> romanised("brodjinsky", "brodzhinsky"), romanised("holtz", "holz")
    (True, False)
    """
    rules = explain_spelling(a, b)
    return bool(rules) and all(rule.startswith(HOUSE_STYLE_RULES) for rule in rules)


def _by_rule(form: Form, decision: _Decision, forms: list[Form], story: bool, rules: tuple[str, ...],
             prefix: str, house: set = frozenset()) -> tuple[str, str]:
    """A form a documented rule explains. A rule alone never makes a form accepted, usage does: a
    spelling rule (Sergei/Sergey, Jon/John) excuses a form only when authoritative outlets or several
    independent ones use it (in a name list, several sources or a fair share of the uses). A rare form
    excused only by such a rule is an error, and the rule is shown as a mitigating note. `house`: the
    authoritative outlets spelling it so (`house_outlets`), for a romanisation (`HOUSE_STYLE_RULES`).
    A word that writes one of the right word's letters two ways (`splits_a_letter`) is no house
    style, however often an outlet writes it: no romanisation writes it so."""
    explanation = prefix + ("; ".join(rules) or "same name")
    if story and _splits_a_letter(form.name, decision.canonical_name):
        house = frozenset()
    # An umlaut written out ("oe" for "ö") is a convention only for a name that has the umlaut: where
    # the canonical writes none, its "oe" is two letters of its own (Thai names: "Sukjaroenwong"), and
    # "o" drops one.
    umlauts = not story or any(ch in UMLAUT_LETTERS for ch in decision.canonical)

    def spelling(rule: str) -> bool:
        return rule.startswith(SPELLING_RULES) or (not umlauts and rule.startswith(UMLAUT_RULES))

    if not any(spelling(rule) for rule in rules):
        return "accepted", explanation
    if story and house and all(rule.startswith(HOUSE_STYLE_RULES) and not rule.startswith(VOWEL_ENDING_RULES)
                               for rule in rules if spelling(rule)):
        return "accepted", f"{explanation}, the house style of {len(house)} authoritative outlet{'s' if len(house) > 1 else ''}"
    if (story and house and form.name.full and form.name.surname_key == decision.canonical_name.surname_key
            and _one_script([rule for rule in rules if spelling(rule)])
            and len(form.sources) >= SLIP_VOUCHERS and not _own_latin_given(decision.canonical)
            and (systems := _systems(house, decision, forms))):
        # A given name is a word of its language, which each newsroom's system romanises its own way
        # ("Mohammad", "Mohammed"): under the surname written right, a careful outlet's own choice that
        # another outlet shares is one more system, even where only a vowel before the last consonant differs.
        return "accepted", (f"{explanation}: a given name romanised the way {len(form.sources)} outlets write it, "
                            f"{len(systems)} of them careful")
    kind, why = _unexplained(form, decision, forms, story, "name", house)
    if kind == "accepted":
        return "accepted", f"{explanation}, and {why}"
    return "error", f"{why} (mitigating: {explanation})"


def careful_words(members: list[Form]) -> dict[str, dict[str, frozenset]]:
    """How careful outlets writing in the story's language spell a person's surname and given names:
    {"surname": {folded spelling: outlets}, "given": {...}}, for `romanised_variant`. An outlet does not
    count for a spelling it writes less often than another spelling of the same word (one `_explained`
    turns into the other): that is its slip, not its system.

    Why: a system is a newsroom's consistent choice. A careful daily writing "Bhaler" six times and
    "Bhalar" twice has not shown that the name has two romanisations; counted for both, two such slips
    by two newsrooms would vouch for each other.

    >>> from collections import Counter
    >>> def form(name, **uses):
    ...     return Form(parse_name(name), outlet_uses=Counter(uses), authoritative=set(uses))
    >>> words = careful_words([form("Ana Bhaler", a=6, b=3), form("Ana Bhalar", a=2, c=1)])["surname"]
    >>> sorted((word, sorted(outlets)) for word, outlets in words.items())
    [('bhalar', ['c']), ('bhaler', ['a', 'b'])]
    """
    uses: dict[str, dict[str, Counter]] = {"surname": defaultdict(Counter), "given": defaultdict(Counter)}
    for form in members:
        home = form.authoritative - form.abroad
        for outlet in home:
            n = form.outlet_uses[outlet] or 1
            uses["surname"][form.name.surname_core][outlet] += n
            for given in form.name.given_tokens:
                uses["given"][given][outlet] += n
    words: dict[str, dict[str, frozenset]] = {}
    for slot, spellings in uses.items():
        written: dict[str, set] = defaultdict(set)  # outlet -> the spellings it writes
        for word, outlets in spellings.items():
            for outlet in outlets:
                written[outlet].add(word)
        words[slot] = {}
        for word, outlets in spellings.items():
            kept = frozenset(outlet for outlet, n in outlets.items() if not any(
                spellings[other][outlet] > n and _explained(word, other) is not None for other in written[outlet]))
            if kept:
                words[slot][word] = kept
    return words


def with_story_givens(careful: dict[str, dict[str, frozenset]], canonical: ParsedName,
                      story_givens: dict[str, frozenset], memo: dict | None = None) -> dict[str, dict[str, frozenset]]:
    """A person's `careful_words` with the careful spellings of their given names that the story writes
    for anyone, as they are or in another romanisation from one script (`story_givens`: `careful_words`
    of every form's "given"; `memo`: the spellings of each given name found so far in the story).

    Why: a given name is a word of its language, not a family's. Where careful newsrooms write it two
    ways in one story ("Mohammed" for one man, "Muhammad" for another), the story shows it has more
    than one romanisation, and a third spelling of it differing only in that script's ways is one more
    system (`romanised_variant`), though careful outlets happen to name this person one way only.

    >>> careful = {"surname": {"haddad": frozenset("a")}, "given": {"mohammed": frozenset("a")}}
    >>> story = {"muhammad": frozenset("b"), "maria": frozenset("b"), "mohammed": frozenset("c")}
    >>> sorted((word, sorted(outlets)) for word, outlets in with_story_givens(careful, parse_name("Mohammed Haddad"), story)["given"].items())
    [('mohammed', ['a', 'c']), ('muhammad', ['b'])]
    """
    memo = {} if memo is None else memo
    given = dict(careful["given"])
    for token in canonical.given_tokens:
        if token not in memo:
            memo[token] = [word for word in story_givens if word == token or len(token) > 2
                           and abs(len(word) - len(token)) <= 3 and _one_script(_explained(word, token) or ())]
        for word in memo[token]:
            given[word] = given.get(word, frozenset()) | story_givens[word]
    return {**careful, "given": given}


def romanised_variant(name: ParsedName, canonical: ParsedName, careful: dict[str, dict[str, frozenset]],
                      writers: Collection = ()) -> tuple[str, ...] | None:
    """The romanisations from one script a spelling differs from the canonical name by, when careful
    outlets at home other than its `writers` write a word of the name two ways differing only in that
    script's ways ("Zaretnyy" and "Zaretny": Cyrillic); else None.

    Why: a name in another script has no one Latin spelling. Each newsroom follows a system, and when
    careful newsrooms differ in one script's ways, another spelling differing only in those ways is one
    more system (a French "Zaretnyi", a Spanish "Zaretni"), not a slip, however few write it. A
    Latin-script name's careful outlets agree on it, and there a slip that looks like a romanisation
    stays a slip: a rule alone never vouches (`_by_rule`), and a spelling is no evidence of itself. Nor
    do careful outlets vouch for more than they show: a spelling is one more system only in the letters
    their own spellings write otherwise, give or take a neighbour (`_varied`: "Bylenkyy", "Bylenky"
    write the ending two ways, and "Bylenkyj" is one more; none writes ы as "i", so a "Bilenky" is
    judged by its own usage, as a rare form excused only by a rule is). A word no careful outlet
    writes (a patronymic quoted once) has no careful letters to hold it to. So a vowel changed
    before the last consonant (`VOWEL_ENDING_RULES`), the commonest slip there is, is one more system
    only where the careful outlets' own spellings differ so too ("Ahmad", "Ahmed"), not where they
    differ in another letter ("Qassem", "Kassem" make no "Qassam"). A letter written two ways in one
    word (`splits_a_letter`) is no system's.

    >>> careful = {"surname": {"zaretnyy": {"a"}, "zaretny": {"b"}}, "given": {"ivan": {"a", "b"}}}
    >>> canonical = parse_name("Ivan Zaretnyy")
    >>> romanised_variant(parse_name("Ivan Zaretnyi"), canonical, careful), romanised_variant(parse_name("Ivan Zaretnny"), canonical, careful)
    (('romanisation: -ый/-ий ending as y/yy/iy/ii/ij/yi',), None)
    >>> romanised_variant(parse_name("Ivan Zaretnyi"), canonical, careful, writers={"b"}) is None
    True
    >>> careful = {"surname": {"bylenkyy": {"a"}, "bylenky": {"b"}}}
    >>> [romanised_variant(parse_name(n), parse_name("Ivan Bylenkyy"), careful)
    ...  for n in ("Ivan Bylenkyi", "Ivan Bilenky")]
    [('romanisation: -ый/-ий ending as y/yy/iy/ii/ij/yi',), None]
    >>> romanised_variant(parse_name("Iwan Bylenky"), parse_name("Ivan Bylenkyy"), careful)  # no careful "Ivan"
    ('romanisation: -ый/-ий ending as y/yy/iy/ii/ij/yi', 'romanisation: в as v/w')
    """
    pairs = [(name.surname_core, canonical.surname_core)]
    if name.full and canonical.full and len(name.tokens) == len(canonical.tokens) and len(
            name.given_tokens) != len(canonical.given_tokens):
        # The same words parsed apart otherwise: a hyphen joins two of them ("Yoon Seok-yeol" beside "Yoon
        # Suk Yeol", a name written family name first), so the parse ends the given names elsewhere.
        pairs = list(zip(name.tokens, canonical.tokens))
    elif name.full and canonical.full:
        if len(name.given_tokens) > len(canonical.given_tokens):
            return None
        # Word by word where both write as many given names ("Abu Mohammad" for "Abu Mohammed"), else the first.
        pairs += list(zip(name.given_tokens, canonical.given_tokens) if len(name.given_tokens) == len(
            canonical.given_tokens) else [(name.given_tokens[0], canonical.given_tokens[0])])
    rules: list[str] = []
    for written, right in pairs:
        explained = _explained(written, right)
        if explained is None:
            return None
        rules += explained
    rules = list(dict.fromkeys(rules))
    script = _one_script(rules)
    if script is None or _splits_a_letter(name, canonical) or _blend(name.surname_core, careful.get("surname", {})):
        return None
    shown = _romanisations_shown(careful, writers)
    if script not in {SOURCE_SCRIPT[rule] for rule in shown} or any(
            rule.startswith(VOWEL_ENDING_RULES) and rule not in shown for rule in rules):
        return None
    spellings = [word for slot in careful.values() for word in _written_by_others(slot, writers)]
    for written, right in pairs:
        varied = _varied(right, spellings)
        if right in spellings or varied:  # careful outlets write the word: they vouch for what they vary
            if any(not block & varied for block in _changes(right, written)):
                return None  # a letter no careful outlet writes otherwise
    return tuple(rules)


def _changes(right: str, written: str) -> list[set[int]]:
    """Where `written` writes folded word `right` otherwise: the letters of `right` (by index) each
    block of edits rewrites; a letter added marks the letters either side of it."""
    out = []
    for op in Levenshtein.opcodes(right, written):
        if op.tag != "equal":
            added = op.src_start == op.src_end
            start, end = (op.src_start - 1, op.src_start + 1) if added else (op.src_start, op.src_end)
            out.append(set(range(max(0, start), min(len(right), end))))
    return out


def _varied(right: str, spellings: Collection[str]) -> set[int]:
    """The letters of folded word `right` that careful outlets write otherwise in one script's ways
    (`spellings`: their spellings of the name's words), give or take a letter: a romanisation rule
    rewrites a letter with its neighbours ("-yi", "-y", "-ii" for one ending)."""
    out: set[int] = set()
    for other in spellings:
        if other != right and _one_script(_explained(other, right) or ()):
            for block in _changes(right, other):
                out |= {i for k in block for i in (k - 1, k, k + 1) if 0 <= i < len(right)}
    return out


def _blend(word: str, spellings: Collection[str]) -> bool:
    """Whether a folded word takes some letters from one careful spelling and the rest from another:
    every way it differs from each is a way the two differ, none both ("Baloushvili" between careful
    "Balouchvili" and "Balushvili").

    Why: a system writes each letter its own way throughout; one way for one letter and the other
    system's for the next is no third system but a writer mixing up the two.

    >>> _blend("baloushvili", {"balouchvili", "balushvili"}), _blend("balushvili", {"balouchvili", "balushvili"})
    (True, False)
    >>> _blend("zaretnyi", {"zaretnyy", "zaretny"})
    False
    """
    if word in spellings:
        return False
    for a, b in combinations(sorted(spellings), 2):
        to_a, to_b = set(_explained(word, a) or ()), set(_explained(word, b) or ())
        if to_a and to_b and not to_a & to_b and to_a | to_b == set(_explained(a, b) or ()):
            return True
    return False


def romanised_from(careful: dict[str, dict[str, frozenset]], writers: Collection = ()) -> set[str]:
    """The scripts careful outlets at home other than `writers` show a name is romanised from: they
    write its surname or a given name two ways whose every difference is that script's
    (`careful_words`, `romanised_variant`)."""
    return {SOURCE_SCRIPT[rule] for rule in _romanisations_shown(careful, writers)}


def _romanisations_shown(careful: dict[str, dict[str, frozenset]], writers: Collection = ()) -> set[str]:
    """The romanisation rules (of one script each) careful outlets at home other than `writers` write
    a word of the name two ways by."""
    shown: set[str] = set()
    for spellings in careful.values():
        for a, b in combinations(_written_by_others(spellings, writers), 2):
            explained = _explained(a, b) or ()
            if _one_script(explained):
                shown.update(explained)
    return shown


def _written_by_others(spellings: dict[str, frozenset], writers: Collection = ()) -> list[str]:
    """The careful spellings of a word (`careful_words`: spelling -> outlets) that some careful outlet
    other than `writers` writes, in order: a spelling's own writers vouch for nothing of theirs."""
    return sorted(word for word, outlets in spellings.items() if set(outlets) - set(writers))


def _explained(a: str, b: str) -> tuple[str, ...] | None:
    """`explain_spelling` either way round: its alignment, and so what it explains, depends on the order."""
    explained = explain_spelling(a, b)
    return explained if explained is not None else explain_spelling(b, a)


def _one_script(rules) -> str | None:
    """The one script every rule romanises from, or None (no rules, or a Latin-script convention among them)."""
    scripts = {SOURCE_SCRIPT.get(rule) for rule in rules}
    if not rules or len(scripts) != 1 or None in scripts:
        return None
    return scripts.pop()


def _systems(house: set, decision: _Decision, forms: list[Form]) -> set:
    """The careful outlets of `house` that never write the canonical's first given name for the person:
    a system is kept, and one that also writes the canonical's given name has slipped, however often
    ("Julian" twice beside its "Julien" three times)."""
    first = decision.canonical_name.given_tokens[:1]
    return {outlet for outlet in house if not any(
        outlet in forms[i].outlet_uses for i in decision.ranked if forms[i].name.given_tokens[:1] == first)}


#: Marks of a scholarly romanisation (a macron, a dot or a line below: "Muḥammad", "Jawlānī"), not
#: letters of a language's own Latin alphabet.
ROMANISATION_MARKS = frozenset("\u0304\u0323\u0331\u032e")


def _own_latin_given(canonical: str) -> bool:
    """Whether a canonical name's first given name is written in its language's own Latin alphabet: a letter
    beyond ASCII ("Sébastien", "Nicușor") that no romanisation marks.

    Why: a given name romanised from another script is each newsroom's choice ("Mohammad",
    "Mohammed"); one written in Latin letters of its own is romanised by nobody, and another vowel in
    it ("Sébastian") is a slip, however many outlets copy it.

    >>> [_own_latin_given(n) for n in ("Sébastien Lecomte", "Mohammad Rahimi", "Muḥammad Rahimi", "Lecomte")]
    [True, False, False, False]
    """
    name = parse_name(canonical)
    if not name.given_tokens or not name.display.split():
        return False
    word = name.display.split()[0]
    return (any(ord(ch) > 127 and unicodedata.name(ch, "").startswith("LATIN") for ch in word)
            and not ROMANISATION_MARKS & set(unicodedata.normalize("NFD", word)))


def _splits_a_letter(name: ParsedName, canonical: ParsedName) -> bool:
    """Whether a word of `name` writes a letter of the canonical's word in its place two ways (the
    first given names, then the surnames, word by word)."""
    pairs = list(zip(name.given_tokens[:1], canonical.given_tokens[:1])) + list(zip(name.surname_tokens, canonical.surname_tokens))
    return any(splits_a_letter(right, written) for written, right in pairs)


def _is_accepted(form: Form, decision: _Decision, forms: list[Form], story: bool, score_cutoff: float,
                 house: set | None = None) -> bool:
    comparison = compare_names(form.name, decision.canonical_name, score_cutoff, family_names=1 if story else 0)
    return comparison.explained or _unexplained(form, decision, forms, story, "name", house)[0] == "accepted"


def _one_off_by(form: Form, outlet: str) -> bool:
    """Whether a careful outlet writes a form once only: a house style is a newsroom's repeated
    choice, and one use shows no choice at all. Against a name several careful outlets write, an
    unexplained one-off by the one careful outlet writing a form is its slip (the Turkish daily's
    "Ruvi" for "Ravi", once, beside three newsrooms writing it right), also where an aggregator copies
    the slip; two careful outlets writing it are two choices, however often each. With fewer behind
    the name, nothing tells the slip from the rarer spelling, and the ratio decides as before.

    >>> from collections import Counter
    >>> copied = Form(parse_name("Henri Lasko"), outlet_uses=Counter({"a": 1, "b": 1}))
    >>> _one_off_by(copied, "a"), _one_off_by(Form(parse_name("Henri Lasko"), outlet_uses=Counter({"a": 2})), "a")
    (True, False)
    """
    return form.outlet_uses[outlet] == 1


def _unexplained(form: Form, decision: _Decision, forms: list[Form], story: bool, what: str,
                 house: set | None = None) -> tuple[str, str]:
    """An edit no rule explains: accepted only on evidence of use, else an error. `house`: in a story,
    the careful outlets that write this spelling as their own (`house_outlets`); one writing the
    canonical name four times and this once ("Butler ist unzufrieden" after four "Buttler") has made
    a slip, and vouches for nothing."""
    part = "surname differs" if what == "surname" else "differs"
    if story:
        best = forms[decision.canonical_form] if decision.canonical_form is not None else None
        vouching = len(best.authoritative) if best is not None else 0
        if form.name.surname_core != decision.canonical_name.surname_core:
            vouching = max(vouching, decision.surname_vouching)
        changed = [word for word in decision.inner_vouching if word not in form.name.given_tokens]
        vouching = max([vouching] + [decision.inner_vouching[word] for word in changed])
        # Careful outlets abroad vouch for a spelling only as their language's rendering (`ABROAD_HOUSES`
        # in `variants.story`): one writing a name no rule explains has copied or slipped.
        careful = (form.authoritative if house is None else form.authoritative & house) - form.abroad
        if len(careful) == 1 and vouching >= SLIP_VOUCHERS and _one_off_by(form, next(iter(careful))):
            careful = set()  # its one careful outlet wrote it once: a newsroom's slip, not its choice ("Ruvi Mehra")
        if careful and len(careful) * AUTHORITY_RATIO > vouching:
            return "accepted", "surname form used by an authoritative outlet" if what == "surname" else "used by an authoritative outlet"
        rivals = len(best.independent) if best is not None else 0
        # Careful newsrooms write it otherwise, by a clear majority: independent use does not make a
        # convention against them (a misspelling copied across aggregators and a few wire rewrites).
        overruled = vouching > 0 and len(form.authoritative - form.abroad) * AUTHORITY_RATIO <= vouching
        if (len(form.independent) >= INDEPENDENT_OUTLETS and len(form.independent) * AUTHORITY_RATIO > rivals
                and not overruled):
            return "accepted", f"used independently by {len(form.independent)} outlets"
        if form.authoritative:
            return "error", (f"{part} from the canonical name, which careful outlets write by a clear majority "
                             f"({vouching} authoritative outlets against {len(form.authoritative)})")
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
