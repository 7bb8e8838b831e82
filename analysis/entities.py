"""Entities: spaCy NER over article fields, and a second pass for the person mentions NER misses.

Real data taught us why the second pass exists: in an SEO summary the misspelling sits inside a
lower-case keyword phrase ("ice confrontations massachusetts koppinger") and inside quotes, and
en_core_web_sm tags none of those as PERSON. The story's people are known from the mentions NER does
find, so their surnames can be searched for directly, case-insensitively and with typo tolerance.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Iterator
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS

from analysis.lexicon import Lexicon, lexicon_of
from analysis.name_rules import COMPETITION_WORDS, PARTICLES, given_names, is_title, world_given_names
from analysis.names import ParsedName, fold, one_script, parse_name, strip_possessive
from analysis.person_spans import (
    clean_person_span,
    extend_to_given_name,
    headline_verb,
    leading_participle,
    trailing_headline_verb,
)
from analysis.second_pass import ATTACHED_TITLES, KnownWords, extend_left, find_more_mentions, hyphenated_name  # noqa: F401 (re-exported)

#: PERSON is the main type. Every label is kept: ORG/GPE/DATE/CARDINAL for later claim work, and all
#: of them as votes on what a surface is ("Harrow County" is GPE far more often than PERSON).
#: The fields of an article version that mentions are searched in, as stored. SEO errors live outside
#: the body too: in the title, the meta description and keywords, the URL slug, captions and the byline.
FIELDS = ("title", "description", "keywords", "url", "author", "captions", "text")
#: Fields where NER runs; keywords, URLs and bylines are not prose, so only the second pass reads them.
NER_FIELDS = ("title", "description", "captions", "text")
#: Prose fields: what "ordinary word" counts read (URL slugs and keywords are lower case by nature).
PROSE_FIELDS = NER_FIELDS
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
#: A capitalised word and a hyphen just before a word: "Ha-" of "Ha-rin", "Tae-" of "Tae-sung".
_CAPITALISED_HYPHEN = re.compile(r"(?<![^\W\d_])[^\W\d_a-z][^\W\d_]*[-\u2010]$")
#: Single quotes, curly or straight, opened after a space or bracket and closed before no letter
#: ("accusing 'Ron Brandt' of", headlines' 'Brandt'): never an apostrophe ("Brandt's", "rock 'n' roll"
#: aside, which holds no name).
_SINGLE_QUOTED = re.compile(r"(?<![^\s(\[“\"])['‘]([^'‘’\n]{1,80})['’](?![^\W\d_])")
#: Nothing but space and an ellipsis left of a text: where a teaser or excerpt stops (`usage`).
_CUT_END = re.compile(r"\s*(?:\.\.\.|\u2026)?\s*\Z")
#: A quoted stretch this short that contains a name, introduced as a name (`NAMING_WORDS`), is talk
#: *about* the name, not a use of it.
QUOTE_MAX_WORDS = 6
#: Words that present what is quoted beside them as a name, a spelling or a search: "called him
#: “Halscum”", "referred to him as “Halscum”", "the ‘Kathcart’ spelling", "searched for “...”". Folded;
#: the languages the crawl meets most. Without one of them near, quotation marks around a name are
#: scare quotes or someone's words ("accusing 'Rod DeMarinus' of being disloyal"): a use.
NAMING_WORDS = frozenset("""
    as dub dubs dubbed known typo typos word words term phrase query queries hashtag tag tags handle
    moniker alias initials version reading reads refer refers referred referring use uses usage
    como nombre apodo nome come nom comme surnom als
