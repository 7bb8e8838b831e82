"""The second pass: the story's known people searched for in every field of every page, NER or not.

Real data taught us why it exists and how loose it must be. NER misses a name in a lower-case SEO
keyword string ("ice confrontations massachusetts koppinger"), in a page it does not read (a
Spanish page: the model is English), and in the garbles machine translation and speech recognition
make: a consonant changed or dropped ("Ozdemil" for Ozdemir), letters added ("Ozdzemiru"), given name and
surname fused into one word ("Zeynepözdemir", "krystalpeacott"). A sound-alike key alone (Metaphone)
finds the first kind only.

So a word is taken for a known surname when it is
- one of the person's known spellings (any case, accents folded), or
- a sound-alike: Metaphone keys agree and rapidfuzz ratio >= `score_cutoff` (6+ letters), or
- a near spelling: a few edits away (optimal string alignment: 1 edit up to 7 letters, 2 from 8),
  ratio >= `score_cutoff`, or the same letters scrambled (6+ letters, the same first letter: a
  swap across a vowel, "Nimrala" for "Nirmala"), and not a word: not in the model's English lexicon
  and not an ordinary lower-case word of the story. The last check is what keeps "change" from being
  Chang.
A word is a fused name when it is a person's given name and surname written as one word, exactly or
a near spelling of it (8+ letters, so always 2 edits at most).

Without `known_words` (the topic filter, which sees one page and no model) near spellings are not
tried: nothing would tell a garble from an English word.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import takewhile

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS

from analysis.lexicon import glue_words
from analysis.name_rules import (
    DEFINITE_ARTICLES,
    FAMILY_WORDS,
    PARTICLES,
    RENDERING_LETTERS,
    gender_forms,
    given_names,
    particle_words,
    world_given_names,
)
from analysis.names import (
    LETTER,
    ParsedName,
    declined_bases,
    fold,
    has_lost_letters,
    lost_letters_fit,
    one_script,
    parse_name,
    strip_possessive,
)
from analysis.person_spans import (  # noqa: F401 (ATTACHED_TITLES re-exported)
    ATTACHED_TITLES,
    capitalised_word_before,
    extend_left,
    garbled_given_before,
    garbled_middle_before,
    given_word_before,
    glued_given_before,
    heard_given_before,
    hyphenated_given_start,
    particles_before,
    resembling_given_before,
    word_before,
)
from analysis.phonetic import HEARD_RATIO, metaphone, spelt_alike, surname_heard_alike, written_or_heard
from analysis.settings import DEFAULTS

__all__ = ["KnownWords", "NameIndex", "find_given_mentions", "find_more_mentions", "given_owner", "hyphenated_name",
           "kin_of", "max_edits", "near_spelling"]

_WORD = re.compile(rf"{LETTER}+(?:['’]{LETTER}+)*", re.UNICODE)

#: Shorter surnames are matched only as written: a 3-letter word has too many neighbours.
EXACT_MIN_LETTERS = 4
#: Sound-alike typos start at this length: shorter words have too many real-word neighbours that also
#: sound alike ("count" and "county" share a Metaphone key).
SOUND_MIN_LETTERS = 6
#: Near spellings start at this length, for the word and the surname both.
EDIT_MIN_LETTERS = 5
#: Scrambled letters count as a near spelling from this length: shorter words have too many anagrams.
SCRAMBLED_MIN_LETTERS = 6
#: A near spelling of a fused name needs this many letters: given name and surname together.
FUSED_MIN_LETTERS = 8


def max_edits(a: str, b: str) -> int:
    """Edits allowed between a word and a name, scaled by the longer one: none below 5 letters, one up
    to 7, two from 8. One typo in a short name already changes a fifth of it; a long garbled name
    ("Ozdzemiru") keeps its shape through two.

    >>> max_edits("pecot", "peacott"), max_edits("ozdzemiru", "ozdemir"), max_edits("gore", "gores")
    (1, 2, 1)
    """
    longest = max(len(a), len(b))
    if longest < EDIT_MIN_LETTERS:
        return 0
    return 1 if longest <= 7 else 2


@dataclass(frozen=True)
class KnownWords:
    """Words that are not names in this story: the story's ordinary words and an English lexicon.

    >>> "outcry" in KnownWords(frozenset({"outcry"})), "cranston" in KnownWords(frozenset({"outcry"}))
    (True, False)
    """

    ordinary: Container[str] = frozenset()
    lexicon: Container[str] = frozenset()
    #: Every word the story writes in lower case at least once: an English word it never uses as one
    #: may still be a garbled name (`_garbled_surnames`).
    written_lower: Container[str] = frozenset()

    def __contains__(self, word: object) -> bool:
        return word in self.ordinary or word in self.lexicon


#: Words that follow a name in a sentence and that a lost space glues to it ("Patelwho worked"): where
#: a link ends in a name, extraction often drops the space after it. Only words that no surname ends
#: in: "all" or "well" would make Marshall of a Marsh and Rockwell of a Rock. Prepositions and
#: conjunctions of five letters or more that open a phrase after a subject ("Cranstonunder a thick fog"),
#: and the pronouns that open the next clause ("Cranstonhe said"): cut only where what is left is a
#: surname of the story, so a surname ending in them ("Roche") stays whole.
GLUE_WORDS = frozenset("""who whose which and was were has had have said says told will would with from that
                          under after about during before against while he she his her they""".split())


@dataclass
class NameIndex:
    """The known people's name forms, prepared once per story so each distinct word is judged once."""

    exact: set[str] = field(default_factory=set)
    near: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)  # surnames too short for a near spelling (`_short_slip`)
    scrambled: set[str] = field(default_factory=set)  # letters in order, first letter apart, of 6+ letter surnames
    fused: set[str] = field(default_factory=set)
    givens: set[str] = field(default_factory=set)
    givens_of: dict[str, set[str]] = field(default_factory=dict)  # surname -> given names of its people
    particled: dict[str, int] = field(default_factory=dict)  # core of a surname with particles -> how many
    follow_given: set[str] = field(default_factory=set)  # known surnames written right after a given name or a title
    sounds: dict[str, list[str]] = field(default_factory=dict)  # Metaphone key -> the surnames, any length
    errors: set[str] = field(default_factory=set)  # surnames only errors write (`fits`' `right_only`)

    @classmethod
    def of(cls, people: list[dict], glue: frozenset = GLUE_WORDS, words: Container[str] = ()) -> NameIndex:
        """The index of `people` (dicts of folded `surnames` and `given` names; `errors`: those
        surnames only errors write, `mentions.people_to_search`). A surname that is
        another of the person's with a `glue` word run on ("cranstonwho", NER's span over a lost
        space; the glue words of the story's languages, `lexicon.glue_words`) is no surname: known, it
        would hide the glue from `_glued_surname`. Never the surname of the person's `canonical` name
        (folded, when known): "cranstla" is no "cranst" with "la" on where a page misspells it "Cranst".
        Nor another person's surname with an English glue word run on, canonical or not: NER's span over
        a lost space made a person of its own ("Tom Cranstonunder", the mayor's son), whose surname is
        the family's. Nor the surname of another person with one of this person's given names with an
        English word (`words`, `GLUED_WORD_MIN` letters or more) run on: NER's span over a lost space
        after the name ("Ellen Cranstonhead of the council" for Ellen Cranston, head of ...), a person
        nobody is, whose word `_glued_surname` then cuts off.

        >>> sorted(NameIndex.of([{"surnames": ["cranston"], "given": ["ellen"]},
        ...                      {"surnames": ["cranstonhead"], "given": ["ellen"], "canonical": "cranstonhead"}],
        ...                     words={"head"}).exact)
        ['cranston']
        >>> sorted(NameIndex.of([{"surnames": ["cranston", "cranstonwho"], "given": ["ellen"]}]).exact)
        ['cranston']
        >>> sorted(NameIndex.of([{"surnames": ["cranston"], "given": ["ellen"]},
        ...                      {"surnames": ["cranstonunder"], "given": ["tom"], "canonical": "cranstonunder"}]).exact)
        ['cranston']
        >>> NameIndex.of([{"surnames": ["meer", "vandermeer"], "given": ["pieter"]}]).particled
        {'meer': 2}
        """
        index = cls()
        every = {s for person in people for s in person["surnames"]}
        by_given: dict[str, set[str]] = defaultdict(set)
        for person in people:
            for given in person["given"]:
                by_given[given].update(person["surnames"])
        for person in people:
            own = set(person["surnames"])
            namesakes = set().union(*(by_given[g] for g in person["given"])) - own if words else set()
            surnames = [s for s in person["surnames"] if len(s) >= EXACT_MIN_LETTERS
                        and (s == person.get("canonical") or not any(
                            s.endswith(ending) and s[:-len(ending)] in own for ending in glue))
                        and not any(s.endswith(ending) and s[:-len(ending)] in every and s[:-len(ending)] not in own
                                    for ending in GLUE_WORDS)
                        and not any(s[:cut] in namesakes and s[cut:] in words
                                    for cut in range(EXACT_MIN_LETTERS, len(s) - GLUED_WORD_MIN + 1))]
            index.errors.update(person.get("errors", ()))
            # Without word order (a hand-made index), every surname of the person follows a given name.
            index.follow_given.update(person.get("follow_given", person["surnames"]))
            for surname in surnames:
                index.exact.add(surname)
                index.sounds.setdefault(metaphone(surname), []).append(surname)
                if len(surname) >= EDIT_MIN_LETTERS:
                    index.near.append(surname)
                else:
                    index.short.append(surname)
                if len(surname) >= SCRAMBLED_MIN_LETTERS:
                    index.scrambled.add(_letters(surname))
            # A particle read into the given names ("Ana de Paula Ruiz": "de") is no given name to extend a
            # found surname over: "de Ruiz" on a Spanish page is "of Ruiz".
            named = [g for g in person["given"] if g not in PARTICLES]
            givens = [g for g in named if len(g) >= 2]
            index.givens.update(named)
            # A short surname ("Abe", "Xi") is never searched for, but its person's name still ends a
            # run of names (`_another_persons_name`: "shinzo abe tetsuya yamagami" in a slug).
            for surname in surnames + [s for s in own if 2 <= len(s) < EXACT_MIN_LETTERS]:
                index.givens_of.setdefault(surname, set()).update(givens)
            index.fused.update(given + surname for given in givens for surname in surnames)
        index.follow_given &= index.exact
        index.near = sorted(set(index.near))
        index.short = sorted(set(index.short))
        for surname in index.exact:
            for cut in range(1, len(surname)):
                words = particle_words(surname[:cut]) if surname[cut:] in index.exact else None
                if words:
                    index.particled[surname[cut:]] = max(words, index.particled.get(surname[cut:], 0))
        return index

    def sounding(self, word: str) -> list[str]:
        """The known surnames of `SOUND_MIN_LETTERS` or more with the Metaphone key of a folded word."""
        return [s for s in self.sounds.get(metaphone(word), ()) if len(s) >= SOUND_MIN_LETTERS]

    def fits(self, word: str, cutoff: float, known_words: KnownWords | None, right_only: bool = False) -> bool:
        """Whether a folded word is a form of a known surname or a fused known name (module docstring);
        `right_only`: of a surname some right form of a person writes, not only an error's.

        A sound-alike is refused only when it is an English word: a misspelling that an SEO page
        repeats in lower case ("koppinger") is ordinary by count, yet still the name.
        """
        if word in self.exact or word in self.fused:
            return not right_only or word not in self.errors
        skip = self.errors if right_only else ()
        if has_lost_letters(word):
            return any(lost_letters_fit(word, surname) for surname in self.exact if surname not in skip)
        lexicon = known_words.lexicon if known_words is not None else ()
        if len(word) >= SOUND_MIN_LETTERS and word not in lexicon and any(
                abs(len(s) - len(word)) <= 2 and fuzz.ratio(word, s) >= cutoff and s not in skip
                for s in self.sounding(word)):
            return True
        if known_words is None or len(word) < EDIT_MIN_LETTERS or word in known_words:
            return False
        return (any(near_spelling(word, surname, cutoff) for surname in self.near if surname not in skip)
                or (len(word) >= SCRAMBLED_MIN_LETTERS and _letters(word) in self.scrambled
                    and (not skip or any(_letters(s) == _letters(word) for s in self.near if s not in skip)))
                or (len(word) >= FUSED_MIN_LETTERS and any(near_spelling(word, fused, cutoff) for fused in self.fused)))


