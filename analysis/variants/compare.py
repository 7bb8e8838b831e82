"""Comparing two names part by part: surnames, given names, joined words, and the rules that
explain a spelling. The pairwise judgement every clustering step asks."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from analysis.name_rules import (
    EXTRA_FOLDS,
    PARTICLES,
    explain_spelling,
    gender_form_of_spelling,
    gender_forms,
    given_names,
    nickname_related,
    particle_change,
)
from analysis.names import ParsedName, fold, given_compatible, lost_letters_fit, parse_name, script_of  # noqa: F401 (re-exported)
from analysis.phonetic import heard_alike, metaphone, nysiis
from analysis.settings import DEFAULTS

#: Similarity at which two surnames are one spelling's typo regardless of how they sound.
SURE_CUTOFF = 90

#: The rule of a surname's particle dropped or changed ("Malen", "Van der Malen" for von der Malen): a
#: spelling rule (`canonical.SPELLING_RULES`), so only usage makes it accepted.
PARTICLE_RULE = "spelling convention: a particle of the surname "

#: The rule of one half of a hyphenated surname written alone ("Tarrant" for Tarrant-Vell): a spelling
#: rule (`canonical.SPELLING_RULES`), so only usage makes it accepted.
HYPHEN_PART_RULE = "spelling convention: one half of a hyphenated surname"

#: The rule of a surname in the other gender's form under the same given name (`name_rules.gender_forms`):
#: a spelling rule, so usage decides whether it is accepted (`canonical.SPELLING_RULES`).
GENDER_FORM_RULE = "gender form of the surname (feminine/masculine)"

KINDS = ("canonical", "title", "accepted", "surname", "given", "error", "unattached")



def surnames_fit(a: str, b: str, score_cutoff: float, far: bool = False) -> bool:
    """Two folded surnames may be one spelling: equal, 90+ similar, or `score_cutoff`-similar and
    either sounding alike (equal Metaphone or NYSIIS keys: Soundex would keep its first letter and split
    Cathcart from Kathcart) or one typo apart (a dropped, doubled, swapped or changed letter, or the
    same letters scrambled, in a surname of five letters or more). `far`: a bare surname against a
    full name may be two edits away when one of them has eight letters or more, as machine translation
    and inflection write them ("Ozdzemiru", "ozdemirin"); where both sides have given names, the given
    names carry the evidence and one edit is the limit ("Ali Vellabati" is not "Ali Velayati"). A letter
    an encoding lost matches any letter (`lost_letters_fit`)."""
    if a == b or (min(len(a), len(b)) >= 5 and sorted(a) == sorted(b)) or lost_letters_fit(a, b) or lost_letters_fit(b, a):
        return True
    score = fuzz.ratio(a, b)
    if score >= SURE_CUTOFF:
        return True
    if score < score_cutoff:
        return False
    return (metaphone(a) == metaphone(b) or nysiis(a) == nysiis(b)
            or OSA.distance(a, b) <= (2 if far and max(len(a), len(b)) >= 8 else 1) and min(len(a), len(b)) >= 5)



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
        # Jon/John is a nickname a letter away from the name: a writer's slip looks the same, so it is a
        # spelling rule (usage must back it); Bob/Robert or Ron/Ronald is a choice of name.
        return "variant", "known nickname, spelt a letter away" if OSA.distance(x, y) <= 1 else "known nickname"
    rules = explain_spelling(x, y)
    if rules is not None:
        return "variant", "; ".join(rules)
    if min(len(x), len(y)) >= 4 and OSA.distance(x, y) <= (1 if min(len(x), len(y)) < 9 else 2):
        return "typo", None
    short, long_ = sorted((x, y), key=len)
    if len(short) == 3 and len(long_) == 4 and OSA.distance(x, y) == 1 and short in given_names() \
            and long_ not in given_names():
        # A three-letter given name with a letter added that makes no given name ("Timn" for Tim): a
        # slip. Two real names a letter apart (Tim, Tom; Ian, Ivan) stay two names, and a letter
        # changed ("Ava", "Eva") may be a name the list lacks.
        return "typo", None
    if min(len(x), len(y)) >= 5 and sorted(x) == sorted(y):
        return "typo", None  # the same letters scrambled ("rimaldiV" for "Vladimir")
    if heard_alike(x, y):
        return "typo", None  # written as heard ("Cristal" for "Krystal"): transcripts, translation
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
    if rule == "known nickname, spelt a letter away" and len(ga) != len(gb) and \
            (len(ga[0]) > len(gb[0])) == (len(ga) > len(gb)):
        # The formal given name with a middle name ("Peter Brian Smith" for "Pete Smith") is the
        # person's full name written out on purpose, not a slip of a letter.
        rule = "known nickname, in the full name"
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
        change = particle_change(a.surname_tokens, b.surname_tokens)
        if change:  # "Malen", "Van der Malen" for von der Malen: a slip only usage excuses
            return "variant", -1, [f"{PARTICLE_RULE}{change}"]
        return "variant", -1, ["particle or spacing in the surname"]
    rules = explain_spelling(ca, cb)
    if rules is not None:
        return "variant", -1, list(rules)
    ta = {t for t in a.surname_tokens if len(t) > 2}
    tb = {t for t in b.surname_tokens if len(t) > 2}
    if ta and tb and ta != tb and (ta < tb or tb < ta):
        longer = b if ta < tb else a
        # A hyphen joins two surnames into one name ("Tarrant-Vell"), which is never cut in two on
        # purpose in English: one half alone is a spelling convention only usage can excuse. Two
        # surnames side by side ("García Márquez") are written one at a time by custom.
        hyphenated = "-" in longer.display.rsplit(" ", 1)[-1]
        return "part", 0 if ta < tb else 1, [HYPHEN_PART_RULE if hyphenated else "one of two surnames"]
    if surnames_fit(ca, cb, score_cutoff, far=not (a.full and b.full)):
        return "typo", -1, []
    if (a.surname_key, b.surname_key) != (ca, cb) and surnames_fit(a.surname_key, b.surname_key, score_cutoff,
                                                                   far=not (a.full and b.full)):
        # A particle joined to the surname and a letter slipped: "Deweyver" for "De Wever", whose
        # core "Wever" alone is too short a part of the word to fit.
        return "typo", -1, []
    return "none", -1, []


#: Prefixes of surnames that a writer drops ("Corkell" for McCorkell): the rest is the surname's core.
SURNAME_PREFIXES = ("mac", "mc")


def _prefix_dropped(a: str, b: str) -> bool:
    """Whether one folded surname is the other without its Mc/Mac prefix, the rest four letters or more:
    a slip under the same given names, judged like a typo (usage decides whether it links).

    >>> _prefix_dropped("corkell", "mccorkell"), _prefix_dropped("mccorkell", "corkell"), _prefix_dropped("kay", "mckay")
    (True, True, False)
    """
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and any(long_ == prefix + short for prefix in SURNAME_PREFIXES)


def _score(a: ParsedName, b: ParsedName) -> float:
    """Similarity 0-100 of two names: `fuzz.ratio` of their folded words in reading order, or of the
    surnames when either is a surname alone."""
    if a.full and b.full:
        return round(fuzz.ratio(" ".join(a.tokens), " ".join(b.tokens)), 1)
    return round(fuzz.ratio(a.surname_core, b.surname_core), 1)


def compare_names(a: ParsedName, b: ParsedName, score_cutoff: float = DEFAULTS.score_cutoff,
                  family_names: int = 0) -> Comparison:
    """Compare two parsed names part by part; see the module docstring for the rules.
    `family_names`: in a story, a name may be another's last two words written alone, after at least
    this many given names (`_family_names`); 0, in name lists, never.

    When the parts disagree, two fallbacks look at the words instead: the same words in another order
    ("bin Salman Mohammed"; at most one side may mark its surname, since a marked surname fixes the
    order), and a name written as one word ("FridrichBuchenberg").

    >>> from analysis.names import parse_name as p
    >>> compare_names(p("Kevin Coppinger"), p("Kevin Koppinger")).verdict
    'same'
    >>> compare_names(p("Andrew Lucchesi"), p("Chris Lucchesi")).verdict
    'different'
    """
    if a.compact == b.compact:
        return Comparison("same", score=100.0)
    a, b = aligned_surnames(a, b)
    result = _compare_parts(a, b, score_cutoff)
    if result.verdict == "part" and (a, b)[result.shorter].generation and not (a, b)[1 - result.shorter].generation:
        # "Robert Roe Jr." is no shorter form of "Robert A. Roe": each has what the other lacks, and
        # the longer may be the father.
        return Comparison("unrelated", score=result.score)
    if result.verdict in ("same", "part"):
        return result
    for fallback in (_compare_words, _compare_joined):
        other = fallback(a, b, result.score)
        if other is not None:
            return other
    if family_names:
        return (_family_names(a, b, result.score, family_names) or _second_family_name(a, b, result.score)
                or _order_swapped(a, b, result.score) or result)
    return result


#: The rule `_order_swapped` names.
NAME_ORDER_RULE = "the same two words in the other order (family name first)"


def _order_swapped(a: ParsedName, b: ParsedName, score: float) -> Comparison | None:
    """Two words of a full name written in the other order ("Hoshida Ren" for Ren Hoshida): how
    Japanese, Chinese, Korean and Hungarian newsrooms write a name, family name first, beside the
    Western order. In a story only: a story that names one person so both ways is writing one name
    in two orders; in a name list, "Hans Friedrich" and "Friedrich Hans" may be two people
    (`_compare_words` wants three words)."""
    if a.full and b.full and len(a.tokens) == len(b.tokens) == 2 and a.tokens == b.tokens[::-1] \
            and a.tokens[0] != a.tokens[1]:
        return Comparison("same", rules=(NAME_ORDER_RULE,), score=score)
    return None


def aligned_surnames(a: ParsedName, b: ParsedName) -> tuple[ParsedName, ParsedName]:
    """The two names, a surname of two words or more that one writes with a hyphen and the other as
    words apart read as the surname in both ("Ana Lindahl-Berg", "Ana Lindahl Berg": the parse reads
    "Lindahl" as a middle name in the second).

    Why: the words are the same, and only the hyphen tells the parse where the surname starts; compared
    part by part as parsed, a slip elsewhere in the name ("Anna Lindahl-Berg" beside "Ana Lindahl
    Berg") meets a middle name against a surname and looks like another person.

    >>> from analysis.names import parse_name as p
    >>> [(n.given, n.surname) for n in aligned_surnames(p("Anna Lindahl-Berg"), p("Ana Lindahl Berg"))]
    [(('anna',), 'lindahl berg'), (('ana',), 'lindahl berg')]
    """
    for x, y, swap in ((a, b, False), (b, a, True)):
        words = x.surname_tokens
        if (len(words) >= 2 and len(y.surname_tokens) == 1 and y.tokens[-len(words):] == words
                and len(y.given) >= len(words) and y.given[-(len(words) - 1):] == words[:-1]):
            y = replace(y, given=y.given[:-(len(words) - 1)], surname=x.surname)
            return (y, x) if swap else (x, y)
    return a, b


def _second_family_name(a: ParsedName, b: ParsedName, score: float) -> Comparison | None:
    """A full name written with one more family name after it, Spanish and Portuguese style: the
    father's surname, then the mother's ("Lucía Lindner Arce" for the Lucía Lindner most
    pages write). The parse reads the first surname as a middle name and the second as the surname,
    so the two share no surname. Only where neither of those two words is a listed given name or a
    particle: "John Paul" is no shorter form of "John Paul Jones". In a story only."""
    shorter = 0 if len(a.tokens) < len(b.tokens) else 1
    words, large = (a.tokens, b.tokens) if shorter == 0 else (b.tokens, a.tokens)
    if (len(large) != len(words) + 1 or len(words) < 2 or large[:-1] != words or not (a.full and b.full)
            or not opens_family_names(words[-1]) or not opens_family_names(large[-1])):
        return None
    return Comparison("part", shorter, False, False, (SECOND_FAMILY_NAME_RULE,), score)


#: The rule `_second_family_name` names.
SECOND_FAMILY_NAME_RULE = "a second family name after the surname"


def _compare_parts(a: ParsedName, b: ParsedName, score_cutoff: float) -> Comparison:
    score = _score(a, b)
    surname, sur_short, sur_rules = _surname_relation(a, b, score_cutoff)
    if a.full and b.full:
        if surname == "none" and a.given_tokens == b.given_tokens and not a.initials_only:
            # The given names agree: weaker surname evidence suffices, as record linkage adds weights.
            # Two or more given names: a similar surname; one: a similar surname that sounds the same,
            # or a short one (4 letters, too short for `surnames_fit` alone) a letter away from the other.
            similar = fuzz.ratio(a.surname_core, b.surname_core)
            if similar >= score_cutoff and len(a.given_tokens) >= 2 or similar >= score_cutoff - 10 \
                    and metaphone(a.surname_core) == metaphone(b.surname_core) or similar >= score_cutoff \
                    and min(len(a.surname_core), len(b.surname_core)) >= 4 \
                    and OSA.distance(a.surname_core, b.surname_core, score_cutoff=1) <= 1:
                surname = "typo"
            elif gender_forms(a.surname_core, b.surname_core):  # "Yulia Zaretny" for Yulia Zaretnaya
                surname, sur_rules = "variant", [GENDER_FORM_RULE]
            elif _prefix_dropped(a.surname_core, b.surname_core):  # "Hal Corkell" for Hal McCorkell
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
    if gender_forms(a.surname_core, b.surname_core) or gender_form_of_spelling(
            a.surname_core, b.surname_core, lambda x, y: surnames_fit(x, y, score_cutoff)):
        # A surname alone in the other gender's form ("Sokolov" by an Irina Sokolova) names a relative
        # of hers, her father or husband, not her misspelt: the ending is grammar, and the letters
        # before it are the family's own. Only a given name says it is she ("Irina Sokolov"). So is the
        # women's form of another romanisation of his ("Sokolova" by a Pavel Sakolov).
        return Comparison("unrelated", score=score)
    if a.full or b.full:
        return Comparison("part", 1 if a.full else 0, False, surname == "typo", tuple(sur_rules), score)
    if surname == "part":
        return Comparison("part", sur_short, False, False, tuple(sur_rules), score)
    return Comparison("same", -1, False, surname == "typo", tuple(sur_rules), score)


def _family_names(a: ParsedName, b: ParsedName, score: float, given: int) -> Comparison | None:
    """A name that is the last words of a longer one written after `given` given names, and opens with
    no listed given name: the family names written alone ("Ibáñez Soler" of "José Tomás Ibáñez
    Soler"). The parse reads its first word as a given name, but a person called by two family names
    is called by both. A tail opening with a given name ("Paul Jones" of "John Paul Jones") may be
    another person. Linking asks for two given names (`FAMILY_NAMES_GIVEN`); judging a form already in
    the person's cluster against their canonical name, one ("Brown Tolliver" of Nkechi Brown Tolliver).
    In a story only: a name list's "Mohammed Hamsho" beside an "Ahmad Sabir Mohammed Hamsho" is,
    Arabic style, his father; a story calls a person as its careful outlets do, and
    `story._both_family_names` weighs that usage."""
    shorter = 0 if len(a.tokens) <= len(b.tokens) else 1
    if not family_names_of(*((a, b) if shorter == 0 else (b, a)), given=given):
        return None
    return Comparison("part", shorter, False, False, (FAMILY_NAMES_RULE,), score)


def family_names_of(name: ParsedName, longer: ParsedName, given: int = 1) -> bool:
    """Whether a name is the last two words or more of a longer one, written after at least `given`
    of its given names, and opens with no listed given name (`opens_family_names`): the longer name's
    family names written alone ("Ibarra Soler" of "Tomas Ibarra Soler"), which the parse reads as a
    given name and a surname.

    >>> from analysis.names import parse_name as p
    >>> family_names_of(p("Ibarra Soler"), p("Tomas Ibarra Soler")), family_names_of(p("Ibarra Soler"), p("Tomas Ibarra Soler"), given=2)
    (True, False)
    """
    words, large = name.tokens, longer.tokens
    return (len(words) >= 2 and len(large) >= len(words) + given and large[-len(words):] == words
            and opens_family_names(words[0]))


def opens_family_names(word: str) -> bool:
    """Whether a folded word may open a person's family names written alone: no listed given name
    ("Paul Jones" of "John Paul Jones"), no particle."""
    return word not in given_names() and word not in PARTICLES


#: The rule `_family_names` names.
FAMILY_NAMES_RULE = "the family names alone"
#: Given names the longer name must write before the family names: two, as Spanish and Portuguese
#: names do ("José Tomás"). With one ("Ali Muhammad Hamsho") the shorter may be the father's name,
#: Arabic style, or a Korean given name's last syllable ("Ho Kyu Kim"); the given-name list is
#: English-centred and cannot tell.
FAMILY_NAMES_GIVEN = 2


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


def same_person(a: str, b: str, *, given_typos: str = "link", score_cutoff: float = DEFAULTS.score_cutoff) -> bool:
    """Whether two surfaces, with nothing else known, can be one person.

    given_typos: "link" counts a given name a typo away (Micheal/Michael) as the same person, the
    reading of a screening question; "apart" keeps them apart, the reading of a list of distinct people.

    >>> same_person("Andrew Lucchesi", "Chris Lucchesi"), same_person("Kevin Coppinger", "Kevin Koppinger")
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

    >>> format_rules("Sheriff Dale Cathcart", "DALE CATHCART"), format_rules("Dale Cathcart", "Dale Cathcart Sr.")
    (('title', 'case'), ('generation (Jr., Sr.)',))
    """
    pa, pb = parse_name(a), parse_name(b)
    if pa is None or pb is None:
        return ()
    rules = []
    if pa.title != pb.title:
        rules.append("title")
    if pa.generation != pb.generation:
        rules.append("generation (Jr., Sr.)")
    if ("," in a) != ("," in b) and pa.marked != pb.marked:
        rules.append("SURNAME, Given order")
    da, db = pa.display, pb.display
    plain_a, plain_b = strip_accents(da), strip_accents(db)
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


#: `EXTRA_FOLDS` with the case kept: "Ł" -> "L", "ł" -> "l".
_CASED_FOLDS = str.maketrans({**{chr(k): v for k, v in EXTRA_FOLDS.items()},
                              **{chr(k).upper(): v[:1].upper() + v[1:] for k, v in EXTRA_FOLDS.items()
                                 if len(chr(k).upper()) == 1 and chr(k).upper() != chr(k)}})


def strip_accents(text: str) -> str:
    """Without combining marks or letters with marks of their own, case kept: "Sağlam" -> "Saglam",
    "Łucja" -> "Lucja"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).translate(_CASED_FOLDS)
