"""Other checkable details about a person: an age, a field of study, who defeated them, where they
were held, what their writing criticised.

Each detail is an open slot keyed by the predicate (its lemma and head noun), but only predicates that
have one value per subject are kept: a person has one age at a time and one field of doctoral study,
while "visited", "met" or "said" take many values and two of them are no discrepancy.
"""
from __future__ import annotations

import re

from analysis.claims import syntax
from analysis.claims.context import Context, new_claim, subject_of
from analysis.claims.lexicon import ACTIVITY_CLASSES, STUDY_NOUNS, STUDY_VERBS, TIME_NOUNS
from analysis.claims.normalise import normalise_place
from analysis.claims.syntax import lemma

_AGE_AFTER = re.compile(r"^(?:’s|'s)?,\s*(?:who is |just |now |aged |age )?(\d{1,3})(?: years old| years of age)?\s*[,.;)]")
_AGE_LEAD = re.compile(r"^\s*(?:At|Aged)\s+(?:just\s+|only\s+)?(?:age\s+)?(\d{1,3})(?:\s+years\s+old)?\s*,", re.I)
_AGE_ADJ = re.compile(r"\b(\d{1,3})-year-old\b")
_FACILITY = {"center", "centre", "facility", "jail", "prison", "camp", "detention", "penitentiary", "institution"}
_HELD_VERBS = {"hold", "detain", "move", "transfer", "take", "send", "put", "fly", "end", "keep", "jail", "imprison",
               "house", "place", "remain", "transport", "relocate"}
_CRITICISE = {"criticize", "criticise", "condemn", "attack", "denounce", "slam", "blast"}


def detail_claims(sent, ctx: Context) -> list[dict]:
    return _ages(sent, ctx) + _studies(sent, ctx) + _defeats(sent, ctx) + _held(sent, ctx) + _criticised(sent, ctx) + \
        _circumstances(sent, ctx)


def _circumstances(sent, ctx: Context) -> list[dict]:
    """What a person was doing when a one-off event happened to them: "was detained during a protest on
    campus", "was on her way to an Iftar gathering when she was detained". One value per event (a
    person was doing one thing when arrested), so two activities disagree. A "during" that names a time
    ("during Ramadan", "during the night") dates the event instead and is left out."""
    claims = []
    for verb in sent:
        if verb.pos_ not in syntax.VERBS:
            continue
        cls, patient = syntax.event_class(verb, ctx)
        if cls is None or cls == "write" or patient is None:
            continue
        person, via = ctx.person(patient)
        if person is None:
            continue
        tokens = []
        for prep in syntax.children(verb, "prep"):
            obj = (syntax.children(prep, "pobj") or [None])[0]
            if prep.lower_ == "during" and obj is not None and obj.pos_ == "NOUN" and not obj.ent_type_ \
                    and lemma(obj) not in TIME_NOUNS:
                tokens = [t for t in obj.subtree]
        main = verb.head
        if not tokens and verb.dep_ == "advcl" and any(c.lower_ == "when" for c in verb.children) \
                and main.i < verb.i:
            doer = next((ctx.person(t)[0] for t in syntax.subjects(main)), None)
            if doer is not None and doer["cluster_id"] == person["cluster_id"]:
                skip = {t.i for t in verb.subtree} | {t.i for s in syntax.subjects(main) for t in s.subtree}
                tokens = [t for t in main.subtree if t.i not in skip and t.dep_ not in ("mark", "punct", "aux", "neg")
                          and not (t is main and t.pos_ == "AUX") and t.i > min(skip)]
        words = [t for t in tokens if t.dep_ not in ("det", "punct") or t.i != tokens[0].i]
        if len(words) < 1 or not any(t.pos_ == "NOUN" for t in words):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        value = next((ACTIVITY_CLASSES[lemma(t)] for t in words if t.pos_ == "NOUN" and lemma(t) in ACTIVITY_CLASSES),
                     None) or _detail_value(ctx.text[start:end])
        claims.append(new_claim(ctx, "detail", subject_of(person), f"circumstances of {cls}", value,
                                min(start, verb.idx), max(end, verb.idx + len(verb.text)), sent, via=via))
    return claims


