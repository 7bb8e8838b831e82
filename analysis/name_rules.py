"""Rules about names that are data, not logic: titles, particles, nicknames, romanisation alternations.

Each rule has a name that a report can print, so that "accepted" always comes with a *why*:
"Zaretnyy" is accepted because -yy and -y are both romanisations of the Russian ending -ый, not
because it is frequent; "Koppinger" is not explained by any rule here (a C written as K is not a
documented alternation of English names), so in a rare form it is an error.

The alternation table is deliberately narrow. Every pair added here turns a class of misspellings
into accepted variants everywhere (the table cannot know which language a name comes from), so a
pair is only listed when a romanisation system or a spelling convention produces it:

- Cyrillic: BGN/PCGN, ISO 9, ICAO 9303 passports, and German/French/Polish transcription
  (Sergey/Sergei/Sergej, Zaretny/Zaretnyy, Yuliya/Yulia, Khodorkovsky/Chodorkowski, Lavrov/Lavrow);
- Arabic: the common English/French systems (Qaddafi/Gaddafi/Qadhafi, Mohammed/Muhammad,
  Nooristani/Nuristani, Hameed/Hamid, Abdullah/Abdulla);
- German umlauts written out (Müller/Mueller) and a few Latin-script conventions (ph/f, ck/k).

Doubled letters are not in the table: a doubled or dropped letter is the commonest typo, and the
issue names it as an error type. Neither is C/K: Cathcart/Kathcart and Coppinger/Koppinger are the
planted and the real errors this tool exists to catch.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

#: Offices written before a name in German, French, Spanish, Italian and Portuguese coverage, folded, and
#: the English office each is ("Bundeskanzler Friedhelm ..." is a chancellor, not a given name "Bundeskanzler"):
#: translated and foreign pages keep their own language's titles. A word that is also a surname
#: ("Richter") is left out.
FOREIGN_OFFICES = {
    **dict.fromkeys("bundeskanzler bundeskanzlerin kanzler kanzlerin chancelier chanceliere canciller cancelliere".split(),
                    "chancellor"),
    # A head of government is one office however a language names it: "Premier", "Ministerpräsident" and
    # "PM" before one name are the prime minister's titles, never two offices that keep two forms apart.
    **dict.fromkeys("premierminister premierministerin ministerprasident ministerprasidentin premier".split(),
                    "prime minister"),
    **dict.fromkeys("bundesprasident bundesprasidentin prasidentin presidente presidenta".split(), "president"),
    **dict.fromkeys("ministerin ministre ministro ministra".split(), "minister"),
    **dict.fromkeys("aussenminister aussenministerin".split(), "foreign minister"),
    **dict.fromkeys("burgermeister burgermeisterin maire alcalde alcaldesa sindaco".split(), "mayor"),
    **dict.fromkeys("gouverneurin gouverneur gobernador gobernadora governatore".split(), "governor"),
    **dict.fromkeys("senatorin senateur senatrice senador senadora senatore".split(), "senator"),
    **dict.fromkeys("depute deputee diputado diputada deputato deputata".split(), "representative"),
    **dict.fromkeys("richterin juge jueza giudice".split(), "judge"),
    **dict.fromkeys("kardinal cardinale cardenal cardeal".split(), "cardinal"),
    **dict.fromkeys("erzbischof archeveque arzobispo arcivescovo arcebispo".split(), "archbishop"),
    "primer": "prime",
}

#: Words that make a capitalised phrase a league, a cup or a championship in German, French, Spanish,
#: Italian and Portuguese coverage, first or last in it ("Primeira Liga", "Copa del Rey", "Coupe de
#: France"), folded: the English model tags such a phrase a person where English writes "League" or
#: "Cup" (`entities.NON_PERSON_HEADS`), and no person is called by one of them.
COMPETITION_WORDS = frozenset("liga ligue lega copa coppa coupe taca pokal torneo trofeo campeonato championnat "
                              "campionato".split())

#: Titles and honorifics that precede a name. Folded (lower case, no accents), without the dot. The
#: family words are written the same way in apposition ("her fiancé Clarke Hale"): a relation, no name.
TITLES = frozenset("""
    sheriff undersheriff deputy mayor dr doctor sen senator rep representative gov governor lt sgt
    capt captain chief officer detective det judge justice president vice prime minister secretary
    commissioner councilwoman councilman councillor councilor alderman alderwoman mr mrs ms miss mx prof
    professor rev reverend fr father sister brother sir dame lord lady gen general col colonel maj major
    adm admiral attorney atty trooper inspector insp superintendent supt director engineer coach principal
    pres sec cmdr commander cpl corporal pvt
    chancellor speaker state county city assemblyman assemblywoman congressman congresswoman
    fire police sheikh shaikh haji hajji mullah maulawi maulvi sayyid sayyed seyyed seyed monsieur mme mlle
    madame herr frau pm fm
    cardinal archbishop monsignor msgr rabbi imam ayatollah hojatoleslam hojjatoleslam mufti
    prasident senor senora dona don
    fiance fiancee husband wife widow widower mother honourable honorable hubby wifey
