"""Quotations and their speakers: '"...," Cranston said', 'said Mayor Kranston', 'according to ...',
also a quotation running over sentences and paragraphs (news style reopens the quote mark at each new
paragraph and closes it only at the end).

A quote's value is its words (lower case, punctuation dropped, so a curly and a straight apostrophe
compare equal) and its speaker's canonical name. Quotes shorter than five words are left out: they are
scare quotes or names ("wrongly revoked", "Trust Acts") and match too much to be compared.
"""
from __future__ import annotations

import re

from analysis.claims.context import _CHROME, Context, new_claim, subject_of
from analysis.claims.lexicon import SPEECH_VERBS
from analysis.claims.syntax import lemma

MIN_WORDS = 5
_PAIRS = {"“": "”", '"': '"'}


def quote_words(text: str) -> str:
    """A quote's words for comparison.

    Apostrophes go: sources move them ("Americans' trust", "American's trust") more often than they
    change a word.

    >>> quote_words("We’re   not going, he said -- “anywhere.”")
    'were not going he said anywhere'
    """
    text = re.sub(r"['’‘`]", "", text).lower()
    return " ".join(re.findall(r"\w+", text))


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation's inside; an unclosed quote (a cut excerpt) is dropped.

    >>> text = '“One two three.\\n“Four five,” she said. "Six"'
    >>> [text[s:e] for s, e in find_quotes(text)]
    ['One two three.\\n“Four five,', 'Six']
    """
    found, i, n = [], 0, len(text)
    while i < n:
        opening = text[i]
        if opening not in _PAIRS:
            i += 1
            continue
        closing, j, closed = _PAIRS[opening], i + 1, False
        while j < n:
            char = text[j]
            if char == closing:
                found.append((i + 1, j))
                closed = True
                break
            if char == "\n":
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text[k] == opening:  # the quote goes on in the next paragraph
                    j = k + 1
                    continue
                break
            if opening != closing and char == opening:  # a new opening before any closing: start again there
                break
            j += 1
        if closed or j >= n or text[j] != opening:
            i = j + 1
        else:
            i = j
    return found


def quote_claims(ctx: Context) -> list[dict]:
    claims = []
    for start, end in find_quotes(ctx.text):
        inside = ctx.text[start:end]
        words = quote_words(inside)
        if len(words.split()) < MIN_WORDS:
            continue
        line_start = ctx.text.rfind("\n", 0, start) + 1
        if _CHROME.match(ctx.text[line_start:start + 40]):
            continue
        speaker, via, speaker_text = _speaker(ctx, start - 1, end + 1)
        sent = ctx.doc.char_span(start, end, alignment_mode="expand")
        sentence_span = _sentences(ctx, start - 1, end + 1)
        value = {"words": words, "speaker": speaker["canonical"] if speaker else speaker_text}
        claim = new_claim(ctx, "quote", subject_of(speaker), "quote", value, start, end,
                          sentence_span or sent, via=via, speaker_cluster=speaker["cluster_id"] if speaker else None)
        claims.append(claim)
    return claims


def _sentences(ctx, start, end):
    sents = [s for s in ctx.doc.sents if s.end_char > start and s.start_char < end]
    if not sents:
        return None
    return ctx.doc[sents[0].start: sents[-1].end]


def _speaker(ctx: Context, start: int, end: int):
    """(person, via, text) of who says the quote in [start, end): a speech verb outside the quote in the
    same or an adjacent sentence, its subject (or "according to X")."""
    sents = [s for s in ctx.doc.sents if s.end_char > start and s.start_char < end]
    if not sents:
        return None, None, None
    doc = ctx.doc
    candidates = list(range(sents[0].start, sents[-1].end))
    following = sents[-1].end
    if following < len(doc) and ctx.text[end: doc[following].idx].strip() in ("", ",") and \
            len(list(doc[following].sent)) <= 10:
        candidates += list(range(following, doc[following].sent.end))
    back = sents[0].start - 1
    while back >= 0 and doc[back].is_space:
        back -= 1
    if back >= 0 and doc[back].text == ":":  # 'Ruiz told the council:' then the quote on its own line
        previous = doc[back].sent
        candidates += list(range(previous.start, previous.end))
    outside = [doc[i] for i in candidates if not start <= doc[i].idx < end]
    outside.sort(key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
    for token in outside:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            pobj = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _who(ctx, pobj)
        if token.pos_ == "VERB" and lemma(token) in SPEECH_VERBS:
            for subject in (c for c in token.children if c.dep_ in ("nsubj",)):
                if start <= subject.idx < end:
                    continue
                return _who(ctx, subject)
    return None, None, None


def _who(ctx, token):
    person, via = ctx.person(token)
    if person:
        return person, via, person["canonical"]
    if token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "NORP", "GPE"):
        words = [t for t in token.subtree if t.dep_ in ("compound", "amod") or t is token]
        return None, "text", " ".join(t.text for t in words)
    return None, None, None
