"""The English words a loaded spaCy model already knows: the word list of its rule lemmatizer.

Why: the second pass accepts a word a letter or two away from a story surname as a misspelling of it,
and English has many such neighbours ("change" for Chang, "barrow" for Barlow). Telling them apart needs
a list of English words, and en_core_web_sm carries one: its lemmatizer's `lemma_index` (the WordNet
lemmas, about 80,000, plus the model's stop words) with the suffix rules and irregular forms that map "reviews" or "makes" onto them.
Nothing new is bundled, and the list travels with the model id that every analysis run records.

WordNet also lists some famous surnames ("nixon", "brady"). A garbled story surname is rarely one of
them, so treating them as words costs little: a known spelling of a story person is matched exactly,
before this list is asked.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from analysis.names import fold

__all__ = ["Lexicon", "function_words", "glue_words", "is_english", "lexicon_of"]


def is_english(language: str | None) -> bool:
    """Whether a page's language is the model's and this lexicon's. Unknown counts as English: most
    pages that omit `lang` are, and the extractor detects the rest.

    >>> is_english("en-GB"), is_english(None), is_english("es")
    (True, True, False)
    """
    return not language or language.lower().startswith("en")


@lru_cache(maxsize=64)
def function_words(language: str | None) -> frozenset[str]:
    """The function words of a page's language (spaCy's stop-word list for it: "con", "la", "di"),
    empty for English, an unknown language or one spaCy has no list for.

    Why: a capitalised word of the page's own grammar before a surname is no given name, though
    English lists have it as one ("Con", "Del", "Ella"): a Spanish title "Reunión de Barlow Con
    Bilensky" names no "Con Bilensky".

    Each word is there as written and folded, as names are compared ("später" and "spater").

    >>> "con" in function_words("es"), "con" in function_words("en"), function_words("xx")
    (True, False, frozenset())
    >>> {"später", "spater"} <= function_words("de")
    True
    """
    if is_english(language):
        return frozenset()
    from spacy.util import get_lang_class

    try:
        words = get_lang_class(language.split("-")[0].lower()).Defaults.stop_words
    except (ImportError, KeyError, AttributeError):
        return frozenset()
    return frozenset(words) | frozenset(fold(word) for word in words)


@lru_cache(maxsize=64)
def glue_words(words: frozenset[str]) -> frozenset[str]:
    """Of a language's function words (`function_words`), those a lost space may glue to a name before
    them: two letters or more ("le" in "Cranstonle maire"). One letter only where a lower-case word
    follows (`glue_letters`): elsewhere one letter is too little to tell the glue from a garble.
    English has none here: the second pass keeps its own glue words.

    >>> "le" in glue_words(function_words("fr")), "a" in glue_words(function_words("fr")), glue_words(function_words("en"))
    (True, False, frozenset())
    """
    return frozenset(w for w in words if w.isalpha() and len(w) >= 2)


#: Languages whose names take no case endings (Romance): there a one-letter function word after a name
#: is glue, never the name declined. Polish "Elleny Cranstona" is Ellen Cranston declined, given name and surname.
NO_CASE_ENDINGS = frozenset({"fr", "it", "es", "pt", "ca", "gl"})


def glue_letters(language: str | None) -> frozenset[str]:
    """The one-letter function words of a page's language that a lost space may glue to a name before
    a lower-case word ("Cranstona récidivé" for "Cranston a récidivé", a participle after its
    auxiliary): only in a language whose names take no case endings (`NO_CASE_ENDINGS`), where such a
    letter after a name is no ending of the name's.

    >>> "a" in glue_letters("fr"), glue_letters("pl"), glue_letters("en")
    (True, frozenset(), frozenset())
    """
    if not language or language.split("-")[0].lower() not in NO_CASE_ENDINGS:
        return frozenset()
    return frozenset(w for w in function_words(language) if w.isalpha() and len(w) == 1)


@dataclass(frozen=True)
class Lexicon:
    """Folded English words, and the suffix rules that lead an inflected form to a lemma of one part of
    speech: (old ending, new ending, that part of speech's lemmas). `word in lexicon` is what callers ask.

    A rule leads only to a lemma of its own part of speech, as spaCy's lemmatizer does: the adjective
    rule "-er" must not turn a surname ending in -er into an English word by way of an irregular verb
    form ("copping", from "cop").

    >>> nouns = frozenset({"review"})
    >>> lexicon = Lexicon(nouns | {"whose"}, (("s", "", nouns),))
    >>> "reviews" in lexicon, "whose" in lexicon, "cranston" in lexicon
    (True, True, False)
    """

    words: frozenset[str] = frozenset()
    rules: tuple[tuple[str, str, frozenset[str]], ...] = ()
    #: The verb lemmas: a headline's "Makes" is a verb form, which a surname rarely is.
    verbs: frozenset[str] = frozenset()

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        if word in self.words:
            return True
        return any(word.endswith(old) and len(word) > len(old) and word[:len(word) - len(old)] + new in lemmas
                   for old, new, lemmas in self.rules)

    def forms(self, lemma: str) -> set[str]:
        """The lemma and the regular forms the suffix rules lead back to it ("change": "changes",
        "changing", "changed"...), for asking whether a text uses a word in any of its forms.

        >>> rules = (("es", "e", frozenset({"change"})), ("ing", "e", frozenset({"change"})))
        >>> sorted(Lexicon(frozenset({"change"}), rules).forms("change"))
        ['change', 'changes', 'changing']
        """
        return {lemma} | {lemma[:len(lemma) - len(new)] + old for old, new, lemmas in self.rules
                          if lemma in lemmas and lemma.endswith(new)}

    def __bool__(self) -> bool:
        return bool(self.words)


def lexicon_of(nlp) -> Lexicon:
    """The lexicon of a loaded pipeline; empty when it has no rule lemmatizer (a blank test pipeline).

    Words: every lemma of the lemmatizer's index, every irregular form it lists, and the model's stop
    words (WordNet lists content words only: "across" and "whose" are not in it). Only one-word,
    all-letter entries are kept: a multi-word lemma ("all_the_same") could not be taken for a name.
    """
    if nlp is None or "lemmatizer" not in getattr(nlp, "pipe_names", ()):
        return Lexicon()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return Lexicon()
    index = lookups.get_table("lemma_index")
    lemmas = {pos: frozenset(w.lower() for w in entries if w.isalpha()) for pos, entries in index.items()}
    words: set[str] = set().union(*lemmas.values())
    if lookups.has_table("lemma_exc"):
        for forms in lookups.get_table("lemma_exc").values():  # irregular form -> its lemmas, per part of speech
            words.update(w.lower() for w in forms if w.isalpha())
    words.update(w for w in getattr(nlp.Defaults, "stop_words", ()) if w.isalpha())
    rules = []
    if lookups.has_table("lemma_rules"):
        for pos, pairs in lookups.get_table("lemma_rules").items():
            if pos in lemmas:
                rules += [(old, new, lemmas[pos]) for old, new in pairs
                          if old and old.isalpha() and (new == "" or new.isalpha())]
    verbs = frozenset(w.lower() for w in (index.get("verb") or ()) if w.isalpha())
    return Lexicon(frozenset(words), tuple(sorted(rules, key=lambda r: (r[0], r[1], len(r[2])))), verbs)
