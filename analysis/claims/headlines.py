"""Sentences In Title Case, read again in sentence case.

Why: pages carry headlines and link titles inside their text ("US President-Elect Picks Steven Cheung
As White House Communications Director."), and en_core_web_sm reads a line of capitalised words as one
long proper noun: no verb, no object, no claim. The same line with its ordinary words in lower case
parses as the sentence it is. Lower-casing keeps every character where it was, so offsets into the
sentence-cased line are offsets into the page; the exact words and the sentence are then taken from
the page itself.

Kept as written: the sentence's first word, words in ALL CAPS (acronyms: "US" is not "us") and the person
mentions (names must stay names for the parser and the clusters).
"""
from __future__ import annotations

import re

from analysis.claims.extract import extract_claims

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: A sentence is in title case when at least this share of its words of four letters or more start with a
#: capital, and it has at least `_MIN_WORDS` of them (shorter lines are bylines, labels, names).
_SHARE = 0.8
_MIN_WORDS = 4


def title_case_spans(doc) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `doc` written in title case (a headline is a sentence of its own
    line, or ends a paragraph it was pasted into)."""
    found = []
    for sent in doc.sents:
        line = sent.text
        words = [w for w in _WORD.findall(line) if len(w) >= 4]
        capital = [w for w in words if w[0].isupper()]
        if len(words) >= _MIN_WORDS and len(capital) >= _SHARE * len(words) and not line.isupper():
            found.append((sent.start_char, sent.end_char))
    return found


def sentence_case(text: str, keep: list[tuple[int, int]] = ()) -> str:
    """`text` with its capitalised words in lower case, except the first word, ALL-CAPS words and
    the words inside `keep` (offsets into `text`). Same length, every character in its place.

    >>> sentence_case("Barlow Picks Ana Ruiz As White House Press Secretary", keep=[(13, 21)])
    'Barlow picks Ana Ruiz as white house press secretary'
    """
    chars = list(text)
    for n, match in enumerate(_WORD.finditer(text)):
        word = match.group(0)
        if n == 0 or word.isupper() or not word[0].isupper():
            continue
        if any(s < match.end() and match.start() < e for s, e in keep):
            continue
        lower = word.lower()
        if len(lower) == len(word):  # a few letters change length in lower case ("İ"): left as they are
            chars[match.start():match.end()] = lower
    return "".join(chars)


def claims_with_headlines(nlp, doc, *, people: dict, **fields) -> list[dict]:
    """`extract_claims` over `doc`, with each title-case sentence read again in sentence case: the
    claims found in such a sentence come from its sentence-cased parse instead (the page's sentences in
    one `nlp.pipe` batch). `fields`: the other arguments of `extract_claims` (field, version,
    published, article_url, outlet)."""
    claims = extract_claims(doc, people=people, **fields)
    lines = title_case_spans(doc)
    if not lines:
        return claims
    text = doc.text
    todo = []
    for start, end in lines:
        local = {(s - start, e - start): info for (s, e), info in people.items() if start <= s and e <= end}
        cased = sentence_case(text[start:end], keep=list(local))
        if cased != text[start:end]:
            todo.append((start, end, local, cased))
    for (start, end, local, cased), parsed in zip(todo, nlp.pipe(t[3] for t in todo)):  # one batch per page
        found = extract_claims(parsed, people=local, **fields)
        for claim in found:
            sentence = claim["sentence"]
            at = cased.find(sentence)
            claim["start"] += start
            claim["end"] += start
            claim["as_written"] = text[claim["start"]:claim["end"]]
            if at >= 0:
                claim["sentence"] = text[start + at: start + at + len(sentence)]
        claims = [c for c in claims if not start <= c["start"] < end] + found
    return sorted(claims, key=lambda c: (c["start"], c["end"], c["kind"], c["slot"]))