""".split())
#: Beginnings of the naming words that are inflected: "called"/"calling", "llamaron", "soprannominato".
NAMING_STEMS = ("call", "nicknam", "name", "naming", "spell", "spelt", "misspel", "wrot", "writ", "search",
                "google", "label", "llam", "apod", "chamad", "chamou", "apelid", "chiam",
                "soprannom", "surnomm", "appel", "genannt", "nannt", "nenn", "spitznam", "schreib", "orthograph")
#: How many words either side of a short quote `NAMING_WORDS` are looked for in, within its sentence.
NAMING_REACH = 3
#: Double quotation marks around any stretch of one paragraph: words a page reproduces (`in_quotation`,
#: and the short ones of `_short_quotes`).
_QUOTATION = re.compile(r"[“\"]([^“”\"\n]{1,1000})[”\"]")


def ner_only(nlp) -> list[str]:
    """Components to disable so that nlp.pipe runs only what NER needs (in en_core_web_sm, `ner`
    has its own tok2vec; entities come out identical)."""
    return [name for name in nlp.pipe_names if name != "ner"]


#: Texts longer than this go through NER in pieces cut at whitespace (spaCy refuses texts over
#: nlp.max_length, 1,000,000 characters by default, and memory grows with text length).
CHUNK_CHARS = 100_000


def find_entities(nlp, texts: Iterable[tuple[object, str]], *, batch_size: int = 32,
                  n_process: int = 1) -> Iterator[tuple[object, list[dict]]]:
    """Run NER over (key, text) pairs; yield (key, entities) with offsets into the text, in input order.

    PERSON spans are repaired (`person_spans`) so that the surface is the name as the article writes
    it and `text[start:end] == surface` holds: a trailing possessive goes ("Cathcart’s" -> "Cathcart"),
    so do punctuation, a line break, an agency after a slash and a headline's verb; the titles written
    just before the name join it ("Sheriff Kevin Coppinger"), and so does a given name NER left out, or
    the rest of a hyphenated given name it cut ("Choi Tae" | "-sung").
    """
    lexicon = lexicon_of(nlp)
    pieces = ((chunk, (key, offset, text)) for key, text in texts for offset, chunk in _chunks(text))
    current, entities, current_text = _NOTHING, [], ""
    with nlp.select_pipes(disable=ner_only(nlp)):
        for doc, (key, offset, text) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size, n_process=n_process):
            if offset == 0 and current is not _NOTHING:  # a new text (keys are pickled when n_process > 1)
                yield current, entities
                entities = []
            current, current_text = key, text
            for ent in doc.ents:
                start, end = offset + ent.start_char, offset + ent.end_char
                spans = _person_spans(current_text, start, end, lexicon) if ent.label_ == "PERSON" else [(start, end)]
                for s, e in spans:
                    if current_text[s:e].strip():
                        entities.append({"start": s, "end": e, "surface": current_text[s:e],
                                         "label": ent.label_, "method": "ner"})
    if current is not _NOTHING:
        yield current, entities


#: A hyphen and lower-case letters right after a word: the rest of a hyphenated given name ("-sung").
_HYPHEN_TAIL = re.compile(r"[-\u2010]([^\W\d_]+)")


def _hyphen_tail(text: str, end: int, lexicon: Lexicon) -> int:
    """The end of a PERSON span that NER cut at a hyphen inside a name ("Choi Tae" | "-sung"): past the
    hyphen and the rest, when the span's last word and it are one hyphenated name (`hyphenated_name`).
    Why: Korean given names write their later syllables in lower case after a hyphen, and the model
    stops there; a name joined to a word ("Barlow-backed") keeps its end."""
    tail = _HYPHEN_TAIL.match(text, end)
    if tail is None:
        return end
    word = text[:end].rsplit(None, 1)[-1]
    return tail.end() if hyphenated_name(f"{word}-{tail.group(1)}", lexicon) else end


#: Particles, then a capitalised word, after a space each: the rest of a particled surname ("der Leyen").
_PARTICLE_TAIL = re.compile(r"((?: [^\W\d_]+)*?) ([^\W\d_a-z][^\W\d_]*(?:[-\u2010][^\W\d_]+)*)")


def _particle_tail(text: str, s: int, end: int) -> int:
    """The end of a PERSON span that NER cut inside or before a particled surname ("Ursula von der" |
    "Leyen", "Marc-Andre" | "ter Stegen"): past the particles and the capitalised word after them, when
    the span has a word before its last and ends on a particle (`PARTICLES`), or when lower-case
    particles follow it. Why: a name never ends on a particle, and a lower-case particle between a
    name and a capitalised word joins them; the model stops before a surname core it does not know, and
    the cut name is then a person of its own ("Marc Andre", or one whose surname is "der"), taking every
    use of the real one.

    >>> text = "chief Ana van der Meer said"
    >>> text[6:_particle_tail(text, 6, text.index(" der"))], text[6:_particle_tail(text, 6, text.index(" Meer"))]
    ('Ana van der Meer', 'Ana van der Meer')
    >>> text[6:_particle_tail(text, 6, text.index(" van"))]
    'Ana van der Meer'
    >>> text = "with Ana de la paz, as Ana Said Rome"
    >>> text[5:_particle_tail(text, 5, text.index(" la"))], text[23:_particle_tail(text, 23, text.index(" Said"))]
    ('Ana de', 'Ana')
    """
    words = text[s:end].split()
    ends_on_particle = bool(words) and fold(words[-1]) in PARTICLES
    tail = _PARTICLE_TAIL.match(text, end) if words and (len(words) > 1 or not ends_on_particle) else None
    if tail is None:
        return end
    between = tail.group(1).split()
    # After a particle, more of them in any case; after a name, only particles written in lower case, as
    # a name's particles are, join the name after them.
    joined = all(fold(word) in PARTICLES for word in between) if ends_on_particle \
        else bool(between) and all(word in PARTICLES for word in between)
    return tail.end() if joined else end


def _person_spans(text: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """A PERSON span as the name parts it holds, each repaired (see `find_entities`)."""
    out = []
    for s, e in clean_person_span(text, start, start + len(strip_possessive(text[start:end]))):
        e = s + len(strip_possessive(text[s:e]))
        e = _particle_tail(text, s, _hyphen_tail(text, e, lexicon))
        first = text[s:e].split(None, 1)
        if len(first) == 2 and leading_participle(first[0], lexicon):
            s = e - len(first[1])  # "Castigating Bilensky": the clause's verb, then the name
        if title_case(_line_at(text, s)):
            if trailing_headline_verb(text[s:e], lexicon):
                e = s + len(text[s:e].rstrip().rsplit(None, 1)[0])
            elif " " not in text[s:e].strip() and headline_verb(text[s:e], lexicon):
                continue  # the headline's verb alone ("Debuts")
        s = extend_to_given_name(text, s, e, lexicon)
        if all(fold(w.rstrip(".")) in ATTACHED_TITLES for w in text[s:e].split()):
            continue  # a title alone ("Secretary" once its headline verb is cut) names nobody
        s = extend_left(text, s, frozenset(), titles=ATTACHED_TITLES)
        if e > s:
            out.append((s, e))
    return out


_NOTHING = object()


def _chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering `text`, cut at a line break or space before `size` characters."""
    start = 0
    while len(text) - start > size:
        cut = max(text.rfind("\n", start, start + size), text.rfind(" ", start, start + size))
        cut = cut + 1 if cut > start else start + size
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def usage(text: str, start: int, end: int, field: str = "text") -> str:
    """'quoted' when the name sits in a short quoted stretch that a naming word beside it presents as a
    name (talk about the spelling: "called him “Halscum”"), 'cut' when a body text stops in the middle
    of it, else 'uses'.

    A long quotation that contains a name (a speaker's words) is still a use of the name. A body text
    that ends on the name's last letter, or on an ellipsis right after it, with no sentence closed, was
    cut there (a teaser, a paywall, an excerpt): the last word may be a longer word cut short, so it is
    no evidence of how the outlet spells it, and no error of the outlet's. Headlines end without a full
    stop as a rule, so only the body is read so.
    """
    for quote_start, quote_end in (*_naming_quotes(text), *_naming_asides(text)):
        if quote_start <= start and end <= quote_end:
            return "quoted"
    if field == "text" and _CUT_END.match(text, end):
        return "cut"
    return "uses"


#: What bounds the stretch a name in small letters is judged in (`lowered_in_prose`): a sentence's end,
#: a list's comma, a colon, a line, the separators of menus and tag lists, brackets and quotation marks.
_STRETCH_BREAK = re.compile(r"[.!?](?=\s|\Z)|[,;:|•/()\[\]{}\"“”«»\n]")
#: How far either side of a name its stretch is looked for (characters): a long sentence's length.
STRETCH_REACH = 400
#: Characters that glue a name to what is beside it as a URL, a path, a handle or a hashtag does.
_GLUE_BEFORE, _GLUE_AFTER = "#@/_-.'’", "@/_-"


