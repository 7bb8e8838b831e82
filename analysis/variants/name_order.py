"""Name order: whether a story writes a person's name family name first ("Goon Min Seo", "Ryu
Ha-rin", "Xi Jinping"), and the errors only such a name can have.

Why its own module: the rest of the variants stage reads a name's last word as its surname, as English
writes names; Korean, Chinese, Vietnamese and Hungarian names put the family name first, and English
coverage keeps that order. The story's own usage tells which order a name is in (`family_name_first`);
the stage then judges the forms that only a family-first name can get wrong (`family_first_slip`).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from analysis.name_rules import explain_spelling
from analysis.names import ParsedName
from analysis.records import Form
from analysis.variants.compare import surnames_fit

#: Titles that go with a given name ("Sir Ewen", "King Charles", "Pope Francis"): no evidence of which
#: word is the family name.
GIVEN_NAME_TITLES = frozenset("sir dame lord lady king queen prince princess pope saint st sister brother father".split())
#: Lone uses of a name's first word that say it is written family name first: at least this many, under
#: a title at least FAMILY_FIRST_TITLED times.
FAMILY_FIRST_USES = 3
FAMILY_FIRST_TITLED = 1
#: The longest family name usage alone says is written first: the family names English coverage writes
#: first (Chinese, Korean, Vietnamese, Cambodian) are one syllable ("Nguyen", "Zhuang", "Hwang").
FAMILY_NAME_MAX_LETTERS = 6
#: A syllable's vowels, as romanisations of those languages write them ("uye" in "Nguyen", "yu" in "Ryu").
_VOWELS = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class WordsAlone:
    """How a story writes words alone and ends full names with them, counted once per story.

    `titled`: folded word -> uses alone under a title that goes with a family name ("President Goon",
    "Mr. Lee"; not "Sir Ewen"); `alone`: uses alone at all (capitalised: a slug's "goon-min-seo" says
    nothing); `last_words`: the last word of full names -> their given words -> uses.
    """

    titled: Counter = field(default_factory=Counter)
    alone: Counter = field(default_factory=Counter)
    last_words: dict = field(default_factory=dict)

    @classmethod
    def of(cls, names, forms: list[Form]) -> WordsAlone:
        """From every parsed mention of the story (None for an unparsed one) and its forms."""
        titled: Counter = Counter()
        alone: Counter = Counter()
        for name in names:
            if name is None or name.full or not name.display[:1].isupper():
                continue
            alone[name.surname_key] += 1
            if name.title and not set(name.title.split()) & GIVEN_NAME_TITLES:
                titled[name.surname_key] += 1
        last_words: dict[str, Counter] = defaultdict(Counter)
        for form in forms:
            if form.name.full:
                last_words[form.name.surname_key][form.name.given_tokens] += form.count
        return cls(titled, alone, dict(last_words))


def family_name_first(canonical: ParsedName, full_uses: int, words: WordsAlone) -> bool:
    """Whether a person's name is written family name first ("Goon Min Seo", "Ryu Ha-rin", "Xi
    Jinping"): the story writes its first word alone, under titles ("President Goon") and bare, far
    more than its last word, and no full name of another person ending in that word is used as often
    as the person's own (`full_uses`); the same name in Western order, "Ha-rin Ryu", is no other
    person. Nor when other people's full names end in its last word, FAMILY_FIRST_USES times or more:
    a last word several people's names end in is their family's name ("Anong Rattanakul" beside
    "Somchai Rattanakul"), however often coverage calls one of them by the given name alone, titled
    or not, as Thai coverage does ("Ms Anong"). Nor when its first word is longer than a family name
    written first ever is (`FAMILY_NAME_MAX_LETTERS`), or of more than one syllable (`one_syllable`):
    "Mr Chalermchai" or "Dr Abebe", titled and alone as often as coverage likes, is a given name the
    coverage calls him by (a Thai given name, an Ethiopian one before his father's and grandfather's
    names), and his last word alone no error.

    Why: in such a name the last word is no surname: a page calling him "Seo" or "Mr. Ha-rin" uses
    a given name as his family name, an error the surname rules would call right. Titles decide it:
    English puts "President" and "Mr." before a family name, never a given name (bar the titles of
    `GIVEN_NAME_TITLES`), so a Western name's first word is rarely titled alone,
    and when it is, it is a more prominent person's surname ("Harris Dickinson" beside a Vice President
    Harris); a minor person's given name ("Li Xi") does not make "Xi" no family name.
    Counted over the story, not the person's cluster: a family name is shared ("Lee", "Hu"), and two
    letters are too few for a lone given name to be searched ("Xi"). A given name of syllables joined
    by a hyphen ("Ha-rin") says so without titles (`syllables_joined`).
    """
    if not canonical.full or canonical.marked or not canonical.given_tokens:
        return False
    first, last = canonical.given_tokens[0], canonical.surname_key
    own = set(canonical.tokens)
    others = sum(n for given, n in words.last_words.get(first, Counter()).items() if not set(given) <= own)
    if others >= full_uses:
        return False
    if syllables_joined(canonical):
        return True
    shared = sum(n for given, n in words.last_words.get(last, Counter()).items() if not set(given) <= own)
    if shared >= FAMILY_FIRST_USES or len(first) > FAMILY_NAME_MAX_LETTERS or not one_syllable(first):
        return False
    alone, titled = words.alone, words.titled
    return (alone[first] >= FAMILY_FIRST_USES and alone[first] > 2 * alone[last]
            and titled[first] >= FAMILY_FIRST_TITLED and titled[first] >= titled[last])


def one_syllable(word: str) -> bool:
    """Whether a folded word is one syllable: one run of vowels (`_VOWELS`), as every family name English
    coverage writes before the given name is ("Xi", "Hwang", "Nguyen", "Choi"). A Western or African
    first word of two syllables, however short ("Abebe", "Tomas"), is a given name the coverage calls
    its bearer by, not a family name.

    >>> [one_syllable(word) for word in ("xi", "hwang", "nguyen", "choi", "ryu", "abebe", "tomas")]
    [True, True, True, True, True, False, False]
    """
    return len(_VOWELS.findall(word)) == 1


#: A short first word, then a given name of two syllables joined by a hyphen, the second in small
#: letters ("Choi Tae-sung", "Chiang Kai-shek"): how Korean names and older Chinese romanisations write
#: a given name, and no Western name.
_SYLLABLES_JOINED = re.compile(r"[A-Z][a-z]{1,5} [A-Z][a-z]+-[a-z]+")


def syllables_joined(canonical: ParsedName) -> bool:
    """Whether a name is written as a family name of one short word and a given name of syllables joined
    by a hyphen, the second small (`_SYLLABLES_JOINED`).

    Why: that writing is itself the evidence of the order, where titles may be missing ("Choi", shared
    by two people of one story and never titled alone): a Western given name joined by a hyphen comes
    first and keeps its capitals ("Jean-Pierre Moreau"), a Western surname joined so keeps them too
    ("Ada Tarr-Gould").

    >>> from analysis.names import parse_name
    >>> [syllables_joined(parse_name(name)) for name in ("Min Sang-woo", "Jean-Pierre Moreau", "Ada Tarr-Gould", "Min Sang Woo")]
    [True, False, False, False]
    """
    return bool(_SYLLABLES_JOINED.fullmatch(canonical.display))


def family_first_slip(name: ParsedName, canonical: ParsedName) -> tuple[str, str] | None:
    """The error a form of a family-name-first name makes, if any: its given name (last word) alone
    as if it were the family name ("Seo", "Mr. Ha-rin"), or its family name with part of its given
    name left out ("Goon Seo" for "Goon Min Seo": the given name is "Min Seo", no middle name).
    A lower-case last word alone is a piece of a slug or a hyphenated name ("goon-min-seo",
    "Min-seo"), not a use of it as a family name."""
    if not name.full and name.surname_key == canonical.surname_key and name.display[:1].isupper():
        return "error", "given name written alone as a family name (the name is written family name first)"
    if (name.full and name.given_tokens[:1] == canonical.given_tokens[:1] and name.surname_key == canonical.surname_key
            and len(name.tokens) < len(canonical.tokens)):
        return "error", "part of the given name left out (the name is written family name first)"
    return None


def spells_family_name(word: str, family: str, score_cutoff: float) -> bool:
    """Whether a folded word written alone may be a family name written family name first: the name
    itself, a spelling a documented rule explains (a romanisation's "u" for "oo"), or, in a name of five
    letters or more, a near one (`surnames_fit`). Most such family names are short, and a letter
    changed in a short one makes another family's name ("Moon", "Goon").

    >>> spells_family_name("gun", "goon", 80), spells_family_name("moon", "goon", 80), spells_family_name("parke", "park", 80)
    (True, False, False)
    """
    if word == family or explain_spelling(word, family) is not None:
        return True
    return min(len(word), len(family)) >= FUZZY_FAMILY_NAME and surnames_fit(word, family, score_cutoff)


#: The shortest family name written alone that `spells_family_name` matches by similarity, not rule.
FUZZY_FAMILY_NAME = 5