""".split()) | frozenset(FOREIGN_OFFICES)

#: Titles written between the given name and the surname, in the Church's old style ("John Cardinal
#: Newman" for Cardinal John Newman): a title wherever it stands, never a middle name.
TITLES_INSIDE = frozenset({"cardinal"})

#: Abbreviated (or respelt) titles and the word each stands for: "Sen. Ruiz" and "Senator Ruiz" hold one
#: office, as "PM Ruiz" and "Prime Minister Ruiz" do.
TITLE_WORDS = {"sen": "senator", "rep": "representative", "gov": "governor", "pres": "president", "sec": "secretary",
               "gen": "general", "lt": "lieutenant", "sgt": "sergeant", "capt": "captain", "det": "detective",
               "supt": "superintendent", "col": "colonel", "maj": "major", "adm": "admiral", "rev": "reverend",
               "atty": "attorney", "insp": "inspector", "cmdr": "commander", "cpl": "corporal", "pvt": "private",
               "prof": "professor", "dr": "doctor", "fr": "father", "councilor": "councillor", "prasident": "president",
               "pm": "prime minister", "fm": "foreign minister",
               **dict.fromkeys(("sayyed", "seyyed", "seyed"), "sayyid"),
               **FOREIGN_OFFICES}
#: Courtesy titles: how a paper addresses someone, not an office they hold ("Ms Ruiz" and "Senator Ruiz"
#: may well be one person, where "Judge Ruiz" and "Coach Ruiz" are two).
HONORIFICS = frozenset("mr mrs ms miss mx sir dame lord lady monsieur mme mlle madame herr frau senor senora dona don "
                       "honourable honorable".split())


#: The same relations as celebrity and sports coverage writes them ("hubby Cal Vork", "mum Ana"): as
#: much a relation as "husband", and taken for a given name otherwise ("Hubby Vork", a person of its own).
INFORMAL_FAMILY_WORDS = frozenset("hubby wifey mum mom dad mommy mummy daddy grandma grandpa granny".split())

#: Words for a relative written before their given name alone ("his wife Anoopa", "His mother,
#: Ludmila"), or before a full name ("His uncle, Karim Dorvell"): the page names the relation, and
#: through it the family. The wider family too: a profile names an uncle or a cousin in office to place
#: its subject in a political family, and its bare surnames go on meaning the subject.
FAMILY_WORDS = frozenset("wife husband widow widower mother father son daughter brother sister fiance fiancee "
                         "partner uncle aunt cousin nephew niece grandfather grandmother grandson granddaughter "
                         "stepfather stepmother stepson stepdaughter".split()) | INFORMAL_FAMILY_WORDS

#: Titles that say whether their holder is a man or a woman: a courtesy title, a family word, an honour.
GENDERED_TITLES = {**dict.fromkeys("mr monsieur herr senor don sir lord husband widower father brother fiance "
                                   "hubby dad daddy grandpa".split(), "m"),
                   **dict.fromkeys("mrs ms miss mme madame mlle frau senora dona dame lady wife widow mother sister "
                                   "fiancee wifey mum mom mommy mummy grandma granny".split(), "f")}


#: Spouse words and the sex of the person whose spouse they name ("Halloran's wife": a husband), as
#: most marriages coverage reports are; only ever used to rule out a person whose own titles say the
#: other sex (`variants.story._attach_by_co_mention`), never to decide one.
SPOUSE_OF = {"wife": "m", "widow": "m", "husband": "f", "widower": "f", "wifey": "m", "hubby": "f"}


#: Honorifics that precede a given name in their own language ("Don Diego", "Doña María"), never a
#: surname alone; "Don" before a surname alone is the English given name ("Don Bacon"). See `is_title`.
BEFORE_GIVEN_NAMES = frozenset({"don", "dona"})


def is_title(word: str, following: str | None = None) -> bool:
    """Whether a folded word (no dot) is a title of the name it precedes; `following`: the folded next
    word of the name, when there is one.

    A word both an honorific and a given name (`BEFORE_GIVEN_NAMES`) is the honorific only before a
    listed given name: read as a title in "Don Smith", it would make the father Don Smith a surname-only
    form of his son John Smith, and merge the two.

    >>> is_title("senator"), is_title("dona", "maria"), is_title("don", "bacon"), is_title("don")
    (True, True, False, True)
    """
    if word not in TITLES:
        return False
    return word not in BEFORE_GIVEN_NAMES or following is None or following in given_names()


def title_gender(title: str | None) -> str | None:
    """"m" or "f" when the folded title says which, else None (none, or both).

    >>> title_gender("ms"), title_gender("husband"), title_gender("president"), title_gender(None)
    ('f', 'm', None, None)
    """
    genders = {GENDERED_TITLES[word] for word in (title or "").split() if word in GENDERED_TITLES}
    return genders.pop() if len(genders) == 1 else None


def role_title(title: str | None) -> str | None:
    """The office a folded title names, abbreviations written out and courtesy titles left out; None
    when it names none.

    >>> role_title("sen"), role_title("vice president"), role_title("mr"), role_title(None)
    ('senator', 'vice president', None, None)
    """
    words = [TITLE_WORDS.get(word, word) for word in (title or "").split() if word not in HONORIFICS]
    return " ".join(words) or None


#: Words after a name that are not part of it: generational suffixes, degrees, company forms.
SUFFIXES = frozenset("jr sr ii iii iv phd md esq sa llc ltd inc".split())

#: Definite articles of the languages coverage is written in: a noun follows them, a given name does
#: not ("la Marina", the navy, names no Mariana misspelt; see `second_pass.find_given_mentions`).
DEFINITE_ARTICLES = frozenset("the el la los las le les il lo gli der die das den dem des het".split())

#: Lower-case words that join the next word into a surname ("bin Laden", "al-Assad", "van Gogh").
#: Compared without them: "ibn Laden" and "bin Laden" are one surname written two ways.
PARTICLES = frozenset("al el ul bin ibn ben bint bn de del della der den di da do dos das du la le van von ter ten".split())

#: Particle spellings that are one word: "bin/ibn/ben" (son of), "al/el/ul" (the).
PARTICLE_GROUPS = ({"bin", "ibn", "ben", "bn"}, {"al", "el", "ul"})

#: Particles a surname drops by custom: the Arabic article ("Assad" for al-Assad, "Sisi" for el-Sisi).
DROPPABLE_PARTICLES = frozenset({"al", "el", "ul"})


def particle_change(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    """How the particles of two folded surnames of one core differ: "dropped" ("Malen" for von der
    Malen, "Gaulle" for de Gaulle), "changed" ("van der Malen"), or None when they agree (one
    spelling of a particle group, "bin"/"ibn", counts as the same; the Arabic article is dropped by
    custom).

    >>> particle_change(("malen",), ("von", "der", "malen")), particle_change(("van", "der", "malen"), ("von", "der", "malen"))
    ('dropped', 'changed')
    >>> particle_change(("assad",), ("al", "assad")), particle_change(("ibn", "saud"), ("bin", "saud"))
    (None, None)
    """
    def particles(tokens: tuple[str, ...]) -> list[str]:
        return [next((min(group) for group in PARTICLE_GROUPS if t in group), t) for t in tokens if t in PARTICLES]
    pa, pb = particles(a), particles(b)
    if pa == pb:
        return None
    if not pa or not pb:
        return None if set(pa or pb) <= DROPPABLE_PARTICLES else "dropped"
    return "changed"


def particle_words(prefix: str) -> int | None:
    """How many particles a folded prefix of a surname, spaces dropped, is made of ("vonder" of
    "vonderleyen": two), or None when it is not particles only.

    >>> particle_words("vonder"), particle_words("al"), particle_words(""), particle_words("vont")
    (2, 1, 0, None)
    """
    if not prefix:
        return 0
    for particle in PARTICLES:
        if prefix.startswith(particle):
            rest = particle_words(prefix[len(particle):])
            if rest is not None:
                return rest + 1
    return None


#: Folding of letters that Unicode decomposition leaves alone (ø is not o + a combining mark).
EXTRA_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
                             "ß": "ss", "ŀ": "l", "ħ": "h"})

#: How ASCII writes letters of their own with two letters, where folding keeps one: Serbo-Croatian "đ"
#: as "dj" ("Đoković", Djokovic), Danish and Norwegian "ø" as "oe" and "å" as "aa".
ASCII_DIGRAPHS = str.maketrans({"đ": "dj", "Đ": "Dj", "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa"})

#: Marked letters the main languages of news coverage (English, French, Spanish, Portuguese, Italian,
#: German) write in words of their own: a careful outlet writing one of them may put these on a foreign
#: name as its rendering ("Ibáñez" in Spanish coverage of a name English coverage writes "Ibanez").
RENDERING_LETTERS = frozenset("àâæçéèêëîïôœùûüÿáíóúñäößãõìò")


#: The marks each language's coverage puts on a foreign name as its rendering (ISO 639-1): stress
#: accents in Spanish, Portuguese and Italian ("Máynez", "Salmán"), the accents and diaeresis French
#: transliteration writes ("Nikolaï", "Andreï"). German writes its umlauts in words of its own only; a
#: "Lünd" is no rendering in any of them.
LANGUAGE_LETTERS: dict[str, frozenset] = {
    "es": frozenset("áéíóúñ"), "pt": frozenset("áâãàéêíóôõú"), "it": frozenset("àèéìíòóù"),
    "fr": frozenset("éèêëï"),
}


#: The vowels with a macron that romanisation standards write for long vowels, whatever the page's
#: language (ISO 843 for Greek, Hepburn for Japanese, IAST, ALA-LC for Arabic): "Nīkos" where careful
#: outlets write "Nikos". A scheme's rendering, no name's own letters.
ROMANISATION_LETTERS = frozenset("āēīōū")


def own_marks(written: str) -> bool:
    """Whether a name carries a marked letter no main language of news coverage writes as its own
    ("ł", "ğ", "ř", "İ"), nor a romanisation standard (`ROMANISATION_LETTERS`): no outlet's rendering,
    so an outlet writing in another language reproduces the name's own spelling with it, as careful
    outlets at home would.

    >>> own_marks("Marek Zając"), own_marks("Tomás Ibáñez"), own_marks("Emre Kandoğlu"), own_marks("Ruiz")
    (True, False, True, False)
    >>> own_marks("Nīkos Pavlakīs")
    False
    """
    return any(not ch.isascii() and ch.isalpha() and ch.lower() not in RENDERING_LETTERS | ROMANISATION_LETTERS
               for ch in written)


def lost_letters(written: str, right: str) -> bool:
    """Whether `written` is the name `right` with every letter outside ASCII deleted, word by word
    ("Ins Dvila" for "Inés Dávila", "Ren" for "René"): the mark of a page whose encoding could not carry
    those letters and dropped them, not of a writer's spelling. Such a form is never the name, however
    careful the outlet: its own page shows the letters are gone, not chosen.

    >>> lost_letters("Ins Dvila", "Inés Dávila"), lost_letters("Ines Davila", "Inés Dávila")
    (True, False)
    >>> lost_letters("Dvila", "Dávila"), lost_letters("Dvila", "Davila"), lost_letters("Ren", "René")
    (True, False, True)
    """
    if right.isascii() or not written.isascii():
        return False
    return ascii_kept(right) == " ".join(written.split())


def ascii_kept(text: str) -> str:
    """The text with every letter outside ASCII deleted and its spacing made single (`lost_letters`).

    >>> ascii_kept("Inés  Dávila")
    'Ins Dvila'
    """
    return " ".join("".join(ch for ch in text if ch.isascii()).split())


#: The endings a language's grammar puts on a name, foreign names too (folded, by ISO 639-1 code): the
#: genitive "s" of German, Dutch and the Scandinavian languages ("Novaks Rücktritt"), the cases of the
#: Slavic and Baltic languages, Finnish, Estonian, Hungarian and Icelandic ("Yamagamich", Polish "of the
#: Yamagamis"; "Trzaskowskį", a Lithuanian accusative; "Abeja", a Slovene genitive). Grammar, not
#: spelling: the letters before the ending are the name as the page writes it (`inflected`).
CASE_ENDINGS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("de", "nl", "sv", "da", "no", "nb", "nn"), ("s",)),
    "pl": ("a", "u", "owi", "em", "ie", "ego", "emu", "ym", "im", "ich", "ow", "om", "ami", "ach", "owie", "y", "e"),
    # Czech and Slovak also give a woman's foreign surname their feminine ending and its cases
    # ("Ruizová", "Ruizovou"; Slovak "Ruizovej", "Ruizovú"): grammar too, as for their own names, and a
    # feminine surname in -á takes Slovak's -ej where the -á was ("Novákovej").
    **dict.fromkeys(("cs", "sk"), ("a", "u", "ovi", "om", "em", "ou", "y", "ov", "ove", "ovych", "ovi", "e",
                                   "ova", "ovou", "ovej", "ovu", "ej")),
    **dict.fromkeys(("hr", "sr", "bs"), ("a", "u", "om", "em", "e", "i", "ja", "ju", "jem", "jev", "jevih", "ju")),
    # Slovene declines a name in "-a" as a feminine noun, whatever its bearer: "-o" in the accusative.
    "sl": ("a", "u", "om", "em", "e", "i", "ja", "ju", "jem", "jev", "jevih", "o"),
    "lt": ("as", "is", "ys", "us", "o", "ui", "a", "i", "u", "e", "ai", "io", "iui", "ius", "iu"),
    "lv": ("s", "a", "am", "u", "as", "i"),
    # Finnish joins a name ending in a consonant to its case ending with an "i" ("Holzille", "Okaforista").
    "fi": ("n", "a", "lle", "lla", "lta", "sta", "ssa", "in", "ksi", "t", "ta", "ia", "na", "iin", "hin",
           "ille", "illa", "ilta", "ista", "issa", "ina", "iksi"),
    "et": ("i", "le", "lt", "l", "st", "s", "ga", "ks", "ni", "ta"),
    "hu": ("t", "nak", "nek", "val", "vel", "rol", "ra", "re", "tol", "hoz", "hez", "ban", "ben", "ert", "e", "ot", "et"),
    # Icelandic declines foreign names too: a feminine "-a" takes "-u" outside the nominative ("Lenu"
    # for Lena), the genitive adds "-s" or "-ar". Its own names change their last letters: a woman's
    # "-dóttir" is "-dóttur" outside the nominative, a man's "-son" "-syni" and "-sonar", "-ur" is
    # "-ar" or "-i" ("Sigurðar"). "ur=ir": the ending "ur" where the name writes "ir".
    "is": ("u", "s", "ar", "i", "ur=ir", "syni=son", "sonar=son", "ar=ur", "i=ur"),
}


def _base_language(language: str | None) -> str:
    """A page's language as its ISO 639-1 code, without the region or script after it ("sr-Latn": "sr")."""
    return (language or "")[:2].lower()


