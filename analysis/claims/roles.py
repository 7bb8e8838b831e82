"""Roles and who holds them: "Secretary of State Marco Rubio", "Steven Chang will take over as White
House communications director", "she served as assistant press secretary during Barlow's first term".

A title written before a name is the writer's claim about the person's role at the time; a role given
with "as" is a claim about a post, and its holder is a claim about the post (an *attribution*: who is
credited with it). Past roles ("served as ... during Barlow's first term") differ by period, so they
carry their qualifier (`context`) and only meet claims about the same period.
"""
from __future__ import annotations

import re

from analysis.claims import syntax
from analysis.claims.context import Context, new_claim, subject_of
from analysis.claims.lexicon import ROLE_AS_VERBS, ROLE_HEADS, ROLE_NOISE, ROLE_SYNONYMS, ROLE_TIME_WORDS
from analysis.claims.syntax import lemma

#: Lower-case words a written title may contain ("White House press secretary").
_TITLE_WORDS = {"press", "deputy", "assistant", "communications", "campaign", "national", "district", "state",
                "foreign", "general", "executive", "senior", "chief", "vice", "court", "county", "city", "police",
                "of", "and", "the", "defense", "interior", "homeland", "security", "health", "justice",
                "education", "energy", "commerce", "labor", "transportation", "agriculture", "treasury", "prime",
                "attorney", "immigration", "federal", "principal", "managing", "associate", "special", "regional",
                "elect", "former", "acting", "interim", "then", "incoming", "outgoing"} | ROLE_HEADS
_WORD = re.compile(r"[\w.’'&-]+")


def normalise_role(text: str) -> str:
    """A role in one spelling: lower case, no article, time word, party or abbreviation.

    >>> normalise_role("former U.S. Rep."), normalise_role("President-elect"), normalise_role("his White House Press Secretary")
    ('representative', 'president', 'white house press secretary')
    """
    words = []
    for word in text.replace("-elect", " elect").replace("–", " ").split():
        low = word.lower().strip(",")
        if low.endswith(("’s", "'s")) or low in ROLE_TIME_WORDS or low in ROLE_NOISE:
            continue
        low = ROLE_SYNONYMS.get(low, low).rstrip(".")
        low = ROLE_SYNONYMS.get(low, low)
        words.append(low)
    while words and words[0] in ("of", "for", "and"):
        words.pop(0)
    return " ".join(words)


def _is_role(role: str) -> bool:
    words = role.split()
    return bool(words) and (words[-1] in ROLE_HEADS or words[-1] in ROLE_SYNONYMS.values()
                            or " ".join(words[-2:]) in ("secretary of state",) or
                            "secretary" in words or "director" in words or "minister" in words)


def role_claims(sent, ctx: Context) -> list[dict]:
    claims = []
    seen = set()
    for start, end, person in ctx.mentions:
        if not (sent.start_char <= start < sent.end_char) or (start, end) in seen:
            continue
        seen.add((start, end))
        title = _title_before(ctx.text, sent.start_char, _name_start(ctx.text, start, end, person["canonical"]))
        if title is None:
            continue
        title_start, words = title
        role = normalise_role(words)
        if not _is_role(role):
            continue
        claims.append(new_claim(ctx, "role", subject_of(person), "title", role, title_start, end, sent,
                                via="name"))
        claims.append(new_claim(ctx, "attribution", {"kind": "event", "text": role}, "holder",
                                person["canonical"], title_start, end, sent, via="name",
                                cluster_id=person["cluster_id"]))
    claims.extend(_as_roles(sent, ctx))
    return claims


def _name_start(text: str, start: int, end: int, canonical: str) -> int:
    """Where the name begins inside a mention that holds its title too: the NER stage joins a title
    written just before a name to it ("Fire Chief Owen Pruitt"), so the title is read inside the mention
    as it would be before it. The title is the words up to the last role head, with a name left after
    it, none of them a word of the person's canonical name ("Dean Smith" is a name, not a dean)."""
    words = list(_WORD.finditer(text[start:end]))
    names = {w.lower() for w in canonical.split()}
    for k in range(len(words) - 1, 0, -1):
        head = words[k - 1].group(0).lower().rstrip(".")
        if head in ROLE_HEADS or ROLE_SYNONYMS.get(head) is not None:
            if any(w.group(0).lower() in names for w in words[:k]):
                return start
            return start + words[k].start()
    return start


