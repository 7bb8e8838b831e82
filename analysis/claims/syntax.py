"""Dependency-parse helpers shared by the claim rules: which event a phrase belongs to, and who took
part in it. spaCy's parse of news prose is good at verbs and their direct arguments and poor at long
attachments, so every helper here stays within a verb's own arguments and a few hops up the tree."""
from __future__ import annotations

from analysis.claims.lexicon import ANNOUNCE_VERBS, EVENT_CLASSES, ROLE_TAKING_VERBS, TIME_NOUNS, WRITING_NOUNS

VERBS = ("VERB", "AUX")


def lemma(token) -> str:
    return token.lemma_.lower()


def hyphen_group(token) -> list:
    """The tokens of a hyphenated word: spaCy splits "co-authored" and "op-ed" into three tokens."""
    doc, first, last = token.doc, token.i, token.i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ and \
            not doc[first - 2].whitespace_ and doc[first - 2].is_alpha:
        first -= 2
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_ and \
            not doc[last + 1].whitespace_ and doc[last + 2].is_alpha:
        last += 2
    return list(doc[first: last + 1])


def joined(token) -> str:
    """A hyphenated word whole, lower case ("op-ed")."""
    return "".join(t.text for t in hyphen_group(token)).lower()


def event_lemma(token) -> str:
    """The lemma that names a (possibly hyphenated) verb: "co-authored" -> "author"."""
    group = hyphen_group(token)
    return lemma(group[-1]) if len(group) > 1 else lemma(token)


def writing(token) -> str | None:
    """The writing a noun names ("op-ed", "opinion essay", "blog post"), as its class, or None.
    "post" and "piece" only with "blog" or "opinion": alone they are a social-media post or anything."""
    word = joined(token)
    if word in WRITING_NOUNS:
        return WRITING_NOUNS[word]
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    if lemma(token) in ("post", "piece"):
        if any(lemma(c) in ("blog", "opinion") for c in token.children if c.dep_ in ("compound", "amod", "nmod")):
            return "op-ed"
        return None
    return WRITING_NOUNS.get(lemma(token))


def governor(token, limit: int = 6):
    """The verb or noun a modifier belongs to: up through prepositions and time nouns ("the evening of")."""
    current = token
    for _ in range(limit):
        head = current.head
        if head is current:
            return current if current.pos_ in VERBS else None
        if head.pos_ in VERBS:
            return head
        if head.pos_ in ("NOUN", "PROPN") and lemma(head) not in TIME_NOUNS and current.dep_ != "pobj":
            return head
        if head.pos_ in ("NOUN", "PROPN") and (lemma(head) in EVENT_CLASSES or writing(head)):
            return head
        current = head
    return None


def children(token, *deps):
    return [c for c in token.children if c.dep_ in deps]


def subjects(verb):
    """The verb's own subjects; a conjoined, infinitival or participial verb without one borrows its head's."""
    found = children(verb, "nsubj", "nsubjpass")
    hops = 0
    while not found and verb.dep_ in ("conj", "xcomp", "advcl", "acl") and hops < 3:
        if verb.dep_ == "acl":  # "an op-ed criticizing ...": the noun is the doer
            return [verb.head]
        verb = verb.head
        found = children(verb, "nsubj", "nsubjpass")
        hops += 1
    return found


def passive(verb) -> bool:
    return bool(children(verb, "nsubjpass", "auxpass")) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl")
                                                            and not children(verb, "nsubj"))


def objects(verb):
    found = children(verb, "dobj", "oprd", "attr")
    for prep in children(verb, "agent"):
        found.extend(children(prep, "pobj"))
    return found


def agent(verb):
    for prep in children(verb, "agent"):
        return (children(prep, "pobj") or [None])[0]
    if passive(verb):
        for prep in children(verb, "prep"):
            if prep.lower_ == "by":
                return (children(prep, "pobj") or [None])[0]
    return None


def patient_tokens(verb):
    """Who the event happened to: the passive subject, else the direct object, else the intransitive subject."""
    if passive(verb):
        found = children(verb, "nsubjpass")
        if found:
            return found
        if verb.dep_ in ("acl", "advcl", "conj", "xcomp"):  # "after being taken from ...": the head's subject
            return subjects(verb) or ([verb.head] if verb.dep_ == "acl" else [])
        return []
    direct = children(verb, "dobj", "oprd")
    if direct:
        return direct
    return subjects(verb)


def event_class(verb, ctx) -> tuple[str | None, object]:
    """(event class, patient token) for a verb that reports a one-off event, or (None, None).

    "Barlow announced that Peacott will serve as ..." is an appointment whose patient is Peacott;
    "ICE agents took her into custody" is a detention.
    """
    word = event_lemma(verb)
    cls = EVENT_CLASSES.get(word)
    particles = {c.lower_ for c in children(verb, "prt")}
    preps = {c.lower_: c for c in children(verb, "prep")}
    if word == "take" and ("away" in particles or "into" in preps and any(
            lemma(p) == "custody" for p in children(preps["into"], "pobj")) or ("from" in preps and passive(verb))):
        cls = "detain"
    if word == "pick" and "up" in particles:
        cls = "detain"
    if word in ANNOUNCE_VERBS and cls is None:
        for clause in children(verb, "ccomp"):
            if lemma(clause) in ROLE_TAKING_VERBS:
                for subject in children(clause, "nsubj"):
                    if ctx.person(subject)[0]:
                        return "appoint", subject
        for obj in children(verb, "dobj"):
            if ctx.person(obj)[0] and children(obj, "prep") or any(c.lower_ == "as" for c in children(verb, "prep")):
                return "appoint", obj
        return None, None
    if cls is None:
        return None, None
    if cls == "write":
        return cls, None
    patients = patient_tokens(verb)
    return cls, (patients[0] if patients else None)


def writing_object(verb):
    """The writing noun a writing verb takes ("co-authored an op-ed"), or None. The hyphen's pieces
    are searched too, since spaCy often makes "co" the verb and "ed" a compound of the next word."""
    for part in hyphen_group(verb):
        for child in part.children:
            if child.dep_ in ("dobj", "nsubjpass", "conj"):
                for token in child.subtree:
                    if writing(token) and token.i <= child.i + 3:
                        return token
    return None


def nearby_event_verbs(token, ctx, depth: int = 3):
    """Verbs below and just above `token` that report a one-off event: a date attached to "watched" in
    "On March 28, many watched as she was arrested" belongs to the arrest."""
    seen, queue, found = set(), [(token, 0)], []
    while queue:
        current, level = queue.pop(0)
        if current.i in seen or level > depth:
            continue
        seen.add(current.i)
        if current.pos_ in VERBS and current is not token and event_class(current, ctx)[0]:
            found.append(current)
        for child in current.children:
            if child.dep_ in ("advcl", "xcomp", "ccomp", "conj", "relcl", "pcomp", "prep", "pobj", "acl"):
                queue.append((child, level + 1))
    if not found and token.dep_ in ("xcomp", "advcl", "conj") and token.head.pos_ in VERBS:
        if event_class(token.head, ctx)[0]:
            found.append(token.head)
    return found


def content_lemmas(tokens, ctx) -> list[str]:
    """Content words of a phrase (nouns, proper nouns, adjectives, numbers), names of people left out."""
    out = []
    for token in tokens:
        if token.i in ctx.token_person or token.is_stop or not token.is_alpha and not token.like_num:
            continue
        if token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            out.append(lemma(token))
    return sorted(set(out))