def case_endings(language: str | None) -> tuple[str, ...]:
    """The case endings a page's language (an ISO 639-1 code, a region maybe after it) puts on names.

    >>> case_endings("de-AT"), case_endings("en"), case_endings(None)
    (('s',), (), ())
    """
    return CASE_ENDINGS.get(_base_language(language), ())


#: Languages whose press writes a foreign name as it sounds, in the language's own letters ("Samer
#: Mekintoš" in Serbian for Summer McIntosh, "Džordžs" in Latvian), and the English spelling of the
#: sounds those letters write (`names.transcribed`). Croatian, Czech or Polish keep a Latin-script
#: name as it is spelt, and a respelling there is a misspelling.
AS_HEARD_LETTERS: dict[str, tuple[tuple[str, str], ...]] = {
    **dict.fromkeys(("sr", "bs", "me"), (("dž", "j"), ("đ", "j"), ("ij", "i"), ("j", "y"), ("š", "sh"),
                                         ("ž", "zh"), ("č", "ch"), ("ć", "ch"))),
    "lv": (("dž", "j"), ("ij", "i"), ("j", "y"), ("š", "sh"), ("ž", "zh"), ("č", "ch")),
}


def as_heard_letters(language: str | None) -> tuple[tuple[str, str], ...]:
    """How a page's language writes the sounds of a foreign name (`AS_HEARD_LETTERS`), if it does.

    >>> as_heard_letters("sr-Latn")[:2], as_heard_letters("hr")
    ((('dž', 'j'), ('đ', 'j')), ())
    """
    return AS_HEARD_LETTERS.get(_base_language(language), ())


