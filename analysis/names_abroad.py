"""Full names on pages in other languages, where no NER is run.

Why: the model is English, and on a Spanish or German page it would tag nouns as people, so NER skips
such pages (`newsclaims.jobs`), and the second pass finds there only the people English coverage
named. A person named only in other languages (a vice-president in the Argentine press, a namesake on
a German page) was never a person of the story: never searched for, never judged, and the bare surname
a namesake's page writes went to the story's own person. On those pages a given name of some locale's
list (`name_rules.world_given_names`) followed by a capitalised surname is a full name, when the
story's pages in other languages write that very name `REPEATED` times or more: one pair alone is as
likely a club, a league or a headline's words ("Lega Pro").
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable

from analysis.name_rules import COMPETITION_WORDS, PARTICLES, world_given_names
from analysis.names import fold, parse_name
from analysis.person_spans import garbled_given_before, word_before

#: How often the story's pages in other languages must write a full name for it to be one.
REPEATED = 2
GIVEN_MIN_LETTERS = 3
#: A word, its hyphenated parts and apostrophes kept ("Bankman-Fried", "O'Neill").
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _capitalised(word: str) -> bool:
    """A capital, then small letters (a capital of its own inside: "McConnell", "Bankman-Fried"), not
    capitals throughout (a shouted headline, an acronym)."""
    return word[:1].isupper() and any(c.islower() for c in word[1:])


def _spans(text: str, words_of_grammar: Container[str], lexicon: Container[str]) -> Iterable[tuple[int, int]]:
    """Each given name followed by its surname in `text`: the span of the two (more given names and
    particles between them kept: "Ana Lucía Ferrer", "Francesco De Santis"), and of the three when a
    second surname follows ("Amy Coney Barrett"); the caller keeps the one the story repeats. A name
    starts at its first given name, never at a middle one ("Francis Prevost" of "Robert Francis
    Prevost" is nobody)."""
    given_names = world_given_names()
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]

    def given(k: int) -> bool:
        word = words[k][2]
        folded = fold(word)
        return (len(word) >= GIVEN_MIN_LETTERS and _capitalised(word) and folded in given_names
                and folded not in words_of_grammar and folded not in COMPETITION_WORDS)

    def joined(k: int) -> bool:  # word k follows word k - 1 after one space
        return k > 0 and text[words[k - 1][1]:words[k][0]] == " "

    for i, (start, _end, _word) in enumerate(words):
        if not given(i) or (joined(i) and given(i - 1)):
            continue
        j = i + 1
        while j < len(words) and j - i <= 2 and joined(j) and given(j):
            j += 1
        while j < len(words) and j - i <= 4 and joined(j) and fold(words[j][2]) in PARTICLES:
            j += 1
        surnames = []
        while j < len(words) and len(surnames) < 2 and joined(j):
            word = words[j][2]
            folded = fold(word)
            if (not _capitalised(word) or folded in given_names or folded in words_of_grammar or folded in lexicon
                    or folded in PARTICLES or folded in COMPETITION_WORDS):
                break
            surnames.append(words[j][1])
            j += 1
        for end in surnames:
            yield start, end


def _new_spans(text: str, spans: Iterable[tuple[int, int]], new: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The spans naming nobody the story has. A known person's name read longer at the same start
    makes its shorter reading no name of its own: "Jina Mahsa Amini" is Jina Amini's, with the second
    given name a list did not know, never a "Jina Mahsa"."""
    spans = list(spans)
    known_at = {start for start, end in spans if not new(text[start:end])}
    return [(start, end) for start, end in spans if start not in known_at]


def full_names_abroad(texts: Iterable[tuple[object, str]], grammar_of: Callable[[object], Container[str]],
                      lexicon: Container[str] = frozenset(), known: Iterable[str] = ()) -> list[tuple[object, list[dict]]]:
    """The full names written on pages in other languages, as person mentions: [(key, [mention])].

    texts: (key, text) of the prose fields of such pages; grammar_of(key): the function words of its
    language (`lexicon.function_words`), which are no names ("Una", "Della"); lexicon: folded English
    words, no surname here (a team's "Phoenix Mercury"). A name counts when the texts write it
    `REPEATED` times or more; of a two-word name and the three-word name it opens, the longer when
    that is repeated. known: the names of the people the story already has (NER's in English, the
    config's); a name with the surname and a given name of one of them is theirs, and left to the
    second pass, which knows their whole name and its garbles ("Dilek Kaya İmamoğlu" misspelt "Diyek
    Kaya Imamoglu" is hers, not a "Kaya Imamoglu").

    >>> pages = [("a", "Ayer Amparo Quesadilla Ruiz habló."), ("b", "Según Amparo Quesadilla Ruiz, no."),
    ...          ("c", "Con Amparo Soto. La Lega Pro.")]
    >>> [(key, [m["surface"] for m in found]) for key, found in full_names_abroad(pages, lambda key: {"con", "la"})]
    [('a', ['Amparo Quesadilla Ruiz']), ('b', ['Amparo Quesadilla Ruiz'])]
    """
    texts = list(texts)
    givens_of: dict[str, set[str]] = defaultdict(set)
    for name in filter(None, map(parse_name, known)):
        givens_of[name.surname_key].update(name.given_tokens)

    def new(surface: str) -> bool:
        name = parse_name(surface)
        return name is not None and not givens_of.get(name.surname_key, set()) & set(name.given_tokens)

    def inside_known(text: str, start: int, end: int) -> bool:
        """Whether the word before the span, one space away, is a given name of the span's surname's
        people: the span is the rest of their name with a middle name garbled ("Zhargal Rose Ferrer" for a
        known Zhargal Rosa Ferrer reads "Rose Ferrer" where no list knows "Zhargal"), left to the second
        pass as their name is; so is the span after such a given name written as heard or a letter away
        (`garbled_given_before`: "Dima Rosa Ferrer" for Dina, whose "Dima" opens no span of a list's
        given name where the second pass finds the whole name garbled)."""
        before = word_before(text, start)
        name = parse_name(text[start:end])
        if before is None or text[before.end(2):start] != " " or name is None or not before.group(1)[:1].isupper():
            return False
        givens = givens_of.get(name.surname_key, ())
        return fold(before.group(1)) in givens or garbled_given_before(text, start, givens) < start

    spans = {key: [(s, e) for s, e in _new_spans(text, _spans(text, grammar_of(key), lexicon), new)
                   if not inside_known(text, s, e)] for key, text in texts}
    written = Counter(text[s:e] for key, text in texts for s, e in spans[key])
    out = []
    for key, text in texts:
        by_start: dict[int, int] = {}
        for start, end in spans[key]:
            if written[text[start:end]] >= REPEATED:
                by_start[start] = max(end, by_start.get(start, end))
        found = [{"start": s, "end": e, "surface": text[s:e], "label": "PERSON", "method": "abroad"}
                 for s, e in sorted(by_start.items())]
        if found:
            out.append((key, found))
    return out
