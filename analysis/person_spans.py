"""Repairs of NER PERSON spans, so that a mention's surface is the name as written and nothing else.

en_core_web_sm's PERSON spans on real pages carry debris that later becomes a phantom person or
steals a person's errors: a bullet or a colon ("• Ana Ruiz", "Ana Ruiz:"), a photo agency after a
slash ("Ana Ruiz/AP"), the owner of a possessive ("Breitbart’s Ana Ruiz"), two lines at once
("Secretary\\nAna Ruiz"), and, in a Title Case headline, the verb after the name ("Ana Ruiz Makes
History" -> "Ana Ruiz Makes"). NER also starts late inside a three-part name ("Kerem Ali Özdemir" ->
"Ali Özdemir"). Each function here takes the text and a span and returns the repaired span(s);
none knows any name.
"""
from __future__ import annotations

import re
from collections.abc import Container, Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from analysis.lexicon import Lexicon
from analysis.name_rules import PARTICLES, TITLES, given_names, is_title
from analysis.names import fold
from analysis.phonetic import HEARD_RATIO, heard_alike, metaphone, written_or_heard

__all__ = ["ABBREVIATED_TITLES", "clean_person_span", "extend_left", "extend_to_given_name", "garbled_given_before",
           "garbled_middle_before", "given_word_before", "headline_verb", "hyphenated_given_start", "leading_participle", "particles_before", "trailing_headline_verb"]

#: Titles written as abbreviations: only these may end in a period and still precede a name
#: ("Dr. Ana Ruiz"). A full word with a period ("... said the coach. Ibsen added") ends a sentence.
ABBREVIATED_TITLES = frozenset("""
    dr mr mrs ms mx prof sen rep gov lt sgt capt det supt gen col maj adm rev fr st hon pres sec atty
    insp cmdr cpl pvt mme mlle
""".split())
#: Titles that become part of a PERSON mention; place words that also open titles ("County Sheriff")
#: stay outside it.
ATTACHED_TITLES = TITLES - {"state", "county", "city"}
#: The word just before a span, on the same line: letters, an optional period, spaces or tabs.
_WORD_BEFORE = re.compile(r"([^\W\d_]+)(\.?)[^\S\n]+$")
#: How far back a word is looked for: a word and its spaces, never the whole text.
_LOOK_BACK = 60
_POSSESSIVE_OWNER = re.compile(r".*['’]s\s+", re.DOTALL)
#: A word of two or more letters and a full stop: a sentence ends there, unless the word is "Dr" or "Mr".
_SENTENCE_END = re.compile(r"([^\W\d_]{2,})[.!?]\s+")
_INITIAL_OR_SUFFIX = re.compile(r"(?:\b[^\W\d_]|\b(?:Jr|Sr|jr|sr))\.$")


def extend_left(text: str, start: int, givens: Container[str], titles: Container[str] = ATTACHED_TITLES) -> int:
    """Move the start left over one given name of `givens`, then over title words ("Sheriff Dale ...").

    Never across a line break, and over a word ending in a period only when that word is an
    abbreviated title or an initial ("Dr.", "J."): "the coach. Ibsen added" is not Coach Ibsen.
    """
    for allowed in (givens, titles):
        while True:
            before = _WORD_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
            if not before:
                break
            word = fold(before.group(1))
            if word not in allowed or (before.group(2) and len(word) > 1 and word not in ABBREVIATED_TITLES):
                break
            if allowed is not givens and not is_title(word, _first_word(text, start)):
                break
            start = before.start(1)
            if allowed is givens:
                break
    return start


def extend_to_given_name(text: str, start: int, end: int, lexicon: Container[str]) -> int:
    """Move the start of a one- or two-word name left over one more given name NER left out ("Kerem
    Ali Özdemir" tagged "Ali Özdemir", "Zeyenp Ozdemir" tagged "Ozdemir"): the word just before it on the line, capitalised (not all capitals),
    no title, and a listed given name or no English word ("Kerem": the list is mostly English names).

    >>> text = "Police said Kerem Ali Özdemir and Ana Ruiz left Boston. Meet Ana Ruiz."
    >>> s = text.index("Ali"); text[extend_to_given_name(text, s, s + 11, {"meet", "police", "said"}):s + 11]
    'Kerem Ali Özdemir'
    >>> s = text.rindex("Ana"); text[extend_to_given_name(text, s, s + 8, {"meet"}):s + 8]
    'Ana Ruiz'
    """
    words = text[start:end].split()
    if len(words) > 2 or not words or fold(words[0].rstrip(".")) in TITLES:
        return start
    return given_word_before(text, start, lexicon)


