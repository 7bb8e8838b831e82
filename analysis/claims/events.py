"""Event dates and counts: "detained on March 25", "five ferries were cancelled", "a 46-minute briefing".

A date is kept only when it dates a one-off event (an arrest, an appointment, a writing, see
`lexicon.EVENT_CLASSES`): two dates for "said" are two statements, two dates for "was arrested" are a
discrepancy. A count is kept when it counts what an event did or involved; its slot is the event's
class, so "six officers encircled her" and "three men and women approached her" meet.
"""
from __future__ import annotations

import re

from analysis.claims import syntax
from analysis.claims.context import Context, new_claim, subject_of
from analysis.claims.lexicon import (
    COUNT_EVENTS,
    COUNT_QUALIFIERS,
    EVENT_CLASSES,
    PEOPLE_NOUNS,
    THING_EVENTS,
    TIME_UNITS,
)
from analysis.claims.normalise import normalise_date, parse_count
from analysis.claims.syntax import lemma

#: Nouns naming a bounded event a duration may be stated for ("a 46-minute briefing", "her debut lasted").
DURATION_EVENTS = {"briefing": "briefing", "debut": "briefing", "conference": "briefing", "appearance": "briefing",
                   "speech": "speech", "address": "speech", "hearing": "hearing", "trial": "trial",
                   "meeting": "meeting", "interview": "interview", "flight": "flight", "standoff": "standoff",
                   "session": "session", "call": "call"}
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                 "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
                 "million", "billion", "dozen", "and"}
_SKIP_ENTS = {"MONEY", "PERCENT", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "LAW",
              "WORK_OF_ART", "EVENT", "NORP", "LANGUAGE"}
_NOT_COUNTED = {"percent", "%", "time", "point", "goal", "page", "st", "nd", "rd", "th", "street", "avenue", "road",
                "floor", "degree", "mile", "kilometer", "kilometre", "meter", "metre", "foot", "feet", "inch", "pound",
                "kilogram", "ton", "dollar", "euro", "cent", "yard", "acre", "vote", "seat", "count"}
_UNITS = {"kw", "kwh", "mw", "km", "kg", "lb", "lbs", "mph", "ft", "mm", "cm", "gb", "mb", "tb", "ghz", "mhz", "hp",
          "mg", "ml", "oz", "sq"}
_CURRENCY = {"$", "€", "£", "¥", "Rs", "Rs.", "INR", "USD", "US$", "C$", "A$", "₹"}
_DATELINE_AFTER = re.compile(r"^\s*(\(|—|–|-\s|/|$)")


def date_claims(sent, ctx: Context) -> list[dict]:
    claims = []
    spans = [ent for ent in sent.ents if ent.label_ in ("DATE", "TIME")]
    covered = {t.i for ent in spans for t in ent}
    spans += [sent.doc[t.i: t.i + 1] for t in sent if t.i not in covered and re.fullmatch(
        r"(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday", t.text)]
    for span in spans:
        if _is_dateline(span, ctx) or _denied(span):
            continue
        future = any(t.lower_ in ("will", "'ll", "shall") for t in span.root.head.children) if span.root.head else False
        found = normalise_date(span.text, ctx.published, future=future)
        if found is None:
            continue
        claim = _dated_event(span, found, sent, ctx)
        if claim:
            claims.append(claim)
    return claims


def _is_dateline(span, ctx: Context) -> bool:
    """A date that opens a line and is followed by an agency or a dash, or closes an embedded post."""
    line_start = ctx.text.rfind("\n", 0, span.start_char) + 1
    before = ctx.text[line_start: span.start_char]
    after = ctx.text[span.end_char: span.end_char + 3]
    if len(before.split()) <= 3 and _DATELINE_AFTER.match(after):
        return True
    return "@" in ctx.text[max(0, span.start_char - 40): span.start_char] or "pic.twitter" in before


def _dated_event(span, found: dict, sent, ctx: Context) -> dict | None:
    root = span.root
    head = syntax.governor(root)
    if head is None:
        return None
    if head.pos_ in syntax.VERBS:
        verbs = [head] if syntax.event_class(head, ctx)[0] else syntax.nearby_event_verbs(head, ctx)
        for verb in verbs:
            claim = _verb_date(verb, span, found, sent, ctx)
            if claim:
                return claim
        return _thing_date(head, span, found, sent, ctx) or _recurrent_date(head, span, found, sent, ctx)
    return _noun_date(head, span, found, sent, ctx)


def _denied(span) -> bool:
    """A date the sentence denies ("on Tuesday, not on Wednesday", "rather than Wednesday"): it states
    what did not happen, so it is no claim. Only prepositions and determiners may stand between."""
    doc = span.doc
    for token in reversed(doc[max(span.sent.start, span.start - 3): span.start]):
        if token.lower_ in ("not", "never", "n't") or (token.lower_ == "than" and token.i > 0
                                                         and doc[token.i - 1].lower_ == "rather"):
            return True
        if token.pos_ not in ("ADP", "DET"):
            return False
    return False