def lowered_in_prose(text: str, start: int, end: int, names: Iterable[tuple[int, int]] = (),
                     english: bool = False) -> bool:
    """Whether a name with a word in small letters ("navalnaya", "Kilmar abrego garcia") is written so
    among words that capitalise names: another word of the name is capitalised, or the stretch of text
    around it (`_STRETCH_BREAK`) has a capitalised word after its first, or opens on another name
    (`names`: the spans of the text's other mentions). Not a name glued to a URL, a path, a handle or a
    hashtag, nor one in a stretch written in small letters throughout.

    Why: a keyword string, a tag list, a slug or a caption track writes every word small, names too
    ("ice confrontations massachusetts coppinger", "#southkorea #yoon"), and there the small letters are
    the string's, no spelling of the name. A sentence that capitalises its other names and lowers this
    one ("She navalnaya has been living in Berlin", "Rubiales admits mistake as hermoso speaks out")
    writes the name wrong, as machine rewrites do. Whether the small word is the name's own (a particle,
    "von der") is the story's to say, which knows the canonical name.

    >>> text = "Tags: ellen cranston, Politics. She ellen cranston has left Harrow. Ellen cranston: a profile"
    >>> [lowered_in_prose(text, m.start(), m.end()) for m in re.finditer("(?i)ellen cranston", text)]
    [False, True, True]
    >>> text = "Fraser admits mistake as cranston speaks out. Latest podcasts about cranston"
    >>> [lowered_in_prose(text, m.start(), m.end(), [(0, 6)]) for m in re.finditer("cranston", text)]
    [True, False]
    >>> text = "https://example.org/news/ellen-cranston-wins in Harrow, #cranston for Mayor"
    >>> [lowered_in_prose(text, m.start(), m.end()) for m in re.finditer("cranston", text)]
    [False, False]

    `english`: the page is in English, whose function words say a stretch between commas is part of a
    sentence (`in_a_sentence`): "On May 2, cranston he won the vote by a wide margin." writes a
    name small inside a sentence, though no other word of its stretch is capitalised.
    >>> text = "On May 2, cranston he won the vote by a wide margin. Tags: ellen cranston, Politics."
    >>> [lowered_in_prose(text, m.start(), m.end(), english=True) for m in re.finditer("cranston", text)]
    [True, False]
    """
    if start and (text[start - 1].isalnum() or text[start - 1] in _GLUE_BEFORE):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] in _GLUE_AFTER):
        return False
    if any(word[:1].isupper() for word in text[start:end].split()):
        return True
    # A stretch is a sentence or less: looked for within STRETCH_REACH characters, so a page of many
    # small-letter names is read once per name, not once from its start.
    reach = max(0, start - STRETCH_REACH)
    opening = max((m.end() for m in _STRETCH_BREAK.finditer(text, reach, start)), default=reach)
    closing = next((m.start() for m in _STRETCH_BREAK.finditer(text, end, end + STRETCH_REACH)),
                   min(len(text), end + STRETCH_REACH))
    spans = list(names)
    first = True
    for word in re.finditer(r"\S+", text[opening:closing]):
        at = opening + word.start()
        written = word.group().strip("'\"‘’“”")
        if not (start <= at < end) and written[:1].isupper() and written[1:2].islower():
            if not first or any(a <= at < b for a, b in spans):
                return True
        first = False
    return english and in_a_sentence(text, start, end)


#: Where a sentence opens (`in_a_sentence`): after a full stop, a question or exclamation mark, or a line.
_SENTENCE_OPEN = re.compile(r"[.!?]\s+|\n")
#: Where one closes: a full stop, a question or exclamation mark before a space or the end, or a line.
_SENTENCE_CLOSE = re.compile(r"[.!?](?=\s|\Z)|\n")
#: English function words a sentence holds besides a name, at least, to be one (`in_a_sentence`).
SENTENCE_FUNCTION_WORDS = 3


def in_a_sentence(text: str, start: int, end: int) -> bool:
    """Whether the span sits in an English sentence: a stretch of one line that opens with a capital,
    closes with a full stop (or a question or exclamation mark), and holds at least
    `SENTENCE_FUNCTION_WORDS` English function words ("he", "of", "the") outside the span.

    Why: machine rewrites lower a name in the middle of a clause set off by commas ("According to the
    commission, cranston he obtained 87% of the votes."), where no capitalised word is near; keyword
    strings, tag lists and captions ("tags: cranston, harrow", "ellen cranston Photo by: A. Lee") are
    not sentences, nor hold their grammar's words.

    >>> text = "Results came in. Today, mayor ellen cranston took the oath in a ceremony.\\nellen cranston photo"
    >>> [in_a_sentence(text, m.start(), m.end()) for m in re.finditer("ellen cranston", text)]
    [True, False]
    >>> in_a_sentence("Tags: Politics, ellen cranston, Harrow.", 17, 31)
    False
    """
    reach = max(0, start - STRETCH_REACH)
    opening = max((m.end() for m in _SENTENCE_OPEN.finditer(text, reach, start)), default=0 if reach == 0 else None)
    closing = _SENTENCE_CLOSE.search(text, end, end + STRETCH_REACH)
    if opening is None or closing is None or text[closing.start()] == "\n":
        return False
    first = re.search(r"[^\W\d_]", text[opening:start])
    if first is None or not first.group().isupper():
        return False
    words = re.findall(r"[^\W\d_]+", text[opening:start] + " " + text[end:closing.start()])
    return sum(word.lower() in ENGLISH_STOP_WORDS for word in words) >= SENTENCE_FUNCTION_WORDS


def in_quotation(text: str, start: int, end: int) -> bool:
    """Whether a name sits inside double quotation marks: someone's words the page reproduces (a post,
    a statement, a speech), spelt as they were written or heard, not as the outlet would write the name.

    Why: a careful newsroom that quotes a post calling a governor "Galen Halscum" does not vouch for
    that spelling; its own prose does. The quoted name is still a use (`usage`), and still the page's
    error where it is one."""
    return any(s <= start and end <= e for s, e in _quotations(text))


@lru_cache(maxsize=4096)
def _quotations(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(1), m.end(1)) for m in _QUOTATION.finditer(text))


@lru_cache(maxsize=4096)
def _short_quotes(text: str) -> tuple[tuple[int, int], ...]:
    """The short quoted stretches of a text, found once per text rather than once per mention: the
    double-quoted ones of `_quotations` (one scanner for both, so a long quotation's closing mark
    never opens a short one) and the single-quoted ones."""
    double = ((s, e) for s, e in _quotations(text) if len(text[s:e].split()) <= QUOTE_MAX_WORDS)
    single = ((m.start(1), m.end(1)) for m in _SINGLE_QUOTED.finditer(text)
              if len(m.group(1).split()) <= QUOTE_MAX_WORDS)
    return (*double, *single)