def _marked_letter_changed(word: str, folded: str, index: NameIndex, cutoff: float) -> bool:
    """Whether a word is a near spelling of known surnames only by changing or dropping a marked letter
    of the main languages of news coverage (`RENDERING_LETTERS`: "ä", "é", "ñ") that it has: German
    "Länder" (states) for a Linder, "ä" where the name has "i". A garble keeps the name's letters where
    it keeps them marked ("Kiliçdaroglou": its "ç" is the name's).

    >>> index = NameIndex.of([{"surnames": ["linder", "kilicdaroglu"], "given": ["ana"]}])
    >>> [_marked_letter_changed(w, fold(w), index, 80) for w in ("Länder", "Lindér", "Kiliçdaroglou", "Lander")]
    [True, False, False, False]
    """
    lower = word.lower()
    marked = {i for i, ch in enumerate(lower) if ch in RENDERING_LETTERS}
    if not marked or len(lower) != len(folded):
        return False
    near = [surname for surname in index.near if near_spelling(folded, surname, cutoff)]
    return bool(near) and all(any(op.src_pos in marked and op.tag != "insert" for op in Levenshtein.editops(folded, surname))
                              for surname in near)


def _letters(word: str) -> str:
    """A scrambling key: the first letter, then the others in alphabetical order."""
    return word[:1] + "".join(sorted(word[1:]))


def near_spelling(word: str, name: str, cutoff: float, extra: int = 0) -> bool:
    """Whether a word is a near spelling of a name: `max_edits` (plus `extra`) apart, ratio >= cutoff."""
    if min(len(word), len(name)) < EDIT_MIN_LETTERS:
        return False
    bound = max_edits(word, name) + extra
    if abs(len(word) - len(name)) > bound:
        return False
    return OSA.distance(word, name, score_cutoff=bound) <= bound and fuzz.ratio(word, name) >= cutoff