#: A surname's feminine and masculine forms in Slavic languages and in Greek (folded): Zaretnaya/Zaretny,
#: Ivanova/Ivanov, Radwanska/Radwanski, Novakova/Novak, Papadaki/Papadakis. The same given name under the
#: other gender's form is one person with a slip, never a relative: a relative has a given name of their own.
GENDER_SURNAME_ENDINGS = (("skaya", "sky"), ("skaya", "ski"), ("skaya", "skiy"), ("aya", "y"), ("aya", "iy"),
                          ("aya", "oy"), ("ova", "ov"), ("eva", "ev"), ("ina", "in"), ("yna", "yn"),
                          ("ska", "ski"), ("cka", "cki"), ("dzka", "dzki"), ("ova", ""),
                          ("aki", "akis"), ("idou", "idis"), ("opoulou", "opoulos"))


def _stems(surname: str):
    """(stem, masculine ending) for each feminine ending of `GENDER_SURNAME_ENDINGS` a folded surname
    may carry, leaving a stem of three letters or more."""
    for feminine, masculine in GENDER_SURNAME_ENDINGS:
        stem = surname[:-len(feminine)]
        if surname.endswith(feminine) and len(stem) >= 3:
            yield stem, masculine


def masculine_forms(surname: str) -> set[str]:
    """The masculine forms a folded surname may be the feminine of, and the surname itself (a blocking
    key: a surname and its other gender's form share one).

    >>> sorted(masculine_forms("ivanova")), sorted(masculine_forms("novakova"))
    (['ivan', 'ivanov', 'ivanova'], ['novak', 'novakov', 'novakova'])
    """
    return {surname} | {stem + masculine for stem, masculine in _stems(surname)}


def gender_forms(a: str, b: str) -> bool:
    """Whether two folded surnames are one surname's feminine and masculine forms.

    >>> gender_forms("zaretnaya", "zaretny"), gender_forms("ivanov", "ivanova"), gender_forms("zaretny", "zaretni")
    (True, True, False)
    >>> gender_forms("papadaki", "papadakis"), gender_forms("ferrari", "ferraris")
    (True, False)
    """
    return (any(b == stem + masculine for stem, masculine in _stems(a))
            or any(a == stem + masculine for stem, masculine in _stems(b)))