#: A sentence's end, or a colon opening someone's words: where `NAMING_WORDS` stop being looked for.
_SENTENCE_BREAK = re.compile(r"[.!?;:\n]\s")
#: What joins quoted names in a list ("“Rod DeMarinated” and “Meatball Rod”"): one introduction for all.
_LIST_JOIN = re.compile(r"[”\"'’]?\s*(?:,|and|or|y|et|und|e|o|ou|oder)?\s*[“\"'‘]?\s*\Z", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _naming_quotes(text: str) -> tuple[tuple[int, int], ...]:
    """The short quoted stretches that talk about a name: a `NAMING_WORDS` word within `NAMING_REACH`
    words before the opening mark or after the closing one, in the same sentence; or listed right after
    such a stretch ("nicknames including “Rod DeMarinated” and “Meatball Rod”").

    Why: the labelled real coverage counts scare quotes and quoted statements as uses of a name (a page
    that writes "accusing 'Rod DeMarinus' of" carries the garble), and a passage about the name as no
    use ("referred to him as “Halscum”"). What tells the two apart is the word that introduces it.
    """
    found: list[tuple[int, int]] = []
    for quote_start, quote_end in sorted(_short_quotes(text)):
        if found and _LIST_JOIN.match(text[found[-1][1]:quote_start]) and quote_start - found[-1][1] <= 8:
            found.append((quote_start, quote_end))
            continue
        before = _SENTENCE_BREAK.split(text[max(0, quote_start - 80):quote_start])[-1]
        after = _SENTENCE_BREAK.split(text[quote_end:quote_end + 80].lstrip("”\"'’"))[0]
        near = _WORD.findall(before)[-NAMING_REACH:] + _WORD.findall(after)[:NAMING_REACH]
        if any(_naming(fold(word)) for word in near):
            found.append((quote_start, quote_end))
    return tuple(found)


#: A stretch in brackets, within one paragraph.
_ASIDE = re.compile(r"\(([^()\n]{1,300})\)")


@lru_cache(maxsize=4096)
def _naming_asides(text: str) -> tuple[tuple[int, int], ...]:
    """The bracketed asides that open on a naming word (`NAMING_WORDS`, within `NAMING_REACH` words):
    "(also spelt Ana Ruys or Ana Ruiz)", "(Schreibweise auch ...)". A biography lists the other
    spellings of its subject's name so, without quotation marks: a passage about the name, no use of it.

    >>> text = "Ana Ruiz (also spelt Ana Ruys) won. Ana Ruiz (the mayor, Ana Ruys said) won."
    >>> [text[s:e] for s, e in _naming_asides(text)]
    ['also spelt Ana Ruys']
    """
    return tuple(m.span(1) for m in _ASIDE.finditer(text)
                 if any(_naming(fold(word)) for word in _WORD.findall(m.group(1))[:NAMING_REACH]))


def _naming(word: str) -> bool:
    return word in NAMING_WORDS or word.startswith(NAMING_STEMS)


def ordinary_words(texts: Iterable[str], *, min_texts: int = 1) -> frozenset[str]:
    """Words the story's prose writes in lower case more often than capitalised: "outcry", "fire".

    NER tags Title Case headings as people ("Bystander Arrests", "Public Outcry"); the rest of the
    story gives them away by using the same words in lower case. A real surname is capitalised
    almost everywhere (the SEO phrase "koppinger" is the rare exception, outnumbered by the names).
    min_texts: how many texts must write the word in lower case. The second pass asks for two: a
    garbled name written in lower case on one page ("ozdemirin") is that page's, not the story's word.
    """
    return story_words(texts, min_texts=min_texts)[0]


def story_words(texts: Iterable[str], *, min_texts: int = 1) -> tuple[frozenset[str], frozenset[str]]:
    """The story's `ordinary_words`, and every word it writes in lower case at least once (outside a
    compound or a tag, `_small_by_style`): in one pass, as the second pass needs both.

    >>> ordinary, written_lower = story_words(["The stammer and the Stammer.", "Outcry: an outcry, an outcry."])
    >>> sorted(ordinary), sorted(written_lower)
    (['an', 'and', 'outcry'], ['an', 'and', 'outcry', 'stammer', 'the'])
    """
    lower: Counter = Counter()
    capitalised: Counter = Counter()
    lower_texts: Counter = Counter()
    for text in texts:
        seen = set()
        for match in _WORD.finditer(text):
            word = match.group()
            if word.islower():
                if _small_by_style(text, match.start(), match.end()):
                    continue
                lower[word] += 1
                seen.add(word)
            elif word[:1].isupper():
                capitalised[word.lower()] += 1
        lower_texts.update(seen)
    ordinary = frozenset(word for word, n in lower.items() if n > capitalised[word] and lower_texts[word] >= min_texts)
    return ordinary, frozenset(lower)


def in_heading(text: str, start: int) -> bool:
    """Whether the offset sits in a heading-like line: short, no closing punctuation, Title Case."""
    line = _line_at(text, start)
    return line[-1:] not in ".!?”\"" and _short_title_case(line)


@lru_cache(maxsize=4096)
def _short_title_case(line: str) -> bool:
    """At most 12 words, Title Case; once per line, not once per mention on it (a page written as
    one long line holds all its mentions)."""
    return len(_WORD.findall(line)) <= 12 and title_case(line)


@lru_cache(maxsize=4096)
def title_case(line: str) -> bool:
    """Whether most words of a line (60%) are capitalised, as in a headline of any length. Cached:
    every PERSON span of a line asks about the same line."""
    words = _WORD.findall(line)
    return bool(words) and sum(1 for w in words if w[:1].isupper()) >= 0.6 * len(words)


def _line_at(text: str, start: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return text[line_start:None if line_end < 0 else line_end].strip()


#: Last words that make a capitalised phrase an organisation or a place, not a person ("Fire
#: Department", "Millpond Trail"). Words that are also common surnames (Park, Church, Rivers) are left out.
NON_PERSON_HEADS = frozenset(["department", "office", "council", "committee", "agency", "association", "authority", "commission", "board", "bureau", "service", "services", "company", "corporation", "corp", "inc", "ltd", "llc", "group", "university", "college", "school", "academy", "hospital", "clinic", "center", "centre", "bridge", "road", "street", "avenue", "boulevard", "lane", "trail", "creek", "river", "lake", "county", "city", "town", "village", "district", "station", "news", "times", "post", "daily", "radio", "network", "foundation", "institute", "museum", "library", "court", "police", "team", "club", "league", "party", "ministry", "government", "administration", "highway", "route", "diner", "cafe", "restaurant", "hotel", "mall", "market", "airport", "railway", "bank", "fund", "program", "project", "squad", "unit", "force"])


#: NER labels of places: a word tagged so more often than PERSON is one of the story's places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: NER's label of nationalities, faiths and political groups ("Moravian"): a word tagged so alone more
#: often than PERSON, and than it opens a person's name, opens no name either (`plausible_first_word`).
GROUP_LABEL = "NORP"


def _key(mention: dict) -> tuple:
    """Where a mention is: its `key`, else (version_id, field), the text it is an offset into."""
    return mention["key"] if "key" in mention else (mention["version_id"], mention["field"])


def credible_mentions(mentions: Iterable[dict], texts: dict[object, str], ordinary: frozenset[str], *,
                      lexicon: Container[str] = frozenset(), foreign: Container = frozenset()) -> list[dict]:
    """NER PERSON mentions that are evidence of a person: name-like, with a surname that is not an
    ordinary word of the story, more often tagged PERSON than anything else, opening with a plausible
    given name (`plausible_first_word`), and written at least once outside a heading line.

    mentions: every NER entity of the story, dicts with `key` ((document, field), into `texts`; or
        `version_id` and `field`, which make it), `start`, `surface` and `label`; read once, so a
        story's entities can stream from the store: only the PERSON ones are kept, the others only
        vote. The real SEO article taught us the heading rule: NER tags its Title Case section headings
    ("Bystander Arrests", "Public Outcry") as PERSON. The vote catches places NER sometimes calls people
    ("Worcester", "Harrow County"); a PERSON span followed by a comma and a tagged place ("Glen Ridge,
    N.J.") votes as a place, and a first word such as "Fort" or "Port" makes a place outright.
    lexicon: folded English words (`analysis.lexicon`), for the given-name check.
    foreign: the keys of `texts` not in English, whose lower-case words are their own language's: a
        Spanish "han" (have) is no evidence that "Han" before a surname is the English word.
    """
    person_votes: Counter = Counter()  # folded surface -> uses tagged PERSON and voting as a person
    other_votes: Counter = Counter()  # ... tagged otherwise, or a PERSON span written as a place
    place_votes: Counter = Counter()
    group_votes: Counter = Counter()  # folded surface -> uses tagged a nationality, faith or group
    place_starts = set()
    place_ends = set()
    persons = []
    organisations = []  # ORG spans of several words: a person when the text writes them as one
    tagged: Counter = Counter()  # folded surface -> spans NER tags PERSON, as NER tags them
    for m in mentions:
        if m["label"] == "PERSON":
            persons.append(m)
            tagged[fold(strip_possessive(m["surface"]))] += 1
            continue
        if m["label"] == "ORG" and " " in m["surface"].strip():
            organisations.append(m)
            continue
        surface = fold(strip_possessive(m["surface"]))
        other_votes[surface] += 1
        if m["label"] in PLACE_LABELS:
            place_votes[surface] += 1
            place_starts.add((_key(m), m["start"]))
            place_ends.add((_key(m), m["start"] + len(m["surface"])))
        elif m["label"] == GROUP_LABEL:
            group_votes[surface] += 1
    # An organisation's span may be a person's name when it opens with a given name of some locale, or
    # ends with a word NER tags a person alone, again and again (`SURNAME_TAGGED`): the small model
    # tags some people's full names an organisation nearly every time ("Ana Vukotic" ORG, "Vukotic"
    # PERSON), a club or a court never its last word alone a person.
    organisations = [m for m in organisations if fold(m["surface"].split()[0]) in world_given_names()
                     or tagged[fold(strip_possessive(m["surface"]).split()[-1])] >= SURNAME_TAGGED]
    marked = marked_as_people(organisations, persons, place_ends, texts)
    # A name the text writes as a person's on several pages is a person's wherever NER calls it an
    # organisation: those uses say what the model gets wrong, not that a firm shares the name.
    documents_marked: dict[str, set] = {}
    for m in organisations:
        if id(m) in marked:
            documents_marked.setdefault(fold(strip_possessive(m["surface"])), set()).add(_key(m)[0])
    for m in organisations:
        surface = fold(strip_possessive(m["surface"]))
        if id(m) in marked:
            persons.append({**m, "label": "PERSON"})
        elif (strip_possessive(m["surface"]) == m["surface"].rstrip()
              and len(documents_marked.get(surface, ())) < MARKED_DOCUMENTS):
            other_votes[surface] += 1
        # A possessive opening with a given name ("Ana Ruiz's profile") is no vote either way: the small
        # model tags a person's possessive an organisation as often as not.
    del organisations
    opening: Counter = Counter()  # folded word -> PERSON spans of two words or more it opens
    ending: Counter = Counter()  # ... and ends
    for m in persons:
        surface = fold(strip_possessive(m["surface"]))
        if _before_a_place(texts.get(_key(m), ""), m, place_starts):
            other_votes[surface] += 1
            place_votes[surface] += 1
        else:
            person_votes[surface] += 1
            if " " in surface:
                opening[surface.split()[0]] += 1
                ending[surface.split()[-1]] += 1
    # A word NER tags a place alone more often than a person, and more often than it opens a person's
    # name: a place. Not a given name the model knows too little to tag alone ("Tancredi" a place nine
    # times, where forty names open with it): a place rarely opens more names than it is tagged itself.
    # So is a word NER tags a nationality or a group alone ("Moravian"): "Moravian Union", a party NER
    # took for a person, opens with no given name.
    places = frozenset(s for s, n in (place_votes + group_votes).items()
                       if " " not in s and n > person_votes[s] and n > opening[s])
    # The story's places of any length ("San Moravo"), for the names of their people (`demonym_of`).
    place_names = frozenset(s for s, n in place_votes.items() if n > person_votes[s])
    # A word before a name that says where the person is from (`of_a_place`: "Moravian", "Moravias"),
    # no given name of any locale: a place's word too, however rarely NER tags it alone.
    places |= {word for word in opening if word not in world_given_names() and of_a_place(word, place_names)}
    # A word NER tags a nationality alone anywhere, and that no list knows as a given name, says who a
    # person is before their name, however often NER takes it into one ("Moravian Ana Ruiz").
    descriptors = places | {s for s in group_votes if " " not in s and s not in world_given_names()}
    del place_votes, group_votes, place_starts, place_ends
    prose = [text for key, text in texts.items() if key[1] in PROSE_FIELDS and key not in foreign]
    lowered = lower_case_words(prose) | written_alone(prose, lexicon)
    named = []  # (mention, its parsed name)
    for m in persons:
        surface = fold(m["surface"])
        if not (is_name_like(m["surface"], ordinary) and person_votes[surface] > other_votes[surface]) or \
                demonym_of(fold(strip_possessive(m["surface"])), place_names):
            continue
        m = _without_tagged_end(_without_lead_word(_without_glued_words(m), descriptors, lexicon), person_votes,
                                other_votes, opening, ending)
        name = parse_name(m["surface"])
        if (name.surname.split()[-1] not in NON_PERSON_HEADS and fold(m["surface"].split()[0]) not in PLACE_PREFIXES
                and not {name.tokens[0], name.tokens[-1]} & COMPETITION_WORDS
                and plausible_first_word(name, lexicon=lexicon, lowered=lowered, places=places)):
            named.append((m, name))
    del persons
    in_prose = {name.key for m, name in named if not in_heading(texts[_key(m)], m["start"])}
    named = [(m, name) for m, name in named if name.key in in_prose]
    # A bare word ("Skies", "Bookmark") is evidence of a person only with a title or in several articles.
    documents_of: dict[str, set] = {}
    for m, name in named:
        documents_of.setdefault(name.key, set()).add(_key(m)[0])
    return [m for m, name in named if name.full or name.title or len(documents_of[name.key]) > 1]


#: Endings that make a place's people of its name, its last vowel dropped or kept ("Moravia": "Moravian",
#: "Moravo": "Moravar", "Velland": "Vellandese", "Ostrel": "Ostreli", "Moravie": "Moraviens").
DEMONYM_ENDINGS = ("n", "ns", "an", "ans", "ian", "ians", "ese", "i", "is", "ar", "ars", "er", "ers",
                   "ien", "iens", "ienne", "iennes", "ais", "aise", "ois", "oise", "ic", "ite", "ites")


def demonym_of(surface: str, place_names: Container[str]) -> bool:
    """Whether a folded surface is the word for the people of one of the story's places (`place_names`,
    folded): NER takes "San Moravan" for a person named Moravan now and then, where it tags "San Moravo"
    a place far more often; a person's name is no place's with an ending (`DEMONYM_ENDINGS`).

    >>> [demonym_of(s, {"san moravo", "ostrava"}) for s in ("san moravan", "san moravans", "ostravars", "san moravo", "ana ruiz")]
    [True, True, True, False, False]
    """
    for ending in DEMONYM_ENDINGS:
        if surface.endswith(ending) and len(surface) > len(ending) + 2:
            stem = surface[:-len(ending)]
            if stem in place_names or any(stem + vowel in place_names for vowel in "aeiouy"):
                return True
    return False


def of_a_place(word: str, place_names: Container[str]) -> bool:
    """Whether a folded word says where a person is from: the word for the people of one of the story's
    places (`demonym_of`: "Moravian"), or a place's name in the genitive without an apostrophe
    ("Moravias", as German and the Scandinavian languages write "Moravia's", and English pages that
    lost the apostrophe). NER takes either into the name after it ("Moravias Ana Ruiz"); kept, the
    span is a person of its own, who takes the person's surname and its slips. Not the place's own
    name ("Tancredi", which `demonym_of` reads as a people's word of itself): its votes judge it.

    >>> [of_a_place(w, {"moravia", "tancredi"}) for w in ("moravian", "moravias", "moravia", "morales", "tancredi")]
    [True, True, False, False, False]
    """
    if word in place_names:
        return False  # the place's own name, which its votes judge (`credible_mentions`)
    return demonym_of(word, place_names) or (word.endswith("s") and word[:-1] in place_names)


#: How often NER must tag a word alone a person for an organisation's span ending with it to be read
#: as a person's name where the text writes it as one (`marked_as_people`), its first word no given
#: name of any list ("Neven Vukotic" for a name the lists lack).
SURNAME_TAGGED = 3
#: Pages that must write an organisation's span as a person's name (`marked_as_people`) before its
#: other uses as an organisation stop voting against the person (`credible_mentions`).
MARKED_DOCUMENTS = 2


#: The method of a NER mention that `credible_mentions` gave a new span (`_without_lead_word`,
#: `_without_glued_words`): no longer NER's span, it is stored as the second pass's mentions are.
TRIMMED = "trimmed"
#: Letters before a capital inside a word from which the capital opens another word glued on, a space
#: lost ("CranstonHarrow"): more than the prefixes of names written with a capital inside ("McKay",
#: "DeMarco", "FitzGerald").
GLUED_AFTER_LETTERS = 5
#: Letters of a word glued on before a name ("NewsAna Ruiz"): more than "Mac" of a given name "MacKenzie".
GLUED_BEFORE_LETTERS = 4
_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ][a-zà-ÿ])")