def find_more_mentions(texts: Iterable[tuple[object, str]], people: list[dict], taken: dict[object, list[tuple[int, int]]],
                       *, score_cutoff: float = DEFAULTS.score_cutoff, known_words: KnownWords | None = None,
                       foreign: Container = frozenset(),
                       towns: dict[object, Container[int]] | None = None,
                       places: dict[object, Container[int]] | None = None,
                       page_of: Callable[[object], tuple[object, Iterable[str]]] | None = None,
                       function_words: dict[object, frozenset[str]] | None = None,
                       glue_letters: dict[object, frozenset[str]] | None = None,
                       tagged: dict[object, dict[int, int]] | None = None,
                       case_endings: dict[object, tuple[str, ...]] | None = None,
                       ) -> Iterator[tuple[object, list[dict]]]:
    """Find the known people's surnames (and fused names) in any case and with typos; yield (key, mentions).

    people: dicts with `surnames` (folded surnames of one person, correct and wrong forms alike) and
    `given` (folded given names), from clusters with good evidence (a given name and a surname).
    taken: key -> spans already found by NER, which are not reported again. A found name whose given
    names (or title) NER took without its surname carries those spans as `covers`: it replaces them.
    score_cutoff: the rapidfuzz ratio (0-100) a typo must reach against a known surname.
    known_words: folded words that are not names here (`KnownWords`); None allows sound-alikes only.
    foreign: keys of texts in a language the lexicon is not of. There a lower-case word that is no
    known spelling is taken only right after a capitalised word ("Zenep ozdemirin"): nothing tells a
    garble from a word of that language ("la mayoría" is no Mayorkas), but a name's words follow
    each other; and a word under `SOUND_MIN_LETTERS` letters is taken only as a known spelling.
    towns: key -> starts of words NER tagged a town before its state ("Butler, Pennsylvania"), which
    are taken only as a known spelling, never as a near one.
    places: key -> the starts of the places NER tagged (mapped to their ends), where a word near only
    a surname errors write (`NameIndex.errors`: "Yamaguchi" two letters from a "Yamagumi", three from
    the Yamagami it misspells) is the place: a garble of a garble is weak evidence of the person, a
    place tag strong evidence against.
    function_words: key -> the function words of a text's language (`lexicon.function_words`), never
    taken for a given name before a surname there ("Con Bilensky" in a Spanish title); those a lost
    space may glue to a name (`lexicon.glue_words`) are glue there besides the English `GLUE_WORDS`
    ("Cranstonle maire" is Cranston).
    glue_letters: key -> the one-letter function words glued to a name before a lower-case word there
    (`lexicon.glue_letters`: "Cranstona récidivé" is Cranston).
    tagged: key -> start -> end of NER's other names there (organisations), where a given name of any
    locale NER took with the surname into one such name is the person's (`tagged_given_before`).
    page_of: key -> (page, the texts of every field of that page), where the rules that ask whether the
    page names a person look (`_garbled_surnames`, `_heard_after_given`); without it, the text itself.
    A surname that is also an English word ("Hope", or "Makes" from a headline NER misread) is taken
    only where it is capitalised: in lower case it is the word. A near spelling that is an English word
    is refused on English pages only.
    case_endings: key -> the case endings of a text's language (`name_rules.CASE_ENDINGS`), where a
    known hyphenated surname takes one on its last part ("Lindahl-Bergu" on a Croatian page).
    A hyphenated compound is tried whole (only as a known surname, "Lindahl-Berg", or one with a case
    ending of the page's language), then part by part. The particles, a given name and titles
    just before the surname join the mention: a known given name of the story, else (with
    `known_words`) one word that may be a given name ("Photo: Esra Ozdemir/AA", where NER saw nothing),
    else a garbled given name of a person with that surname (`garbled_given_before`).
    """
    function_words = function_words or {}
    glue_letters = glue_letters or {}
    case_endings = case_endings or {}
    glue = {words: GLUE_WORDS | glue_words(words) for words in set(function_words.values())}
    index = NameIndex.of(people, GLUE_WORDS.union(*glue.values()),
                         known_words.lexicon if known_words is not None else ())
    if not index.exact:
        return
    fits: dict[str, bool] = {}
    fits_abroad: dict[str, bool] = {}  # on pages in another language, without the English lexicon
    abroad_words = KnownWords(known_words.ordinary) if known_words is not None else None
    glued_at: dict[tuple, int] = {}  # each distinct word judged once per language, as `fits`
    garbles: dict[str, list[str]] = {}  # and as `_garbled_surnames`
    named_on: dict = {}  # page -> `_surnames_named` of its texts, once per page
    for key, text in texts:
        spans = taken.get(key, [])
        found = []
        named: tuple[set[str], set[str]] | None = None  # this text's known surnames: in full, and at all
        repeated: list[tuple[str, str]] = []  # (given name, near spelling) this text repeats together
        for start, word in _candidates(text, known_words):
            elided = _ELISION.match(word)
            if elided and re.sub(r"['’-]", "", fold(word)) not in index.exact:
                start, word = start + elided.end(), word[elided.end():]
            folded = fold(word).replace("-", "")
            if folded[-1:] == "s" and folded not in index.exact and folded[:-1] in index.exact:
                # A known surname with an "s" is its possessive with the apostrophe dropped (URL slugs
                # and SEO strings drop punctuation: "cranstons-plan") or its plural ("the Cranstons"):
                # that surname as written, not a misspelling of it. After "the" it is the family's
                # plural, which names no one of them ("The Cranstons have kept their children out of
                # view"): no mention at all. Not a surname's core without its particles ("from the
                # Malens", a translation's garble): the family's plural keeps the whole surname.
                if _FAMILY_THE.search(text, max(0, start - 4), start) and folded[:-1] not in index.particled:
                    continue
                word, folded = word[:-1], folded[:-1]
            language_glue = glue.get(function_words.get(key), GLUE_WORDS)
            english = known_words.lexicon if known_words is not None and key not in foreign else ()
            if (word, language_glue, bool(english)) not in glued_at:
                glued_at[word, language_glue, bool(english)] = _glued_surname(word, index, language_glue, english)
            glued = glued_at[word, language_glue, bool(english)]
            letters = glue_letters.get(key)
            if not glued and letters and _lower_word_after(text, start + len(word)):
                # "Cranstona récidivé": one letter, a verb after it
                if (word, letters) not in glued_at:
                    glued_at[word, letters] = _glued_surname(word, index, letters)
                glued = glued_at[word, letters]
            glued_end = start + len(word)
            if glued:
                word, folded = word[:glued], folded[:glued]
            declined = "-" in word and folded not in index.exact and _declined(folded, index.exact,
                                                                                case_endings.get(key, ()))
            if len(folded) < EXACT_MIN_LETTERS or ("-" in word and folded not in index.exact and not declined):
                continue  # a compound only as a known surname: slugs and encodings hyphenate anything
            if folded in function_words.get(key, ()) and folded not in index.exact:
                continue  # German "später" is no Slater misspelt: a word of the page's own grammar
            if folded not in fits:
                fits[folded] = index.fits(folded, score_cutoff, known_words)
            fit = fits[folded] or declined
            if fit and towns and start in towns.get(key, ()) and folded not in index.exact:
                continue  # "Butler, Pennsylvania" is no garbled Buttler
            if (fit and places and start in places.get(key, ()) and folded not in index.exact
                    and not index.fits(folded, score_cutoff, known_words, right_only=True)):
                continue  # "in Yamaguchi" is no garble of a "Yamagumi" that misspells Yamagami
            if not fit and key in foreign and word[:1].isupper() and abroad_words is not None:
                # An English word is no evidence against a capitalised name on a page in another
                # language ("Galley" for Galey on a Spanish page): the lexicon is English.
                if folded not in fits_abroad:
                    fits_abroad[folded] = index.fits(folded, score_cutoff, abroad_words)
                fit = fits_abroad[folded]
            if fit and key in foreign and len(folded) < SOUND_MIN_LETTERS and folded not in index.exact:
                # A short word a letter away from a short surname, on a page in another language: a word
                # of that language as likely as a garble ("Maler" by a Malen), and German capitalises
                # every noun; the English lexicon that refuses such words at home knows none of them.
                fit = False
            if fit and key in foreign and folded not in index.exact and _marked_letter_changed(word, folded, index, score_cutoff):
                # A word whose own marked letter is where it differs from a surname ("anderer Länder" by a
                # Linder): that language's word; a garble of a name keeps the name's letters, marked or not.
                fit = False
            if not fit and known_words is not None and key not in foreign:
                garbled = _garbled_surnames(text, start, word, folded, index, score_cutoff, known_words, garbles)
                if garbled:
                    if named is None:
                        named = _named_on_page(key, text, page_of, index, named_on)
                    in_full, written, after_given = named
                    heard = folded not in known_words.lexicon  # a garble as heard; else an English word
                    fit = not (written if heard else in_full).isdisjoint(garbled) or not heard and any(
                        (given, folded) in after_given
                        for surname in garbled for given in index.givens_of.get(surname, ()))
            if not fit and known_words is not None and key not in foreign:
                heard_start, heard = _heard_after_given(text, start, folded, index)
                if heard:
                    if named is None:
                        named = _named_on_page(key, text, page_of, index, named_on)
                    end = start + len(word)
                    if not named[0].isdisjoint(heard) and not any(s < end and heard_start < e for s, e in spans):
                        found.append({"start": heard_start, "end": end, "surface": text[heard_start:end],
                                      "label": "PERSON", "method": "matcher"})
                        continue
            if word.islower() and known_words is not None and folded in known_words.lexicon:
                continue
            if (word.islower() and key in foreign and folded not in index.exact and folded not in index.fused
                    and capitalised_word_before(text, start) is None):
                continue
            end = start + len(word)
            word_start = start
            after = _SPACE_WORD.match(text, end) if fit and not glued else None
            if after and folded + fold(after.group(1)) in index.exact:
                # The two parts of a known two-part surname written as two words ("Ana Lindahl Berg" for
                # Lindahl-Berg, "Han Duck Soo" for Duck-soo): one surname, one mention, not two.
                end = after.end(1)
            if not fit and word[:1].isupper():
                # A surname written with its particle run in ("DeMarin"), split at the particle and
                # misspelt ("the De Maren campaign"): the capitalised particle and the word are the name.
                split_at = next(iter(particles_before(text, start)), None)
                if split_at is not None and text[split_at].isupper():
                    joined = fold(text[split_at:start]).replace(" ", "") + folded
                    if joined not in fits:
                        fits[joined] = index.fits(joined, score_cutoff, known_words)
                    if fits[joined] and joined not in index.exact and not any(s < end and split_at < e for s, e in spans):
                        found.append({"start": split_at, "end": end, "surface": text[split_at:end], "label": "PERSON",
                                      "method": "matcher"})
                        continue
            if fit and _given_before_its_surname(text, end, folded, index):
                continue  # "riley-vantol": a known person's given name before their surname, not a misspelling
            if fit and folded not in index.exact and _INITIAL_AND_SURNAME.match(text, end):
                continue  # "Phelan M. Ebenhack", a photographer's credit: a given name, no garbled Whelan
            if fit and folded not in index.exact and _given_before_a_surname(
                    text, end, folded, index, known_words.lexicon if known_words is not None else ()):
                continue  # "Khalil Dorani" in a list of players: another's given name, no garbled Khalif
            if not fit:
                given_start = _given_then_garbled_surname(text, start, folded, index, score_cutoff, known_words)
                if given_start == start or any(s < end and given_start < e for s, e in spans):
                    continue
                found.append({"start": given_start, "end": end, "surface": text[given_start:end], "label": "PERSON",
                              "method": "matcher"})
                continue
            if found and start < found[-1]["end"]:
                continue  # a part of a compound already found whole
            starts = particles_before(text, start)
            if key in function_words:
                # Abroad, not a word of the page's language that the name never opens with: French "la
                # mort de Sinwar" is "of" an al-Sinwar, no particle of his changed; Spanish "el triunfo de
                # Valle" is "of" Valle, whose mother's "Ortez de Valle" opens with no "de".
                starts = list(takewhile(lambda at: not _preposition_abroad(text, at, folded, index,
                                                                           function_words[key]), starts))
            known = [s for s in starts if fold(text[s:end]).replace(" ", "").replace("-", "") in index.exact]
            if known:
                start = known[-1]  # "van der Meer", "Von der Meer", not Spanish "de Barlow"
            elif starts and folded in index.particled:
                # The particles of a surname written otherwise ("Van der Meer", "von del Meer" for van
                # der Meer): the surname as written, for the variants stage to judge, not its core alone.
                start = starts[:index.particled[folded]][-1]
            known_given = False  # a given name of the story's people taken already
            for _ in range(3):  # up to three given names: "Krystal Anne Peacott", "José Tomás Ibáñez Soler"
                extended = extend_left(text, start, index.givens, titles=())
                known_given = known_given or extended < start
                if extended == start and word[:1].isupper() and known_words is not None:
                    # On a page in another language only a listed given name: the lexicon is English, and
                    # German capitalises every noun ("Tennisprofi Lennart ..."). Nor, anywhere, before a
                    # known given name already taken: there an unknown word is rather a title or a noun,
                    # garbled or not ("Gavor Galen Halpom", "Tennisprofi Ada Merlo").
                    extended = given_word_before(text, start, () if key in foreign or known_given else known_words,
                                                 not_names=function_words.get(key, ()))
                if extended == start and word[:1].isupper() and tagged and not known_given:
                    extended = tagged_given_before(text, start, end, tagged.get(key, {}))
                if extended == start and word[:1].isupper():
                    extended = garbled_given_before(text, start, index.givens_of.get(folded, ()))
                if extended == start and word[:1].isupper():
                    extended = glued_given_before(text, start, index.givens_of.get(folded, ()))
                if extended == start and word[:1].isupper() and not known_given:
                    extended = garbled_middle_before(text, start, index.givens_of.get(folded, ()))
                if extended == start and word[:1].isupper() and not known_given and folded in index.exact:
                    extended = resembling_given_before(text, start, index.givens_of.get(folded, ()),
                                                       known_words or (), function_words.get(key, ()))
                if extended == start and key in foreign and folded not in index.exact and not known_given:
                    extended = _repeated_given_before(text, start, word, _near_givens(folded, index, score_cutoff))
                    if extended < start:
                        repeated.append((fold(text[extended:start]).strip(), folded))
                if extended == start and key in foreign and folded in index.exact and not known_given:
                    extended = _given_of_a_near_spelling(text, start, folded, repeated, score_cutoff)
                if extended == start or _another_persons_name(
                        text, extended, start, folded, lambda: index.givens_of.get(folded) or _near_givens(
                            folded, index, score_cutoff), index):
                    break
                start = extended
            if start < word_start:
                start = hyphenated_given_start(text, start)  # "Marc-" of "Marc-André ter Stegen"
            start = extend_left(text, start, ())
            overlapping = [(s, e) for s, e in spans if s < end and start < e]
            if any(s < start or (e > word_start and not (glued and e == glued_end)) for s, e in overlapping):
                continue  # NER has this surname already
            mention = {"start": start, "end": end, "surface": text[start:end], "label": "PERSON", "method": "matcher"}
            if overlapping:
                # NER stopped before a surname it did not know ("Rep. Marjorie Taylor" | "Green"), or took
                # the word a lost space glued to it ("Ellen Cranstonwho"): the whole name, as written,
                # replaces its given names, or the surname is left to another person.
                mention["covers"] = overlapping
            while found and start <= found[-1]["start"] and found[-1]["end"] <= end:
                # A middle name that is also a known surname ("Nkechi Brown" | "Tolliver", where a Brown
                # is in the story): the whole name found next is the name, not two.
                found.pop()
            found.append(mention)
        again = _garbles_again(text, found, spans, index, known_words)
        if again:
            found = sorted(found + again, key=lambda m: m["start"])
        yield key, found


