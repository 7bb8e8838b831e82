"""Name variants: cluster the surfaces of each person, decide the canonical form from evidence, classify
every surface with the rule that decided it, and flag the mentions, articles and outlets that use an error.

Two entry points share one clusterer:

- `analyse_variants` for a story's mentions, with outlet evidence (authoritative outlets, dates, a
  user's pins and accepted variants);
- `cluster_name_list` for a plain list of names with counts (`newsclaims variants cluster`).

How two names are linked (record linkage, not one similarity threshold):

1. Surfaces that differ only in title, case, accents, hyphens, spaces or "SURNAME, Given" order are one
   *form* (one person-name), before anything is compared.
2. Candidate pairs of forms come from blocking on the surname's Metaphone and NYSIIS keys combined with
   the first given name's initial, romanisation skeleton or nickname group, never from all pairs.
   Metaphone, unlike Soundex, keeps Coppinger/Koppinger and Cathcart/Kathcart together.
3. Each candidate pair is compared part by part (`compare_names`): a surname typo under the same given
   name is one person; the same surname under clearly different given names is two people and may
   never be merged (Andrew and Chris Cuomo, Thomas and Patricia Brennan), even through a chain of
   other links; a nickname (Bob/Robert), an initial or a documented romanisation (Sergey/Sergei) makes
   given names compatible; a given name a typo away (Micheal/Michael) is one person only when usage
   says so: one form very much rarer than the other, and no title or shared article separating them.
   A typo between two surnames that each occur with several given names is two surnames, not a typo
   (John Smith/John Smyth): a shared common surname is weak evidence.
4. Shorter forms (surname alone, initials, a missing middle name) attach to the one person they fit,
   and stay unattached when two fit.

Why evidence and not frequency for the canonical form: a misspelling that an aggregator introduced and
others copied can easily outnumber the right spelling (the Coppinger/Koppinger case). The outlets a
story config marks authoritative, and who used a form first, outrank how often it appears.

Input mentions are plain dicts with `mention_id`, `surface`, `article_id`, `origin`, `outlet`,
`authoritative`, `published` and `usage` ('uses' or 'quoted'). Output is plain data too.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from analysis.dates import date_key
from analysis.name_rules import PARTICLES, explain_spelling, nickname_groups, nickname_related, skeleton
from analysis.names import ParsedName, fold, given_compatible, parse_name, script_of  # noqa: F401 (re-exported)

#: Similarity at which two surnames are one spelling's typo regardless of how they sound.
SURE_CUTOFF = 90
#: A given name a typo away is one person only when the other form is used this many times as often.
USAGE_RATIO = 4
#: A surname seen with this many different given names is an established surname, not a typo of another.
ESTABLISHED_SURNAME = 3
#: In a list with counts only, an unexplained spelling used at most 1/ERROR_RATIO as often as the
#: canonical form is an error; a more common one is left accepted (no evidence it is wrong).
ERROR_RATIO = 2
#: Surfaces longer than this are not names (a paragraph caught by a CSV export, a 500-character "name").
MAX_SURFACE_CHARS = 120

KINDS = ("canonical", "title", "accepted", "surname", "error", "unattached")


@dataclass
class VariantResult:
    clusters: list[dict] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)


class NameListError(ValueError):
    """A name list (CSV rows) that cannot be read as a whole: a missing column or a bad value."""


# --- comparing two names -------------------------------------------------------------------------------

def surnames_fit(a: str, b: str, score_cutoff: float) -> bool:
    """Two folded surnames may be one spelling: equal, 90+ similar, or `score_cutoff`-similar and
    either sounding alike (equal Metaphone or NYSIIS keys: Soundex would keep its first letter and split
    Cathcart from Kathcart) or one typo apart (a dropped, doubled, swapped or changed letter, or the
    same letters scrambled, in a surname of five letters or more)."""
    if a == b or (min(len(a), len(b)) >= 5 and sorted(a) == sorted(b)):
        return True
    score = fuzz.ratio(a, b)
    if score >= SURE_CUTOFF:
        return True
    if score < score_cutoff:
        return False
    return _metaphone(a) == _metaphone(b) or _nysiis(a) == _nysiis(b) or (min(len(a), len(b)) >= 5 and OSA.distance(a, b) <= 1)


@lru_cache(maxsize=500_000)
def _metaphone(word: str) -> str:
    return jellyfish.metaphone(word) if word else ""


@lru_cache(maxsize=500_000)
def _nysiis(word: str) -> str:
    return jellyfish.nysiis(word) if word else ""


@dataclass(frozen=True)
class Comparison:
    """How two names relate. `verdict`: "same" (one person if usage allows a given-name typo), "part"
    (the `shorter` side, 0 or 1, is a less complete form of the other), "different" (two people:
    never merge them), or "unrelated". `rules` explain every difference a documented rule explains."""

    verdict: str
    shorter: int = -1
    given_typo: bool = False
    surname_typo: bool = False
    rules: tuple[str, ...] = ()
    score: float = 0.0

    @property
    def explained(self) -> bool:
        """Every difference is a documented variation: no letter was dropped, doubled, swapped or
        substituted outside the rules."""
        return self.verdict in ("same", "part") and not self.given_typo and not self.surname_typo


_RANK = {"same": 0, "variant": 1, "initial": 2, "typo": 3}


@lru_cache(maxsize=500_000)
def given_relation(x: str, y: str) -> tuple[str, str | None]:
    """How two folded given names relate: same, variant (nickname or romanisation, with the rule),
    initial, typo (a small unexplained edit) or different."""
    if x == y:
        return "same", None
    if len(x) == 1 or len(y) == 1:
        return ("initial", "initial of the given name") if x[0] == y[0] else ("different", None)
    if nickname_related(x, y):
        return "variant", "known nickname"
    rules = explain_spelling(x, y)
    if rules is not None:
        return "variant", "; ".join(rules)
    if min(len(x), len(y)) >= 4 and OSA.distance(x, y) <= (1 if min(len(x), len(y)) < 9 else 2):
        return "typo", None
    if min(len(x), len(y)) >= 5 and sorted(x) == sorted(y):
        return "typo", None  # the same letters scrambled ("rimaldiV" for "Vladimir")
    return "different", None


def _align_given(ga: tuple[str, ...], gb: tuple[str, ...]) -> tuple[str, int, bool, list[str]]:
    """(same|part|different, shorter side, a typo among them, rules) for two given-name sequences.

    The first given names must correspond (one known-as middle name is not enough: "Boris" does not
    identify "Alexandre Boris Johnson"; two later names in order are, "Boris de Pfeffel"); later ones
    may come in any order (Reinaldo Gregorio Lenin / Reinaldo Lenin Gregorio), and one side may lack
    some (a dropped middle name). An initial against a name makes its side the shorter form.
    """
    rules: list[str] = []
    first, rule = given_relation(ga[0], gb[0])
    if first == "different":
        short, long_ = (ga, gb) if len(ga) < len(gb) else (gb, ga)
        if len(short) >= 2 and _in_order(short, long_[1:]):
            # The first given name left out, two or more later ones in order: a known-as name
            # ("Boris de Pfeffel Johnson" for "Alexandre Boris de Pfeffel Johnson").
            return "part", 0 if short is ga else 1, False, ["first given name left out"]
        return "different", -1, False, rules
    relations = [(first, rule, len(ga[0]) == 1, len(gb[0]) == 1)]
    rest_a, rest_b = list(ga[1:]), list(gb[1:])
    short, long_, swap = (rest_a, rest_b, False) if len(rest_a) <= len(rest_b) else (rest_b, rest_a, True)
    for token in short:
        best = None
        for index, other in enumerate(long_):
            relation, why = given_relation(token, other)
            if relation != "different" and (best is None or _RANK[relation] < _RANK[best[0]]):
                best = (relation, why, index)
        if best is None:
            return "different", -1, False, rules
        other = long_.pop(best[2])
        x, y = (other, token) if swap else (token, other)
        relations.append((best[0], best[1], len(x) == 1 and len(y) > 1, len(y) == 1 and len(x) > 1))
    typo = any(r[0] == "typo" for r in relations)
    rules += [r[1] for r in relations if r[1]]
    initial_a = any(r[2] for r in relations if r[0] == "initial")
    initial_b = any(r[3] for r in relations if r[0] == "initial")
    if long_:
        rules.append("adds a middle name")
    if len(ga) != len(gb) or initial_a != initial_b:
        fewer_a = len(ga) < len(gb) or (len(ga) == len(gb) and initial_a)
        fewer_b = len(gb) < len(ga) or (len(ga) == len(gb) and initial_b)
        if initial_a and len(gb) < len(ga) or initial_b and len(ga) < len(gb):
            return "different", -1, typo, rules  # each side has something the other lacks
        return "part", 0 if fewer_a and not fewer_b else 1, typo, rules
    return "same", -1, typo, rules


def _in_order(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    position = 0
    for token in short:
        while position < len(long_) and given_relation(token, long_[position])[0] not in ("same", "variant"):
            position += 1
        if position == len(long_):
            return False
        position += 1
    return True


def _surname_relation(a: ParsedName, b: ParsedName, score_cutoff: float) -> tuple[str, int, list[str]]:
    """(same|variant|part|typo|none, shorter side for part, rules) for two surnames."""
    if a.surname_key == b.surname_key:
        return "same", -1, []
    ca, cb = a.surname_core, b.surname_core
    if ca == cb:
        return "variant", -1, ["particle or spacing in the surname"]
    rules = explain_spelling(ca, cb)
    if rules is not None:
        return "variant", -1, list(rules)
    ta = {t for t in a.surname_tokens if len(t) > 2}
    tb = {t for t in b.surname_tokens if len(t) > 2}
    if ta and tb and ta != tb and (ta < tb or tb < ta):
        return "part", 0 if ta < tb else 1, ["one of two surnames"]
    if surnames_fit(ca, cb, score_cutoff):
        return "typo", -1, []
    return "none", -1, []


def _score(a: ParsedName, b: ParsedName) -> float:
    """Similarity 0-100 of two names: `fuzz.ratio` of their folded words in reading order, or of the
    surnames when either is a surname alone."""
    if a.full and b.full:
        return round(fuzz.ratio(" ".join(a.tokens), " ".join(b.tokens)), 1)
    return round(fuzz.ratio(a.surname_core, b.surname_core), 1)


def compare_names(a: ParsedName, b: ParsedName, score_cutoff: float = 80) -> Comparison:
    """Compare two parsed names part by part; see the module docstring for the rules.

    When the parts disagree, two fallbacks look at the words instead: the same words in another order
    ("bin Salman Mohammed"; at most one side may mark its surname, since a marked surname fixes the
    order), and a name written as one word ("FridrichBuchenberg").

    >>> from analysis.names import parse_name as p
    >>> compare_names(p("Kevin Coppinger"), p("Kevin Koppinger")).verdict
    'same'
    >>> compare_names(p("Andrew Cuomo"), p("Chris Cuomo")).verdict
    'different'
    """
    if a.compact == b.compact:
        return Comparison("same", score=100.0)
    result = _compare_parts(a, b, score_cutoff)
    if result.verdict in ("same", "part"):
        return result
    for fallback in (_compare_words, _compare_joined):
        other = fallback(a, b, result.score)
        if other is not None:
            return other
    return result


def _compare_parts(a: ParsedName, b: ParsedName, score_cutoff: float) -> Comparison:
    score = _score(a, b)
    surname, sur_short, sur_rules = _surname_relation(a, b, score_cutoff)
    if a.full and b.full:
        if surname == "none" and a.given_tokens == b.given_tokens and not a.initials_only:
            # The given names agree: weaker surname evidence suffices, as record linkage adds weights.
            # Two or more given names: a similar surname; one: a similar surname that sounds the same.
            similar = fuzz.ratio(a.surname_core, b.surname_core)
            if similar >= score_cutoff and len(a.given_tokens) >= 2 or similar >= score_cutoff - 10 \
                    and _metaphone(a.surname_core) == _metaphone(b.surname_core):
                surname = "typo"
        if surname == "none":
            return Comparison("unrelated", score=score)
        given, giv_short, typo, giv_rules = _align_given(a.given_tokens, b.given_tokens)
        if given == "different":
            joined = explain_spelling("".join(a.given).replace(" ", ""), "".join(b.given).replace(" ", ""))
            if joined is None:
                return Comparison("different", score=score)
            given, giv_short, typo, giv_rules = "same", -1, False, list(joined)
        rules = tuple(dict.fromkeys(giv_rules + sur_rules))
        shorter = {s for s in (giv_short if given == "part" else -1, sur_short if surname == "part" else -1) if s >= 0}
        if len(shorter) > 1:
            return Comparison("unrelated", score=score)
        verdict = "part" if shorter else "same"
        return Comparison(verdict, shorter.pop() if shorter else -1, typo, surname == "typo", rules, score)
    if surname == "none" or (surname == "part" and a.full != b.full and sur_short != (0 if b.full else 1)):
        return Comparison("unrelated", score=score)
    if a.full or b.full:
        return Comparison("part", 1 if a.full else 0, False, surname == "typo", tuple(sur_rules), score)
    if surname == "part":
        return Comparison("part", sur_short, False, False, tuple(sur_rules), score)
    return Comparison("same", -1, False, surname == "typo", tuple(sur_rules), score)


def _compare_words(a: ParsedName, b: ParsedName, score: float) -> Comparison | None:
    """The words of one name found, in another order or split differently, among the words of the
    other: "Salman Mohammed bin" / "Mohammed bin Salman", "Shoigu Shoigu Sergey" / "Sergey Shoigu",
    "Nikolai Patr ushev" / "Nikolai Platonovich Patrushev". Two words swapped are not enough
    ("Friedrich Hans" / "Hans Friedrich" may be two people): the longer name needs three words."""
    if a.marked and b.marked:
        return None
    fathers = [_father(name) for name in (a, b)]
    if None not in fathers and fathers[0] != fathers[1]:
        return None  # "Salman bin Muhammad" is Muhammad's son, "Muhammad bin Salman" Salman's: not a reordering
    small, large, shorter = (list(a.tokens), list(b.tokens), 0) if len(a.tokens) <= len(b.tokens) \
        else (list(b.tokens), list(a.tokens), 1)
    if len(small) < 2 or len(large) < 3 or len(set(small)) < 2:
        return None
    small_words = _join_candidates(list(dict.fromkeys(small)))
    free = set(range(len(large)))
    positions, typo, rules, joined = [], False, [], False
    index = 0
    while index < len(small_words):
        word, pair = small_words[index]
        best = _best_word(word, large, free)
        if best is None and pair is not None:
            best = _best_word(pair, large, free, exact=True)
            if best is not None:
                joined = True
                index += 1  # the next word was part of this one
        if best is None:
            best = _best_join(word, large, free)
            joined |= best is not None
        if best is None:
            return None
        relation, why, used = best
        free -= set(used)
        positions.append(used[0])
        typo |= relation == "typo"
        if why:
            rules.append(why)
        index += 1
    if positions == sorted(positions) and not joined:
        return None  # same words in the same order: the part-by-part comparison already had its say
    rules.append("the same words in another order" if positions != sorted(positions) else "words split differently")
    unmatched = [large[p] for p in sorted(free) if large[p] not in small and large[p] not in PARTICLES]
    verdict = "part" if unmatched else "same"
    return Comparison(verdict, shorter if unmatched else -1, typo, False, tuple(dict.fromkeys(rules)), score)


_SON_OF = frozenset({"bin", "ibn", "ben", "bn", "bint"})


def _father(name: ParsedName) -> str | None:
    """The word after the first "bin/ibn/ben" of a name: whose son it says the person is."""
    tokens = name.tokens
    for index, token in enumerate(tokens[:-1]):
        if token in _SON_OF:
            return tokens[index + 1]
    return None


def _join_candidates(words: list[str]) -> list[tuple[str, str | None]]:
    """Each word with the word it makes joined to the next one ("patr" + "ushev")."""
    return [(w, w + words[i + 1] if i + 1 < len(words) and min(len(w), len(words[i + 1])) > 1 else None)
            for i, w in enumerate(words)]


def _best_word(word: str, large: list[str], free: set[int], exact: bool = False) -> tuple[str, str | None, list[int]] | None:
    best = None
    for position in sorted(free):
        if exact:
            if large[position] == word:
                return "same", "written as two words", [position]
            continue
        relation, why = given_relation(word, large[position])
        if relation in ("same", "variant", "typo") and (best is None or _RANK[relation] < _RANK[best[0]]):
            best = (relation, why, [position])
    return best


def _best_join(word: str, large: list[str], free: set[int]) -> tuple[str, str | None, list[int]] | None:
    """A word that is two neighbouring words of the other name written together ("Mohammadhasni")."""
    for position in sorted(free):
        if position + 1 in free and large[position] + large[position + 1] == word:
            return "same", "written as one word", [position, position + 1]
    return None


def _compare_joined(a: ParsedName, b: ParsedName, score: float) -> Comparison | None:
    """A name written as one word against the same name in parts ("FridrichBuchenberg")."""
    if (len(a.tokens) == 1) == (len(b.tokens) == 1):
        return None
    rules = explain_spelling(a.compact, b.compact)
    if rules is not None:
        return Comparison("same", rules=("written as one word", *rules), score=score)
    if min(len(a.compact), len(b.compact)) >= 8 and OSA.distance(a.compact, b.compact) <= 1:
        return Comparison("same", given_typo=True, rules=("written as one word",), score=score)
    return None


def same_person(a: str, b: str, *, given_typos: str = "link", score_cutoff: float = 80) -> bool:
    """Whether two surfaces, with nothing else known, can be one person.

    given_typos: "link" counts a given name a typo away (Micheal/Michael) as the same person, the
    reading of a screening question; "apart" keeps them apart, the reading of a list of distinct people.

    >>> same_person("Andrew Cuomo", "Chris Cuomo"), same_person("Kevin Coppinger", "Kevin Koppinger")
    (False, True)
    """
    pa, pb = parse_name(a), parse_name(b)
    if pa is None or pb is None:
        return False
    comparison = compare_names(pa, pb, score_cutoff)
    if comparison.verdict not in ("same", "part"):
        return False
    return not comparison.given_typo or given_typos == "link"


def format_rules(a: str, b: str) -> tuple[str, ...]:
    """How two surfaces of one name differ in writing only: title, "SURNAME, Given" order,
    diacritics, case, hyphens/spaces/punctuation.

    >>> format_rules("Sheriff Dale Cathcart", "DALE CATHCART")
    ('title', 'case')
    """
    pa, pb = parse_name(a), parse_name(b)
    if pa is None or pb is None:
        return ()
    rules = []
    if pa.title != pb.title:
        rules.append("title")
    if ("," in a) != ("," in b) and pa.marked != pb.marked:
        rules.append("SURNAME, Given order")
    da, db = pa.display, pb.display
    plain_a, plain_b = _strip_accents(da), _strip_accents(db)
    if plain_a != da or plain_b != db:
        rules.append("diacritics")
    letters_a, letters_b = _letters(plain_a), _letters(plain_b)
    if letters_a != letters_b and letters_a.casefold() == letters_b.casefold():
        rules.append("case")
    if letters_a.casefold() == letters_b.casefold() and _marks(plain_a) != _marks(plain_b):
        rules.append("hyphen, space or punctuation")
    return tuple(dict.fromkeys(rules))


def _letters(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


def _marks(text: str) -> str:
    return re.sub(r"[^\W_]", "", text)


def _strip_accents(text: str) -> str:
    """Without combining marks, case kept: "Erdoğan" -> "Erdogan"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