def _without_glued_words(mention: dict) -> dict:
    """The mention without a word glued on to its first or last word, its space lost when the page was
    written or extracted ("Mayor Ana CranstonResidents", "NewsAna Ruiz"): the capital inside the word opens
    the other word, after `GLUED_AFTER_LETTERS` letters or more of the name (a shorter prefix, "McKay",
    is the name's own capital), or after `GLUED_BEFORE_LETTERS` letters or more of the word before it.
    A span of one word is a name written as one word ("AnaRuiz"), judged as such.

    >>> _without_glued_words({"start": 0, "end": 27, "surface": "Mayor Ana CranstonResidents"})
    {'start': 0, 'end': 18, 'surface': 'Mayor Ana Cranston', 'method': 'trimmed'}
    >>> _without_glued_words({"start": 0, "end": 12, "surface": "NewsAna Ruiz"})["surface"]
    'Ana Ruiz'
    >>> [_without_glued_words({"start": 0, "end": 9, "surface": s})["surface"] for s in ("Ben McKay", "Ana FitzGerald")]
    ['Ben McKay', 'Ana FitzGerald']
    """
    surface = mention["surface"]
    words = surface.split()
    if len(words) < 2:
        return mention
    start, end = 0, len(surface)
    last_at = len(surface) - len(words[-1])
    tail = [m.start() for m in _GLUED.finditer(words[-1]) if m.start() >= GLUED_AFTER_LETTERS]
    if tail:
        end = last_at + tail[0]
    head = [m.start() for m in _GLUED.finditer(words[0]) if m.start() >= GLUED_BEFORE_LETTERS]
    if head:
        start = head[-1]
    return _trimmed(mention, start, end)