def _age(ctx, person, via, value, start, end, sent):
    if not 1 <= value <= 120 or person is None:
        return []
    return [new_claim(ctx, "detail", subject_of(person), "age", value, start, end, sent, via=via)]


def _ages(sent, ctx: Context) -> list[dict]:
    claims = []
    for start, end, person in ctx.mentions:
        if sent.start_char <= start < sent.end_char:
            match = _AGE_AFTER.match(ctx.text[end: sent.end_char + 1])
            if match:
                claims += _age(ctx, person, "name", int(match.group(1)), start, end + match.end(1), sent)
    lead = _AGE_LEAD.match(sent.text)
    if lead:
        root = sent.root
        for subject in syntax.subjects(root) if root.pos_ in syntax.VERBS else []:
            person, via = ctx.person(subject)
            if person:
                claims += _age(ctx, person, via, int(lead.group(1)), sent.start_char, subject.idx + len(subject.text),
                               sent)
                break
    for match in _AGE_ADJ.finditer(sent.text):
        start = sent.start_char + match.start()
        token = next((t for t in sent if t.idx >= start + len(match.group(1))), None)
        while token is not None and token.dep_ in ("amod", "compound", "punct", "nummod", "npadvmod") and \
                token.head is not token and token.head.i > token.i:
            token = token.head
        person, via = ctx.person(token) if token is not None else (None, None)
        if person is not None and token is not None:
            claims += _age(ctx, person, via, int(match.group(1)), start, token.idx + len(token.text), sent)
    return claims


def _text_of(token, ctx) -> tuple[int, int, str]:
    tokens = [t for t in token.subtree if not (t.dep_ == "prep" and t.lower_ in ("at", "from", "with", "since")
                                               and t.head is token)]
    cut = [t for t in tokens if t.i >= token.i or t.dep_ != "det"]
    stop = next((t.i for t in cut if t.i > token.i and t.dep_ == "prep" and t.head is token
                 and t.lower_ in ("at", "from", "with", "since")), None)
    cut = [t for t in cut if stop is None or t.i < stop]
    start, end = cut[0].idx, cut[-1].idx + len(cut[-1].text)
    return start, end, ctx.text[start:end].strip(" ,.")


def _detail_value(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"^(the|a|an)\s+", "", text.lower())).strip(" ,.;")


def _studies(sent, ctx: Context) -> list[dict]:
    """"studied journalism", "majoring in ...", "a degree in ...", "a doctoral student of philosophy"."""
    claims = []
    for token in sent:
        word, field = lemma(token), None
        if token.pos_ == "VERB" and word in STUDY_VERBS:
            field = (syntax.children(token, "dobj") or [None])[0]
            if field is None:
                field = next((p for c in syntax.children(token, "prep") if c.lower_ == "in"
                              for p in syntax.children(c, "pobj")), None)
            holders = syntax.subjects(token)
        elif token.pos_ in ("NOUN", "PROPN") and word in STUDY_NOUNS:
            field = next((p for c in syntax.children(token, "prep") if c.lower_ in ("in", "of")
                          for p in syntax.children(c, "pobj")), None)
            holders = _noun_holders(token)
        else:
            continue
        if field is None or field.ent_type_ in ("GPE", "LOC", "DATE", "PERSON", "NORP") or \
                lemma(field) in ("school", "university", "college", "country", "state", "program", "studies"):
            continue
        for holder in holders:
            person, via = ctx.person(holder)
            if person:
                start, end, text = _text_of(field, ctx)
                claims.append(new_claim(ctx, "detail", subject_of(person), "field of study", _detail_value(text),
                                        min(start, token.idx), end, sent, via=via))
                break
    return claims


