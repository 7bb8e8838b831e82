"""Who a token refers to, and which sentences may hold claims at all.

Claims are about people as the name clusters know them: a token inside a mention span maps to that
mention's cluster, so "Kranston" lands where "Cranston" does. Beyond names, news prose refers to its
people by pronoun ("she was detained"), by relative pronoun ("Peacott, who served as ...") and by
description ("the Turkish national", "a PhD scholar"); those resolve here, each marked with how
(``via``), so a conflict can be judged on how its subject was found.
"""
from __future__ import annotations

import re
from collections import Counter

from analysis.claims.lexicon import PERSON_NOUNS

PRONOUNS = {"she", "her", "he", "him", "his", "hers", "herself", "himself"}

#: Lines that are page furniture, not reporting: bylines, datelines, credits, share bars, index lines.
_CHROME = re.compile(
    r"^\s*(by\s+[A-Z]|updated|published|posted|last updated|photo|image|credit|source:|copyright|©|share|follow"
    r"|read more|related|you may also|advertisement|sign up|subscribe|date \d{4}|watch:|listen|tags?:|filed under)",
    re.I)
_KEY_VALUE = re.compile(r"^\s*(?:[-•*·]\s*)?[A-Z][\w &’'/()-]{0,40}:\s*\S")


class Context:
    """One field's Doc with its person mentions: resolves tokens to people.

    ``people`` maps ``(start, end)`` character offsets of a mention to ``{"cluster_id", "canonical"}``.
    """

    def __init__(self, doc, people: dict, published: str | None):
        self.doc = doc
        self.text = doc.text
        self.published = published
        self.token_person: dict[int, dict] = {}
        self.mentions: list[tuple[int, int, dict]] = []
        for (start, end), info in sorted(people.items(), key=lambda item: item[0]):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not info or not info.get("cluster_id"):
                continue
            person = {"cluster_id": info["cluster_id"], "canonical": info.get("canonical") or span.text,
                      "start": start, "end": end}
            self.mentions.append((start, end, person))
            for token in span:
                self.token_person.setdefault(token.i, person)
        counts = Counter(p["cluster_id"] for _, _, p in self.mentions)
        first = {}
        for _, _, p in self.mentions:
            first.setdefault(p["cluster_id"], p)
        ranked = sorted(counts, key=lambda c: (-counts[c], first[c]["start"]))
        # The described person is the article's most-mentioned one, but only when it clearly is.
        self.dominant = first[ranked[0]] if ranked and (len(ranked) == 1 or counts[ranked[0]] > counts[ranked[1]]) \
            else None

    def person(self, token, depth: int = 0) -> tuple[dict | None, str | None]:
        """(person, via) for a token: 'name', 'pronoun', 'relative' or 'description'; (None, None)."""
        if token is None or depth > 3:
            return None, None
        if token.i in self.token_person:
            return self.token_person[token.i], "name"
        lower = token.lower_
        if lower in PRONOUNS:
            # The latest person who was the subject of a clause, else the latest person named: in "she
            # worked for Dana Whitcombe. In 2022, she ran ..." the second "she" is not Whitcombe.
            before = [(start, p) for start, end, p in self.mentions if end <= token.idx]
            if not before:
                return None, None
            subjects = [(start, p) for start, p in before if self._is_subject(start)]
            recent = [p for start, p in subjects if start >= self._sentence_floor(token, 6)]
            return (recent[-1] if recent else before[-1][1]), "pronoun"
        if lower in ("who", "whom", "whose", "that") and token.head.dep_ in ("relcl", "acl"):
            found, via = self.person(token.head.head, depth + 1)
            return (found, "relative" if via == "name" else via) if found else (None, None)
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in PERSON_NOUNS and self.dominant:
            if any(c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this") for c in token.children) or \
                    any(c.dep_ == "amod" for c in token.children):
                return self.dominant, "description"
        for child in token.children:  # "the student Zeynep Ozdemir": the name is an apposition
            if child.dep_ == "appos" and child.i in self.token_person:
                return self.token_person[child.i], "name"
        return None, None

    def _is_subject(self, start: int) -> bool:
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return False
        token = span[0]
        while token.dep_ in ("compound", "flat") and token.head is not token:
            token = token.head
        return token.dep_ in ("nsubj", "nsubjpass")

    def _sentence_floor(self, token, back: int) -> int:
        """The start offset of the sentence `back` sentences before the token's."""
        sents = [s for s in self.doc.sents if s.start_char <= token.idx]
        return sents[-back].start_char if len(sents) >= back else 0

    def line_of(self, sent) -> str:
        """The line (paragraph) a sentence sits in."""
        start = self.text.rfind("\n", 0, sent.start_char) + 1
        end = self.text.find("\n", sent.end_char)
        return self.text[start: end if end >= 0 else len(self.text)]


def usable(sent, ctx: Context) -> bool:
    """Whether a sentence is prose that can state a claim (not chrome, a byline, a list of keys or a
    verbless headline fragment). Nothing here raises: odd input is simply not prose."""
    words = [t for t in sent if t.is_alpha]
    if len(words) < 4:
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    line = ctx.line_of(sent)
    if (_CHROME.match(line) and len(line.split()) <= 25) or (_CHROME.match(sent.text) and len(words) <= 25):
        return False
    if _KEY_VALUE.match(line) and len(line.split()) <= 12:
        return False
    if line.count("|") >= 2 or line.count(" · ") >= 2 or "http" in sent.text or "pic.twitter" in sent.text:
        return False
    return True


def subject_of(person: dict | None) -> dict | None:
    """The claim subject for a person found in the text."""
    if person is None:
        return None
    return {"kind": "person", "cluster_id": person["cluster_id"], "canonical": person["canonical"]}


def new_claim(ctx: Context, kind: str, subject: dict | None, slot: str, value, start: int, end: int, sent,
              **extra) -> dict:
    """A claim with its exact words and sentence; the article's fields are added by `extract_claims`.

    A claim without a resolved subject gets an event subject named by its slot; matching lets it join
    the one person group of that slot in the story, if there is exactly one.
    """
    return {"kind": kind, "subject": subject or {"kind": "event", "text": slot}, "slot": slot, "value": value,
            "as_written": ctx.text[start:end], "sentence": sent.text.strip(), "start": start, "end": end, **extra}