def _without_lead_word(mention: dict, descriptors: Container[str], lexicon: Container[str] = frozenset()) -> dict:
    """The mention without its first word when that word is no given name and opens a span of three
    words or more, and is one of the story's places or nationalities (`credible_mentions`'
    `descriptors`: "Moravian", tagged a nationality alone), or an English word (`lexicon`), no given
    name of any locale and no title, before a given name of any locale: NER took a descriptor in
    apposition ("Moravian Ana Ruiz") or a headline's verb ("Meet Ana Ruiz", "Watch Ana Ruiz score")
    into the name, which is the person's name without it. A span of two words is a place's or a
    group's name ("Moravian Union"), which `plausible_first_word` refuses; a title stays, for
    `parse_name` ("Senator Ana Ruiz").

    >>> _without_lead_word({"start": 10, "end": 27, "surface": "Moravian Ana Ruiz"}, {"moravian"})
    {'start': 19, 'end': 27, 'surface': 'Ana Ruiz', 'method': 'trimmed'}
    >>> _without_lead_word({"start": 10, "surface": "Moravian Union"}, {"moravian"})["surface"]
    'Moravian Union'
    >>> [_without_lead_word({"start": 0, "end": len(s), "surface": s}, (), {"meet", "senator", "will"})["surface"]
    ...  for s in ("Meet Ana Ruiz", "Senator Ana Ruiz", "Will Ana Ruiz")]
    ['Ana Ruiz', 'Senator Ana Ruiz', 'Will Ana Ruiz']
    """
    words = mention["surface"].split()
    if len(words) < 3 or fold(words[0]) in given_names():
        return mention
    lead = fold(words[0])
    headline_word = (lead in lexicon and lead not in world_given_names() and not is_title(lead, fold(words[1]))
                     and fold(words[1]) in world_given_names())
    if lead not in descriptors and not headline_word:
        return mention
    return _trimmed(mention, mention["surface"].index(words[1], len(words[0])), len(mention["surface"]))