def given_word_before(text: str, start: int, lexicon: Container[str], not_names: Container[str] = ()) -> int:
    """The start of a plausible given name written just before `start` on the same line, else `start`.

    Plausible: capitalised (not all capitals, no capital inside), no title, not the word itself again
    (a breadcrumb "Ana Ruiz" glued to a headline "Ruiz Resigns"), no full stop after it, and
    a listed given name or, with a lexicon to tell, no English word that does not open a sentence
    ("Kerem", "Esra": the list is mostly English; "Later Cranton" is no name). Never one of
    `not_names`, the function words of the page's language (`lexicon.function_words`: Spanish "Con").
    """
    before = capitalised_word_before(text, start)
    if not before:
        return start
    folded = fold(before.group(1))
    following = _first_word(text, start)
    if is_title(folded, following) or folded == following or folded in not_names:
        return start  # a title, or the name written twice ("Ana Ruiz" glued to "Ruiz Resigns")
    if folded in given_names():
        return before.start(1)
    opens_sentence = text[:before.start(1)].rstrip(" \t")[-1:] in ("", "\n", ".", "!", "?")
    if lexicon and folded not in lexicon and not opens_sentence:
        return before.start(1)
    return start


def word_before(text: str, start: int) -> re.Match | None:
    """The word just before `start` on the same line, no full stop after it (group 1), in any case."""
    before = _WORD_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
    return None if not before or before.group(2) else before


def capitalised_word_before(text: str, start: int) -> re.Match | None:
    """The word just before `start` on the same line when it may open a name: capitalised, not all
    capitals and no capital inside (words glued by extraction, "OfficeKaroline"), unless after two or
    three letters, as given names are written ("LaToya", "DeShawn": `_CAPITAL_INSIDE_NAME`); no full
    stop after it."""
    before = word_before(text, start)
    if not before:
        return None
    word = before.group(1)
    if not word[:1].isupper() or (any(c.isupper() for c in word[1:]) and not _CAPITAL_INSIDE_NAME.fullmatch(word)):
        return None
    return before


#: The shortest word taken for a label glued before a given name (`glued_given_before`); a shorter part
#: before a capital inside opens a given name written so ("LaToya", "DeShawn": `_CAPITAL_INSIDE_NAME`).
GLUED_PREFIX_MIN = 4
#: A given name written with a capital inside, after a prefix of two or three letters ("LaToya",
#: "DeShawn", "JaVonne"); a longer part before the capital is a word glued on by a lost space.
_CAPITAL_INSIDE_NAME = re.compile(rf"[^\W\d_][^\W\d_A-Z]{{1,{GLUED_PREFIX_MIN - 2}}}[^\W\d_][^\W\d_A-Z]{{2,}}")


def glued_given_before(text: str, start: int, givens: Container[str]) -> int:
    """The start of one of `givens` that ends the word just before `start` on the same line, glued to
    the word before it by a lost space and opening with its capital ("AccusedEllen Mae Cranston": an
    infobox's label and value; "pageTomas Veldt" after a photo credit), else `start`.

    Why: extraction joins a label, a caption or a menu to the name after it, and the glued word is no
    name (`capitalised_word_before` refuses a capital inside a word); without it the name found is
    the rest, a middle name taken for the given name ("Mae Cranston"), which misspells nobody. The
    part before the capital has `GLUED_PREFIX_MIN` letters or more: a given name written with a capital
    inside opens with two or three ("LaToya", "DeShawn", "JaVonne"), and is whole.

    >>> text = "Deaths 0, accused: AccusedEllen Mae Cranston"
    >>> text[glued_given_before(text, text.index("Mae"), {"ellen", "mae"}):]
    'Ellen Mae Cranston'
    >>> glued_given_before(text, text.index("Mae"), {"mae"}) == text.index("Mae")
    True
    >>> text = "his mother LaToya Cranston"
    >>> glued_given_before(text, text.index("Cranston"), {"toya"}) == text.index("Cranston")
    True
    """
    before = word_before(text, start)
    if not before:
        return start
    word = before.group(1)
    cut = max((i for i in range(1, len(word)) if word[i].isupper() and word[i - 1].islower()), default=0)
    if cut >= GLUED_PREFIX_MIN and word[cut + 1:].islower() and fold(word[cut:]) in givens:
        return before.start(1) + cut
    return start