# --- clustering forms ----------------------------------------------------------------------------------

@dataclass
class Form:
    """One name as a person-name (all surfaces that differ only in writing), with its evidence."""

    name: ParsedName
    surfaces: Counter = field(default_factory=Counter)  # surface -> uses
    displays: Counter = field(default_factory=Counter)  # the name as written without title -> uses
    count: int = 0  # uses: mentions that use the name, or a list's counts
    sources: set = field(default_factory=set)  # outlets or list sources that use it
    authoritative: set = field(default_factory=set)
    independent: set = field(default_factory=set)  # outlets using it in articles that copy no other
    first: str = "~"  # date_key of the earliest use
    titles: set = field(default_factory=set)
    articles: set = field(default_factory=set)
    virtual: bool = False  # a pinned canonical name no surface uses


@dataclass
class Linkage:
    """Clusters of form indices, forms left unattached, and why forms were linked."""

    clusters: list[list[int]]
    unattached: list[int]
    links: dict[int, list[tuple[int, str]]]


def _given_keys(name: ParsedName) -> set[str]:
    """Keys of the first given name that any compatible given name shares: the name, every one-letter
    deletion of it and of its blocking skeleton (typos and romanisations: Antonia/Antonnia,
    Yulia/Iulia), and the full names it is a nickname of (Bob -> robert). An initial ("J. Smith") has
    only the key "i:j", which every name with that initial also has (`_initial_key`)."""
    if not name.given_tokens:
        return set()
    first = name.given_tokens[0]
    if len(first) == 1:
        return {"i:" + first}
    keys = {"=" + g for g in nickname_groups(first)}
    for spelling in {first, block_skeleton(first)}:
        keys.add(spelling)
        if len(spelling) >= 4:
            keys |= {spelling[:k] + spelling[k + 1:] for k in range(len(spelling))}
    return keys


