"""Name structure: a surface as written -> title, given names and surname, normalised for comparison.

"Sheriff Dale Cathcart’s" and "dale cathcart" are one name with different decoration; comparing names
means peeling that decoration off first (title, possessive, punctuation, case, accents) while keeping
the display form for reports.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Titles and honorifics that precede a name. Lower case, without the trailing dot.
TITLES = frozenset("""
    sheriff undersheriff deputy mayor dr doctor sen senator rep representative gov governor lt sgt
    capt captain chief officer detective det judge justice president vice prime minister secretary
    commissioner councilwoman councilman councillor councilor alderman alderwoman mr mrs ms miss mx prof
    professor rev reverend fr father sister brother sir dame lord lady gen general col colonel maj major
    adm admiral attorney trooper inspector superintendent supt director engineer coach principal
    chancellor speaker state county city assemblyman assemblywoman congressman congresswoman
""".split())
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True)
class ParsedName:
    """A name split into parts. Keys are folded: lower case, no accents, hyphens kept as spaces."""

    surface: str
    title: str | None  # folded title words, e.g. "sheriff"
    given: tuple[str, ...]  # folded given and middle names
    surname: str  # folded surname; "lloyd webber" for "Lloyd-Webber"
    display: str  # the name as written, without title or possessive

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


def fold(text: str) -> str:
    """Lower case without accents: "Zoë" -> "zoe"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def strip_possessive(surface: str) -> str:
    """ "Cathcart’s" -> "Cathcart"; spaCy often keeps the possessive inside a PERSON span."""
    return _POSSESSIVE.sub("", surface.rstrip())


def parse_name(surface: str) -> ParsedName | None:
    """Split a surface into title, given names and surname; None when no name is left.

    >>> parse_name("Sheriff Dale Cathcart’s")
    ParsedName(surface='Sheriff Dale Cathcart’s', title='sheriff', given=('dale',), surname='cathcart', display='Dale Cathcart')
    """
    tokens = _TOKEN.findall(strip_possessive(surface))
    titles = []
    while tokens and fold(tokens[0]).rstrip(".") in TITLES and len(tokens) > 1:
        titles.append(fold(tokens.pop(0)))
    if not tokens:
        return None
    if len(tokens) > 1 and fold(tokens[-1]) in {"jr", "sr", "ii", "iii", "iv"}:
        tokens = tokens[:-1]
    folded = [fold(token).replace("’", "'") for token in tokens]
    surname = folded[-1].replace("-", " ")
    given = tuple(part.replace("-", " ") for part in folded[:-1])
    return ParsedName(
        surface=surface,
        title=" ".join(titles) or None,
        given=given,
        surname=surname,
        display=" ".join(tokens),
    )


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two given-name sequences may be the same person: equal first names or an initial."""
    if not a or not b:
        return True
    first_a, first_b = a[0], b[0]
    if first_a == first_b:
        return True
    return (len(first_a) == 1 and first_b.startswith(first_a)) or (len(first_b) == 1 and first_a.startswith(first_b))