def garbled_given_before(text: str, start: int, givens: Iterable[str]) -> int:
    """The start of a given name written just before `start` on the same line that is one of `givens`
    written as heard (`heard_alike`: "Katelyn" before a surname whose person is "Caitlin"; a short one
    with one letter changed, `_short_heard`: "Cade" for "Kade") or with one typo (5+ letters: "Marcu"
    for "Marco"), else `start`.

    Why a test of its own beside `given_word_before`: a garbled given name is often a common name or
    word in its own right ("Ashley"), so the lexicon calls it a word, or a fragment no list has; that
    it is close to the given name of the person whose surname follows is the evidence. Capitalised
    (not all capitals), no full stop after it.

    >>> text = "Ana Ruiz y Katelyn Brennock, Marcu Brennock."
    >>> text[garbled_given_before(text, text.index("Brennock"), {"caitlin"}):text.index(",")]
    'Katelyn Brennock'
    >>> text[garbled_given_before(text, text.rindex("Brennock"), {"marco"}):]
    'Marcu Brennock.'

    In a line written in capitals throughout, a word in capitals before a surname in capitals
    (`_capitals_before_capitals`: a headline's "MARCU BRENNOCK").
    """
    before = capitalised_word_before(text, start) or _capitals_before_capitals(text, start)
    if not before:
        return start
    folded = fold(before.group(1))
    close = any(heard_alike(folded, given) or (min(len(folded), len(given)) >= TYPO_MIN_LETTERS
                                               and OSA.distance(folded, given, score_cutoff=1) <= 1)
                or _short_heard(folded, given) for given in givens)
    return before.start(1) if close else start


_LETTERS = re.compile(r"[^\W\d_]+")


def _capitals_before_capitals(text: str, start: int) -> re.Match | None:
    """The word just before `start` on the same line when it and the word at `start` are both written
    in capitals throughout, as a headline, a caption or a tag in capitals writes every word: there a
    capital opens nothing in particular, so only a closeness to the person's own given name, which the
    caller asks, makes the word a given name.

    >>> text = "MILLBROOK STAR MARCU BRENNOCK SIGNS; Star MARCU BRENNOCK"
    >>> [_capitals_before_capitals(text, at).group(1) if _capitals_before_capitals(text, at) else None
    ...  for at in (text.index("BRENNOCK"), text.index("MARCU"), text.rindex("MARCU"))]
    ['MARCU', 'STAR', None]
    """
    before = word_before(text, start)
    at = _LETTERS.match(text, start)
    if before and at and len(before.group(1)) > 1 and before.group(1).isupper() and at.group().isupper():
        return before
    return None


def garbled_middle_before(text: str, start: int, givens: Iterable[str]) -> int:
    """The start of two given names just before `start` on the same line, the first one of `givens` as
    written, the second a garble of another of them (same first letter, most letters kept:
    `HEARD_RATIO`), else `start`.

    Why: a second given name is garbled past one typo as often as a first ("Ana Belgis" for Ana
    Belkis, as heard or machine-translated), and alone such a word is no evidence. The person's own
    first given name before it and their surname after it are: two of the three words are theirs.

    >>> text = "President Ana Belgis Ruiz spoke."
    >>> text[garbled_middle_before(text, text.index("Ruiz"), {"ana", "belkis"}):text.index(" spoke")]
    'Ana Belgis Ruiz'
    >>> garbled_middle_before(text, text.index("Ruiz"), {"eva", "belkis"}) == text.index("Ruiz")
    True
    """
    middle = capitalised_word_before(text, start)
    first = middle and capitalised_word_before(text, middle.start(1))
    if not first:
        return start
    word, given = fold(middle.group(1)), fold(first.group(1))
    givens = set(givens)
    if given not in givens or word in givens:
        return start
    close = len(word) > 1 and resembles_given(word, givens - {given}, HEARD_RATIO)
    return first.start(1) if close else start


#: How much of a given name a word must keep, its first letter too, to be taken for that name garbled
#: right before the person's surname (`resembling_given_before`).
RESEMBLING_RATIO = 60