def _garbled_surnames(text: str, start: int, word: str, folded: str, index: NameIndex, cutoff: float,
                      known_words: KnownWords, cache: dict[str, list[str]]) -> list[str]:
    """The known surnames a capitalised word on an English page may garble where the page names their
    person (`_surnames_named`, asked by the caller: in full for an English word, with the surname right
    or as this word, "Ewen Plumber" then "Plumber's plan", since the page spells the name so throughout;
    by the surname right for a garble as heard): empty unless the word stands alone (no capitalised word
    but a title just before it, none just after it: "Thomson Reuters" is another name) and is
    - an English word a near spelling of the surname, or the surname with a doubled letter written once
      (`spelt_alike`: "Fasa accepted defeat" a line after Sergio Fassa, 4 letters being too few for a
      near spelling), which the story never writes in lower case in any of its forms ("Plumber was born
      in London" on a page about Ewen Plummer, "Carver's shooting" beside Brian Carvel), or
    - no English word, and the surname written as heard (`surname_heard_alike`: one Metaphone key,
      most letters kept; surnames of `SOUND_MIN_LETTERS`): a transcript's "Mr. Laxith, suspend your
      remarks" at a hearing where the same chairman's "Mr. Lagseth" is written right, or a rewrite's
      "Kowirak said" on a page that names Ada Kowiarek, untitled (the caller asks that the page write
      the surname right: the word stands where that surname is expected), or
    - no English word, a short surname (`EXACT_MIN_LETTERS` up to `EDIT_MIN_LETTERS`, too short for
      a near spelling anywhere) with one letter added, dropped, changed or two swapped, the first kept
      (`_short_slip`): "Since Lentz took office" on a page that names Friedhelm Lenz.

    Why: the lexicon that keeps "change" from being Chang also keeps every misspelling that happens to
    be an English word, and the edit bound that keeps a lone word from being any name keeps a name
    written as heard. What tells the name from the word here is the page: it names the person (in full,
    or by the surname written right), so the word stands where the surname is expected; and for an
    English word, the story never using it as one (a common word is written in lower case somewhere:
    "changes" keeps "Change" a word); for a garble as heard, the title that says a surname follows. On
    pages in other languages the lexicon refuses nothing, so this is never needed there. `cache`: each
    word's surnames, judged once.
    """
    if (not word[:1].isupper() or not word[1:].islower() or len(folded) < EXACT_MIN_LETTERS
            or folded in known_words.ordinary):
        return []
    if not _stands_alone(text, start, start + len(word)):
        return []
    titled = extend_left(text, start, ()) < start
    english = folded in known_words.lexicon
    if folded not in cache:
        if english:
            forms = getattr(known_words.lexicon, "forms", lambda lemma: {lemma})
            cache[folded] = ([s for s in index.exact if near_spelling(folded, s, cutoff) or spelt_alike(folded, s)]
                             if forms(folded).isdisjoint(known_words.written_lower) else [])
        else:
            cache[folded] = [s for s in index.sounding(folded) if surname_heard_alike(folded, s)]
    if not english and not titled:
        return _short_slip(folded, index) + cache[folded]
    return cache[folded]


def _garbles_again(text: str, found: list[dict], spans: list[tuple[int, int]], index: NameIndex,
                   known_words: KnownWords | None = None) -> list[dict]:
    """Mentions of the garbled surnames this text writes under a given name ("Friedhelm Lentz" for
    Friedhelm Lenz, found here by the given name), where it writes them again alone ("Lentz said"),
    capitalised as there and no other name's part (no capitalised word but a title just before, none
    just after); never an English word or one the story writes in lower case (`known_words`): alone,
    "Bake" of a "Tomasz Bake" is the word ("Bake sales").

    Why: a writer who garbles a name once keeps the garble ("Friedhelm Lentz ... Lentz's coalition"),
    and the surname alone is then that person's name as this page spells it; the bounds that keep a
    lone word from being taken for a known surname do not apply to the spelling the page itself has
    just given the person.

    >>> text = "Friedhelm Lentz won. Lentz said so; Lentz Bank did not. Mayor Letz, Letz."
    >>> found = [{"start": 0, "end": 15, "surface": "Friedhelm Lentz"}, {"start": 57, "end": 67, "surface": "Mayor Letz"}]
    >>> index = NameIndex.of([{"surnames": ["lenz"], "given": ["friedhelm"]}])
    >>> [m["surface"] + "@" + str(m["start"]) for m in _garbles_again(text, found, [], index)]
    ['Lentz@21']
    """
    garbles = set()
    for m in found:
        name, word = parse_name(m["surface"]), m["surface"].rsplit(None, 1)[-1]
        if (name is not None and name.full and word[:1].isupper() and fold(word) == name.surname_key
                and name.surname_key not in index.exact and len(name.surname_key) >= EXACT_MIN_LETTERS
                and (known_words is None or name.surname_key not in known_words)):
            garbles.add(word)
    if not garbles:
        return []
    taken = [(m["start"], m["end"]) for m in found] + list(spans)
    again = []
    for word in garbles:
        for match in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken) or not _stands_alone(text, start, end):
                continue
            again.append({"start": start, "end": end, "surface": word, "label": "PERSON", "method": "matcher"})
    return again


def _preposition_abroad(text: str, at: int, surname: str, index: NameIndex, words: Container[str]) -> bool:
    """Whether the particle at `at` before a surname is a function word of the page's language
    (`words`) that no known surname opens with right after a given name or a title
    (`NameIndex.follow_given`: "Charles de Gaulle"), after no capitalised word: a preposition, not the
    name's particle. After a name it joins that name to this one ("Olga Ortez de Valle", written whole).

    >>> index = NameIndex.of([{"surnames": ["valle"], "given": ["ana"]},
    ...                       {"surnames": ["devalle", "valle"], "given": ["olga", "ortez"], "follow_given": ["valle"]}])
    >>> text = "el triunfo de Valle"
    >>> _preposition_abroad(text, text.index("de"), "valle", index, {"de", "el"})
    True
    >>> text2 = "la madre, Olga Ortez de Valle"
    >>> _preposition_abroad(text2, text2.index("de"), "valle", index, {"de", "el", "la"})
    False
    >>> index.follow_given.add("devalle")
    >>> _preposition_abroad(text, text.index("de"), "valle", index, {"de", "el"})
    False
    """
    word = fold(_WORD.match(text, at).group())
    return word in words and capitalised_word_before(text, at) is None and not any(
        known != surname and known.endswith(surname) and known.startswith(word) for known in index.follow_given)