def _without_tagged_end(mention: dict, person_votes: Counter, other_votes: Counter, opening: Counter | None = None,
                        ending: Counter | None = None) -> dict:
    """The mention without the words it opens or ends with (one or two) when NER tags those words alone
    as something else than a person more often than as one, and more often than it opens (or ends)
    people's names, and the rest alone as a person more often than as anything else, in a span of three
    words or more, and more often than the whole span: NER took a country or an organisation beside a
    name into it ("Moravia Ana Ruiz", "Ana Ruiz Unity" from "Moravia's Ana Ruiz" or a caption's "Ana
    Ruiz, Unity"). Kept whole, the span is a person of its own whose surname is the organisation, and
    every bare "Unity" in the story that person's surname. A word that ends names more often is a surname
    NER tags alone as something else ("Lopez" a company's), and a word that opens them a nickname's
    article ("El" of "El Mayo"); a name written whole more often than without the word is the name
    (a surname the model takes for a place alone, after two given names it tags a person alone).

    `person_votes`, `other_votes`: folded surface -> spans NER tags PERSON, and otherwise; `opening`,
    `ending`: folded word -> PERSON spans of two words or more it opens, and ends (`credible_mentions`).

    >>> votes = Counter({"ana ruiz": 5}), Counter({"unity": 9, "moravia": 4, "lopez": 3})
    >>> [_without_tagged_end({"start": 0, "end": len(s), "surface": s}, *votes, ending=Counter({"lopez": 4}))["surface"]
    ...  for s in ("Ana Ruiz Unity", "Moravia Ana Ruiz", "Ana Ruiz Moreno", "Unity Ana Lopez", "Ana Ruiz Lopez")]
    ['Ana Ruiz', 'Ana Ruiz', 'Ana Ruiz Moreno', 'Unity Ana Lopez', 'Ana Ruiz Lopez']
    """
    surface = mention["surface"]
    spans = [m.span() for m in re.finditer(r"\S+", surface)]
    if len(spans) < 3:
        return mention
    opening, ending = opening or Counter(), ending or Counter()
    whole = person_votes[fold(strip_possessive(surface))]

    def tagged(votes: Counter, against: Counter, start: int, end: int, names: Counter | None = None) -> bool:
        key = fold(strip_possessive(surface[start:end]))
        return votes[key] > max(against[key], names[key] if names else 0, whole if votes is person_votes else 0)

    for n in (1, 2):
        tail, head = spans[-n][0], spans[n - 1][1]
        if tagged(other_votes, person_votes, tail, len(surface), ending) and tagged(
                person_votes, other_votes, 0, spans[-n - 1][1]):
            return _trimmed(mention, 0, spans[-n - 1][1])
        if tagged(other_votes, person_votes, 0, head, opening) and tagged(
                person_votes, other_votes, spans[n][0], len(surface)):
            return _trimmed(mention, spans[n][0], len(surface))
    return mention


def _trimmed(mention: dict, start: int, end: int) -> dict:
    """The mention cut to `surface[start:end]` (offsets into its surface), a new span (`TRIMMED`); the
    mention itself when nothing is cut."""
    surface = mention["surface"]
    if (start, end) == (0, len(surface)):
        return mention
    return {**mention, "start": mention["start"] + start, "end": mention["start"] + end,
            "surface": surface[start:end], "method": TRIMMED}


#: What joins the names of a list: a comma, "and", "&", or both ("A, B and C"; "A, and B").
_NAMES_JOIN = r"(?:[^\S\n]*,[^\S\n]*(?:and[^\S\n]+|&[^\S\n]*)?|[^\S\n]+(?:and|&)[^\S\n]+)"
_JOINED_AFTER = re.compile(_NAMES_JOIN)
_JOINED_BEFORE = re.compile(_NAMES_JOIN + r"$")
#: Nouns only a person is, written before a name in apposition ("world champion Ana Ruiz"), besides the
#: titles a person's name takes (`ATTACHED_TITLES`: not the place words "state", "county", "city").
PERSON_NOUNS = frozenset("champion rival teammate compatriot co-leader medallist medalist runner-up".split())
_BEFORE_PEOPLE = PERSON_NOUNS | ATTACHED_TITLES
_NOUN_BEFORE = re.compile(r"([A-Za-z][\w-]*)[^\S\n]*,?[^\S\n]*$")
#: What follows a person's name and no organisation's: an age ("Ana Ruiz (28)", "Ana Ruiz, 28,"), "who".
_PERSON_AFTER = re.compile(r"[^\S\n]*(?:\(\d{1,3}\)|,[^\S\n]*\d{1,3},|,?[^\S\n]+who\b)")
#: A place's possessive before a name: "Chile's Ana Ruiz".
_POSSESSIVE_BEFORE = re.compile(r"['’]s[^\S\n]+$")


def marked_as_people(organisations: list[dict], persons: list[dict], places: set, texts: dict[object, str]) -> set[int]:
    """The `id()`s of NER organisations the text writes as a person's name: one name of a list whose
    next or previous name NER tags a person ("co-leaders Rawa Tuhoe and Mere Ngata-Hohaia"), after a
    title or a noun only people are (`PERSON_NOUNS`: "world champion Mere Ngata-Hohaia") or a place's
    possessive ("Chile's Mere Ngata-Hohaia": `places`, (key, end) of NER's places), or before an age
    or "who".

    Why: the small model tags some people's names as organisations every time (a surname it has
    never seen), and such a person is then never searched for at all. A list joins names of one kind,
    and a title, an age or "who" belongs to people. A firm that some page writes so ("rival Morgan
    Grant", a bank) is outvoted by its other uses (`credible_mentions`' vote).

    >>> text = "co-leaders Rawa Tuhoe and Mere Ngata-Hohaia said; Mere Ngata-Hohaia Trust"
    >>> org = {"key": ("d", "text"), "start": 26, "surface": "Mere Ngata-Hohaia"}
    >>> trust = {"key": ("d", "text"), "start": 50, "surface": "Mere Ngata-Hohaia Trust"}
    >>> person = {"key": ("d", "text"), "start": 11, "surface": "Rawa Tuhoe"}
    >>> marked_as_people([org, trust], [person], set(), {("d", "text"): text}) == {id(org)}
    True
    >>> text = "Chile's Ana Ruiz won; champion Ana Ruiz (28) won; Ana Ruiz, who won; Ana Ruiz Bank"
    >>> orgs = [{"key": ("d", "text"), "start": m.start(), "surface": "Ana Ruiz"} for m in re.finditer("Ana Ruiz", text)]
    >>> sorted(orgs.index(o) for o in orgs if id(o) in marked_as_people(orgs, [], {(("d", "text"), 5)}, {("d", "text"): text}))
    [0, 1, 2]
    >>> text = "a grant from the county Ana Ruiz Fund; Senator Ana Ruiz Fund"
    >>> orgs = [{"key": ("d", "text"), "start": m.start(), "surface": "Ana Ruiz Fund"} for m in re.finditer("Ana Ruiz Fund", text)]
    >>> [id(o) in marked_as_people(orgs, [], set(), {("d", "text"): text}) for o in orgs]
    [False, True]
    """
    starts: dict[object, set[int]] = {}
    ends: dict[object, set[int]] = {}
    for m in persons:
        starts.setdefault(_key(m), set()).add(m["start"])
        ends.setdefault(_key(m), set()).add(m["start"] + len(m["surface"]))
    marked = set()
    for m in organisations:
        key, text = _key(m), texts.get(_key(m), "")
        end = m["start"] + len(m["surface"])
        after = _JOINED_AFTER.match(text, end)
        before = _JOINED_BEFORE.search(text, max(0, m["start"] - 12), m["start"])
        noun = _NOUN_BEFORE.search(text, max(0, m["start"] - 30), m["start"])
        possessive = _POSSESSIVE_BEFORE.search(text, max(0, m["start"] - 4), m["start"])
        if ((after and after.end() in starts.get(key, ())) or (before and before.start() in ends.get(key, ()))
                or (noun and fold(noun.group(1)) in _BEFORE_PEOPLE)
                or (possessive and (key, possessive.start()) in places)
                or _PERSON_AFTER.match(text, end)):
            marked.add(id(m))
    return marked