def resembling_given_before(text: str, start: int, givens: Iterable[str], *not_names: Container[str]) -> int:
    """The start of a capitalised word of 4+ letters just before `start` on the same line that keeps the
    first letter and `RESEMBLING_RATIO` of the letters of one of `givens` (the given names of the
    person whose surname follows), else `start`. Never a title, one of `givens` itself or a word in
    any of `not_names` (the English lexicon, the function words of the page's language), nor a word
    after another capitalised one but a title: there the name opens earlier, and the word is a middle name.

    Why: a machine translation or a hurried writer garbles a given name past one typo ("Tomasz" as
    "Tarosz"), and on a page in another language only a listed given name is taken before a surname
    (German capitalises every noun), so the page names a bare surname and its misspelt given name is
    lost. A word no list has, no title, shaped like the person's own given name, right before their
    surname is that given name garbled; a noun or a title there rarely keeps its first letter and most
    of its letters too.

    >>> text = "Sein Name ist Tarosz Wolniak, sagte Polizist Wolniak."
    >>> text[resembling_given_before(text, text.index("Wolniak"), {"tomasz"}):text.index(",")]
    'Tarosz Wolniak'
    >>> resembling_given_before(text, text.rindex("Wolniak"), {"tomasz"}) == text.rindex("Wolniak")
    True
    >>> text = "Meral Tarosz Wolniak"
    >>> resembling_given_before(text, text.index("Wolniak"), {"tomasz"}) == text.index("Wolniak")
    True
    """
    before = capitalised_word_before(text, start)
    if not before:
        return start
    word = fold(before.group(1))
    givens = set(givens)
    if (len(word) < 4 or word in givens or any(word in words for words in not_names)
            or is_title(word, _first_word(text, start))):
        return start
    opener = capitalised_word_before(text, before.start(1))
    if opener and not is_title(fold(opener.group(1)), word):
        return start  # the name opens before it ("Meral Tarosz Wolniak"): a middle name, not theirs garbled
    return before.start(1) if resembles_given(word, givens) else start


def resembles_given(word: str, givens: Iterable[str], ratio: float = RESEMBLING_RATIO) -> bool:
    """Whether a folded word keeps the first letter and `ratio` of the letters of one of `givens`: a
    given name garbled past a typo (`resembling_given_before`; `garbled_middle_before` and
    `linkage._garble_of` ask as much as a name written as heard keeps, `HEARD_RATIO`).

    >>> resembles_given("tarosz", ["tomasz"]), resembles_given("tadek", ["tomasz"])
    (True, False)
    >>> resembles_given("belgis", ["belkis"], 55)
    True
    """
    return any(word[:1] == given[:1] and fuzz.ratio(word, given) >= ratio for given in givens)


def _short_heard(word: str, given: str) -> bool:
    """A short given name (3-4 letters) written as heard, one letter changed and the sound kept ("Cade"
    for "Kade", "Jon" for "Jonn"): too short to be judged alone (`heard_alike` needs 5 letters), but the
    person's surname right after it is the evidence."""
    return (word != given and 3 <= min(len(word), len(given)) < TYPO_MIN_LETTERS
            and metaphone(word) == metaphone(given) and OSA.distance(word, given, score_cutoff=1) <= 1)


def heard_given_before(text: str, start: int, givens: Iterable[str]) -> int:
    """The start of a capitalised word just before `start` on the same line that is one of `givens` as
    written or as heard (`heard_alike`: "Katelyn" for "Caitlin"), else `start`. Stricter than
    `garbled_given_before` (no other typo): it is the evidence that lets the word after it be a
    surname garbled further than alone (`second_pass`).

    >>> text = "as Katelyn brenock said"
    >>> text[heard_given_before(text, text.index("brenock"), {"caitlin"}):text.index(" said")]
    'Katelyn brenock'
    """
    before = capitalised_word_before(text, start)
    if not before:
        return start
    folded = fold(before.group(1))
    return before.start(1) if any(written_or_heard(folded, given) for given in givens) else start


#: A given name is taken with one typo from this length: shorter ones have too many neighbours.
TYPO_MIN_LETTERS = 5

#: A capitalised word and a hyphen, right before a word: the first part of a hyphenated given name.
_HYPHENED_PART = re.compile(r"(?<![^\s(\[\"“'‘])[^\W\d_a-z][^\W\d_]*[-\u2010]$")


