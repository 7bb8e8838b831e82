"""Name structure: a surface as written -> title, given names and surname, normalised for comparison.

"Sheriff Dale Cathcart’s" and "dale cathcart" are one name with different decoration; comparing names
means peeling that decoration off first (title, possessive, punctuation, case, accents) while keeping
the display form for reports.

Lists such as OFAC's write "SURNAME, Given Names" or put the surname in capitals
("Sergey Viktorovich LAVROV"); both mark which part is the surname, and `ParsedName.marked` says so.
Without a mark the last word is the surname, together with the particles before it ("Osama bin Laden",
"Bashar al-Assad"), which is wrong for names written family name first ("Kim Jong-un"); the
comparison in `analysis.variants` allows a reordering when at most one side is marked.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz import fuzz

from analysis.name_rules import (
    EXTRA_FOLDS,
    LEET,
    PARTICLES,
    SUFFIXES,
    TITLES,
    TITLES_INSIDE,
    as_heard_letters,
    case_endings,
    given_names,
    is_title,
    own_marks,
)
from analysis.phonetic import HEARD_RATIO, consonant_frame

__all__ = ["TITLES", "ParsedName", "fold", "strip_possessive", "parse_name", "given_compatible", "script_of",
           "surname_parts"]

#: A possessive ("Cathcart's", "CATHCART'S", "Cathcart'"), or a Turkish case ending after an apostrophe
#: (Turkish writes every case of a foreign name so: "Plummer'ı", "Plummer'ın", "Plummer'dan"). Only
#: endings no other romanisation ends a name with: Arabic "Sa'id", "Sa'da", "Ala'a" and Korean
#: (McCune-Reischauer) "Ch'un", "Ch'in" keep their apostrophe.
_TURKISH_CASE_ENDINGS = "ı|ü|ın|ün|nın|nin|nun|nün|yı|yi|yu|yü|ya|ye|dan|den|tan|ten|yla|yle"
_POSSESSIVE = re.compile(rf"(?:['’][sS]|['’](?:{_TURKISH_CASE_ENDINGS})|['’])$")
#: The short Turkish endings ("Lagseth'i", "Barlow'a", "Biden'in", "Barlow'ta") only after a word of four
#: letters or more that ends in a consonant and has a vowel: Hawaiian "Hawai'i", Arabic "Ala'a",
#: "Mu'in", "Raw'a", "Mar'i" (a three-letter root and an ayn) and Korean "Ch'in" keep their apostrophe.
_SHORT_CASE_ENDING = re.compile(r"(?<=[^\W\d_]{3}[bcdfghjklmnpqrstvwxyzçğşBCDFGHJKLMNPQRSTVWXYZÇĞŞ])['’]"
                                r"(?:i|ı|u|ü|a|e|in|un|de|da|te|ta)$")
_VOWEL = re.compile(r"[aeiouyıöüâîûAEIOUYÖÜ]")
#: A letter of a word, or a letter an encoding lost and printed "?" or "\ufffd" in its place, before a small
#: letter, inside a word ("Szcz?sny") or opening one ("?wi?tek" for Świątek). Part of the word, the name
#: garbled in print, not punctuation; a question mark after a word, or glued before a capital
#: ("Ruiz?Later"), ends it.
LETTER = r"(?:[^\W\d_]|(?:(?<=[^\W\d_])|(?<![^\s(]))[?\ufffd](?=[a-z\u00df-\u00ff\u0100-\u024f]))"
_TOKEN = re.compile(rf"{LETTER}+(?:[-'’]{LETTER}+)*", re.UNICODE)
#: The marks an encoding prints for a letter it lost (`LETTER`).
LOST_LETTERS = "?\ufffd"
#: Letters a word with lost ones must keep to be matched to a name by them (`lost_letters_fit`).
KEPT_LETTERS = 4


def has_lost_letters(word: str) -> bool:
    """Whether a word carries a mark an encoding printed for a letter it lost (`LOST_LETTERS`).

    >>> has_lost_letters("szcz?sny"), has_lost_letters("szczesny")
    (True, False)
    """
    return any(ch in LOST_LETTERS for ch in word)


def lost_letters_fit(word: str, name: str) -> bool:
    """Whether a folded word is the folded `name` with letters an encoding lost (`LETTER`): as long, each
    lost mark standing for one letter, every other letter the name's, KEPT_LETTERS or more of them.

    Why: a page decoded in the wrong code page prints "?" for each letter it cannot show ("Szcz?sny",
    "?wi?tek" for Świątek); the letters kept are the name's, too few changed for a typo rule to see it.

    >>> [lost_letters_fit(word, name) for word, name in (("?wi?tek", "swiatek"), ("szcz?sny", "szczesny"),
    ...                                                    ("?wi?tak", "swiatek"))]
    [True, True, False]
    """
    lost = sum(ch in LOST_LETTERS for ch in word)
    return (lost > 0 and len(word) == len(name) and len(word) - lost >= KEPT_LETTERS
            and all(a == b or a in LOST_LETTERS for a, b in zip(word, name)))


_LEET_DIGIT = re.compile(r"(?<=[^\W\d_])\d|\d(?=[^\W\d_])", re.UNICODE)
_APOSTROPHES = str.maketrans({"'": None, "’": None})


@dataclass(frozen=True)
class ParsedName:
    """A name split into parts. Keys are folded: lower case, no accents, hyphens kept as spaces."""

    surface: str
    title: str | None  # folded title words, e.g. "sheriff"
    given: tuple[str, ...]  # folded given and middle names
    surname: str  # folded surname; "lloyd webber" for "Lloyd-Webber"
    display: str  # the name as written, without title or possessive
    marked: bool = False  # the surname was marked by "SURNAME, Given" or by capitals
    generation: str = field(default="", repr=False)  # folded "jr", "sr", "iii" of a full name: father or son

    @property
    def full(self) -> bool:
        """True when the name has a given name and a surname: the strongest evidence of a person."""
        return bool(self.given)

    @property
    def key(self) -> str:
        return " ".join((*self.given, self.surname))

    @property
    def surname_key(self) -> str:
        """The surname without spaces, so "Lloyd Webber" and "Lloyd-Webber" compare equal."""
        return self.surname.replace(" ", "")

    @property
    def surname_display(self) -> str:
        """The surname as written: the display's words after the given names ("da Silva", "Lloyd-Webber")."""
        return " ".join(self.display.split()[len(self.given):])

    @cached_property
    def surname_tokens(self) -> tuple[str, ...]:
        return tuple(t for t in self.surname.translate(_APOSTROPHES).split() if t)

    @cached_property
    def surname_core(self) -> str:
        """The surname without particles or spaces: "ibn Laden" and "bin Laden" are both "laden"."""
        core = [t for t in self.surname_tokens if t not in PARTICLES]
        return "".join(core or self.surname_tokens)

    @cached_property
    def given_tokens(self) -> tuple[str, ...]:
        """Given names word by word, without apostrophes, and without particles after the first word
        ("Isa Bin Tarif" -> isa, tarif; "Ben Hadari" keeps "ben")."""
        words = [t for part in self.given for t in part.translate(_APOSTROPHES).split() if t]
        return tuple(w for i, w in enumerate(words) if i == 0 or w not in PARTICLES)

    @property
    def initials_only(self) -> bool:
        """Every given name is an initial ("J. Smith", "J.-C. Juncker")."""
        return bool(self.given) and all(len(t) == 1 for t in self.given_tokens)

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        """Every word of the name in reading order, particles included."""
        return tuple(t for part in (*self.given, self.surname) for t in part.translate(_APOSTROPHES).split() if t)

    @cached_property
    def compact(self) -> str:
        """All letters of the name in reading order: "RamiMakhlouf", "Rami Makhlouf" and
        "rami-makhlouf" are one name written with different spacing."""
        return "".join(self.tokens)