def _initial_key(name: ParsedName) -> str | None:
    return "i:" + name.given_tokens[0][0] if name.given_tokens else None


def _surname_keys(core: str, tokens: tuple[str, ...]) -> set[str]:
    """Keys two surnames share when they may be one spelling: Metaphone and NYSIIS (sound), and every
    one-letter deletion of the surname and of a lossy romanisation skeleton of it, so that any single dropped, doubled, swapped
    or changed letter (Tuito/Tvito, Assad/Asasd) and any documented alternation (Qadhafi/Gaddafi)
    lands two surnames in one block. Each word of a surname of several words is a key too
    (Guzman Loera/Guzman Loesa)."""
    keys = {code for code in ("m" + _metaphone(core), "n" + _nysiis(core)) if len(code) > 3}
    for spelling in {core, block_skeleton(core)}:
        keys.add("d" + spelling)
        if len(spelling) >= 5:  # shorter surnames a letter apart are under every similarity cutoff
            keys |= {"d" + spelling[:k] + spelling[k + 1:] for k in range(len(spelling))}
    words = [t for t in tokens if t not in PARTICLES and len(t) >= 4]
    if len(words) > 1:
        keys |= {"w" + _metaphone(w) for w in words}
    return keys


@lru_cache(maxsize=200_000)
def block_skeleton(word: str) -> str:
    """A deliberately lossy spelling key for blocking only: romanisation skeleton, C/G/Q as K, Z as S,
    O as U, E as I, and no doubled letters. Two names with one key are compared, never equated."""
    word = skeleton(word).translate(_BLOCK_FOLD)
    return re.sub(r"(.)\1+", r"\1", word)