def _title_before(text: str, floor: int, start: int) -> tuple[int, str] | None:
    """The title written just before a name: capitalised or title words, ending in a role head."""
    prefix = text[floor:start]
    words = list(_WORD.finditer(prefix))
    if not words or prefix[words[-1].end():].strip():
        return None
    kept = []
    for match in reversed(words):
        word = match.group(0)
        gap = prefix[match.end(): kept[-1].start()] if kept else prefix[match.end():]
        if gap.strip() and gap.strip() not in ("-",) or "\n" in gap:
            break
        if word[0].isupper() or word.lower().rstrip(".") in _TITLE_WORDS or word.lower() in _TITLE_WORDS:
            kept.append(match)
        else:
            break
        if len(kept) >= 7:
            break
    if not kept:
        return None
    kept.reverse()
    while kept and kept[0].group(0).lower() in ("of", "for", "and", "the"):
        kept.pop(0)
    if not kept:
        return None
    last = kept[-1].group(0).lower().rstrip(".")
    if last not in ROLE_HEADS and ROLE_SYNONYMS.get(last) is None and last != "elect":
        return None
    return floor + kept[0].start(), prefix[kept[0].start(): kept[-1].end()]


def _as_roles(sent, ctx: Context) -> list[dict]:
    """"served as X", "will take over as X", "picks Y as X"."""
    claims = []
    for prep in sent:
        if prep.lower_ != "as" or prep.dep_ != "prep":
            continue
        verb = prep.head
        if verb.i in ctx.token_person:  # a headline's "Picks Steven Cheung As White House Communications Director"
            holders = [verb]
            verb = verb.head
            if lemma(verb) not in ROLE_AS_VERBS:
                continue
        elif verb.pos_ not in syntax.VERBS or lemma(verb) not in ROLE_AS_VERBS:
            continue
        else:
            holders = None
        pobj = (syntax.children(prep, "pobj") or [None])[0]
        if pobj is None:
            continue
        phrase = [t for t in pobj.subtree if t.dep_ not in ("det", "poss", "case") and not (t.i > pobj.i)]
        if not phrase:
            continue
        role_text = ctx.text[phrase[0].idx: pobj.idx + len(pobj.text)]
        role = normalise_role(role_text)
        if not _is_role(role):
            continue
        if holders is not None:
            pass
        elif passive(verb) or lemma(verb) in ("name", "appoint", "pick", "tap", "choose", "select", "nominate",
                                              "hire", "install"):
            holders = syntax.children(verb, "nsubjpass", "dobj") or syntax.subjects(verb)
        else:
            holders = syntax.subjects(verb)
        for holder in holders:
            person, via = ctx.person(holder)
            if person is None:
                continue
            start, end = min(holder.idx, prep.idx), pobj.idx + len(pobj.text)
            qualifier = [t for child in syntax.children(verb, "prep") if child is not prep for t in child.subtree]
            qualifier += [t for child in syntax.children(verb, "npadvmod") for t in child.subtree]
            context = [w for w in syntax.content_lemmas(qualifier, ctx) if w not in ("trump",)]
            if context and verb.tag_ in ("VBD", "VBN", "VBG") and not _future(verb):
                claims.append(new_claim(ctx, "role", subject_of(person), "earlier role", role, start, end, sent,
                                        via=via, context=context))
            elif _future(verb) or lemma(verb) in ("name", "appoint", "pick", "tap", "choose", "select", "nominate"):
                if via == "name":
                    claims.append(new_claim(ctx, "attribution", {"kind": "event", "text": role}, "holder",
                                            person["canonical"], start, end, sent, via=via,
                                            cluster_id=person["cluster_id"]))
    return claims


def passive(verb) -> bool:
    return bool(syntax.children(verb, "auxpass", "nsubjpass"))


def _future(verb) -> bool:
    return any(c.lower_ in ("will", "'ll", "would", "shall") for c in verb.children) or \
        verb.dep_ == "xcomp" and lemma(verb.head) in ("name", "appoint", "pick", "tap", "choose", "select", "nominate")