def gender_form_of_spelling(a: str, b: str, fits) -> bool:
    """Whether one folded surname is the feminine form of a spelling of the other, itself no feminine
    form: `fits(masculine, other)` says whether the masculine that the feminine ending stands for is a
    spelling of the other ("kurbaeva" beside "kurbayev": the feminine of "kurbaev", its romanisation).

    Why: a family's name is romanised several ways, and its women's form of one way is no misspelling
    of its men's form of another; a feminine surname is never a spelling of the masculine one anyway.

    >>> fits = lambda x, y: x.replace("ae", "aye") == y
    >>> gender_form_of_spelling("kurbaeva", "kurbayev", fits), gender_form_of_spelling("kurbayev", "kurbaeva", fits)
    (True, True)
    >>> gender_form_of_spelling("kurbaeva", "kurbayeva", fits)
    False
    """
    for feminine, other in ((a, b), (b, a)):
        if any(True for _ in _stems(other)):
            continue  # both feminine forms, or the other one is: no man's form to compare with
        if any(fits(stem + masculine, other) for stem, masculine in _stems(feminine)):
            return True
    return False


#: Digits written for look-alike letters inside a word ("Ig0r Sech1n").
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g"})

_VOWELS = "aeiou"


def _pairs(rule: str, forms: list[str], where: str = "any") -> list[tuple[str, str, str, str]]:
    """Every two members of a group of alternative spellings, as (a, b, where, rule)."""
    return [(a, b, where, rule) for i, a in enumerate(forms) for b in forms[i + 1:]]


#: "Abd al-" (servant of) joined to its article, as romanisations write the opening of an Arabic compound
#: name ("Abdel Nasser" for "Abd el-Nasser"): the rest of such a name is a name of God, no name alone.
ABD_JOINED = frozenset({"abdul", "abdel", "abdal", "abdol", "abdoul"})