_BLOCK_FOLD = str.maketrans({"c": "k", "g": "k", "q": "k", "z": "s", "o": "u", "e": "i"})


def _surnames_near(a: str, b: str, tokens_of: dict[str, tuple[str, ...]], score_cutoff: float) -> bool:
    """Whether two surname cores that share a blocking key can pass any surname rule: similar enough
    for the loosest one (score_cutoff - 10), the same letters, a documented alternation, or one
    surname of a two-word surname. Keeps short, common keys ("hami", Metaphone "RS") from making
    every surname a neighbour of every other, which would make blocking quadratic."""
    similarity = fuzz.ratio(a, b)
    if similarity >= score_cutoff - 10 or sorted(a) == sorted(b):
        return True
    if similarity >= 60 and explain_spelling(a, b) is not None:
        return True
    ta = {t for t in tokens_of[a] if len(t) > 2}
    tb = {t for t in tokens_of[b] if len(t) > 2}
    return bool(ta & tb)


def candidate_pairs(names: list[ParsedName], score_cutoff: float = 80) -> list[tuple[int, int]]:
    """Pairs of names worth comparing, by blocking (see `_surname_keys`, `_given_keys`): names whose
    surnames share a key and whose first given names share a key; a surname alone meets every name
    with a neighbouring surname; names of three or more words also meet by their set of words
    ("bin Salman Mohammed"). Never all pairs: the work grows with the size of the blocks."""
    by_core: dict[str, list[int]] = defaultdict(list)
    tokens_of: dict[str, tuple[str, ...]] = {}
    for index, name in enumerate(names):
        core = name.surname_core or name.compact
        by_core[core].append(index)
        tokens_of.setdefault(core, name.surname_tokens)
    cores_of_key: dict[str, list[str]] = defaultdict(list)
    for core in by_core:
        for key in _surname_keys(core, tokens_of[core]):
            cores_of_key[key].append(core)
    neighbours: dict[str, set[str]] = defaultdict(set)
    checked: set[tuple[str, str]] = set()
    for cores in cores_of_key.values():
        for x, a in enumerate(cores):
            for b in cores[x + 1:]:
                pair = (a, b) if a < b else (b, a)
                if pair in checked:
                    continue
                checked.add(pair)
                if _surnames_near(a, b, tokens_of, score_cutoff):
                    neighbours[a].update((a, b))
                    neighbours[b].update((a, b))
    given_keys = [frozenset(_given_keys(name)) for name in names]
    initials = [_initial_key(name) for name in names]
    pairs: set[tuple[int, int]] = set()
    for core, members in by_core.items():
        for other_core in neighbours.get(core) or (core,):
            if other_core < core:
                continue  # each pair of surnames once
            others = by_core[other_core]
            for x, i in enumerate(members):
                keys_i = given_keys[i]
                for j in (members[x + 1:] if other_core == core else others):
                    keys_j = given_keys[j]
                    if (not keys_i or not keys_j  # a surname alone meets every neighbouring name
                            or not keys_i.isdisjoint(keys_j)
                            or initials[i] in keys_j or initials[j] in keys_i):  # an initial meets its names
                        pairs.add((i, j) if i < j else (j, i))
    by_compact: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        by_compact[name.compact].append(index)
    for members in by_compact.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if names[i].full or names[j].full:
                    pairs.add((i, j))
    by_words: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        words = set(name.tokens)
        if len(name.tokens) >= 3 and len(words) >= 2:
            by_words[" ".join(sorted(words))].append(index)
    for members in by_words.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                pairs.add((i, j))
    return sorted(pairs)