def _thing_date(verb, span, found, sent, ctx):
    """"the bridge collapsed on March 3": a date of an event that happens once to the thing it is about
    (`lexicon.THING_EVENTS`); the slot is the event and the thing, as for events tied to no person."""
    if lemma(verb) not in THING_EVENTS:
        return None
    thing = next((t for t in syntax.subjects(verb) if t.pos_ in ("NOUN", "PROPN")), None)
    if thing is None:
        return None
    return _date_claim(ctx, None, f"{lemma(verb)} {lemma(thing)}", span, found, sent, verb)


def _recurrent_date(verb, span, found, sent, ctx):
    """A date of something that may happen again ("said Friday", "what transpired on May 8th and 9th"):
    kept as a claim so the report can show it, never a conflict (`recurrent`)."""
    person, via = None, None
    for token in syntax.subjects(verb) + syntax.objects(verb):
        person, via = ctx.person(token)
        if person:
            break
    if person is None:
        nouns = [lemma(t) for t in syntax.subjects(verb) + syntax.objects(verb) if t.pos_ in ("NOUN", "PROPN")]
        slot = " ".join([lemma(verb)] + nouns[:1])
        return new_claim(ctx, "date", None, slot, found["value"], min(span.start_char, verb.idx),
                         max(span.end_char, verb.idx + len(verb.text)), sent, precision=found["precision"],
                         via="event", date_words=span.text, recurrent=True)
    claim = _date_claim(ctx, person, lemma(verb), span, found, sent, verb, via=via)
    claim["recurrent"] = True
    return claim


def _verb_date(verb, span, found, sent, ctx):
    cls, patient = syntax.event_class(verb, ctx)
    if cls is None:
        return None
    if cls == "write":
        writing = syntax.writing_object(verb)
        if writing is None:
            return None
        return _date_claim(ctx, None, f"{cls} {syntax.writing(writing)}", span, found, sent, verb)
    person, via = ctx.person(patient) if patient is not None else (None, None)
    if person is None:
        # "a Turkish PhD scholar was arrested": no name, no described person -> no claim.
        return None
    return _date_claim(ctx, person, cls, span, found, sent, verb, via=via)


def _noun_date(noun, span, found, sent, ctx):
    word = lemma(noun)
    if syntax.writing(noun):
        return _date_claim(ctx, None, f"write {syntax.writing(noun)}", span, found, sent, noun)
    cls = EVENT_CLASSES.get(word)
    if cls is None and word in THING_EVENTS:  # "the March 3 bridge collapse"
        thing = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
        return _date_claim(ctx, None, f"{word} {lemma(thing)}", span, found, sent, noun) if thing is not None else None
    if cls is None or cls == "write":
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        for prep in syntax.children(noun, "prep"):
            if prep.lower_ == "of":
                owner = (syntax.children(prep, "pobj") or [None])[0]
    person, via = ctx.person(owner) if owner is not None else (None, None)
    if person is None:
        return None
    return _date_claim(ctx, person, cls, span, found, sent, noun, via=via)


def _date_claim(ctx, person, slot, span, found, sent, event_token, via=None):
    start = min(span.start_char, event_token.idx)
    end = max(span.end_char, event_token.idx + len(event_token.text))
    return new_claim(ctx, "date", subject_of(person), slot, found["value"], start, end, sent,
                     precision=found["precision"], via=via or "event", date_words=span.text)


def count_claims(sent, ctx: Context) -> list[dict]:
    claims = []
    skip = {t.i for ent in sent.ents if ent.label_ in _SKIP_ENTS | {"DATE"} for t in ent}
    used: set[int] = set()
    for token in sent:
        if token.i in used or token.i in skip or not (token.like_num or token.lower_ == "dozen"):
            continue
        run = _number_run(token, sent)
        used.update(t.i for t in run)
        text = " ".join(t.text for t in run if t.text != "-")
        after = ctx.text[run[-1].idx + len(run[-1].text): run[-1].idx + len(run[-1].text) + 2]
        if "\n" in after or ctx.text[:run[0].idx].rstrip(" ").endswith("\n") and after[:1] in (".", ")", "\n"):
            continue  # list numbering, not a count
        if re.search(r"[:/]|^\d{4}$|^0\d", text) or "-" in ctx.text[run[-1].idx + len(run[-1].text):][:1] and \
                not _unit_after(run[-1]):
            continue
        value = parse_count(_with_article(run, sent, text))
        if value is None or value <= 1 and text.lower() in ("one", "1"):
            continue
        claim = _count(run, value, sent, ctx)
        if claim:
            claims.append(claim)
    return claims