#: Alternations by the script a name is romanised from: (spelling, spelling, where, rule), `where`
#: "any", "start" or "end" of the folded word.
_FROM_CYRILLIC: list[tuple[str, str, str, str]] = [
    *_pairs("romanisation: -ый/-ий ending as y/yy/iy/ii/ij/yi", ["y", "yy", "iy", "ii", "ij", "yi", "yj", "i"], "end"),
    *_pairs("romanisation: й as y/i/j", ["y", "i", "j"], "end"),
    *[p for v in _VOWELS for p in _pairs("romanisation: й as y/i/j", [v + "y", v + "i", v + "j"])],
    *_pairs("romanisation: и/ы/і as i/y", ["i", "y"]),
    *_pairs("romanisation: я as ya/ia/ja", ["ya", "ia", "ja"]),
    *_pairs("romanisation: ия as iya/ia/ija", ["iya", "ia", "ija", "iia"]),
    *_pairs("romanisation: ю as yu/iu/ju", ["yu", "iu", "ju"]),
    # After л the softening is often left out ("Ludmila", "Lubov" beside "Lyudmila", "Lyubov").
    *_pairs("romanisation: лю as lyu/liu/lju/lu", ["lyu", "liu", "lju", "lu"]),
    *_pairs("romanisation: е as e/ye/je", ["e", "ye", "je"], "start"),
    *[p for v in _VOWELS for p in _pairs("romanisation: е as e/ye/je", [v + "e", v + "ye", v + "je"])],
    *_pairs("romanisation: ё as yo/jo/io/e", ["yo", "jo", "io", "e"]),
    # Ukrainian є after a consonant: "ie" in the national system, "ye" in others, "e" read as Russian
    # е ("Umierov", "Umyerov", "Umerov" for Умєров).
    *[p for c in "bdfghklmnprstvz" for p in _pairs("romanisation: є as e/ie/ye", [c + "e", c + "ie", c + "ye"])],
    *_pairs("romanisation: х as kh/h/ch", ["kh", "h", "ch"]),
    # German writes ж "sch", Dutch and the Scandinavian languages "zj", French "j".
    *_pairs("romanisation: ж as zh/j/z/sch/zj", ["zh", "j", "z", "sch", "zj"]),
    # French writes у "ou" and ends a name in -ine where English ends it in -in ("Poutine").
    *_pairs("romanisation: у as u/ou", ["u", "ou"]),
    ("in", "ine", "end", "romanisation: -ин as in/ine"),
    # Spanish keeps г hard before e and i with "gu" ("Yevgueni").
    ("ge", "gue", "any", "romanisation: г as g/gu"),
    ("gi", "gui", "any", "romanisation: г as g/gu"),
    # French writes ш "ch" ("Chostakovitch"), as a name spelt in France first keeps it at home.
    *_pairs("romanisation: ш as sh/sch/sz/ch", ["sh", "sch", "sz", "ch"]),
    *_pairs("romanisation: ч as ch/tch/tsch/cz", ["ch", "tch", "tsch", "cz"]),
    *_pairs("romanisation: щ as shch/sch/szcz/sc", ["shch", "sch", "szcz", "sc"]),
    # Polish, Czech and the South Slavic Latin alphabets write ц "c": a name spelt so at home comes back
    # "ts" from Russian-language coverage ("Kowalczyk"-style "Nowicki" as "Novitsky").
    *_pairs("romanisation: ц as ts/tz/c", ["ts", "tz", "c"]),
    *_pairs("romanisation: кс as ks/x", ["ks", "x", "cs"]),
    *_pairs("romanisation: в as v/w", ["v", "w"]),
    *_pairs("romanisation: -ов/-ев as ov/ow/off", ["ov", "ow", "off"], "end"),
    *_pairs("romanisation: -ов/-ев as ev/ew/eff", ["ev", "ew", "eff"], "end"),
    # South Slavic: đ is written dj in ASCII (Đorđević, Djordjevic); folding already makes it d.
    ("dj", "d", "any", "romanisation: đ as dj/d"),
]
_FROM_ARABIC: list[tuple[str, str, str, str]] = [
    ("q", "k", "any", "romanisation: ق as q/k/g/gh"),
    ("q", "g", "any", "romanisation: ق as q/k/g/gh"),
    # Persian pronounces ق as غ, and Iranian newsrooms write it "gh" where others write "q" ("Ghom", "Qom").
    ("q", "gh", "any", "romanisation: ق as q/k/g/gh"),
    *[("dh", other, "any", "romanisation: ذ as dh/d/dd/z/th") for other in ("d", "dd", "z", "th")],
    ("th", "t", "any", "romanisation: ث/ت as th/t"),
    ("gh", "g", "any", "romanisation: غ as gh/g"),
    *_pairs("romanisation: و/ُ as u/o/ou/oo", ["u", "o", "ou", "oo"]),
    # The diphthong of fatha and و: "Jawlani", "Jolani", "Jowlani" ("Shawkat", "Shokat").
    *_pairs("romanisation: aw diphthong as aw/o/ow/ou", ["aw", "o", "ow", "ou"]),
    # ج is g in Egyptian and much Levantine speech, and so in many newsrooms' spelling ("Gamal", "Jamal");
    # French transliteration writes it "dj" (Maghreb names: "Abdelhamid", "Djamel" beside "Jamal").
    *_pairs("romanisation: ج as j/dj/g", ["j", "dj", "g"]),
    *_pairs("romanisation: ي as i/ee/ie", ["i", "ee"]),
    *_pairs("romanisation: kasra as e/i", ["e", "i"], "start"),
    *_pairs("romanisation: fatha/kasra before a final consonant as a/e/i", ["ad", "ed", "id"], "end"),
    *[p for c in "dlmnrst" for p in _pairs("romanisation: fatha/kasra before a final consonant as a/e/i",
                                              ["a" + c, "e" + c], "end")],
    *[p for c in "dlmnrst" for p in _pairs("romanisation: kasra before a final consonant as e/i",
                                              ["e" + c, "i" + c], "end")],
    *_pairs("romanisation: al-/el- article", ["al", "el", "ul"], "start"),
    *_pairs("romanisation: abd al as abdul/abdel/abdal/abdol", sorted(ABD_JOINED), "start"),
    *_pairs("romanisation: final ة/ه as ah/a", ["ah", "a"], "end"),
    *_pairs("romanisation: final ة/ه as eh/e", ["eh", "e"], "end"),
    # Persian and Levantine speech say the final ة as "e", and newsrooms following them write "eh" where
    # others write the Arabic "a" or "ah" ("Khalifeh", "Khalifa"; "Saadeh", "Saada").
    ("eh", "a", "end", "romanisation: final ة as a/ah, or eh after Persian and Levantine speech"),
    ("eh", "ah", "end", "romanisation: final ة as a/ah, or eh after Persian and Levantine speech"),
    *_pairs("romanisation: long a as a/aa", ["a", "aa"]),
    # French and older English transliteration double an s between vowels, lest it be read as a z
    # ("Hassan", "Hasan"; "Moussa", "Musa").
    *[(v + "s" + w, v + "ss" + w, "any", "romanisation: س between vowels as s/ss") for v in _VOWELS for w in _VOWELS],
]
_FROM_HANGUL: list[tuple[str, str, str, str]] = [
    # Korean: Revised Romanisation and McCune-Reischauer (and newsroom habit) write ㅓ as eo, o or u
    # (Seong/Sung, Jeong/Jung, Geon/Gon) and ㅜ as u or oo (Ju/Joo).
    *_pairs("romanisation: ㅓ as eo/o/u", ["eo", "o", "u"]),
    *_pairs("romanisation: ㅜ as u/oo", ["u", "oo"]),
]
#: Latin-script conventions, found whatever script a name came from.
_LATIN: list[tuple[str, str, str, str]] = [
    *_pairs("umlaut written out (ä/ae)", ["a", "ae"]),
    *_pairs("umlaut written out (ö/oe)", ["o", "oe"]),
    *_pairs("umlaut written out (ü/ue)", ["u", "ue"]),
    ("ph", "f", "any", "spelling convention: ph/f"),
    ("ck", "k", "any", "spelling convention: ck/k"),
]
ALTERNATION_PAIRS: list[tuple[str, str, str, str]] = _FROM_CYRILLIC + _FROM_ARABIC + _FROM_HANGUL + _LATIN
#: rule -> the script it romanises from (Latin-script conventions have none).
SOURCE_SCRIPT: dict[str, str] = {**{rule: "Cyrillic" for *_x, rule in _FROM_CYRILLIC},
                                 **{rule: "Arabic" for *_x, rule in _FROM_ARABIC},
                                 **{rule: "Hangul" for *_x, rule in _FROM_HANGUL}}

#: (a, b) -> [(where, rule)] in both directions.
_ALTERNATIONS: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
for _a, _b, _where, _rule in ALTERNATION_PAIRS:
    _ALTERNATIONS[(_a, _b)].append((_where, _rule))
    _ALTERNATIONS[(_b, _a)].append((_where, _rule))
#: How far around a difference to look for a listed spelling: the longest one in the table.
_CONTEXT = max(len(a) for a, _b in _ALTERNATIONS)


@lru_cache(maxsize=200_000)
def explain_spelling(a: str, b: str) -> tuple[str, ...] | None:
    """The documented alternations that turn folded word `a` into `b`, or None when some difference
    fits none of them (a typo). Equal words need no rule: `()`.

    Each block of differences of a Levenshtein alignment must be one listed alternation, looked up
    with shared context on either side (so "dd"/"dh" and "ya"/"ia" are found
    whichever way the alignment placed the edit).

    >>> explain_spelling("zaretnyy", "zaretny")
    ('romanisation: -ый/-ий ending as y/yy/iy/ii/ij/yi',)
    >>> explain_spelling("koppinger", "coppinger") is None
    True

    The rules of one difference must romanise from one script (`SOURCE_SCRIPT`).
    """
    if a == b:
        return ()
    if not a or not b:
        return None
    blocks = []
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "equal":
            continue
        if blocks and blocks[-1][1] == op.src_start and blocks[-1][3] == op.dest_start:
            blocks[-1][1], blocks[-1][3] = op.src_end, op.dest_end
        else:
            blocks.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    rules: list[str] = []
    for i1, i2, j1, j2 in blocks:
        rule = _explain_block(a, b, i1, i2, j1, j2)
        if rule is None:
            return None
        if rule not in rules:
            rules.append(rule)
    if len({SOURCE_SCRIPT[rule] for rule in rules if rule in SOURCE_SCRIPT}) > 1:
        # A name is romanised from one script: "Prighozin" for "Prigozhin" is no Arabic gh/g plus a
        # Cyrillic zh/z, but a letter moved.
        return None
    return tuple(rules)