#: First words that make a capitalised phrase a place ("Fort Myers", "Port Talbot", "Mount Vernon"):
#: none is a given name. ("Glen" is one; "Glen Ridge" is told apart by its context instead.)
PLACE_PREFIXES = frozenset("fort port mount mt lake cape point".split())
_COMMA = re.compile(r",[^\S\n]*")


def _before_a_place(text: str, mention: dict, place_starts: set) -> bool:
    """Whether a PERSON span is followed by a comma and a place NER tagged ("Glen Ridge, N.J.",
    "Fort Myers, Florida"): the way a town is written with its state, not a person."""
    comma = _COMMA.match(text, mention["start"] + len(mention["surface"]))
    return comma is not None and (_key(mention), comma.end()) in place_starts


def plausible_first_word(name: ParsedName, *, lexicon: Container[str] = frozenset(),
                         lowered: Container[str] = frozenset(), places: Container[str] = frozenset()) -> bool:
    """Whether a name without a title opens with a word that may be a given name (or, alone, a surname).

    Real Title Case headlines and SEO phrases give NER "people" such as "Downtown Kranston",
    "Drone Sightings" or "Meeting Rozzy Halfway": the first word is an English word the story also
    writes in lower case (`lowered`), or one of the story's places (`places`, one-word surfaces NER
    tags as a place more often than as a person). A word of the given-name list always passes
    ("Will", "Caroline"); so does an English word the story never writes in lower case ("Taylor").
    The cost: a person whose given name is a common lower-case word of the story and missing from the
    list ("Hope") is no evidence on NER's word alone; the second pass still finds their surname.

    >>> from analysis.names import parse_name
    >>> [plausible_first_word(parse_name(s), lexicon={"downtown", "taylor"}, lowered={"downtown"}, places={"ohio"})
    ...  for s in ("Downtown Kranston", "Taylor Lorenz", "Ohio Kranston", "Mayor Downtown", "Ellen Cranston")]
    [False, True, False, True, True]
    """
    if name is None or name.title:
        return True
    word = name.given_tokens[0] if name.full and name.given_tokens else name.surname_core
    if word in given_names():
        return True
    if word in places:
        return False
    return not (word in lexicon and word in lowered)


def lower_case_words(texts: Iterable[str]) -> frozenset[str]:
    """Folded words written in lower case at least once in these texts (`_small_by_style` aside).

    >>> sorted(lower_case_words(["tags: news,dale_kirby,#hockey", "Dale Kirby said"]))
    ['news', 'said', 'tags']
    """
    return frozenset(fold(m.group()) for text in texts for m in _WORD.finditer(text)
                     if m.group().islower() and not _small_by_style(text, m.start(), m.end()))


def _small_by_style(text: str, start: int, end: int) -> bool:
    """Whether a lower-case word is written small by a name's or a tag's style, not as a word of the
    language (`_in_compound`, `_in_tag`): no evidence that it is an ordinary word of the story."""
    return _in_compound(text, start) or _in_tag(text, start, end)


def _in_tag(text: str, start: int, end: int) -> bool:
    """Whether the word at `start`..`end` is part of a tag: after "#", or joined to a word by "_"
    ("dale_kirby", a blog's keyword). Why: a tag writes every word small, names too, as a URL slug
    does; its small letters are the tag's style, no evidence the word is an ordinary one."""
    return (start > 0 and text[start - 1] in "#_") or text[end:end + 1] == "_"


#: Texts that must write a capitalised English word alone before it is the story's proper noun
#: (`written_alone`): one page's headline style or a sentence's first word is no evidence.
ALONE_TEXTS = 3
#: A capitalised word and the word after it on the same line.
_CAPITALISED_NEXT = re.compile(r"\b([^\W\d_][^\W\d_A-Z]*)(?:['’]s)?(?=[^\S\n]+([^\W\d_]))")


def written_alone(texts: Iterable[str], lexicon: Container[str]) -> frozenset[str]:
    """Folded English words (`lexicon`) no given-name list has that the texts write capitalised and
    alone (the next word on the line not capitalised) in `ALONE_TEXTS` texts or more, and in more texts
    than before a capitalised word: a proper noun of the story's own, an app or a company ("on
    Beacon", "Beacon's founder said"), which NER tags as a given name before its founder's name
    ("Beacon Ana Ruiz"), and which a story never writes as it writes a given name, before the
    surname far more often than alone. Read as a word the story writes in lower case
    (`plausible_first_word`).

    >>> texts = ["On Beacon users post.", "Beacon said no.", "Beacon founder Ana Ruiz", "Beacon Ana Ruiz"]
    >>> sorted(written_alone(texts, {"beacon", "founder"}))
    ['beacon']
    >>> sorted(written_alone(texts[:2] + ["Hope Ruiz", "Hope Ruiz"], {"beacon", "hope"}))
    []
    """
    alone: Counter = Counter()
    before: Counter = Counter()
    for text in texts:
        seen_alone, seen_before = set(), set()
        for m in _CAPITALISED_NEXT.finditer(text):
            word = fold(m.group(1))
            if not m.group(1)[:1].isupper() or word not in lexicon or word in given_names():
                continue
            (seen_before if m.group(2).isupper() else seen_alone).add(word)
        alone.update(seen_alone)
        before.update(seen_before)
    return frozenset(word for word, n in alone.items() if n >= ALONE_TEXTS and n > before[word])


def _in_compound(text: str, start: int) -> bool:
    """Whether the lower-case word at `start` ends a capitalised hyphenated word ("Ha-rin",
    "Tae-sung"). Why: Korean given names and many double-barrelled names write their later parts in
    lower case, so counting "rin" as a lower-case word of the story would make it an ordinary word
    and the whole name no name. A word after a hyphen in a lower-case compound ("anti-war") still
    counts."""
    return start > 0 and text[start - 1] in "-\u2010" and _CAPITALISED_HYPHEN.search(text, max(0, start - 40), start) is not None


def is_name_like(surface: str, ordinary: frozenset[str] = frozenset()) -> bool:
    """A PERSON surface worth clustering: it parses to a name none of whose words is an ordinary word
    of the story ("Fire Department", "Volunteer Fire Department") or mixes two scripts. A particle is
    no such word: a story about "Bashar al-Assad" writes "al" in small letters everywhere, and the
    name is still a name.

    >>> is_name_like("Bashar al-Assad", frozenset({"al"})), is_name_like("Public Outcry", frozenset({"outcry"}))
    (True, False)
    """
    parsed = parse_name(surface)
    if parsed is None or len(parsed.surname) < 2 or any(one_script(word) != word for word in surface.split()):
        return False  # no name mixes two scripts in a word: mojibake ("โ€œI") or a glued fragment
    return not any(word in ordinary and word not in PARTICLES for word in (*parsed.given, *parsed.surname.split()))