def _declined(folded: str, exact: Container[str], endings: Iterable[str]) -> bool:
    """Whether a folded word is a known surname with one of a language's case endings (`endings`), as
    `names.inflected` reads one (`names.declined_bases`).

    >>> _declined("lindahlbergu", {"lindahlberg"}, ("u", "a")), _declined("lindahlbergu", {"lindahlberg"}, ())
    (True, False)
    """
    return any(base in exact for base in declined_bases(folded, endings))


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the word at `start`-`end` is no other name's part: no capitalised word just after it,
    and none just before it but a title ("Thomson Reuters", "Lentz Bank" are other names; "Mr. Lentz",
    "since Lentz" are not)."""
    after = _NEXT_WORD.match(text, end)
    if after is not None and after.group(1)[:1].isupper():
        return False
    return capitalised_word_before(text, start) is None or extend_left(text, start, ()) < start


def _short_slip(folded: str, index: NameIndex) -> list[str]:
    """The known short surnames (`EXACT_MIN_LETTERS` letters up to `EDIT_MIN_LETTERS`) a folded word is
    one typo from (one letter added, dropped or changed, or two swapped), its first letter kept; and,
    for a word shorter than `EDIT_MIN_LETTERS`, the surnames of that length it drops a letter of ("Trass"
    written "Tras": too short a word for `near_spelling`, which asks both to have as many letters).

    Why apart from `near_spelling`: a four-letter surname has too many neighbours for a lone word to
    be taken for it anywhere ("Lenz", "Lentz", "Letz", "Lenk" are all names), so the near-spelling
    search leaves such surnames out; `_garbled_surnames` asks this only where the page names the person
    by the surname written right, so that the word stands where that surname is expected.

    >>> index = NameIndex.of([{"surnames": ["lenz"], "given": ["friedhelm"]}, {"surnames": ["trass"], "given": ["ada"]}])
    >>> _short_slip("lentz", index), _short_slip("letz", index), _short_slip("henz", index), _short_slip("lenitz", index)
    (['lenz'], ['lenz'], [], [])
    >>> _short_slip("tras", index), _short_slip("trasx", index)
    (['trass'], [])
    """
    surnames = index.short if len(folded) >= EDIT_MIN_LETTERS else index.short + [
        s for s in index.near if len(s) == EDIT_MIN_LETTERS]
    return [s for s in surnames if s != folded and s[0] == folded[0] and OSA.distance(folded, s, score_cutoff=1) <= 1]


def _heard_after_given(text: str, start: int, folded: str, index: NameIndex) -> tuple[int, list[str]]:
    """(start of the given name, surnames) when a word of 4+ letters, in any case and English or not, has
    the Metaphone key of a known surname and follows one of that surname's people's given names as
    written or heard (`heard_given_before`); else (start, []). The caller asks that the page name the
    person in full (`_surnames_named`).

    Why: a reader's query or a transcript writes a whole name as it sounds ("Why did Christa kneel quit
    the board", on a page answering about Krista Neel): the surname then may be short and an English word,
    which no spelling rule takes, but given name and surname heard together, on a page that writes the
    name right, are the person's name misheard. Most words share no key with a story surname, so the
    look back for a given name is rarely made."""
    if len(folded) < EXACT_MIN_LETTERS:
        return start, []
    surnames = [s for s in index.sounds.get(metaphone(folded), ()) if s != folded
                and fuzz.ratio(folded, s) >= HEARD_RATIO]
    if not surnames:
        return start, []
    given_start = heard_given_before(text, start, index.givens)
    if given_start == start:
        return start, []
    given = fold(text[given_start:start].strip())
    return given_start, [s for s in surnames if any(written_or_heard(given, g) for g in index.givens_of.get(s, ()))]


def _another_persons_name(text: str, start: int, end: int, surname: str, own: Callable[[], Iterable[str]],
                          index: NameIndex) -> bool:
    """Whether the word at `start`..`end`, taken for a given name before `surname`, is the surname of
    another known person written after one of their given names, which are none of `own()` (the given
    names of the people `surname` is, or is a near spelling of; asked only then): there that person's
    name ends, and the name being found begins after it. Why: a table or a list runs names together
    ("Candidate Recep Tayyip Erdoğan Kemal Kılıçdaroğlu"), and "Tayyip Erdoğan Kemal" are not three
    given names of Kılıçdaroğlu. In a text in small letters (a URL slug, a tag string) every word may
    open a name: "who-is-tim-varga-lagseths-rival" names Tim Varga and then Lagseth.

    >>> index = NameIndex.of([{"surnames": ["varga"], "given": ["tim"]}, {"surnames": ["lagseth"], "given": ["pete"]}])
    >>> text = "Candidates Tim Varga Pete Lagseth"
    >>> _another_persons_name(text, text.index("Varga"), text.index(" Pete"), "lagseth", lambda: {"pete"}, index)
    True
    >>> _another_persons_name("Pete Varga Lagseth", 5, 10, "lagseth", lambda: {"pete"}, index)
    False
    >>> _another_persons_name("who is tim varga lagseths rival", 11, 16, "lagseth", lambda: {"pete"}, index)
    True
    >>> index = NameIndex.of([{"surnames": ["ota"], "given": ["kenji"]}, {"surnames": ["lagseth"], "given": ["pete"]}])
    >>> _another_persons_name("kenji ota pete lagseth", 6, 10, "lagseth", lambda: {"pete"}, index)
    True
    """
    word = fold(text[start:end].strip())
    theirs = index.givens_of.get(word)
    if not theirs or word == surname:
        return False
    before = capitalised_word_before(text, start) if text[start:start + 1].isupper() else word_before(text, start)
    return before is not None and fold(before.group(1)) in set(theirs) - set(own())


#: How often a page in another language must write one capitalised word right before a near spelling
#: of a surname for the word to be that name's given name (`_repeated_given_before`).
REPEATED_GIVEN = 2


def _near_givens(folded: str, index: NameIndex, cutoff: float) -> set[str]:
    """The given names of the known people whose surname `folded` is a near spelling of."""
    return {g for surname in index.near if near_spelling(folded, surname, cutoff) for g in index.givens_of.get(surname, ())}


def _repeated_given_before(text: str, start: int, word: str, theirs: Container[str] = ()) -> int:
    """The start of the capitalised word just before `word` when the page writes the two together
    `REPEATED_GIVEN` times or more and it is no rendering of `theirs` (the given names of the people the
    word's surname may be: "Miroslav Bilenski" on a Spanish page is Myroslav Bilensky, his names in
    that language, which the variants stage judges), else `start`: on a page in another language, a
    name the page repeats.

    Why: there the second pass joins only a listed given name to a surname (the list is mostly English,
    and German capitalises every noun), so "Alberto Marrani" on an Italian page is a bare "Marrani", a
    near spelling of a story's Marani, taken for her error. A page that writes "Alberto Marrani" again
    and again names a person of that name; the caller asks this only for near spellings, never for a
    known surname, where a repeated title or noun ("Premier Marani") would make a phantom.

    >>> text = "Ad Alberto Marrani abbiamo chiesto. Alberto Marrani è nato a Reggio. Sostiene Marrani."
    >>> text[_repeated_given_before(text, text.index("Marrani"), "Marrani"):text.index(" abbiamo")]
    'Alberto Marrani'
    >>> _repeated_given_before(text, text.rindex("Marrani"), "Marrani") == text.rindex("Marrani")
    True
    """
    before = capitalised_word_before(text, start)
    if before is None:
        return start
    given = fold(before.group(1))
    if any(given[:1] == g[:1] and fuzz.ratio(given, g) >= HEARD_RATIO for g in theirs):
        return start
    return before.start(1) if text.count(f"{before.group(1)} {word}") >= REPEATED_GIVEN else start


def _given_of_a_near_spelling(text: str, start: int, surname: str, repeated: list[tuple[str, str]],
                              cutoff: float) -> int:
    """The start of the capitalised word just before a known surname when this text has joined that
    word as a given name to a near spelling of the surname (`_repeated_given_before`), else `start`.

    Why: a page in another language that writes "Aldo Marchessi" twice and then "Aldo Marchesi" names
    one man, once spelt right; the bare "Marchesi" would otherwise go to the story's Lucia Marchesi. The word
    the page itself repeats as his given name is the evidence, not a given-name list.

    >>> text = "Aldo Marchesi è il bomber."
    >>> text[_given_of_a_near_spelling(text, text.index("Marchesi"), "marchesi", [("aldo", "marchessi")], 80):13]
    'Aldo Marchesi'
    >>> _given_of_a_near_spelling(text, text.index("Marchesi"), "marchesi", [("premier", "marchessi")], 80) == 5
    True
    """
    before = capitalised_word_before(text, start)
    if before is None:
        return start
    given = fold(before.group(1))
    return before.start(1) if any(g == given and near_spelling(word, surname, cutoff) for g, word in repeated) else start


def _named_on_page(key: object, text: str, page_of, index: NameIndex, cache: dict) -> tuple[set[str], set[str], set]:
    """`_surnames_named` of the page a text belongs to (`page_of`), all its fields together; else of the text."""
    if page_of is None:
        return _surnames_named(text, index)
    page, texts = page_of(key)
    if page not in cache:
        in_full, written, after_given = set(), set(), set()
        for other in texts:
            if other:
                found = _surnames_named(other, index)
                in_full |= found[0]
                written |= found[1]
                after_given |= found[2]
        cache[page] = (in_full, written, after_given)
    return cache[page]


def _surnames_named(text: str, index: NameIndex) -> tuple[set[str], set[str], set[tuple[str, str]]]:
    """The known surnames `text` writes just after one of their people's given names ("Ewen Plummer"),
    those it writes at all, exactly (any case), and the capitalised words it writes just after a known
    given name, as (given name, word) folded: the surname as this page spells it ("Ewen Plumber"), for
    `_garbled_surnames`' English words.

    >>> index = NameIndex.of([{"surnames": ["plummer"], "given": ["ewen"]}])
    >>> _surnames_named("Labour leader Ewen Plummer said", index), _surnames_named("Mr. Plummer's plan", index)
    (({'plummer'}, {'plummer'}, {('ewen', 'plummer')}), (set(), {'plummer'}, set()))
    >>> _surnames_named("Ewen Plumber's plan", index)[2]
    {('ewen', 'plumber')}
    """
    in_full, written, after_given = set(), set(), set()
    words = list(_WORD.finditer(text))
    for first, second in zip([None, *words], words):
        word = fold(strip_possessive(second.group()))
        spaced = first is not None and text[first.end():second.start()].isspace()
        if spaced and second.group()[:1].isupper() and fold(first.group()) in index.givens:
            after_given.add((fold(first.group()), word))
        if word not in index.givens_of:
            continue
        written.add(word)
        if spaced and fold(first.group()) in index.givens_of[word]:
            in_full.add(word)
    return in_full, written, after_given



_WORD_AFTER = re.compile(r"[\s_-]+([^\W\d_]+)")
#: The word after one space.
_SPACE_WORD = re.compile(r" ([^\W\d_]+)")
#: A middle initial and a capitalised word after a word: the word opens someone's full name, as a
#: given name ("Phelan M. Ebenhack"); a surname, near spelling or not, is not written before one.
_INITIAL_AND_SURNAME = re.compile(r" [A-Z]\. [A-Z][a-z]")


def _given_before_its_surname(text: str, end: int, word: str, index: NameIndex) -> bool:
    """Whether the folded `word` ending at `end` is a known person's given name and their surname comes
    next ("Kim Lundqvist" where a Lundqvist named Kim is known): that person named, not a near spelling of another
    person's surname, however close ("Riley" in a slug "riley-vantol", beside a story about a Rilei).

    >>> index = NameIndex.of([{"surnames": ["lundqvist"], "given": ["kim"]}])
    >>> _given_before_its_surname("kim-lundqvist", 3, "kim", index), _given_before_its_surname("kim said", 3, "kim", index)
    (True, False)
    """
    after = _WORD_AFTER.match(text, end)
    return after is not None and word in index.givens_of.get(fold(after.group(1)), ())


def _given_before_a_surname(text: str, end: int, word: str, index: NameIndex, lexicon: Container[str] = ()) -> bool:
    """Whether the folded `word` ending at `end` is a given name of any locale (`world_given_names`)
    followed, on its line, by a capitalised word that is no English word and no name of the story:
    another person's given name before their surname ("Khalil Dorani"), not a near spelling of a
    story surname ("Khalif"), as an initial and a surname after it make it one.

    >>> index = NameIndex.of([{"surnames": ["khalif"], "given": ["nadia"]}])
    >>> texts = ("Khalil Dorani scored", "Khalil Wins", "Khalil said")
    >>> [_given_before_a_surname(text, 6, "khalil", index, {"wins"}) for text in texts]
    [True, False, False]
    """
    after = _CAPITALISED_AFTER.match(text, end)
    if after is None or word not in world_given_names():
        return False
    following = fold(after.group(1))
    return following not in lexicon and following not in ENGLISH_STOP_WORDS and following not in index.exact \
        and following not in index.givens


#: A capitalised word after one space on the same line ("Khalil Dorani").
_CAPITALISED_AFTER = re.compile(r" ([A-Z][^\W\d_A-Z]+)\b")


def _lower_word_after(text: str, end: int) -> bool:
    """Whether a space and a lower-case word follow `end` on the same line: what follows a name that a
    one-letter function word was glued to (`lexicon.glue_letters`)."""
    rest = text[end:end + 3]
    stripped = rest.lstrip(" \t")
    return stripped != rest and stripped[:1].islower()


def _glued_surname(word: str, index: NameIndex, glue: frozenset = GLUE_WORDS, words: Container[str] = ()) -> int:
    """The length of a known surname that opens `word` when the rest is a lower-case `glue` word
    ("Cranstonwho" for "Cranston who"), a lower-case word of `words` (the English lexicon, on an
    English page) of `GLUED_WORD_MIN` letters or more ("Cranstontrails": a headline's verb after a lost
    space; known or not as an error's surname, which the first decision makes it), or any capitalised
    word ("CranstonThe"), and the whole is no known surname, else 0. A capitalised English function
    word glued on ("CranstonThe") is the next sentence's first word however the whole is known: NER
    tags such a span as a name ("President Ellen CranstonThe"), which makes the whole a surname the
    story searches for.

    >>> _glued_surname("Cranstonwho", NameIndex.of([{"surnames": ["cranston"], "given": ["ellen"]}]))
    8
    >>> _glued_surname("Cranstonville", NameIndex.of([{"surnames": ["cranston"], "given": ["ellen"]}]))
    0
    >>> _glued_surname("CranstonThe", NameIndex.of([{"surnames": ["cranston"], "given": ["ellen"]}]))
    8
    >>> _glued_surname("CranstonThe", NameIndex.of([{"surnames": ["cranston", "cranstonthe"], "given": ["ellen"]}]))
    8
    >>> index = NameIndex.of([{"surnames": ["cranston"], "given": ["ellen"]}])
    >>> [_glued_surname(w, index, words={"trails", "ville", "son"}) for w in ("Cranstontrails", "Cranstonson")]
    [8, 0]
    >>> known = NameIndex.of([{"surnames": ["cranston", "cranstontrails"], "errors": ["cranstontrails"], "given": ["ellen"]}])
    >>> _glued_surname("Cranstontrails", known, words={"trails"})
    8
    """
    camel = next((i for i in range(EXACT_MIN_LETTERS, len(word)) if word[i].isupper() and word[i - 1].islower()), 0)
    if camel and fold(word[:camel]) in index.exact and (fold(word) not in index.exact
                                                        or word[camel:].lower() in ENGLISH_STOP_WORDS):
        return camel  # the next sentence's first word glued on by a lost break ("CranstonThe president")
    for ending in glue:
        cut = len(word) - len(ending)
        if cut >= EXACT_MIN_LETTERS and word.endswith(ending) and word[:1].isupper() \
                and fold(word[:cut]) in index.exact and fold(word) not in index.exact:
            return cut
    if word[:1].isupper() and (fold(word) not in index.exact or fold(word) in index.errors):
        for cut in range(len(word) - GLUED_WORD_MIN, EXACT_MIN_LETTERS - 1, -1):
            if word[cut:].islower() and word[cut:] in words and fold(word[:cut]) in index.exact:
                return cut
    return 0


#: The shortest English word taken for glue after a known surname (`_glued_surname`): a surname may end
#: in a short word ("Grayson", "Newman"), seldom in a longer one.
GLUED_WORD_MIN = 4


#: Edits a surname may have beyond `max_edits` when its person's given name is written just before it,
#: and how much lower its similarity may then be than the cutoff when it keeps the surname's length
#: (a letter more or less): two edits in a 6- to 9-letter surname ("Hegesh", "Prygoshin") leave 75-78.
GIVEN_CONFIRMS_EDITS = 1
GIVEN_CONFIRMS_RATIO = 5


def given_confirmed_surname(word: str, surname: str, cutoff: float) -> bool:
    """Whether a folded word may be a known surname garbled under its person's given name: a near
    spelling with `GIVEN_CONFIRMS_EDITS` more edits, and a lower ratio when about as long (a garble
    keeps a name's length; a longer or shorter word is more likely another name); or the surname's
    own letters, five or more, the first kept and the others in another order ("Atara" for Arata: two
    letters swapped across a third, two edits in five, which no ratio keeps), where alone a scramble
    needs `SCRAMBLED_MIN_LETTERS`.

    >>> [given_confirmed_surname(w, "arata", 80) for w in ("atara", "arrata", "tiara")]
    [True, True, False]
    """
    if len(word) >= EDIT_MIN_LETTERS and word != surname and _letters(word) == _letters(surname):
        return True
    relaxed = cutoff - GIVEN_CONFIRMS_RATIO if abs(len(word) - len(surname)) <= 1 else cutoff
    return near_spelling(word, surname, relaxed, extra=GIVEN_CONFIRMS_EDITS)


def _given_then_garbled_surname(text: str, start: int, word: str, index: NameIndex, cutoff: float,
                                known_words: KnownWords | None) -> int:
    """The start of the given name before `word` when the two are one known person's given name (as
    written or as heard) and surname garbled one edit further than a near spelling may be, else `start`.

    Why: speech recognition and machine translation garble both names of one person at once ("Haylee
    mcanelli" in a radio transcript) or write the surname as it sounds (`surname_heard_alike`: "Matt
    Gates" for a Matt Gaetz); alone the surname is too far from any known one to be taken,
    but the person's own given name just before it is the evidence a lone word lacks. The ratio
    cutoff still holds, and the word must be no known word. Without `known_words` (the topic filter,
    which sees one page and no model) the pair alone decides: a page that writes only "Odelle
    Pellar" is coverage of Odèle Pelard, and catching such pages is the point of the tool.
    """
    if len(word) < EDIT_MIN_LETTERS or (known_words is not None and word in known_words):
        return _given_then_short_surname(text, start, word, index, cutoff)
    given_start = heard_given_before(text, start, index.givens)  # the cheap test first: most words have none
    if given_start == start:
        return start
    given = fold(text[given_start:start].strip())
    for surname in index.near:
        if (given_confirmed_surname(word, surname, cutoff) or surname_heard_alike(word, surname)) and any(
                written_or_heard(given, g) for g in index.givens_of.get(surname, ())):
            return given_start
    # Two of a person's given names before it: a surname garbled further still ("Ellen Mae Cranton").
    first_start = heard_given_before(text, given_start, index.givens)
    if first_start < given_start:
        first = fold(text[first_start:given_start].strip())
        for surname in index.near:
            if {first, given} <= index.givens_of.get(surname, set()) and garbled_under_givens(word, surname):
                return first_start
    return _given_then_short_surname(text, start, word, index, cutoff)  # a short surname with a letter added


#: How much of a person's surname a garble of it keeps (rapidfuzz ratio), beside its first sound, after
#: two or more of their given names: less than after one (`given_confirmed_surname`), since two given
#: names identify where one does not.
GARBLED_UNDER_GIVENS_RATIO = 60


def garbled_under_givens(word: str, surname: str) -> bool:
    """Whether a folded word may be a surname garbled under two or more of its person's given names: its
    first sound (Metaphone) and `GARBLED_UNDER_GIVENS_RATIO` of its letters kept ("cobberg" for
    "kohlberg", as a wire rewrite or a transcript garbles it); the caller has the given names.

    >>> [garbled_under_givens(w, "kohlberg") for w in ("cobberg", "pell", "kohlberg")]
    [True, False, False]
    """
    return (word != surname and metaphone(word)[:1] == metaphone(surname)[:1]
            and fuzz.ratio(word, surname) >= GARBLED_UNDER_GIVENS_RATIO)


def _given_then_short_surname(text: str, start: int, word: str, index: NameIndex, cutoff: float) -> int:
    """The start of the given name before a capitalised `word` when the two are one known person's given
    name, written exactly, and surname with one typo, though the word or the surname is short (4
    letters: "Tim Holzt" for a Tim Holz) or the word is an English one; else `start`.

    Why: the commonest typo drops or swaps one letter of a surname, and the result is often a short word
    or a word of English in its own right ("Ellen Crane" for an Ellen Cranes, "Tom Bake" for a Tom
    Baker); alone such a word is no evidence (too many neighbours), but the person's own given name,
    written as they write it, just before it, and the capital, are. One edit only, and the ratio cutoff
    holds, so a short surname has no neighbours beyond one letter; but a letter changed in a surname of
    four ("Sinan Ogun" for a Sinan Ogan) keeps three of four, below any cutoff, and the given name is
    the evidence there too.

    >>> index = NameIndex.of([{"surnames": ["ogan"], "given": ["sinan"]}])
    >>> [_given_then_short_surname(t, 6, "ogun", index, 80) for t in ("Sinan Ogun said", "Sinan ogun said")]
    [0, 6]
    >>> _given_then_short_surname("Kenan Ogun said", 6, "ogun", index, 80)
    6
    """
    if len(word) < EXACT_MIN_LETTERS or not text[start:start + 1].isupper():
        return start
    before = capitalised_word_before(text, start)
    if before is None:
        return start
    given = fold(before.group(1))
    if given not in index.givens:
        return start  # the cheap test first: most capitalised words follow no known given name
    for surname in index.exact:
        if (abs(len(surname) - len(word)) <= 1 and given in index.givens_of.get(surname, ())
                and OSA.distance(word, surname, score_cutoff=1) <= 1
                and (fuzz.ratio(word, surname) >= cutoff or len(word) == len(surname) == EXACT_MIN_LETTERS)):
            return before.start(1)
    return start


_COMPOUND = re.compile(rf"{LETTER}+(?:['’]{LETTER}+)*(?:-{LETTER}+(?:['’]{LETTER}+)*)*", re.UNICODE)


#: An e-mail address written in a page ("write to jsmith@example.com"): its local part is a mailbox,
#: chosen by an IT department ("tmalik" for Tariq Malik), not a writer's use of a name.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: The name of a photo, video or document file in a URL ("/files/ajackson.jpg"): like a mailbox, chosen
#: by a web team, not a writer's use of a name.
_MEDIA_FILE = re.compile(r"(?<=/)[^\s/]+\.(?:jpe?g|png|gif|webp|svg|pdf|mp[34]|mov)\b", re.IGNORECASE)


#: The IPA's letters and its spacing modifiers (stress, length: "ˈ", "ː"): in a word, it transcribes speech.
_PHONETIC = re.compile("[\u0250-\u02af\u02c8\u02cc\u02d0\u02d1]")


#: "the " just before a word: a surname with an "s" there is the family's plural.
_FAMILY_THE = re.compile(r"\b[Tt]he\s$")


#: An article or preposition elided before a capital and joined to it by an apostrophe, in small
#: letters ("d’Ilvane", "l’Orsini", "dell’Aquila", "qu’Ambler"): French, Italian and Catalan write it
#: so before any word, names too. It is a word of its own, and the name starts after the apostrophe;
#: a capital before the apostrophe opens a name ("O’Neil", "D’Amato"), and a surname known with its
#: particle run in ("d’Estaing") stays whole.
_ELISION = re.compile(r"(?:[dlnsjcmt]|dell|dall|all|nell|sull|coll|qu)['’](?=[A-ZÀ-ÖØ-Þ])")


def _candidates(text: str, words: KnownWords | None = None) -> Iterator[tuple[int, str]]:
    """(start, word) of the words a surname may be: a hyphenated compound whole ("Lindahl-Berg"), and
    each of its parts alone ("Barlow" in "Barlow-appointed") unless it is one hyphenated name
    (`hyphenated_name`), without a possessive. Words inside an e-mail address or a media file's
    name are none, nor a word with a phonetic symbol ("netanˈjahu" in "pronounced [...]"): a
    pronunciation, not a spelling."""
    mailboxes = [m.span() for m in _EMAIL.finditer(text)] if "@" in text else []
    mailboxes += [m.span() for m in _MEDIA_FILE.finditer(text)] if "." in text else []
    for match in _COMPOUND.finditer(text):
        if mailboxes and any(s <= match.start() < e for s, e in mailboxes):
            continue
        if _PHONETIC.search(match.group()):
            continue
        whole = strip_possessive(match.group())
        if "-" in whole:
            yield match.start(), whole
            if words is not None and hyphenated_name(whole, words):
                continue
        for part in _WORD.finditer(whole):
            word = one_script(part.group())  # mojibake glued on ("Zelskyโ€™s") is no letter of the name
            if word:
                yield match.start() + part.start(), strip_possessive(word)


def hyphenated_name(whole: str, words: Container[str]) -> bool:
    """Whether a hyphenated compound is one name: a capitalised word joined to lower-case parts that
    are no words ("Hyung-jin", "Min-seo"), as Korean and Chinese given names are written.

    Why: its parts are syllables of one given name, not names: taken alone, "Hyung" would be a near
    spelling of a "Hyun" and "seo" a family name; and NER, which cuts such a name at its hyphen, is
    given the rest back (`entities._hyphen_tail`). A capitalised word joined to a word ("Barlow-
    appointed", `words` knowing it) is a name and a word, and its name is still searched.

    >>> words = KnownWords(lexicon=frozenset({"appointed"}))
    >>> hyphenated_name("Hyung-jin", words), hyphenated_name("Barlow-appointed", words), hyphenated_name("Lindahl-Berg", words)
    (True, False, False)
    """
    head, *rest = whole.split("-")
    return (bool(rest) and head[:1].isupper() and head[1:].islower()
            and all(part.islower() and fold(part) not in words for part in rest))


# --- lone given names ---------------------------------------------------------------------------------

#: A lone given name shorter than this is not searched ("Al", "Jo": too many other uses).
GIVEN_MIN_LETTERS = 3
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def _function_word(word: str) -> bool:
    """Whether a capitalised word is an English function word, no name's part: a headline in title case
    capitalises every word ("Speaking To Ellen On The Phone"), so the capital after a given name says
    "another two-word name" only when the word could be a name. A few function words are given names
    too ("Will", "May"), and may be a name's part.

    >>> [_function_word(w) for w in ("On", "The", "Park", "May")]
    [True, True, False, False]
    """
    folded = fold(word)
    return folded in ENGLISH_STOP_WORDS and folded not in given_names()


#: How far before a word a family word is looked for: "his wife, " and no more.
FAMILY_LOOK_BACK = 24


def kin_of(names: list[ParsedName], relatives: dict[str, list[ParsedName]]) -> list[ParsedName]:
    """The story's people (`relatives`) who share a surname, or its other gender's form, with a full
    name of the article and are not named in it in full.

    >>> from analysis.names import parse_name
    >>> relatives = {"zaretnaya": [parse_name("Ludmila Zaretnaya")], "park": [parse_name("Maya Park")]}
    >>> [n.display for n in kin_of([parse_name("Dmitri Zaretny")], relatives)]
    ['Ludmila Zaretnaya']
    """
    cores = {n.surname_core for n in names}
    on_page = {n.key for n in names}
    return [person for core, people in relatives.items()
            if core in cores or any(gender_forms(core, other) for other in cores)
            for person in people if person.key not in on_page]


def tagged_given_before(text: str, start: int, end: int, tagged: dict[int, int]) -> int:
    """The start of the capitalised word just before a surname when NER tagged that word and the surname,
    exactly, as one organisation's name (`tagged`: start -> end), and the word is a given name in some
    locale (`world_given_names`: "Carolina"); else `start`.

    Why: the small model tags some people's two-word names as organisations ("Carolina Marín, a
    Spanish badminton player" as an ORG), and a given name that is also an English word ("Carolina",
    "Georgia") is otherwise never taken before a surname; the surname alone then goes to the story's
    other bearer of it, and the page is flagged for a name it writes right. NER saw one name there,
    only its kind wrong.

    >>> text = "Yesterday Carolina Moreau, a player, left. Later Carolina Moreau said"
    >>> s = text.index("Moreau"); text[tagged_given_before(text, s, s + 6, {10: s + 6}):s + 6]
    'Carolina Moreau'
    >>> s = text.rindex("Moreau"); text[tagged_given_before(text, s, s + 6, {10: 25}):s + 6]
    'Moreau'
    """
    before = capitalised_word_before(text, start)
    if before is None or tagged.get(before.start(1)) != end:
        return start
    return before.start(1) if fold(before.group(1)) in world_given_names() else start


def _after_article(text: str, start: int) -> bool:
    """Whether the word at `start` follows a definite article (`DEFINITE_ARTICLES`) on its line.

    Why: an article opens a noun phrase, and a given name takes none in news prose; a word near a
    given name after one is a noun of the page's language ("la Marina", the navy, near Mariana), which
    the English word list cannot tell on a page in another language.

    >>> text = "Habló con la Marina, dijo Marina"
    >>> _after_article(text, text.index("Marina")), _after_article(text, text.rindex("Marina"))
    (True, False)
    """
    before = word_before(text, start)
    return before is not None and fold(before.group(1)) in DEFINITE_ARTICLES


def given_owner(word: str, full_names: Iterable[ParsedName], *, score_cutoff: float = DEFAULTS.score_cutoff,
                words: Container[str] = frozenset()) -> ParsedName | None:
    """The one person of an article whose first given name a lone folded word is, or None.

    Articles name a person in full once and then often by given name alone ("Ellen said ..."),
    and translated or transcribed pages misspell that too ("Elen"). A word is the given name of
    the article's full names that write it exactly, else of those a typo away (`max_edits`,
    ratio >= `score_cutoff`) unless it is one of `words` and no given name itself (English: "March" is
    not a typo of Marco; "Crystal", in dictionaries and in the given-name list, may be one of Krystal). Full names whose surnames are a typo apart are one person written two
    ways; two people left ("Ellen Cranston" and "Ellen Park") make the word ambiguous: None. So does a
    word a typo away from a surname the article writes as well ("Kasem" beside "Kassem Halabi" and "Ana
    Kasim"): articles call people by surname far more often than by given name.

    >>> from analysis.names import parse_name
    >>> names = [parse_name("Ellen Cranston"), parse_name("Ellen Kranston"), parse_name("Maya Park")]
    >>> given_owner("elen", names).display, given_owner("maya", names).display, given_owner("ines", names)
    ('Ellen Cranston', 'Maya Park', None)
    >>> given_owner("ellen", [*names, parse_name("Ellen Park")]) is None
    True
    >>> given_owner("kasem", [parse_name("Kassem Halabi")]).display, given_owner("kasem", [parse_name("Kassem Halabi"), parse_name("Ana Kasim")])
    ('Kassem Halabi', None)
    """
    names = [n for n in full_names if n.full and not n.initials_only and n.given_tokens]
    if len(word) < GIVEN_MIN_LETTERS or any(word in (n.surname_core, n.surname_key) for n in names):
        return None
    owners = [n for n in names if n.given_tokens[0] == word]
    if not owners and len(word) >= 4 and (word not in words or word in given_names()):
        owners = [n for n in names if _given_near(word, n.given_tokens[0], score_cutoff)]
        if owners and any(_given_near(word, n.surname_core, score_cutoff) for n in names):
            return None  # as near a surname the article writes: a bare word is that surname far more often
    people: list[ParsedName] = []
    for name in owners:
        if not any(_same_surname(name, other) for other in people):
            people.append(name)
    return people[0] if len(people) == 1 else None


def _given_near(word: str, given: str, cutoff: float) -> bool:
    """A typo of the given name, or its letters scrambled after the first (6+ letters: "Nkehci" for
    "Nkechi"), as the surname search allows (`NameIndex.scrambled`). Not the given name whole with
    letters put before or after it: that is another name made from it ("McDonald", "Donalds",
    "Petey"), a surname or a pet name, not a slip of the pen.

    >>> _given_near("donnald", "donald", 80), _given_near("mcdonald", "donald", 80), _given_near("donalds", "donald", 80)
    (True, False, False)
    """
    if word != given and given in word and (word.startswith(given) or word.endswith(given)):
        return False
    if len(word) >= SCRAMBLED_MIN_LETTERS and word != given and _letters(word) == _letters(given):
        return True
    bound = max_edits(word, given)
    return (len(given) >= 4 and bound > 0 and abs(len(word) - len(given)) <= bound
            and OSA.distance(word, given, score_cutoff=bound) <= bound and fuzz.ratio(word, given) >= cutoff)


def _same_surname(a: ParsedName, b: ParsedName) -> bool:
    x, y = a.surname_core, b.surname_core
    return x == y or (OSA.distance(x, y) <= max_edits(x, y))


#: A family word and its punctuation right before a word ("his wife ", "His mother, ").
FAMILY_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(FAMILY_WORDS)) + r")[,:]?\s+$", re.IGNORECASE)


#: Titles that name their holder by one name of office, a pope's, a monarch's or a saint's, in the
#: languages the crawl meets most: the word after one is that name, no one's given name alone.
REGNAL_BEFORE = re.compile(r"(?<![^\W\d_])(?:pope|papa|papst|pape|king|queen|prince|princess|saint|st|san|santa|"
                           r"sankt|sainte|re|rey|roi|reina|regina|reine|könig|königin|koenig)\.?\s+\Z", re.IGNORECASE)
REGNAL_LOOK_BACK = 12


def after_regnal_title(text: str, start: int) -> bool:
    """Whether the word at `start` follows a pope's, a monarch's or a saint's title (`REGNAL_BEFORE`).

    >>> after_regnal_title("Pope Francis spoke", 5), after_regnal_title("Francis spoke", 0)
    (True, False)
    """
    return bool(REGNAL_BEFORE.search(text, max(0, start - REGNAL_LOOK_BACK), start))


def find_given_mentions(texts: Iterable[tuple[object, str]], full_names: dict[object, list[ParsedName]],
                        taken: dict[object, list[tuple[int, int]]], *, score_cutoff: float = DEFAULTS.score_cutoff,
                        known_words: KnownWords | None = None,
                        relatives: dict[str, list[ParsedName]] | None = None,
                        function_words: dict[object, frozenset[str]] | None = None,
                        places: dict[object, Container[int]] | None = None,
                        place_words: Container[str] = frozenset()) -> Iterator[tuple[object, list[dict]]]:
    """Capitalised lone given names of the people an article names in full; yield (key, mentions).

    texts: ((article, field), text) pairs; full_names: article -> the full names (given and surname)
    its person mentions write, in any field; taken: (article, field) -> spans already mentions.
    Each mention has label PERSON, method "given", `part` "given" (the surface is a given name
    alone, which the clustering must attach through `full_name`) and `full_name`, the display form of
    the full name it stands for. known_words: as for `find_more_mentions`; a near spelling of a given
    name must not be one of them. A word is skipped when it is an ordinary lower-case word of the story
    ("Will", "Hope" at a sentence start), or when a capitalised word follows it on the line: that is
    another two-word name ("Ellen Park") NER did not report, not this person's given name, unless it
    is a function word a title-case headline capitalised (`_function_word`).
    A word right after a title that names its holder by one name, a pope's, a monarch's or a saint's
    (`REGNAL_BEFORE`: "Pope Francis", "King Charles"), is that holder, whatever given name it is near.
    relatives: surname core -> the full names of the story's people. A word right after a family word
    ("his wife Annopa") may be the given name of one of them whose surname (or its other gender's
    form) a full name of the article carries, though the article never names them in full.
    function_words: key -> the function words of a text's language (`lexicon.function_words`): none of
    them is a given name misspelt (French "Cette" is no Mette), as no English word is on English pages.
    Nor is a word that is the surname of a person of the story (`relatives`' keys) a near spelling of
    another's given name: "Tomaz" where the story names a Luis Tomaz is his, not a Tomas's.
    places: key -> the starts of the places NER tagged there (as for `find_more_mentions`): a word NER
    took for a place where it stands is that place ("Moravia" in a story where NER took a party,
    "Moravian Union", for a person), the given name alone being the weaker reading of one capitalised word.
    place_words: the story's one-word places (folded, as NER tags them anywhere in it): a word that is one
    of them with an "s" after it is that place's possessive with the apostrophe dropped, as a URL slug's
    headline writes it ("Macron Names Ally Frances Next" for France's), not a given name near another;
    unless the article names someone of that very given name in full (a Frances Ruiz on a page about France).
    """
    known_words = known_words if known_words is not None else KnownWords()
    for key, text in texts:
        article = key[0] if isinstance(key, tuple) else key
        names = full_names.get(article) or []
        spans = taken.get(key, [])
        found = []
        page_words = (function_words or {}).get(key, ())
        kin = None  # the story's people of this page's families: looked up at the first family word only
        if names:
            for match in _WORD.finditer(text):
                word = strip_possessive(match.group())
                if not word[:1].isupper():
                    continue
                folded = fold(word)
                if folded in known_words.ordinary or folded in page_words:
                    continue
                start, end = match.start(), match.start() + len(word)
                if any(s < end and start < e for s, e in spans):
                    continue
                if places and start in places.get(key, ()):
                    continue  # NER's place here ("in Moravia"), no one's given name alone
                if (folded[-1:] == "s" and folded[:-1] in place_words
                        and not any(name.given_tokens[:1] == (folded,) for name in names)):
                    continue  # a place's possessive, its apostrophe dropped ("Frances Next" for France's)
                owner = given_owner(folded, names, score_cutoff=score_cutoff, words=known_words)
                if owner is None and relatives and FAMILY_BEFORE.search(
                        text, max(0, start - FAMILY_LOOK_BACK), start):
                    kin = kin_of(names, relatives) if kin is None else kin
                    owner = given_owner(folded, kin, score_cutoff=score_cutoff, words=known_words)
                if owner is None or (relatives and folded in relatives and owner.given_tokens[0] != folded):
                    continue  # no given name near, or the surname of someone in the story ("Tomaz", no Tomas)
                after = _NEXT_WORD.match(text, match.end())
                if after and after.group(1)[:1].isupper() and not _function_word(after.group(1)):
                    continue
                if after_regnal_title(text, start):
                    continue  # "Pope Francis", "King Charles": a name of office, not this person's given name
                if folded != owner.given_tokens[0] and _after_article(text, start):
                    continue  # "la Marina": a noun a letter or two from Mariana, not her given name misspelt
                found.append({"start": start, "end": end, "surface": word, "label": "PERSON", "method": "given",
                              "part": "given", "full_name": owner.display})
        yield key, found