def _number_run(token, sent):
    run = [token]
    doc = sent.doc
    for following in doc[token.i + 1: sent.end]:
        if following.text == "-" and not run[-1].whitespace_ and not following.whitespace_ and \
                following.i + 1 < sent.end and doc[following.i + 1].lower_ in _NUMBER_WORDS and run[-1].is_alpha:
            run.append(following)  # "twenty-two"
        elif following.like_num or following.lower_ in _NUMBER_WORDS and following.lower_ != "and" or \
                following.lower_ == "and" and following.i + 1 < sent.end and sent.doc[following.i + 1].like_num:
            run.append(following)
        else:
            break
    while run and run[-1].lower_ == "and":
        run.pop()
    return run


def _with_article(run, sent, text):
    before = sent.doc[run[0].i - 1] if run[0].i > sent.start else None
    if before is not None and before.lower_ == "a" and run[-1].lower_ in ("dozen", "hundred", "thousand"):
        return "a " + text
    return text


def _unit_after(token) -> bool:
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and lemma(doc[token.i + 2]) in TIME_UNITS


def _qualifier(run, sent) -> str | None:
    for token in reversed(list(sent.doc[max(sent.start, run[0].i - 3): run[0].i])):
        word = COUNT_QUALIFIERS.get(token.lower_, "stop") if token.is_alpha else "stop"
        if word == "stop":
            return None
        if word:
            return word
    return None


def _count(run, value, sent, ctx):
    last = run[-1]
    noun = last.head if last.dep_ in ("nummod", "quantmod", "compound", "amod") and last.head.pos_ in ("NOUN", "PROPN") \
        else None
    if noun is not None and lemma(noun) in TIME_UNITS:
        return _duration(run, value, noun, sent, ctx)
    if noun is not None and (lemma(noun) in _NOT_COUNTED or noun.pos_ == "PROPN" or noun.text.lower() in _UNITS):
        return None  # "120 kW", "180 Kent Street", "Rs 299": measures and addresses, not counts
    previous = sent.doc[run[0].i - 1] if run[0].i > sent.start else None
    if previous is not None and (previous.text in _CURRENCY or previous.ent_type_ == "MONEY"):
        return None
    anchor = noun if noun is not None else last
    event = anchor
    for _ in range(5):
        event = event.head
        if event.pos_ in syntax.VERBS or lemma(event) in EVENT_CLASSES:
            break
        if event.head is event:
            return None
    event = _complement_event(event, anchor)
    word = lemma(event)
    cls = EVENT_CLASSES.get(word) or (word if word in COUNT_EVENTS else None)
    if cls is None or cls in ("write", "born", "die") and word != "die":
        return None
    person, via = None, None
    if event.pos_ in syntax.VERBS:
        candidates = [t for t in syntax.patient_tokens(event) + syntax.subjects(event) if t is not anchor]
        for token in candidates:
            person, via = ctx.person(token)
            if person:
                break
        climb = event
        for _ in range(3):
            if person or climb.head is climb:
                break
            climb = climb.head
            if climb.pos_ in syntax.VERBS:
                for token in syntax.subjects(climb):
                    person, via = ctx.person(token)
                    if person:
                        break
    counted = "people" if noun is not None and (lemma(noun) in PEOPLE_NOUNS) else (lemma(noun) if noun is not None else None)
    start = min(run[0].idx, (noun.idx if noun is not None else run[0].idx))
    end = max(last.idx + len(last.text), noun.idx + len(noun.text) if noun is not None else 0)
    return new_claim(ctx, "count", subject_of(person), cls, value, start, end, sent, counted=counted,
                     qualifier=_qualifier(run, sent), via=via or "event")


def _complement_event(verb, anchor):
    """The event a light verb hands to its object's complement: in "the collapse left 17 people
    injured" (or "dead", "stranded") the count is of people injured, not of people left. A verb that is
    itself an event keeps the count."""
    if verb.pos_ not in syntax.VERBS or lemma(verb) in EVENT_CLASSES or lemma(verb) in COUNT_EVENTS:
        return verb
    for child in verb.children:
        if child.dep_ in ("oprd", "xcomp", "acomp") and child.i > anchor.i and \
                (lemma(child) in EVENT_CLASSES or lemma(child) in COUNT_EVENTS):
            return child
    return verb


def _duration(run, value, unit, sent, ctx):
    """"a 46-minute briefing", "her debut lasted approximately 47 minutes": a count in a time unit."""
    event = None
    current = unit
    for _ in range(3):
        head = current.head
        if head is current:
            break
        if lemma(head) in DURATION_EVENTS:
            event = head
            break
        if head.pos_ in syntax.VERBS and lemma(head) in ("last", "run", "take", "span"):
            event = next((s for s in syntax.subjects(head) if lemma(s) in DURATION_EVENTS), None)
            break
        current = head
    if event is None:
        return None
    start, end = min(run[0].idx, event.idx), max(unit.idx + len(unit.text), event.idx + len(event.text))
    return new_claim(ctx, "count", None, f"{DURATION_EVENTS[lemma(event)]} duration in {lemma(unit)}s", value,
                     start, end, sent, counted=lemma(unit), qualifier=_qualifier(run, sent), via="event")