def hyphenated_given_start(text: str, start: int) -> int:
    """The start of a hyphenated given name whose last part starts at `start` ("Marc-" of "Marc-André
    ter Stegen"), else `start`. Why: a given name taken word by word before a surname stops at the
    hyphen, and "André ter Stegen" is a person nobody is; the capitalised parts a hyphen joins are one
    given name ("Anne-Sophie", "Jean-Pierre").

    >>> text = "for Marc-André ter Stegen, and ex-Meer"
    >>> text[hyphenated_given_start(text, text.index("André")):text.index(" ter")]
    'Marc-André'
    >>> hyphenated_given_start(text, text.index("Meer")) == text.index("Meer")
    True
    """
    part = _HYPHENED_PART.search(text, max(0, start - _LOOK_BACK), start)
    return part.start() if part and text[start:start + 1].isupper() else start


#: A word and what joins it to the next word of a name: spaces, or a hyphen or underscore as in a URL
#: slug ("greta-von-der-malen") or "al-Assad".
_PARTICLE_BEFORE = re.compile(r"([^\W\d_]+)(?:[^\S\n]+|[-_])$")


def particles_before(text: str, start: int) -> list[int]:
    """Where each particle written before a surname starts, nearest first, in any case ("van der
    Meer", "Von der Meer" opening a sentence, "Van Der Meer"): which of them belong to the name is
    the caller's to judge, as "de" in Spanish "la victoria de von der Meer" does not.

    >>> text = "la victoria de Von der Meer; pieter-van-der-meer"
    >>> [text[s:text.index(";")] for s in particles_before(text, text.index("Meer"))]
    ['der Meer', 'Von der Meer', 'de Von der Meer']
    >>> [text[s:] for s in particles_before(text, text.rindex("meer"))]
    ['der-meer', 'van-der-meer']
    """
    starts = []
    while True:
        before = _PARTICLE_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
        if not before or before.group(1).lower() not in PARTICLES:
            return starts
        start = before.start(1)
        starts.append(start)


#: The first word of a span and the space after it: a lower-case one before a capitalised word is
#: no part of the name (names are capitalised; particles aside).
_LEAD = re.compile(r"(\S+)\s+(?=\S)")

#: A dash with a space on each side: it separates a name from what follows, never joins its parts.
_SPACED_DASH = re.compile(r"\s[-\u2013\u2014]\s")
#: A word in capitals throughout, then a slash and a capitalised word (a photographer's name): a photo
#: credit's agency ("REUTERS/Issei Kato", "EPA/Ana Ruiz"). A surname in capitals ("Ana RUIZ/AP") is
#: followed by the agency in capitals, not by a name.
_CREDIT = re.compile(r"\s+[A-Z]{2,}(?=/[A-Z][a-z])")