#: Letters a romanisation writes one way or the other but always the same way within one word: a
#: vowel y or i between consonants (и, ы, і: "Dmytryk" or "Dmitrik"). Not v or w: names romanised
#: from Thai write one letter both ways in one word ("Worawatvichai"), as their owners do.
_ONE_RENDERING = ({"i", "y"},)
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")


def splits_a_letter(right: str, written: str) -> bool:
    """Whether folded word `written` differs from `right` only in letters of `_ONE_RENDERING`, writing
    one the other way in one place and keeping it in another ("dmitryk" for "dmytryk": the first
    vowel y as i, the second kept).

    Why: a romanisation is one system applied to the whole word, so it writes the same letter the
    same way every time it occurs; a word that writes it two ways is no system's output but a slip
    that happens to touch a letter a system could change. Only against the right word: a word that
    writes two letters of its own ("Pushylin": и as y, і as i) may well be written by a system that
    merges them ("Pushilin").

    >>> splits_a_letter("dmytryk", "dmitryk"), splits_a_letter("dmytryk", "dmitrik"), splits_a_letter("pushylin", "pushilin")
    (True, False, False)
    """
    if len(right) != len(written) or right == written:
        return False

    def kind(k: int) -> int | None:
        letter = right[k]
        if letter in "iy" and not (0 < k < len(right) - 1 and right[k - 1] in _CONSONANTS and right[k + 1] in _CONSONANTS):
            return None
        return next((n for n, letters in enumerate(_ONE_RENDERING) if letter in letters), None)

    changed, kept = set(), set()
    for k, (x, y) in enumerate(zip(right, written)):
        group = kind(k)
        if x == y:
            if group is not None:
                kept.add((group, x))
        elif group is None or y not in _ONE_RENDERING[group]:
            return False  # other letters differ too: judged as a whole by the alternations
        else:
            changed.add((group, x))
    return bool(changed & kept)


def _explain_block(a: str, b: str, i1: int, i2: int, j1: int, j2: int) -> str | None:
    for left in range(_CONTEXT + 1):
        if i1 - left < 0 or j1 - left < 0 or a[i1 - left:i1] != b[j1 - left:j1]:
            break
        for right in range(_CONTEXT + 1):
            if i2 + right > len(a) or j2 + right > len(b) or a[i2:i2 + right] != b[j2:j2 + right]:
                break
            found = _ALTERNATIONS.get((a[i1 - left:i2 + right], b[j1 - left:j2 + right]))
            if not found:
                continue
            at_start = i1 - left == 0 and j1 - left == 0
            at_end = i2 + right == len(a) and j2 + right == len(b)
            for where, rule in found:
                if where == "any" or (where == "start" and at_start) or (where == "end" and at_end):
                    return rule
    return None


# --- nicknames ---------------------------------------------------------------------------------------

#: Bundled copy of carltonnorthern/nicknames names.csv (Apache-2.0; see analysis/data/README.md).
NICKNAMES_CSV = Path(__file__).parent / "data" / "nicknames-names.csv"