def _noun_holders(noun):
    """Who a noun phrase describes: "X, a student of ...", "X is a student", "who was pursuing a degree"."""
    current = noun
    for _ in range(3):
        if current.dep_ == "appos":
            return [current.head]
        if current.dep_ in ("attr", "dobj") and current.head.pos_ in syntax.VERBS:
            return syntax.subjects(current.head)
        if current.dep_ in ("pobj", "prep", "compound", "conj"):
            current = current.head
            continue
        break
    return []


def _defeats(sent, ctx: Context) -> list[dict]:
    """"she was defeated by Democrat Chris Pappas", "she lost the general election to Pappas"."""
    claims = []
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        winner = None
        if lemma(verb) in ("defeat", "beat") and syntax.children(verb, "nsubjpass", "auxpass"):
            winner = syntax.agent(verb)
        elif lemma(verb) == "lose":
            winner = next((p for c in syntax.children(verb, "prep") if c.lower_ == "to"
                           for p in syntax.children(c, "pobj")), None)
        if winner is None:
            continue
        loser, via = next(((p, v) for p, v in (ctx.person(s) for s in syntax.subjects(verb)) if p), (None, None))
        person, _ = ctx.person(winner)
        if loser and person and person["cluster_id"] != loser["cluster_id"]:
            claims.append(new_claim(ctx, "detail", subject_of(loser), "defeated by", person["canonical"],
                                    verb.idx, winner.idx + len(winner.text), sent, via=via,
                                    value_cluster=person["cluster_id"]))
    return claims


def _held(sent, ctx: Context) -> list[dict]:
    """"held at the ICE processing center in Basile, La.": the place of a facility a person was held in."""
    claims = []
    for verb in sent:
        if verb.pos_ != "VERB" or lemma(verb) not in _HELD_VERBS:
            continue
        patients = syntax.patient_tokens(verb) if lemma(verb) not in ("end", "remain") else syntax.subjects(verb)
        person, via = next(((p, v) for p, v in (ctx.person(t) for t in patients) if p), (None, None))
        if person is None:
            continue
        for prep in syntax.children(verb, "prep"):
            if prep.lower_ not in ("at", "in", "to"):
                continue
            facility = (syntax.children(prep, "pobj") or [None])[0]
            if facility is None or lemma(facility) not in _FACILITY and facility.ent_type_ != "FAC":
                continue
            places = [t for t in facility.subtree if t.ent_type_ == "GPE" and t.i > facility.i]
            if not places:
                continue
            start, end = places[0].idx, places[-1].idx + len(places[-1].text)
            if end < len(ctx.text) and ctx.text[end] == ".":  # "La." keeps its abbreviation point
                end += 1
            value = normalise_place(ctx.text[start:end])
            claims.append(new_claim(ctx, "detail", subject_of(person), "held at a facility in", value,
                                    prep.idx, end, sent, via=via))
            break
    return claims


def _criticised(sent, ctx: Context) -> list[dict]:
    """"an op-ed she co-wrote that criticized the school's response": what a person's writing criticised."""
    claims = []
    for token in sent:
        if lemma(token) not in _CRITICISE or token.pos_ != "VERB":
            continue
        writing = None
        climb = [token.head, token.head.head] if token.dep_ in ("advcl", "conj", "xcomp") else [token.head]
        for candidate in syntax.subjects(token) + climb:
            if candidate.lower_ in ("that", "which") and candidate.head.dep_ in ("relcl", "acl"):
                candidate = candidate.head.head
            if candidate.pos_ in syntax.VERBS and syntax.event_class(candidate, ctx)[0] == "write":
                candidate = syntax.writing_object(candidate) or candidate
            if syntax.writing(candidate):
                writing = candidate
                break
        target = (syntax.children(token, "dobj") or [None])[0]
        if writing is None or target is None:
            continue
        start, end, text = _text_of(target, ctx)
        claims.append(new_claim(ctx, "detail", None, f"{syntax.writing(writing)} criticised",
                                _detail_value(text), token.idx, end, sent, via="event"))
    return claims