def clean_person_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The name parts of a PERSON span: split at line breaks, the agency after a slash or the role
    after a spaced dash dropped, the owner
    before a possessive and a sentence that ends inside the span ("the coach. Ibsen") dropped, punctuation trimmed at both ends (a final period kept after an
    initial or "Jr"). Returns (start, end) pairs, possibly none.

    >>> text = "• Breitbart’s Ana Ruiz/AP:"
    >>> [text[s:e] for s, e in clean_person_span(text, 0, len(text))]
    ['Ana Ruiz']
    >>> [text[s:e] for text in ("giết Ana Ruiz", "de Ruiz", "van der Ruiz", "ana ruiz", "Élodie Ruiz")
    ...  for s, e in clean_person_span(text, 0, len(text))]
    ['Ana Ruiz', 'de Ruiz', 'van der Ruiz', 'ana ruiz', 'Élodie Ruiz']
    >>> text = "TODAY: Ana Ruiz - Attorney"
    >>> [text[s:e] for s, e in clean_person_span(text, 7, len(text))]
    ['Ana Ruiz']
    >>> text = "Final against Ana Ruiz REUTERS/Issei Kato"
    >>> [text[s:e] for s, e in clean_person_span(text, 14, 35)]
    ['Ana Ruiz']
    >>> text = "Ana RUIZ/AP"
    >>> [text[s:e] for s, e in clean_person_span(text, 0, len(text))]
    ['Ana RUIZ']
    >>> text = "Secretary\\nAna Ruiz Jr."
    >>> [text[s:e] for s, e in clean_person_span(text, 0, len(text))]
    ['Secretary', 'Ana Ruiz Jr.']
    """
    spans = []
    offset = start
    for line in text[start:end].split("\n"):
        s, e = offset, offset + len(line)
        offset = e + 1
        slash = text.find("/", s, e)
        if slash >= 0:
            e = slash
        credit = _CREDIT.search(text, s, e + 3) if text.startswith("/", e) else None
        if credit and text[s:credit.start()].strip():
            e = credit.start()  # "Lennart Vesper REUTERS/Issei Kato": the agency of a photo credit
        dash = _SPACED_DASH.search(text, s, e)
        if dash:
            e = dash.start()  # "Ana Ruiz - Attorney": a guest list's role; a name's hyphen has no spaces
        owner = _POSSESSIVE_OWNER.match(text, s, e)
        if owner and owner.end() < e:
            s = owner.end()
        for stop in _SENTENCE_END.finditer(text, s, e):
            if fold(stop.group(1)) not in ABBREVIATED_TITLES and stop.end() < e:
                s = stop.end()
        while s < e and not text[s].isalpha():
            s += 1
        while ((lead := _LEAD.match(text, s, e)) and lead.group(1)[0].islower() and text[lead.end()].isupper()
               and fold(lead.group(1)) not in PARTICLES):
            s = lead.end()  # "giết Brian Carvel": a word of the sentence, not a name's (particles stay)
        while e > s and not text[e - 1].isalpha() and not (text[e - 1] == "." and _INITIAL_OR_SUFFIX.search(text, s, e)):
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def headline_verb(word: str, lexicon: Lexicon) -> bool:
    """Whether a capitalised word is a third-person verb form ("Makes", "Taps", "Debuts": the word
    less -s/-es is one of the lexicon's verbs) and no given name: a Title Case headline's verb.

    >>> lexicon = Lexicon(verbs=frozenset({"make", "debut"}))
    >>> [headline_verb(w, lexicon) for w in ("Makes", "Debuts", "Sanders", "makes")]
    [True, True, False, False]
    """
    if not word[:1].isupper():
        return False
    folded = fold(word)
    if folded in given_names() or not folded.endswith("s"):
        return False
    return any(folded[:-len(ending)] in lexicon.verbs for ending in ("s", "es") if folded.endswith(ending))


def leading_participle(word: str, lexicon: Lexicon) -> bool:
    """Whether a capitalised word is the present participle of one of the lexicon's verbs
    ("Castigating", "Slamming", "Blaming") and no given name: a clause's verb that NER took into the
    name after it ("Castigating Bilensky, Barlow said" -> a person "Castigating Bilensky").

    Why: a name never opens with a verb; left in, the phantom is a second person of the surname, and
    every bare or misspelt surname that might be either stays unattached. Listed given names ending
    so ("Sterling", "Channing") stay names.

    >>> lexicon = Lexicon(verbs=frozenset({"castigate", "slam", "blame", "sing"}))
    >>> [leading_participle(w, lexicon) for w in ("Castigating", "Slamming", "Blaming", "Sterling", "Singing", "King")]
    [True, True, True, False, True, False]
    """
    folded = fold(word)
    if not word[:1].isupper() or not folded.endswith("ing") or folded in given_names():
        return False
    stem = folded[:-3]
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None
    return any(base in lexicon.verbs for base in (stem, stem + "e", doubled) if base)


def trailing_headline_verb(surface: str, lexicon: Lexicon) -> bool:
    """Whether the last word of a PERSON surface in a Title Case headline is the headline's verb
    ("Ana Ruiz Makes History" -> NER's "Ana Ruiz Makes"), to be cut off.

    The word must be a `headline_verb`, and what remains must still be a name: two or more words, or
    one word that is not a given name (a surname: "Barlow Taps" -> "Barlow"; "Ana Powers" stays whole).
    """
    words = surface.split()
    if len(words) < 2 or not headline_verb(words[-1], lexicon):
        return False
    return len(words) > 2 or fold(words[0]) not in given_names()


def _first_word(text: str, start: int) -> str | None:
    """The folded word that starts at `start` (a name's first word), for `is_title`."""
    word = _NAME_WORD.match(text, start)
    return fold(word.group()) if word else None


_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