@lru_cache(maxsize=4)
def load_nicknames(path: str | None = None) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """(name -> the names it is directly related to, in both directions; the set of full names).

    Read once, lazily, from the bundled CSV or `path` (columns name1, relationship, name2).
    """
    related: dict[str, set[str]] = defaultdict(set)
    full: set[str] = set()
    with open(path or NICKNAMES_CSV, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name, nick = row["name1"].strip().lower(), row["name2"].strip().lower()
            if not name or not nick or name == nick:
                continue
            related[name].add(nick)
            related[nick].add(name)
            full.add(name)
    return {k: frozenset(v) for k, v in related.items()}, frozenset(full)


@lru_cache(maxsize=4)
def given_names(path: str | None = None) -> frozenset[str]:
    """Every folded name of the nickname list, full names and nicknames alike: all are given names.

    A compact list (about 2,000 mostly English names), so absence proves nothing ("Zeynep" is not in
    it); presence does: "Caroline" is a given name although English dictionaries list it too.
    """
    related, full = load_nicknames(path)
    return frozenset(related) | full


@lru_cache(maxsize=1)
def world_given_names() -> frozenset[str]:
    """The folded given names of every locale of Faker's person providers (MIT-licensed), in Latin
    letters: about 20,000 ("Victoria", "Pierre", "Ömer", "Juraj"), beside the compact English list of
    `given_names`.

    Why: on a page in another language no NER says who is a person, and the English list does not know
    that "Amparo" or "Igor" is a given name; the given-name lists of some seventy locales do. Only
    full names on such pages are judged by it (`names_abroad`), where a name repeated is wanted: the
    lists are long, and a few of their names are ordinary words somewhere ("Santa", "Star").

    >>> {"igor", "amparo", "omer", "pierre"} <= world_given_names(), "koppinger" in world_given_names()
    (True, False)
    """
    return frozenset().union(*_faker_given_names().values())


@lru_cache(maxsize=1)
def listed_marked_surnames() -> frozenset[str]:
    """Every surname with diacritics that a locale of Faker's person providers (MIT-licensed) lists,
    spelt as listed (`names.spelt`): "fernández", "martínez", "müller".

    Why: such marks are the family name's own spelling in the language that names it; English
    newsrooms that drop them do not make them a hypercorrection where another page keeps them
    ("Fernández" where a wire writes "Fernandez"). Surnames only: a given name is one language's form
    or another's ("Ines", "Inés"), and a careful newsroom writing it plain may have chosen the person's
    own. A mark no list knows on that word ("Kagamé") stays one that evidence must excuse.

    >>> {"fernández", "martínez"} <= listed_marked_surnames(), "kagamé" in listed_marked_surnames()
    (True, False)
    """
    from analysis.names import spelt

    return frozenset(spelt(name) for _attribute, name in _faker_names(("last_names",)) if not name.isascii())


def given_gender(word: str) -> str | None:
    """"m" or "f" when every locale of Faker's person providers that lists the folded given name lists
    it for that gender alone, else None (unlisted, listed for both, or listed without a gender).

    Why: a bare "Mr Halvorsen" is not the Halvorsen the story names "Ingrid Halvorsen", even where no
    title of hers says she is a woman; her given name does. Only where the locales agree: "Andrea" is a
    man's name in Italian and a woman's elsewhere, and says nothing.

    >>> given_gender("ingrid"), given_gender("hamish"), given_gender("andrea"), given_gender("koppinger")
    ('f', 'm', None, None)
    """
    lists = _faker_given_names()
    male, female = word in lists["first_names_male"], word in lists["first_names_female"]
    return "m" if male and not female else "f" if female and not male else None


@lru_cache(maxsize=1)
def _faker_given_names() -> dict[str, frozenset[str]]:
    """Faker's given-name lists of every locale, folded, in Latin letters, by list: "first_names",
    "first_names_male", "first_names_female", "first_names_nonbinary"."""
    from analysis.names import fold

    names: dict[str, set[str]] = {attribute: set() for attribute in (
        "first_names", "first_names_male", "first_names_female", "first_names_nonbinary")}
    for attribute, name in _faker_names(tuple(names)):
        names[attribute].add(fold(name))
    return {attribute: frozenset(kept) for attribute, kept in names.items()}


def _faker_names(attributes: tuple[str, ...]):
    """(attribute, name) for each name in Latin letters of these lists ("first_names", "last_names")
    of every locale of Faker's person providers."""
    import importlib
    import pkgutil
    import unicodedata

    from faker.providers import person

    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        for attribute in attributes:
            listed = getattr(provider, attribute, None)
            if not isinstance(listed, (list, tuple, dict, set, frozenset)):
                continue  # a locale's property of its own, no list
            for name in listed:
                if isinstance(name, str) and name.isalpha() and all(
                        unicodedata.name(c, "").startswith("LATIN") for c in name):
                    yield attribute, name


def nickname_related(a: str, b: str, path: str | None = None) -> bool:
    """Whether two folded given names are a name and its nickname (Robert/Bob) or its diminutive
    (`diminutive_of`: Pablo/Pablito), or two nicknames of one name (Bob/Rob). Two full names that share a nickname (Christopher/Christine, both "Chris")
    are not related: the nickname makes each compatible with "Chris", not with each other.
    """
    if a == b or diminutive_of(a, b) or diminutive_of(b, a):
        return True
    related, full = load_nicknames(path)
    direct = related.get(a, frozenset())
    if b in direct:
        return True
    if a in full or b in full:
        return False
    return bool(direct & related.get(b, frozenset()))


#: Diminutive endings of Spanish and Portuguese given names, put on the name, or on it without its
#: final vowel or its "-os"/"-s" ("Pablo": "Pablito", "Carlos": "Carlitos", "Juan": "Juanito",
#: "Ronaldo": "Ronaldinho"): a familiar form of the name, as "Bob" is of Robert, that no list holds
#: for every name. Not "-ina"/"-ino": "Martina" beside "Marta" is a name of its own.
DIMINUTIVE_ENDINGS = ("ito", "ita", "itos", "itas", "cito", "cita", "illo", "illa", "inho", "inha")


def diminutive_of(small: str, name: str) -> bool:
    """Whether a folded given name is a diminutive of another by a Spanish or Portuguese ending
    (`DIMINUTIVE_ENDINGS`, `diminutive_bases`).

    >>> [diminutive_of(a, b) for a, b in (("pablito", "pablo"), ("carlitos", "carlos"), ("juanito", "juan"),
    ...                                   ("martina", "marta"), ("carlos", "carlitos"), ("anita", "ana"))]
    [True, True, True, False, False, False]
    """
    return name in diminutive_bases(small)


@lru_cache(maxsize=100_000)
def diminutive_bases(small: str) -> frozenset[str]:
    """The given names a folded name may be a diminutive of: its stem before a diminutive ending, four
    letters or more, alone or with a final vowel, "-s" or "-os" ("carlitos": "carl", "carlo",
    "carlos"...). Blocking keys of the names it is a familiar form of (`blocking._given_keys`).

    >>> sorted(diminutive_bases("juanito"))[:3], diminutive_bases("anita")
    (['juan', 'juana', 'juane'], frozenset())
    """
    bases = set()
    for ending in DIMINUTIVE_ENDINGS:
        stem = small[:-len(ending)]
        if small.endswith(ending) and len(stem) >= 4:
            bases |= {stem, stem + "s", stem + "os"} | {stem + vowel for vowel in "aeiou"}
    return frozenset(bases)


def nickname_groups(name: str, path: str | None = None) -> tuple[str, ...]:
    """The name and the full names it is a nickname of: keys that bring Bob and Robert into one block."""
    related, full = load_nicknames(path)
    return tuple(sorted({name} | {other for other in related.get(name, ()) if other in full}))


# --- blocking keys -----------------------------------------------------------------------------------

_SKELETON_STEPS = (("shch", "s"), ("sch", "s"), ("tsch", "c"), ("kh", "h"), ("zh", "j"), ("sh", "s"), ("ph", "f"),
                   ("ck", "k"), ("dh", "d"), ("gh", "g"), ("th", "t"), ("q", "k"), ("w", "v"), ("y", "i"),
                   ("j", "i"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("o", "u"), ("x", "ks"), ("ts", "c"), ("tz", "c"))


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """A lossy key under which most alternations above coincide (Yulia/Iulia/Julia -> "iulia").

    Only for blocking: two words with one skeleton are compared, not declared equal.
    """
    for old, new in _SKELETON_STEPS:
        word = word.replace(old, new)
    return word