_SLUG_SEPARATORS = re.compile(r"[-_+/]")


def slug_words(url: str) -> str:
    """A URL with its word separators as spaces, every offset kept: a slug writes a name of three words
    as "ana-lindahl-berg", and read as one hyphenated word its surname would be cut off alone ("berg",
    a last family name alone) and its given names lost. Spaced, the second pass finds the name whole.

    >>> slug_words("https://example.org/news/return-of-ana-lindahl-berg")
    'https:  example.org news return of ana lindahl berg'
    """
    return _SLUG_SEPARATORS.sub(" ", url)


@lru_cache(maxsize=50_000)
def fold(text: str) -> str:
    """Lower case without accents: "Zoë" -> "zoe", "Søren" -> "soren"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().translate(EXTRA_FOLDS)


def inflected(word: str, base: str, language: str | None) -> bool:
    """Whether a word of a name is another (`base`) with a case ending of a page's language
    (`CASE_ENDINGS`), on the name whole or on it without its last vowel, which the ending replaces
    ("Trzaskowskį" for Trzaskowski, "Yamagamich" for Yamagami). Letters are folded, so the ending's
    marks and the name's (ł written l) are no difference of their own.

    >>> inflected("Yamagamich", "Yamagami", "pl"), inflected("Trzaskowskį", "Trzaskowski", "lt"), inflected("Rafalą", "Rafał", "lt")
    (True, True, True)
    >>> inflected("Novaks", "Novak", "de"), inflected("Novaks", "Novak", "es"), inflected("Novacs", "Novak", "de")
    (True, False, False)
    >>> inflected("Ruizová", "Ruiz", "cs"), inflected("Ruizovou", "Ruiz", "cs"), inflected("Ruizová", "Ruiz", "en")
    (True, True, False)
    >>> inflected("Ruizovú", "Ruiz", "sk"), inflected("Ruizovej", "Ruiz", "sk"), inflected("Novákovej", "Nováková", "sk")
    (True, True, True)
    >>> [inflected(*pair, "is") for pair in (("Ólafsdóttur", "Ólafsdóttir"), ("Jónssyni", "Jónsson"))]
    [True, True]
    >>> inflected("Ólafsdóttur", "Ólafsdóttir", "de")
    False
    """
    return fold(base) in declined_bases(fold(word), case_endings(language))


def transcribed(word: str, base: str, language: str | None) -> bool:
    """Whether a word of a name is another (`base`) written as a page's language hears it
    (`AS_HEARD_LETTERS`): read back in English spelling, it keeps the base's consonants in order
    (`phonetic.consonant_frame`, which sets aside how a sound is spelt: "c" or "k", "sh" or "s") and
    most of its letters (`phonetic.HEARD_RATIO`): "Mekintoš" and "Samer" for McIntosh and Summer on a
    Serbian page. A language that keeps a foreign name's spelling transcribes nothing.

    >>> [transcribed(*pair, "sr") for pair in (("Mekintoš", "McIntosh"), ("Samer", "Summer"), ("Samer", "Sumner"))]
    [True, True, False]
    >>> transcribed("Sebastijan", "Sébastien", "sr"), transcribed("Gar", "Gahr", "sr")
    (True, True)
    >>> transcribed("Mekintoš", "McIntosh", "hr")
    False
    """
    letters = as_heard_letters(language)
    if not letters:
        return False
    spoken = word.lower()
    for letter, sound in letters:
        spoken = spoken.replace(letter, sound)
    spoken, target = fold(spoken), fold(base)
    return (spoken != target and consonant_frame(spoken) == consonant_frame(target)
            and fuzz.ratio(spoken, target) >= HEARD_RATIO)


def declined_bases(folded: str, endings: Iterable[str]) -> set[str]:
    """The folded names a folded word may be with one of these case endings (`inflected`): the word
    without the ending, and that with a final vowel the ending replaced.

    >>> sorted(declined_bases("novakovej", ("ej",)))[:3], declined_bases("novak", ("ej",))
    (['novakov', 'novakova', 'novakove'], set())
    """
    bases: set[str] = set()
    for ending in endings:
        ending, _, replaced = ending.partition("=")  # "ur=ir": "ur" in place of the name's "ir"
        if folded.endswith(ending):
            stem = folded[:-len(ending)]
            bases |= {stem} | {stem + vowel for vowel in "aeiouy"} | ({stem + replaced} if replaced else set())
    return bases


def spelt(word: str) -> str:
    """A word as spelt, diacritics and all, case aside: how two writings of it are compared letter for
    letter (`fold` is the key that ignores the diacritics).

    >>> spelt("PÉLARD") == spelt("pe\u0301lard"), spelt("Pélard") == spelt("Pelard")
    (True, False)
    """
    return unicodedata.normalize("NFC", word).casefold()


def marks_added(written: str, canonical: str) -> bool:
    """Whether `written` puts a diacritic on a letter where `canonical` has none or another one, in a
    word both spell alike once folded: a hypercorrection ("Pélard" for "Pelard", "Odéle" for
    "Odèle"). Dropping one ("Zoe" for "Zoë") is the usual simplification, not this; nor is a
    diaeresis on a vowel after a vowel (`_hiatus`); nor a letter no main language of news coverage
    writes as its own (`own_marks`: "ø", "ć", "ł"): a writer adding marks for effect uses the accents
    of the languages they know, and one writing such a letter reproduces the name's own spelling,
    which ASCII newsrooms simplify ("Løkke", "Djoković"). Unless the canonical has another marked letter
    there: a writer of that alphabet picked the wrong one of its letters ("Barćić" for "Barčić": two
    letters in Serbo-Croatian), a misspelling like any other. A cedilla for a comma below is no other
    letter ("ş" for "ș": Romanian typed with the fonts that lacked the comma).

    >>> marks_added("Ana Pélard", "Ana Pelard"), marks_added("Zoe Ruiz", "Zoë Ruiz"), marks_added("Zoé", "Zoë")
    (True, False, True)
    >>> marks_added("Andreï Volkov", "Andrei Volkov"), marks_added("Anna Müller", "Anna Muller")
    (False, True)
    >>> marks_added("Lars Løkke", "Lars Lokke"), marks_added("Djoković", "Djokovic")
    (False, False)
    >>> marks_added("Barćić", "Barčić"), marks_added("Ştefan", "Ștefan"), marks_added("BAR𝐂IĆ", "Barčić")
    (True, False, False)
    """
    words = {fold(word): spelt(word) for word in canonical.split()}
    for word in written.split():
        right = words.get(fold(word))
        mine = spelt(word)
        if right is not None and len(mine) == len(right) and any(
                a != b and not a.isascii() and fold(a) == fold(b) and not _hiatus(mine, at, b)
                and (not own_marks(a) or (not b.isascii() and _one_mark(a) not in (a, _one_mark(b))))
                for at, (a, b) in enumerate(zip(mine, right))):
            return True
    return False


#: Marks that are one letter's two typefaces: a cedilla for a comma below (Romanian "ş" for "ș", "ţ" for "ț").
_SAME_MARK = str.maketrans({"\u0327": "\u0326"})


def _one_mark(letter: str) -> str:
    """A letter decomposed, a cedilla written as the comma below it stands for: the letter itself when it
    has no mark to decompose (a styled "𝐂" is a C in a typeface, no other letter of an alphabet)."""
    return unicodedata.normalize("NFD", letter).translate(_SAME_MARK)


#: The vowels a diaeresis sets apart from the vowel before them.
_VOWELS = frozenset("aeiouy")


def _hiatus(word: str, at: int, plain: str) -> bool:
    """Whether the letter at `at` of `word` (NFC) is a plain vowel `plain` given a diaeresis after
    another vowel: the mark of a hiatus, which says the two vowels are said apart. It is a
    convention of the writer's language, French, Dutch or English typography ("Andreï" in a French
    transliteration of the Russian Андрей, "Michaël", "Zoë"), not a letter of the name misspelt; an
    acute or an umlaut after a consonant ("Pélard", "Müller" for a Muller) is another letter.

    >>> _hiatus("andreï", 5, "i"), _hiatus("müller", 1, "u"), _hiatus("andreí", 5, "i")
    (True, False, False)
    """
    return (plain in _VOWELS and at > 0 and fold(word[at - 1]) in _VOWELS
            and unicodedata.normalize("NFD", word[at])[1:] == "\u0308")


def strip_possessive(surface: str) -> str:
    """ "Cathcart’s" -> "Cathcart"; spaCy often keeps the possessive inside a PERSON span.

    >>> [strip_possessive(s) for s in ("Cathcart’s", "CATHCART'S", "Plummer'ın", "O'Neil", "Cathcart'", "Sa'da", "Ch'un")]
    ['Cathcart', 'CATHCART', 'Plummer', "O'Neil", 'Cathcart', "Sa'da", "Ch'un"]
    >>> [strip_possessive(s) for s in ("Pete Lagseth'i", "Barlow'a", "Hawai'i", "Ala'a", "Mu'in", "Ch'in", "Raw'a", "Biden'in")]
    ['Pete Lagseth', 'Barlow', "Hawai'i", "Ala'a", "Mu'in", "Ch'in", "Raw'a", 'Biden']
    """
    # "Meghan Markle '" (a span ending at an opening quote) must not keep the space before it.
    surface = _POSSESSIVE.sub("", surface.rstrip()).rstrip()
    ending = _SHORT_CASE_ENDING.search(surface)
    if ending is not None and _VOWEL.search(surface[:ending.start()].rsplit(" ", 1)[-1]):
        surface = surface[:ending.start()]
    return surface


def one_script(word: str) -> str:
    """The letters a word opens with, up to the first letter of another script.

    Why: a page decoded in the wrong code page glues another script's letters to a name (the UTF-8
    apostrophe of "Bilsky’s" read as Thai: "Bilskyโ€™s"); the name is what comes before them, and
    no name mixes two scripts in one word.

    >>> one_script("Bilskyโ€™s"), one_script("Zoë"), one_script("Özdemir"), one_script("Ли")
    ('Bilsky', 'Zoë', 'Özdemir', 'Ли')
    """
    if word.isascii():
        return word
    first = None
    for index, ch in enumerate(word):
        if not ch.isalpha():
            continue
        script = _script(ch)
        if first is None:
            first = script
        elif script != first:
            return word[:index]
    return word


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    """A letter's script: the first word of its Unicode name ("LATIN", "THAI"), "" when it has none."""
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def script_of(text: str) -> str:
    """The script most letters of `text` are in: "latin", another Unicode script word ("cyrillic",
    "arabic", "cjk"), or "none" when there are no letters."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        script = _script(ch).lower() or "unknown"
        counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "none"
    return max(sorted(counts), key=counts.get)


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _strip_titles(tokens: list[str], keep_one: bool = True) -> tuple[list[str], list[str]]:
    titles = []
    while tokens and (len(tokens) > 1 or not keep_one) and is_title(
            fold(tokens[0]).rstrip("."), fold(tokens[1]).rstrip(".") if len(tokens) > 1 else None):
        titles.append(fold(tokens.pop(0)))
    return tokens, titles


#: Suffixes that tell a father from a son, kept in a name's display.
GENERATIONS = frozenset("jr sr ii iii iv".split())


def _strip_suffixes(tokens: list[str]) -> list[str]:
    while len(tokens) > 1 and fold(tokens[-1]) in SUFFIXES:
        tokens = tokens[:-1]
    return tokens


def _split_initials(tokens: list[str]) -> list[str]:
    """ "JC Juncker" -> J, C, Juncker: two capitals before a written-out name are initials, unless
    capitals mark the surname ("AL BEN ALI, Isa") or the word is a particle."""
    if any(len(t) >= 3 and t.isupper() for t in tokens) or not any(not t.isupper() for t in tokens):
        return tokens
    out = []
    for i, token in enumerate(tokens):
        if i < len(tokens) - 1 and len(token) == 2 and token.isupper() and token.isalpha() and fold(token) not in PARTICLES:
            out += list(token)
        else:
            out.append(token)
    return out


#: A one-word nickname in quotes inside a name ("Kadeem “Kade” Desai", "Robert 'Bob' Roe").
_NICKNAME = re.compile(r"(?<!\S)[\"“”‘'’]([^\W\d_]+(?:[-.][^\W\d_]+)*)[\"“”‘'’](?!\S)")
#: An epithet in quotes inside a name, of two words or more ("El Toro", "The Hammer"), or opened and cut off
#: by the span's end: an alias beside the name, no word of it (a one-word nickname is `_NICKNAME`).
_EPITHET = re.compile(r"(?<=\S)\s+[\"“‘'](?:[^\"“”‘’']*\s[^\"“”‘’']*[\"”’'](?=\s+\S)|[^\"“”‘’']*$)")


#: A hyphen after a letter with spaces, not a line break, before the next letter: a broken double name.
_BROKEN_HYPHEN = re.compile(rf"(?<={LETTER})-[^\S\n]+(?={LETTER})", re.UNICODE)


@lru_cache(maxsize=20_000)
def parse_name(surface: str) -> ParsedName | None:
    """Split a surface into title, given names and surname; None when no name is left. A nickname in
    quotes between the given names and the surname is the name in use, which the person's other
    writings carry ("Kade Desai"): the formal given names before it are left out of the parse (the
    surface keeps them), as a title is.

    >>> parse_name("Sheriff Dale Cathcart’s")
    ParsedName(surface='Sheriff Dale Cathcart’s', title='sheriff', given=('dale',), surname='cathcart', display='Dale Cathcart', marked=False)
    >>> parse_name("QADHAFI, Muammar").key
    'muammar qadhafi'
    >>> [parse_name(s).display for s in ("Director Kadeem “Kade” Desai", "Robert 'Bob' Roe", "Robert Bob Roe", "“Kade” Desai")]
    ['Kade Desai', 'Bob Roe', 'Robert Bob Roe', 'Kade Desai']
    >>> (lambda n: (n.title, n.display))(parse_name("Anke Cardinal Tolzmann"))
    ('cardinal', 'Anke Tolzmann')

    An epithet of several words in quotes is an alias, no part of the name, also where the span stops
    inside it ("Rafael “El Toro", NER's cut):

    >>> [parse_name(s).display for s in ("Rafael “El Toro” Quintero", "Rafael 'El Toro' Quintero", "Rafael “El Toro")]
    ['Rafael Quintero', 'Rafael Quintero', 'Rafael']

    A hyphen left hanging before a space joins the two words still: a line broken at a double surname's
    hyphen and joined again with a space ("Ana Lindahl- Berg"). The writer wrote the hyphen; read as a
    space, the name would vouch for the unhyphenated spelling careful outlets never write.

    >>> parse_name("Ana Lindahl- Berg").display
    'Ana Lindahl-Berg'
    """
    text = _LEET_DIGIT.sub(lambda m: m.group().translate(LEET), strip_possessive(surface))
    text = _BROKEN_HYPHEN.sub("-", _EPITHET.sub("", text))
    parts = [p for p in text.split(",") if _words(p)]
    parts = [p for i, p in enumerate(parts) if i == 0 or not all(fold(w) in SUFFIXES for w in _words(p))]
    titles: list[str] = []
    marked = False
    generation: list[str] = []
    if len(parts) == 2:
        surname_words, title_words = _strip_titles(_words(parts[0]))
        given_words, more_titles = _strip_titles(_words(parts[1]), keep_one=False)
        titles = title_words + more_titles
        given_words = _strip_suffixes(given_words) if given_words else given_words
        marked = bool(given_words)
        tokens = given_words + surname_words
        split = len(given_words)
    else:
        tokens, titles = _strip_titles(_words(" ".join(parts)))
        titles += [fold(t) for t in tokens[1:-1] if fold(t) in TITLES_INSIDE]
        tokens = tokens[:1] + [t for t in tokens[1:-1] if fold(t) not in TITLES_INSIDE] + tokens[-1:] if len(tokens) > 2 else tokens
        whole = tokens
        tokens = _strip_suffixes(tokens)
        split = None
        nickname = _NICKNAME.search(text)
        if nickname is not None and nickname.group(1) in tokens[1:-1]:
            tokens = tokens[tokens.index(nickname.group(1), 1):]  # the name in use: the formal given names dropped
        # A generation ("Jr", "III") is part of the name as shown, though not of its letters for
        # comparison: "Robert F. Kennedy Jr." is the son, and a report must not name the father.
        generation = [w for w in whole[len(tokens):] if fold(w) in GENERATIONS]
    if not tokens:
        return None
    mixed = any(t.isupper() for t in tokens) and any(not t.isupper() for t in tokens)
    written = tokens  # shown as written: "JD Hollis" is compared as J, D but displayed as its writer wrote it
    tokens = _split_initials(tokens)
    if split is None:
        tokens, split, marked = _surname_start(tokens, mixed)
    folded = [fold(token).replace("’", "'") for token in tokens]
    generation = generation if split and not marked else []  # a full name's, read in natural order
    return ParsedName(surface=surface, title=" ".join(titles) or None,
                      given=tuple(part.replace("-", " ") for part in folded[:split]),
                      surname=" ".join(folded[split:]).replace("-", " "),
                      display=" ".join((tokens if len(written) == len(tokens) or not split else written) + generation),
                      marked=marked,
                      generation=fold(generation[-1]) if generation else "")


def _surname_start(tokens: list[str], mixed: bool) -> tuple[list[str], int, bool]:
    """(tokens in natural order, where the surname starts, whether capitals marked it)."""
    if mixed and len(tokens) > 1:
        caps = [len(t) >= 3 and t.isupper() for t in tokens]
        if caps[-1] and not caps[0]:
            start = len(tokens) - 1
            while start > 0 and caps[start - 1]:
                start -= 1
            return tokens, start, True
        if caps[0] and not any(caps[1:]):
            # One capitalised word first ("RAZAFIMAHATRATRA Jean Daniel", "KIM Jong Un") is the surname:
            # read it as "Jean Daniel RAZAFIMAHATRATRA".
            return tokens[1:] + tokens[:1], len(tokens) - 1, True
    start = len(tokens) - 1
    while start > 1 and fold(tokens[start - 1]) in PARTICLES:
        start -= 1
    if start == 1 and fold(tokens[0]) in PARTICLES and (tokens[0][:1].islower() or len(tokens) > 2):
        # Particles all the way ("von der Malen", "Van der Bellen", "de Gaulle"): a surname alone. One
        # capitalised particle before one word may be a given name ("Van Jones") and stays one.
        start = 0
    return tokens, start, False


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two given-name sequences may be the same person: equal first names or an initial."""
    if not a or not b:
        return True
    first_a, first_b = a[0], b[0]
    if first_a == first_b:
        return True
    return (len(first_a) == 1 and first_b.startswith(first_a)) or (len(first_b) == 1 and first_a.startswith(first_b))


def surname_parts(name: ParsedName) -> set[str]:
    """The parts of a two-part surname that may stand alone: "Lindahl-Berg" is also written "Berg" or
    "Lindahl", "van der Meer" "Meer". A particle, a word under 4 letters and a listed given name
    ("Rose" in "Ana Rose-Ruiz") are not searched alone.

    >>> sorted(surname_parts(parse_name("Ana Lindahl-Berg"))), surname_parts(parse_name("Ana Rose-Ruiz"))
    (['berg', 'lindahl'], {'ruiz'})
    >>> surname_parts(parse_name("Pieter van der Meer"))
    {'meer'}
    """
    if len(name.surname_tokens) < 2:
        return set()
    return {t for t in name.surname_tokens if len(t) >= 4 and t not in PARTICLES and t not in given_names()}