def link_forms(forms: list[Form], *, score_cutoff: float = 80, must_link: list[tuple[int, int]] = (),
               candidates: list[tuple[int, int]] | None = None) -> Linkage:
    """Cluster forms into people: candidate pairs by blocking, pairwise rules, merges that never join
    two forms judged different, then shorter forms attached to the one person they fit.

    `must_link` pairs (a user's pins) are merged whatever the rules say. `candidates` replaces the
    blocking with given pairs (the all-pairs reference of bench/variants.py).
    """
    n = len(forms)
    names = [f.name for f in forms]
    givens_of: dict[str, set[str]] = defaultdict(set)
    for name in names:
        if name.given_tokens and len(name.given_tokens[0]) > 1:
            givens_of[name.surname_core].add(name.given_tokens[0])

    equal_edges: list[tuple[int, float, int, int, str]] = []
    part_edges: list[tuple[int, int, Comparison]] = []
    late_edges: list[tuple[float, int, int, str]] = []  # between surnames alone: only if no person takes them
    cannot: dict[int, set[int]] = defaultdict(set)

    for i, j in (candidate_pairs(names, score_cutoff) if candidates is None else candidates):
        comparison = compare_names(names[i], names[j], score_cutoff)
        if comparison.verdict == "unrelated":
            continue
        if comparison.verdict == "different":
            cannot[i].add(j)
            cannot[j].add(i)
            continue
        if names[i].surname_core != names[j].surname_core and _two_surnames(names[i], names[j], givens_of):
            continue  # two surnames in their own right (Smith/Smyth), not one written two ways
        if comparison.given_typo:
            allowed = _typo_allowed(forms[i], forms[j])
            if allowed is None:  # something separates them: two people, whatever links the rest
                cannot[i].add(j)
                cannot[j].add(i)
            if not allowed:
                continue
        rule = _link_rule(comparison)
        if comparison.verdict == "same" and not (names[i].full or names[j].full):
            late_edges.append((-comparison.score, i, j, rule))
        elif comparison.verdict == "same":
            strength = 2 if comparison.given_typo else 1 if comparison.surname_typo else 0
            equal_edges.append((strength, -comparison.score, i, j, rule))
        else:
            shorter, longer = (i, j) if comparison.shorter == 0 else (j, i)
            part_edges.append((shorter, longer, comparison))

    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    blocked: dict[int, set[int]] = {i: set(cannot[i]) for i in range(n)}
    links: dict[int, list[tuple[int, str]]] = defaultdict(list)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def merge(i: int, j: int, rule: str, force: bool = False) -> bool:
        ri, rj = root(i), root(j)
        if ri == rj:
            return True
        if not force and (blocked[ri] & set(members[rj]) or blocked[rj] & set(members[ri])):
            return False
        if len(members[ri]) < len(members[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        members[ri] += members.pop(rj)
        blocked[ri] |= blocked.pop(rj)
        links[i].append((j, rule))
        return True

    for _strength, _score, i, j, rule in sorted(equal_edges):
        merge(i, j, rule)

    # Shorter forms: attach each cluster to the one cluster its forms are a part of, longest names first
    # so that "J. Smith" sees "John Smith" already joined to "John A. Smith".
    targets: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for shorter, longer, comparison in part_edges:
        targets[shorter].append((longer, _link_rule(comparison)))
    unattached: set[int] = set()
    order = sorted(range(n), key=lambda i: (-len(names[i].tokens), -forms[i].count, names[i].compact))
    for index in order:
        if index not in targets:
            continue
        options: dict[int, tuple[int, str]] = {}
        for longer, rule in targets[index]:
            r = root(longer)
            if r != root(index):
                options.setdefault(r, (longer, rule))
        if len(options) > 1 and not names[index].full or len(options) > 1 and names[index].initials_only:
            options = _break_tie(index, options, forms, members)
        if len(options) == 1:
            (longer, rule), = options.values()
            merge(index, longer, rule)
        elif len(options) > 1 and (not names[index].full or names[index].initials_only) and len(members[root(index)]) == 1:
            unattached.add(index)

    # Surnames that no person with a given name took form a surname-only person of their own.
    for _score, i, j, rule in sorted(late_edges):
        if i in unattached or j in unattached:
            continue
        if any(names[m].full for m in members[root(i)] + members[root(j)]):
            continue
        merge(i, j, rule)

    for i, j in must_link:
        unattached.discard(i)
        unattached.discard(j)
        merge(i, j, "pinned in story config", force=True)

    clusters = sorted((sorted(group) for r, group in members.items() if not (len(group) == 1 and group[0] in unattached)),
                      key=lambda g: g[0])
    return Linkage(clusters=clusters, unattached=sorted(unattached), links=dict(links))


def _two_surnames(a: ParsedName, b: ParsedName, givens_of: dict[str, set[str]]) -> bool:
    """Whether two similar surnames are two surnames in their own right: each is seen with several
    given names (ESTABLISHED_SURNAME), mostly different ones. Shared given names (the ARRIOLA and
    ARREOLA MARQUEZ brothers listed under both spellings) point to one family written two ways."""
    ga, gb = givens_of.get(a.surname_core, set()), givens_of.get(b.surname_core, set())
    if len(ga) < ESTABLISHED_SURNAME or len(gb) < ESTABLISHED_SURNAME:
        return False
    return 2 * len(ga & gb) < min(len(ga), len(gb))


def _typo_allowed(a: Form, b: Form) -> bool | None:
    """Whether a given name a typo away is the same person: True when one form is very much rarer
    and nothing separates the two; None when something separates them (different titles, a shared
    article: an article naming both distinguishes them, or authoritative outlets using both), which
    forbids any merge; False when usage is not unequal enough (a bare list of distinct names keeps
    them apart, but another form may still join them)."""
    if a.titles and b.titles and not a.titles & b.titles:
        return None
    if a.articles & b.articles:
        return None
    if a.authoritative and b.authoritative:
        return None
    high, low = max(a.count, b.count), min(a.count, b.count)
    return high >= USAGE_RATIO * max(low, 1)


def _break_tie(index: int, options: dict, forms: list[Form], members: dict) -> dict:
    """Among several people a short form fits, keep the one with this exact surname, else the one
    with this title ("Mayor Brennan" is the Brennan who is mayor)."""
    name = forms[index].name
    exact = {r: o for r, o in options.items() if any(forms[m].name.surname_core == name.surname_core for m in members[r])}
    if len(exact) == 1:
        return exact
    options = exact or options
    if name.title:
        titled = {r: o for r, o in options.items() if any(name.title in forms[m].titles for m in members[r])}
        if len(titled) == 1:
            return titled
    return options


def _link_rule(comparison: Comparison) -> str:
    parts = list(comparison.rules)
    if comparison.surname_typo:
        parts.append("surname a typo away under the same given name")
    if comparison.given_typo:
        parts.append("given name a typo away, far rarer and not separated")
    if comparison.verdict == "part" and not parts:
        parts.append("shorter form of the name")
    return "; ".join(parts) or "same name"


# --- deciding canonical forms and kinds ------------------------------------------------------------------

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


# --- stories --------------------------------------------------------------------------------------------

def analyse_variants(mentions: list[dict], *, score_cutoff: float = 80, id_prefix: str = "",
                     pins: dict[str, str] | None = None, accepted: list[str] | None = None,
                     copies: dict | None = None) -> VariantResult:
    """Cluster the story's person mentions, choose canonical forms, classify surfaces, raise flags.

    pins: surface or name -> the canonical full name the user pins (it wins, and pulls the surface in).
    accepted: surfaces the user accepts; their kind becomes "accepted" and their flags go away.
    copies: article_id -> the article_id it copies, when propagation knows it; a copy is then not
    independent evidence. Without it, outlet counts are not used to choose the canonical form.
    Cluster ids are `id_prefix` plus a slug of the canonical name, so they stay stable across runs.

    >>> result = analyse_variants([
    ...     {"mention_id": 1, "surface": "Dale Cathcart", "article_id": 1, "origin": "a", "outlet": "a",
    ...      "authoritative": True, "published": "2026-03-03", "usage": "uses"},
    ...     {"mention_id": 2, "surface": "Dale Kathcart", "article_id": 2, "origin": "b", "outlet": "b",
    ...      "authoritative": False, "published": "2026-03-04", "usage": "uses"}])
    >>> [(s["surface"], s["kind"]) for s in result.clusters[0]["surfaces"]]
    [('Dale Cathcart', 'canonical'), ('Dale Kathcart', 'error')]
    """
    pins = pins or {}
    accepted_keys = _surface_keys(accepted or [])
    parsed = {m["mention_id"]: parse_name(m["surface"]) for m in mentions}
    mentions = [m for m in mentions if parsed[m["mention_id"]] is not None]
    forms, form_of = _forms_from_mentions(mentions, parsed, copies)
    must_link, pinned = _pin_links(pins, forms, form_of)
    linkage = link_forms(forms, score_cutoff=score_cutoff, must_link=must_link)

    by_form: dict[int, list[dict]] = defaultdict(list)
    for m in mentions:
        by_form[form_of[m["mention_id"]]].append(m)
    result = VariantResult()
    in_context = _attach_by_co_mention(linkage, forms, by_form)
    for index in linkage.unattached:
        result.assignments += [{"mention_id": m["mention_id"], "cluster_id": None, "kind": "unattached",
                                "usage": m["usage"]} for m in by_form[index] if m["mention_id"] not in in_context]
    used_ids: set[str] = set()
    decided = []
    unattached = set(linkage.unattached)
    attached_forms: dict[int, set[int]] = defaultdict(set)
    for mention_id, number in in_context.items():
        attached_forms[number].add(form_of[mention_id])
    for number, group in enumerate(linkage.clusters):
        group = group + sorted(attached_forms[number])
        group_mentions = [m for i in group for m in by_form[i]
                          if i not in unattached or in_context.get(m["mention_id"]) == number]
        pin = next((pinned[i] for i in group if i in pinned), None)
        if not group_mentions:
            continue
        decided.append((group, group_mentions, pin))
    for group, group_mentions, pin in sorted(decided, key=lambda d: _cluster_sort_key(d[0], forms)):
        cluster = _decide_story(group, group_mentions, forms, form_of, pin, accepted_keys, score_cutoff, linkage)
        cluster["id"] = id_prefix + _unique_id(_slug(cluster["canonical"]), used_ids)
        result.clusters.append(cluster)
        kinds = {s["surface"]: s["kind"] for s in cluster["surfaces"]}
        result.assignments += [{"mention_id": m["mention_id"], "cluster_id": cluster["id"],
                                "kind": kinds[m["surface"]], "usage": m["usage"]} for m in group_mentions]
        result.flags += _flags(cluster, group_mentions, kinds)
    return result


def _attach_by_co_mention(linkage, forms: list[Form], by_form: dict[int, list[dict]]) -> dict:
    """Mention id -> cluster number, for surname-only mentions that fit several people of the story
    but only one person named in full in their own article: the article's context settles who
    "Brennan" is where the story as a whole cannot (record linkage's co-mention evidence). When the
    article names several, news style decides: a bare surname refers back to the person of that
    surname named most recently before it in the same field (mentions carrying `field`/`start`)."""
    named_in: dict[object, set[int]] = defaultdict(set)
    named_at: dict[object, list[tuple]] = defaultdict(list)
    for number, group in enumerate(linkage.clusters):
        for index in group:
            if forms[index].name.full:
                for m in by_form[index]:
                    named_in[m["article_id"]].add(number)
                    if m.get("start") is not None:
                        named_at[(m["article_id"], m.get("field"))].append((m["start"], number))
    attached = {}
    for index in linkage.unattached:
        surname = forms[index].name.surname_core
        fitting = {number for number, group in enumerate(linkage.clusters)
                   if any(forms[i].name.full and forms[i].name.surname_core == surname for i in group)}
        for m in by_form[index]:
            candidates = fitting & named_in[m["article_id"]]
            if len(candidates) > 1 and m.get("start") is not None:
                before = [(start, number) for start, number in named_at[(m["article_id"], m.get("field"))]
                          if start < m["start"] and number in candidates]
                candidates = {max(before)[1]} if before else candidates
            if len(candidates) == 1:
                attached[m["mention_id"]] = candidates.pop()
    return attached


def _cluster_sort_key(group: list[int], forms: list[Form]) -> tuple:
    """Clusters in a stable order: people seen with a given name first, then by name."""
    full = any(forms[i].name.full for i in group)
    return (not full, min(forms[i].name.key for i in group))


def _surface_keys(surfaces: list[str]) -> set[str]:
    keys = set()
    for surface in surfaces:
        keys.add(surface)
        name = parse_name(surface)
        if name is not None:
            keys.add("\x00" + name.compact)
    return keys


def _is_listed(surface: str, keys: set[str]) -> bool:
    if surface in keys:
        return True
    name = parse_name(surface)
    return name is not None and "\x00" + name.compact in keys


def _form_index(name: ParsedName, forms: list["Form"], index_of: dict[str, int]) -> int:
    """The index of the Form that `name` is written as, adding it when new; the Form keeps the
    richest parse of its name seen so far."""
    index = index_of.get(form_key(name))
    if index is None:
        index = index_of[form_key(name)] = len(forms)
        forms.append(Form(name=name))
    elif _richer(name, forms[index].name):
        forms[index].name = name
    return index


def _forms_from_mentions(mentions: list[dict], parsed: dict, copies: dict | None) -> tuple[list[Form], dict]:
    """One Form per written-the-same name. Only mentions that *use* a name are evidence for it; a
    quoted form (talk about the spelling) is clustered but carries no weight."""
    forms: list[Form] = []
    index_of: dict[str, int] = {}
    form_of: dict = {}
    for m in sorted(mentions, key=lambda m: (form_key(parsed[m["mention_id"]]), str(m["mention_id"]))):
        name = parsed[m["mention_id"]]
        index = _form_index(name, forms, index_of)
        form = forms[index]
        form.surfaces[m["surface"]] += 0
        form.displays[name.display] += 0
        form_of[m["mention_id"]] = index
        form.articles.add(m["article_id"])
        if name.title:
            form.titles.add(name.title)
        if m.get("usage", "uses") != "uses":
            continue
        form.surfaces[m["surface"]] += 1
        form.displays[name.display] += 1
        form.count += 1
        form.sources.add(m["origin"])
        if m["authoritative"]:
            form.authoritative.add(m["origin"])
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
        return f"{' '.join(name.given)}|{name.surname}"
    return f"|{name.surname}|{name.title or ''}"


def _richer(candidate: ParsedName, current: ParsedName) -> bool:
    """Which parse to keep for a form: one with a given name, marked, with more words."""
    return (candidate.full, candidate.marked, len(candidate.given)) > (current.full, current.marked, len(current.given))


def _pin_links(pins: dict[str, str], forms: list[Form], form_of: dict) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """Must-links and pinned canonical names from a story's pins; a pinned name no surface uses is
    added as a virtual form so that its cluster has an anchor."""
    must: list[tuple[int, int]] = []
    pinned: dict[int, str] = {}
    by_compact = {f.name.compact: i for i, f in enumerate(forms)}
    for source, target in sorted(pins.items()):
        target_name, source_name = parse_name(target), parse_name(source)
        if target_name is None:
            continue
        t = by_compact.get(target_name.compact)
        if t is None:
            t = by_compact[target_name.compact] = len(forms)
            forms.append(Form(name=target_name, virtual=True))
        pinned[t] = target
        matches = {i for i, f in enumerate(forms) if source in f.surfaces}
        if source_name is not None and source_name.compact in by_compact:
            matches.add(by_compact[source_name.compact])
        must += [(i, t) for i in sorted(matches) if i != t]
    return must, pinned


def _decide_story(group: list[int], group_mentions: list[dict], forms: list[Form], form_of: dict, pin: str | None,
                  accepted_keys: set[str], score_cutoff: float, linkage: Linkage) -> dict:
    """Choose the canonical name of one person and the kind of each surface, with the rule for each."""
    full_forms = [i for i in group if forms[i].name.full and not forms[i].virtual]
    pinned_form = next((i for i in group if pin is not None and forms[i].virtual), None)
    if pin is not None and pinned_form is None:
        pinned_form = next((i for i in group if parse_name(pin) and forms[i].name.compact == parse_name(pin).compact), None)
    criteria = ("pinned in story config", "authoritative outlets", "earliest use", "frequency")
    if any(forms[i].independent for i in group):
        criteria = ("pinned in story config", "authoritative outlets", "independent outlets", "earliest use", "frequency")
    surname_only = not full_forms and pinned_form is None
    if surname_only:
        counts = Counter(parse_name(m["surface"]).display for m in group_mentions)
        canonical = _display(counts)
        canonical_name = parse_name(canonical)
        decision = _Decision(canonical, canonical_name, None, "surname only: no full name seen, no error judged", [])
    else:
        candidates = full_forms + ([pinned_form] if pinned_form is not None and pinned_form not in full_forms else [])
        decision = _decide_canonical(candidates, forms, pinned_form, criteria, writing="displays")
        if pin is not None and decision.canonical_form == pinned_form:
            decision.canonical = pin if forms[pinned_form].virtual else decision.canonical
            decision.canonical_name = parse_name(decision.canonical)

    rows: dict[str, dict] = {}
    for m in group_mentions:
        row = rows.setdefault(m["surface"], {"mention_ids": [], "articles": set(), "outlets": set(), "first": "~",
                                             "form": form_of[m["mention_id"]]})
        row["mention_ids"].append(m["mention_id"])
        row["articles"].add(m["article_id"])
        row["outlets"].add(m["origin"])
        row["first"] = min(row["first"], date_key(m["published"]))

    user_accepted_surnames = {parse_name(surface).surname_core for surface in rows
                              if _is_listed(surface, accepted_keys)}
    surfaces = []
    for surface, row in sorted(rows.items()):
        form = forms[row["form"]]
        name = parse_name(surface)
        if _is_listed(surface, accepted_keys):
            kind, why = "accepted", "accepted in story config"
        elif not name.full and name.surname_core in user_accepted_surnames \
                and name.surname_core != decision.canonical_name.surname_core:
            kind, why = "accepted", "surname of a variant accepted in story config"
        elif surname_only:
            kind, why = ("canonical", decision.rule) if name.display == decision.canonical else ("surname", "surname-only person")
        elif row["form"] == decision.canonical_form or name.compact == decision.canonical_name.compact:
            if name.title:
                kind, why = "title", "title with the canonical name"
            elif name.display == decision.canonical or surface == decision.canonical:
                kind, why = "canonical", decision.rule
            else:
                kind, why = "accepted", "written differently: " + ", ".join(format_rules(surface, decision.canonical))
        else:
            kind, why = _kind(form, decision, forms, story=True, score_cutoff=score_cutoff)
        surfaces.append({"surface": surface, "kind": kind, "rule": why, "mentions": len(row["mention_ids"]),
                         "articles": len(row["articles"]), "outlets": len(row["outlets"]),
                         "first_published": None if row["first"].startswith("~") else row["first"],
                         "form": _error_form(name, decision.canonical_name) if kind == "error" else None})
    ranked = [i for i in decision.ranked if not forms[i].virtual]
    evidence = {
        "forms": [{"name": _display(forms[i].displays) if forms[i].displays else forms[i].name.display,
                   "authoritative_outlets": sorted(forms[i].authoritative), "outlets": sorted(forms[i].sources),
                   "first_published": None if forms[i].first == "~" else forms[i].first,
                   "mentions": forms[i].count} for i in ranked] if not surname_only else [],
        "links": _link_evidence(group, forms, linkage),
    }
    return {"canonical": decision.canonical, "rule": decision.rule, "evidence": evidence, "surfaces": surfaces}


def _link_evidence(group: list[int], forms: list[Form], linkage: Linkage) -> list[dict]:
    members = set(group)
    out = []
    for i in sorted(members):
        for j, rule in linkage.links.get(i, ()):
            if j in members:
                out.append({"a": forms[i].name.display, "b": forms[j].name.display, "rule": rule})
    return out


def _error_form(name: ParsedName, canonical: ParsedName) -> str:
    """The wrong part of an error surface, folded: the surname if it differs, else the given names."""
    if name.surname_key != canonical.surname_key:
        return name.surname_key
    return " ".join(name.given)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "person"


def _unique_id(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


def _flags(cluster: dict, group: list[dict], kinds: dict[str, str]) -> list[dict]:
    """Mention, article and outlet flags for one cluster; quoted errors are flagged but kept apart."""
    flags = []
    errors = [m for m in group if kinds[m["surface"]] == "error"]
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


# --- name lists -------------------------------------------------------------------------------------------

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


def cluster_name_list(rows: list[dict], *, score_cutoff: float = 80) -> tuple[list[dict], list[dict]]:
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
        if name.title:
            form.titles.add(name.title)
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


def cluster_names(surfaces: list[str], *, counts: list[int] | None = None, score_cutoff: float = 80) -> list[list[str]]:
    """Groups of the surfaces that name one person, in RapidFuzz's vocabulary: a list in, groups out.

    Surfaces that are not names are left out; unattached surnames come back alone.

    >>> cluster_names(["Kevin Coppinger", "Kevin Koppinger", "Chris Cuomo", "Andrew Cuomo"])
    [['Andrew Cuomo'], ['Chris Cuomo'], ['Kevin Coppinger', 'Kevin Koppinger']]
    """
    rows = [{"surface": s, "count": c} for s, c in zip(surfaces, counts or [1] * len(surfaces))]
    out, _ = cluster_name_list(rows, score_cutoff=score_cutoff)
    groups: dict[object, list[str]] = defaultdict(list)
    for row in out:
        groups[row["cluster_id"] or ("unattached", row["surface"])].append(row["surface"])
    return sorted(sorted(g) for g in groups.values())
