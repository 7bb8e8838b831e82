"""The inline markup of corpus.toml: one parser, shared by validation, rendering and the truth.

``{PERSON_ID|surface}``          a mention of a person (rendered as ``surface``)
``{PERSON_ID|surface|quoted}``   a metalinguistic, quoted use of a name form
``{!|word}``                     a planted non-mention (person-like common word)
``{@CLAIM=VALUE|surface}``       the text ``surface`` asserts VALUE for a claim

Pages show the plain text (:func:`plain`); the truth is computed from the spans alone, so what a page
says and what the truth records cannot drift apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsclaims.demo.model import Article, CorpusError

_MARKUP_RE = re.compile(r"\{([^{}|]+)\|([^{}|]+)(?:\|([^{}|]+))?\}")
_PERSON_ID_RE = re.compile(r"[a-z][a-z0-9_]*\Z")


@dataclass(frozen=True)
class Span:
    kind: str  # "person" | "non" | "claim"
    ref: str  # person id, claim id, or "" for non-mentions
    surface: str
    quoted: bool = False
    value: str = ""


def parse_markup(text: str, where: str = "?") -> tuple[str, list[Span]]:
    """Return (plain text, spans) for a marked-up string."""
    spans: list[Span] = []

    def repl(m: re.Match[str]) -> str:
        tag, surface, flag = m.group(1), m.group(2), m.group(3)
        if flag is not None and flag != "quoted":
            raise CorpusError(f"{where}: unknown markup flag {flag!r} in {m.group(0)!r}")
        if tag == "!":
            if flag:
                raise CorpusError(f"{where}: non-mention cannot be quoted: {m.group(0)!r}")
            spans.append(Span("non", "", surface))
        elif tag.startswith("@"):
            claim, sep, value = tag[1:].partition("=")
            if not sep or not claim or not value or flag:
                raise CorpusError(f"{where}: bad claim markup {m.group(0)!r}")
            spans.append(Span("claim", claim, surface, value=value))
        elif _PERSON_ID_RE.match(tag):
            spans.append(Span("person", tag, surface, quoted=flag == "quoted"))
        else:
            raise CorpusError(f"{where}: bad markup tag {m.group(0)!r}")
        return surface

    plain = _MARKUP_RE.sub(repl, text)
    if "{" in plain or "}" in plain:
        raise CorpusError(f"{where}: stray brace in {text!r}")
    return plain, spans


def plain(text: str) -> str:
    return parse_markup(text)[0]


def blank_markup(text: str) -> str:
    """The text with every markup span blanked out: what is left must name nobody."""
    return _MARKUP_RE.sub(" ", text)


def raw_fields(art: Article) -> list[tuple[str, str]]:
    """(field, raw text) for every marked-up string of an article page, in page order."""
    out = [("title", art.title)]
    out += [("text", p) for p in art.paragraphs]
    if art.description:
        out.append(("description", art.description))
    out += [("keywords", k) for k in art.keywords]
    out += [("boilerplate", r["title"]) for r in art.related if "title" in r]
    out += [("boilerplate", c["text"]) for c in art.comments]
    return out
