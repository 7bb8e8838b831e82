"""Clustering forms into people: pairwise rules over blocked candidates, merges that never join two
forms judged different, then shorter forms attached to the one person they fit."""
from __future__ import annotations

from collections import Counter, defaultdict

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from analysis.name_rules import (
    PARTICLES,
    gender_forms,
    given_gender,
    given_names,
    role_title,
    title_gender,
    world_given_names,
)
from analysis.names import ParsedName, fold, given_compatible, parse_name, script_of  # noqa: F401 (re-exported)
from analysis.person_spans import resembles_given
from analysis.phonetic import (
    FRAME_MIN_CONSONANTS,
    HEARD_RATIO,
    consonant_frame,
    heard_alike,
    metaphone,
    spelt_alike,
    surname_heard_alike,
    written_or_heard,
)
from analysis.records import Form, Linkage
from analysis.second_pass import garbled_under_givens, given_confirmed_surname
from analysis.settings import DEFAULTS
from analysis.variants.blocking import candidate_pairs
from analysis.variants.canonical import SLIP_VOUCHERS, lost_from, romanised
from analysis.variants.compare import (
    FAMILY_NAMES_GIVEN,
    FAMILY_NAMES_RULE,
    Comparison,
    compare_names,
    given_relation,
    surnames_fit,
)

#: A given name a typo away is one person only when the other form is used this many times as often.
USAGE_RATIO = 4
#: Between two given names a letter apart under one surname, not both established, how many times as
#: many outlets must write the one as the other for it to be the name and the other its slip
#: (`_typo_allowed`).
THIN_SOURCES_RATIO = 2


#: A surname seen with this many different given names is an established surname, not a typo of another.
ESTABLISHED_SURNAME = 3


def link_forms(forms: list[Form], *, score_cutoff: float = DEFAULTS.score_cutoff, must_link: list[tuple[int, int]] = (),
               cannot_link: list[tuple[int, int]] = (), user_same: list[tuple[int, int]] = (),
               candidates: list[tuple[int, int]] | None = None, topic_articles: frozenset = frozenset(),
               story: bool = False, extra_pairs: list[tuple[int, int]] = ()) -> Linkage:
    """Cluster forms into people: candidate pairs by blocking, pairwise rules, merges that never join
    two forms judged different, then shorter forms attached to the one person they fit.

    `must_link` pairs (a user's pins) and `user_same` pairs (`[names] same`) are merged whatever the
    rules say;
    `cannot_link` pairs (a user's `distinct` groups) are never in one person, whatever links them. `candidates` replaces the
    blocking with given pairs (the all-pairs reference of bench/variants.py). `topic_articles`: the
    story's on-topic articles, where a form of a person the story is about counts as in context.
    `story`: the forms come from a story's mentions (outlets and authority known), not a name list.
    `extra_pairs` are compared as well as the blocked candidates.
    """
    n = len(forms)
    names = [f.name for f in forms]
    # Which given names a surname is seen with (Smith/Smyth: two surnames when each has its own people).
    # In a story only established forms count: a misspelt surname copied under a few garbled given
    # names is not a surname of its own.
    givens_of: dict[str, set[str]] = defaultdict(set)
    for form, name in zip(forms, names):
        if name.given_tokens and len(name.given_tokens[0]) > 1 and (not story or _established(form)):
            givens_of[name.surname_core].add(name.given_tokens[0])

    # A word written alone that is exactly the given name of a full name in established use is that
    # person's name for them (Thai, Icelandic and much Arab coverage calls people so, under a title too:
    # "Mr. Sorapong" for Sorapong Wattana), not another person's surname a typo away ("Sorapoang").
    givens_in_use = {name.given_tokens[0] for form, name in zip(forms, names)
                     if story and name.full and name.given_tokens and _established(form)}
    # Each surname's uses alone, by outlet (`_kept_apart`).
    bare_uses: dict[str, Counter] = defaultdict(Counter)
    for form, name in zip(forms, names):
        if story and not name.full and not name.given_tokens:
            bare_uses[name.surname_core].update(form.outlet_uses)
    equal_edges: list[tuple[int, int, float, int, int, str]] = []
    part_edges: list[tuple[int, int, Comparison]] = []
    late_edges: list[tuple[float, int, int, str]] = []  # between surnames alone: only if no person takes them
    cannot: dict[int, set[int]] = defaultdict(set)
    apart: list[tuple[int, int]] = []  # judged different by spelling: cannot-links, unless garbles of one name
    given_near: dict[int, set[int]] = defaultdict(set)  # forms a given-name typo (usage allowing) or romanisation links

    pairs = candidate_pairs(names, score_cutoff, family_names=story) if candidates is None else candidates
    # A form a page's encoding wrote with its marked letters dropped ("Ins Dvila") is the form it lost
    # them from, and no spelling of its own for the rules below to weigh, or to keep apart from others.
    # A surname alone is left to the rules that attach surnames to people: whose it is, is theirs to say.
    lost = {i: whole for i, whole in lost_from(forms).items() if forms[i].name.full} if story else {}
    for i, whole in lost.items():
        equal_edges.extend((0, 0, -100.0, i, j, "letters lost") for j in whole)
    for i, j in sorted(set(pairs) | {(min(i, j), max(i, j)) for i, j in extra_pairs if i != j}):
        if i in lost or j in lost:
            continue
        comparison = compare_names(names[i], names[j], score_cutoff, family_names=FAMILY_NAMES_GIVEN if story else 0)
        if comparison.verdict == "unrelated":
            continue
        if comparison.verdict == "different":
            if _clearly_different(names[i], names[j]):
                apart.append((i, j))
            continue
        if (names[i].surname_core != names[j].surname_core and names[i].compact != names[j].compact
                and _two_surnames(names[i], names[j], givens_of)):
            # Two surnames in their own right (Smith/Smyth), not one written two ways; but the same
            # letters are one name, whose double surname a page wrote with a space for its hyphen
            # ("Ana Lindahl Berg"), which the parse reads as a middle name and a surname.
            continue
        if story and comparison.surname_typo and _kept_apart(forms[i], forms[j], bare_uses):
            cannot[i].add(j)  # a careful page writes both, each over and over: two people
            cannot[j].add(i)
            continue
        if comparison.given_typo:
            allowed = _typo_allowed(forms[i], forms[j], topic_articles, story=story)
            if allowed is None:  # something separates them: two people, whatever links the rest
                cannot[i].add(j)
                cannot[j].add(i)
            if not allowed:
                continue
            given_near[i].add(j)
            given_near[j].add(i)
        if (story and comparison.surname_typo and names[i].full and names[j].full
                and names[i].given_tokens[:1] != names[j].given_tokens[:1]
                and not _in_context(forms[i], forms[j], topic_articles)
                and not (forms[i].articles & topic_articles and forms[j].articles & topic_articles)):
            # Both names written otherwise ("Jon Provard" for John Prevard) on a page off the story:
            # another person, as like as namesakes come, not a garble of both at once.
            continue
        rule = _link_rule(comparison)
        if (comparison.verdict == "same" and names[i].full and names[j].full
                and names[i].given_tokens[:1] != names[j].given_tokens[:1]):
            given_near[i].add(j)
            given_near[j].add(i)
        if comparison.verdict == "same" and not (names[i].full or names[j].full):
            late_edges.append((-comparison.score, i, j, rule))
        elif comparison.verdict == "same":
            strength = 2 if comparison.given_typo else 1 if comparison.surname_typo else 0
            equal_edges.append((0 if _in_context(forms[i], forms[j], topic_articles) else 1, strength, -comparison.score, i, j, rule))
        else:
            shorter, longer = (i, j) if comparison.shorter == 0 else (j, i)
            if (comparison.surname_typo and not names[shorter].full
                    and names[shorter].surname_core in givens_in_use):
                continue  # a given name in use, not a misspelt surname
            part_edges.append((shorter, longer, comparison))

    # Two garbles of one established name can be further from each other than from it ("Volodymie" and
    # "Myrslav" for "Myroslav", or a romanisation and a typo of it): in a story their difference is no
    # evidence of two people.
    for i, j in apart:
        if not (story and any(_established(forms[k]) for k in given_near[i] & given_near[j])):
            cannot[i].add(j)
            cannot[j].add(i)

    user_apart = {frozenset(pair) for pair in cannot_link}
    for i, j in cannot_link:
        cannot[i].add(j)
        cannot[j].add(i)

    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    blocked: dict[int, set[int]] = {i: set(cannot[i]) for i in range(n)}
    links: dict[int, list[tuple[int, str]]] = defaultdict(list)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # The user's `distinct` groups alone: a rule's forced merge (a garble) never overrides them.
    user_blocked: dict[int, set[int]] = defaultdict(set)
    for i, j in cannot_link:
        user_blocked[i].add(j)
        user_blocked[j].add(i)

    def merge(i: int, j: int, rule: str, force: bool = False, user: bool = False) -> bool:
        """Join i's cluster to j's. `force`: past the rules' cannot-links, not the user's (a garble
        rule); `user`: past every cannot-link (the user's pins and `same`)."""
        ri, rj = root(i), root(j)
        if ri == rj:
            return True
        fence = user_blocked if force and not user else blocked
        if not user and (fence[ri] & set(members[rj]) or fence[rj] & set(members[ri])):
            return False
        if len(members[ri]) < len(members[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        members[ri] += members.pop(rj)
        blocked[ri] |= blocked.pop(rj)
        user_blocked[ri] |= user_blocked.pop(rj, set())
        links[i].append((j, rule))
        return True

    # Links seen in context (the same article, the same title) go first: where a misspelling is a typo
    # away from two people who must stay apart, the one it is written beside or titled like wins over
    # the one it merely resembles letter for letter.
    for _context, _strength, _score, i, j, rule in sorted(equal_edges):
        merge(i, j, rule)

    # Shorter forms: attach each cluster to the one cluster its forms are a part of, longest names first
    # so that "J. Smith" sees "John Smith" already joined to "John A. Smith".
    targets: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for shorter, longer, comparison in part_edges:
        targets[shorter].append((longer, _link_rule(comparison)))
    unattached: set[int] = set()
    undecided: list[tuple[int, dict]] = []  # full names that fitted several people: `_garbled_given` may join them
    order = sorted(range(n), key=lambda i: (-len(names[i].tokens), -forms[i].count, names[i].compact))
    for index in order:
        if index not in targets:
            continue
        options: dict[int, tuple[int, str]] = {}
        for longer, rule in targets[index]:
            r = root(longer)
            if r != root(index):
                options.setdefault(r, (longer, rule))
        gender = None if names[index].full else title_gender(names[index].title)
        if gender and options:
            # "Mrs Ruiz" is not the Ruiz whose full names are written with "Mr" or "husband", even when he
            # is the only Ruiz her spelling fits. Only an exclusion: a person whose titles say nothing may
            # be either (the story's subject is often titled least). Nobody left: uncertain, unattached.
            kept = {r: o for r, o in options.items() if titled_gender(forms, members[r]) in (None, gender)}
            if not kept and len(members[root(index)]) == 1:
                unattached.add(index)
            options = kept
        # A cluster already holding one person's full name is not that of another it could also be part
        # of: "DeMarin" joined to Rod DeMarin (by "Mr DeMarin") does not then take Casey DeMarin too.
        options = {r: o for r, o in options.items()
                   if not _two_people(names, members[root(index)], members[r], score_cutoff)}
        # Family names written alone ("Ibarra Soler") are a surname, whatever the parse says of their
        # first word: broken like one.
        surname_like = not names[index].full or names[index].initials_only or all(
            rule == FAMILY_NAMES_RULE for _longer, rule in options.values())
        if len(options) > 1 and surname_like:
            options = _break_tie(index, options, forms, members, topic_articles)
        if len(options) == 1:
            (longer, rule), = options.values()
            merge(index, longer, rule)
        elif len(options) > 1 and (not names[index].full or names[index].initials_only) and len(members[root(index)]) == 1:
            unattached.add(index)
        elif len(options) > 1:
            undecided.append((index, options))

    # Surnames that no person with a given name took form a surname-only person of their own.
    for _score, i, j, rule in sorted(late_edges):
        if i in unattached or j in unattached:
            continue
        if any(names[m].full for m in members[root(i)] + members[root(j)]):
            continue
        merge(i, j, rule)

    if story:
        # A name garbled as heard first: "Matt Gates" joined to Matt Gaetz carries the surname that a
        # blend ("Robert Gates", the nominee under another man's given name) is then an error of.
        for i, j, rule in _garbled_given(forms, members, root, topic_articles, score_cutoff):
            merge(i, j, rule, force=True)
        for i, j, rule in _blends(forms, members, root, topic_articles):
            merge(i, j, rule, force=True)
        for i, j, rule in _invented(forms, members, root, topic_articles, score_cutoff):
            merge(i, j, rule, force=True)
        for i, j, rule in _heard_beside(forms, members, root, unattached):
            merge(i, j, rule, force=True)
        for i, j, rule in _middle_as_given(forms, members, root, topic_articles):
            merge(i, j, rule, force=True)
        # A full name that fitted two clusters ("Tomas Veldt" by "Tomas Andres Veldt" and a page's
        # "Tomas Adnres Veldt") fits one person once the rules above have joined the garble to its name.
        for index, options in undecided:
            people = {root(longer) for longer, _rule in options.values()}
            if len(people) == 1 and root(index) not in people:
                (longer, rule), *_rest = options.values()
                merge(index, longer, rule)

    for i, j in must_link:
        unattached.discard(i)
        unattached.discard(j)
        merge(i, j, "pinned in story config", user=True)
    for i, j in user_same:  # a user's `distinct` outranks a `same` that contradicts it
        unattached.discard(i)
        unattached.discard(j)
        merge(i, j, "the user's decision: [names] same", user=frozenset((i, j)) not in user_apart)

    clusters = sorted((sorted(group) for r, group in members.items() if not (len(group) == 1 and group[0] in unattached)),
                      key=lambda g: g[0])
    return Linkage(clusters=clusters, unattached=sorted(unattached), links=dict(links))


class _Established:
    """The story's established full names, indexed once for the rules that read them (`_blends`,
    `_invented`), instead of every thinly attested form scanning all of them."""

    def __init__(self, forms: list[Form]):
        self.full = [i for i, f in enumerate(forms) if f.name.full and not f.name.initials_only and _established(f)]
        self.members = set(self.full)
        self.by_surname: dict[str, list[int]] = defaultdict(list)
        self.by_given: dict[str, list[int]] = defaultdict(list)
        for j in self.full:
            self.by_surname[forms[j].name.surname_core].append(j)
            if forms[j].name.given_tokens:
                self.by_given[forms[j].name.given_tokens[0]].append(j)


def _titles(forms: list[Form], members: dict, root_: int) -> set:
    """Every title written with any form of one person."""
    return set().union(*(forms[m].titles for m in members[root_]))


def _blends(forms: list[Form], members: dict, root, topic_articles: frozenset = frozenset()) -> list[tuple[int, int, str]]:
    """Names that join one story person's given name to another's surname: (blend, person's form, rule).

    Writers mix up two people who hold one role ("Mayor Ellen Brook" for Mayor Ellen Cranston when the story's
    other mayor is Tom Brook). Such a blend is no one's name: it is an error of the person whose surname it
    carries (a surname identifies far more than a given name). It is taken as a blend only when all of this
    holds, so a real relative ("Anne Cranston", the mayor's mother) stays a person of her own: the blend is
    thinly attested (no authoritative outlet, fewer than ESTABLISHED_OUTLETS outlets, not a name the story
    config names; or one careful page's slip, `_careful_slip`, carrying a surname `SLIP_VOUCHERS` careful
    outlets write for its person); its given name is exactly the first given name of an established full name
    of another person with another surname, or of any full name with another surname written in one of the
    blend's own articles (a transcript or a hasty writer carrying over the given name of the man named a line
    before: "Tim Varga is Lagseth's attorney ... helpful to Tim Lagseth", beside "Pete Lagseth"), when the
    blend is written once (a page that writes "Sara Hadari" again and again, and her maiden name "Sara
    Ben-Amoz", means a person); and of the people with an established full name carrying its surname under
    another given name, exactly one is in its role (but a blend only ever written as the second of a couple,
    "Mikhail and Ella Holm" beside an established Ella Ronn, or on a page that introduces the surname's bearer
    as a relative, "Ella Holm says her husband, Tim Holm", is Ella Ronn's name with the family's surname:
    hers): shares a title with it, or, for a blend written only in the story's on-topic coverage and under no
    office, is the person the story is about (a namesake elsewhere in the story keeps its own name; a name
    whose every page names that person in full too is a relative, `_named_in_full_beside`), or, for a
    given name lent by a name on the blend's own page, is the one such person that page also names in full
    under no office of the blend's.
    """
    established = _Established(forms)
    written_by_given: dict[str, list[int]] = defaultdict(list)  # every full name, by its first given name
    for j, other in enumerate(forms):
        if other.name.full and not other.name.initials_only and other.name.given_tokens:
            written_by_given[other.name.given_tokens[0]].append(j)
    blends = []
    for i, form in enumerate(forms):
        name = form.name
        slip = _careful_slip(form)  # "Tomas Lagseth" once, on a careful page naming Tomas Varga and Pete Lagseth
        if (not name.full or name.initials_only or form.topic or (_established(form) and not slip)
                or not name.given_tokens or form.kin_articles
                or len(members.get(root(i), ())) > 1 and any(forms[m].name.full for m in members[root(i)] if m != i)):
            continue  # a name its page introduces as somebody's relative ("his wife, Ella Holm") is that relative
        given = name.given_tokens[0]
        carriers = {root(j) for j in established.by_surname.get(name.surname_core, ())
                    if forms[j].name.given_tokens[:1] != (given,)
                    and (not slip or len(forms[j].authoritative) >= SLIP_VOUCHERS)}
        lenders = [j for j in established.by_given.get(given, ()) if forms[j].name.surname_core != name.surname_core]
        beside = []  # lenders named in the blend's own articles
        if form.count == 1:  # a slip is made once; a page writing a name again means it
            beside = [j for j in written_by_given.get(given, ()) if forms[j].articles & form.articles
                      and forms[j].name.surname_core != name.surname_core]
        lenders = lenders or beside
        if not carriers or not lenders or established.by_surname.get(given):
            # Or its first word is an established person's surname too: two surnames side by side, as a
            # slug or an SEO title writes them ("halden-dorsey-clash"), no given name lent to anyone.
            continue
        if given in world_given_names() and any(forms[j].name.given_tokens[:1] and forms[j].name.given_tokens[0] in
                                          name.given_tokens[1:] for r in carriers for j in members[r]):
            # The carrier's own given name after a given name of some locale (`world_given_names`: "José
            # Tomas Lagseth" for Tomas Lagseth): their longer name, a first given name everyday use drops,
            # not another's given name on theirs. (A word no locale names with may be an honorific NER took in.)
            continue
        lent_by = {root(j) for j in lenders}
        # Its own page introduces a bearer of the surname as a relative ("Ella Holm says her husband,
        # Tim Holm, ..."): the name is the other one of the family, not a slip for him.
        family = any(form.articles & forms[m].kin_articles for r in carriers for m in members[r])
        if (form.couples == form.count or family) and len(lent_by) == 1:
            # Or only ever the second of a couple ("Mikhail and Ella Holm"): the surname is the family's,
            # written once for both, and the given name the lender's own, who is the one named.
            person = [m for m in members[next(iter(lent_by))] if m in established.members]
            if person:
                blends.append((i, person[0], f"the given name of {forms[lenders[0]].name.display} with the "
                                             "surname of the family it is named with"))
            continue
        # Of the people carrying the surname, the one in the blend's role; else, for a blend written
        # only in the coverage of the person the story is about, that person.
        in_role = {r for r in carriers if form.titles & _titles(forms, members, r)}
        about = {r for r in carriers if any(forms[m].topic for m in members[r])}
        if len(in_role) == 1:
            carrier, = in_role
        elif (len(about) == 1 and form.articles and form.articles <= topic_articles
              and not any(role_title(title) for title in form.titles)
              and not _named_in_full_beside(forms, members[min(about)], form)):
            # Not under an office the subject never holds: "Rep. Mike Holtz" beside Gov. Tim Holz is
            # a namesake in his own office, not a blend (as `namesakes` splits such a page off).
            carrier, = about
        elif beside and len(named_here := {r for r in carriers if any(
                forms[m].name.full and forms[m].articles & form.articles for m in members[r])}) == 1 and not any(
                role_title(title) for title in form.titles):
            # Lender and carrier both named on the blend's page: the page's own two people, mixed up.
            carrier, = named_here
        else:
            continue
        person = [m for m in members[carrier] if m in established.members]
        lender = forms[lenders[0]].name.display
        blends.append((i, person[0], f"a blend: the given name of {lender} with this person's surname, in one role"))
    return blends


def _named_in_full_beside(forms: list[Form], person: list[int], form: Form) -> bool:
    """Whether `form` is written more than once, and every page writing it also writes the person's own
    full name: pages naming the story's person and, apart, another given name under their surname again
    and again name two people of one family ("Tim Vald ... the eldest, Anna Vald, 33"; "fille de Anna
    Vald" on a French page, where no English family word introduces her), not a slip that takes the
    place of the person's given name, which an untitled blend in the coverage of the story is
    (`_blends`). Once, beside the person's name, it is the slip a blend is."""
    return form.count > 1 and all(any(forms[m].name.full and article in forms[m].articles for m in person)
                                  for article in form.articles)


def _invented(forms: list[Form], members: dict, root, topic_articles: frozenset, score_cutoff: float) -> list[tuple[int, int, str]]:
    """Full names an SEO page makes up around a misspelt surname: (invented form, person's form, rule).

    A page that misspells "Mayor Ellen Cranston" as "Mayor Kranston" often dresses the error up with a
    given name of its own ("Marco Kranston"); left alone, that phantom takes every "Kranston" of the
    page away from the mayor. An invented name is the error of the person whose surname it misspells
    when all of this holds: it is thinly attested (no authoritative outlet, fewer than
    ESTABLISHED_OUTLETS outlets) and written only in the story's on-topic coverage; its surname is no
    established surname of the story and is a typo of the surname of exactly one person with an
    established full name; and the same page uses the misspelt surname in that person's role (a title
    of theirs: "Mayor Kranston"), which is what ties the page to them. A resident with a similar name
    ("Tom Cranson") on a page that never gives the misspelt name the person's title stays a person.
    """
    established = _Established(forms)
    established_surnames = {f.name.surname_core for f in forms if _established(f)}
    bare: dict[str, list[Form]] = defaultdict(list)  # forms without a given name, by surname
    for g in forms:
        if not g.name.full:
            bare[g.name.surname_core].append(g)
    found = []
    for i, form in enumerate(forms):
        name = form.name
        surname = name.surname_core
        if (not name.full or name.initials_only or form.topic or _established(form) or surname in established_surnames
                or not form.articles or not form.articles <= topic_articles):
            continue
        group = members.get(root(i), [i])
        if any(_established(forms[m]) or forms[m].name.surname_core != surname for m in group):
            continue  # the cluster holds more than this invented name and its shorter forms
        people = {root(j) for other, carriers in established.by_surname.items()
                  if surnames_fit(surname, other, score_cutoff) for j in carriers}
        if len(people) != 1:
            continue
        person, = people
        titles = _titles(forms, members, person)
        if not any(g.titles & titles and g.articles & form.articles for g in bare.get(surname, ())):
            continue
        target = next(m for m in members[person] if m in established.members)
        found.append((i, target, "an invented full name around a misspelt surname, on pages that give it this "
                                 "person's title"))
    return found


def _middle_as_given(forms: list[Form], members: dict, root,
                     topic_articles: frozenset = frozenset()) -> list[tuple[int, int, str]]:
    """Full names that put a person's middle name in place of the given name, on pages that write the
    person's whole name: (form, person's form, rule).

    Why: a caption or a hasty writer takes the middle name for the given name ("Teni Okafor" under
    a story about Zola Teni Okafor, which writes his whole name a line later); left alone, the page
    has a person of its own and is never flagged. The page's whole name says whose name it is. Only
    a thinly attested name (no authoritative outlet, fewer than ESTABLISHED_OUTLETS outlets: a middle
    name the person goes by is written by careful outlets, and usage then judges it), alone in its
    cluster, every page of which writes one such whole name, of one person only (two whole names
    carrying that middle name on the page leave it unlinked). A relative whose given name is the
    person's middle name is named on pages of his own, beside a whole name that is his, or as a
    relative ("his father Pavel Okafor": `kin_articles`), as sons are given their fathers' names.

    The story's subject may go by a middle name ("Teni Okafor" for the story's Zola Teni Okafor, as
    careful outlets write him too): there the name is established, and the subject's, when most of its
    pages are on the story's topic and one at least writes the whole name beside it; its cluster holds
    that name and its slips only.
    """
    wholes: dict[str, list[int]] = defaultdict(list)  # surname -> full names with a middle name
    for k, other in enumerate(forms):
        if len(other.name.given_tokens) >= 2 and not other.name.initials_only:
            wholes[other.name.surname_core].append(k)
    found = []
    for i, form in enumerate(forms):
        name = form.name
        if len(name.given_tokens) != 1 or name.initials_only or form.topic or not form.articles or form.kin_articles:
            continue
        given = name.given_tokens[0]
        whole = [k for k in wholes.get(name.surname_core, ()) if given in forms[k].name.given_tokens[1:]
                 and forms[k].name.given_tokens[0] != given and forms[k].articles & form.articles]
        group = members.get(root(i), [i])
        if _established(form) or len(group) > 1:
            # The subject's name as they go by it, on the story's pages: the cluster is this name's alone.
            whole = [k for k in whole if forms[k].topic]
            if (not whole or 2 * len(form.articles & topic_articles) <= len(form.articles)
                    or any(forms[m].name.full and forms[m].name.given_tokens[:1] != (given,) for m in group)):
                continue
        elif not form.articles <= set().union(*(forms[k].articles for k in whole)):
            continue
        people = {root(k) for k in whole}
        if len(people) != 1 or root(i) in people:
            continue
        person, = people
        target = next((m for m in members.get(person, [person]) if _established(forms[m])), whole[0])
        found.append((i, target, "the middle name of this person's whole name, written on the same page, in place "
                                 "of the given name"))
    return found


def _heard_beside(forms: list[Form], members: dict, root, unattached: set[int]) -> list[tuple[int, int, str]]:
    """Bare surnames written as heard on pages that name the person: (garble, person's form, rule).

    A transcript writes a surname as it hears it ("Mr. Laxith, suspend your remarks" a few lines after
    "Mr. Lagseth, you may continue"), a rewrite as it reads it aloud ("Kowirak said" on a page naming
    Ada Kowiarek): one Metaphone key and most letters kept (`surname_heard_alike`), but too far in
    letters for any typo rule, so the bare form is a person of its own. It is the error of the one
    person it is heard as when: it is thinly attested (no authoritative outlet, fewer than
    ESTABLISHED_OUTLETS outlets), its cluster holds nothing but it, and every page writing it names that
    person (any form of theirs, or their surname written right and alone, which may fit a relative
    too), who has an established full name: the page is talking about them. A page that writes it under
    a given name too names somebody of that surname, however thinly attested. Titled or not: the second
    pass finds an untitled one only on a page writing the surname right. A surname some established full name
    carries is no garble, and a form left `unattached` (it fits several people) is the co-mention
    stage's to place. Where the pages name several bearers of the surname it is heard as (the person
    and relatives), the garble is the one the story is about, as a blend is (`_blends`), unless its
    title names the other sex.
    """
    named: dict = defaultdict(set)  # article -> people with an established full name written there
    surnames: dict = defaultdict(set)  # person -> the surnames of their full names
    for person, group in members.items():
        full = [m for m in group if forms[m].name.full and not forms[m].name.initials_only]
        if not any(_established(forms[m]) for m in full):
            continue
        surnames[person] = {forms[m].name.surname_core for m in full}
        for m in group:
            for article in forms[m].articles:
                named[article].add(person)
    carriers: dict = defaultdict(set)  # surname -> the people above whose full names carry it
    for person, cores in surnames.items():
        for core in cores:
            carriers[core].add(person)
    for form in forms:  # a bare surname left unattached (it fits several) still names its carriers
        if not form.name.full and form.name.surname_core in carriers:
            for article in form.articles:
                named[article] |= carriers[form.name.surname_core]
    found = []
    for i, form in enumerate(forms):
        name = form.name
        if (name.full or _established(form) or form.authoritative or not form.articles
                or i in unattached or name.surname_core in carriers
                or any(forms[m].name.surname_core != name.surname_core or forms[m].name.full
                       for m in members.get(root(i), [i]))):
            continue  # a full name of its own ("Dermid Kowirak" on its page): that person's surname
        people = None
        for article in form.articles:
            heard = {p for p in named.get(article, ()) if p != root(i)
                     and any(surname_heard_alike(name.surname_core, s) for s in surnames[p])}
            people = heard if people is None else people & heard
        if people and len(people) > 1:
            gender = title_gender(name.title)
            people = {p for p in people if any(forms[m].topic for m in members[p])
                      and (gender is None or titled_gender(forms, members[p]) in (None, gender))}
        if not people or len(people) != 1:
            continue
        person, = people
        target = next(m for m in members[person] if forms[m].name.full and _established(forms[m]))
        found.append((i, target, "a surname written as heard, on pages naming this person"))
    return found


#: How much of a person's given name a garble of it keeps (rapidfuzz ratio), beside its first letter:
#: as much as a name written as heard keeps (`phonetic.HEARD_RATIO`).
GARBLED_GIVEN_RATIO = HEARD_RATIO


def _garbled_given(forms: list[Form], members: dict, root, topic_articles: frozenset,
                   score_cutoff: float) -> list[tuple[int, int, str]]:
    """Full names that garble an established person's name past what a typo rule allows: (garbled
    form, person's form, rule).

    Machine translation, speech recognition and careless rewriting garble a given name beyond any typo
    rule ("Mirosya" for "Myroslav") while the surname survives, or write both names as heard
    ("Miroslaf Bilinski"); left alone, the garble is a person of its own and the page is never
    flagged. Such a name is the error of the person it garbles when all of this holds: it is thinly
    attested (no authoritative outlet, fewer than ESTABLISHED_OUTLETS outlets; or one careful page's
    slip, against a name `SLIP_VOUCHERS` careful outlets write) and written only in the
    story's on-topic coverage; and exactly one person with an established full name is garbled by it:
    either it has that person's surname and a given name with the same first letter that keeps most of
    theirs (`GARBLED_GIVEN_RATIO`), under a title of theirs ("President"); or both its names are theirs
    as heard (`heard_alike` given names, surnames with one Metaphone key keeping most letters); or it
    has that person's first given name and surname and garbles a later given name
    (`_later_given_garbled`: "Halil Tewfiq" for Halil Tevfik), or their later given names and surname
    and garbles the first (`_first_given_garbled`), or the first part of a two-part surname
    written as two words (`_hyphen_half_garbled`), which outrank the looser rules; on the story's
    pages, two or more of its words may be garbled a little, the rest theirs (`_words_garbled`). A
    relative ("Oksana", the first lady) has another given name and another title, and stays a person;
    a namesake used by several outlets is established, and stays a person, with one exception: a name
    written as heard ("Matt Gates" for a Matt Gaetz pronounced so) that several aggregators copy but
    no authoritative outlet writes, in the story's on-topic coverage (and maybe in their coverage of
    the same person's other stories), when the person's own name has authoritative outlets behind it.
    Aggregators agreeing against every careful newsroom are no convention (`canonical._unexplained`
    weighs them the same way); a real namesake ("Robert Gates") has another given name. Nor is a name a
    page introduces as somebody's relative ("her husband, Calen Vork", beside the story's Cal Vork): the
    page says who that is.

    The story's subject (a topic name of its config) is garbled in more ways on its own pages, where a
    namesake is rare (`_subject_garble`): a given name keeping only its first letter under their title
    and surname, one keeping most letters when several outlets agree on it, a surname keeping its
    first letter and most letters under their given name and title, and under their own given name a
    surname with their consonants in order once voicing and vowels are set aside (`_framed_alike`).
    Both names garbled a little at once (`_both_garbled`) mark any established person of the story, the
    subject or not, on the story's pages.

    One garble needs no on-topic coverage: the person's own given name (as written or heard) with a
    surname one edit further than a near spelling, keeping `score_cutoff` of it ("Odèle Pellarcourt"
    in a transcript that never names the story's keyword): the whole name is the evidence, as in the
    second pass (`second_pass._given_then_garbled_surname`). Nor does a slip beside the person's own
    name: a page that writes their full name right and, once, a near one (`_slip_beside`) has named
    them twice, the second time by mistake; unless the page is a careful outlet's, which writes two
    near names side by side to tell two people apart ("Tim" and "Tom Okafor"), and means a near
    surname under their very given name when it writes it again (its one writing, a headline's, is a
    slip: `_careful_slip`). Their surname under an
    office of theirs, in on-topic coverage, with a word no given-name list has in place of their given
    name, is a given name garbled past recognition ("former Defense Minister Ewel Gellert" for Yoel):
    a namesake in the same office has a given name ("Justice Robert H. Tolliver" stays his own). Under a
    title of theirs, in on-topic coverage, their given name with such a surname is theirs too, as the
    story's subject's is ("EP President Roberta Raizzola" for the parliament's President Raitsola).
    """
    established = _Established(forms)
    subjects = {root(j) for j, form in enumerate(forms) if form.topic}
    named_in: dict = {}  # person -> the articles writing their full name

    def articles_naming(person) -> set:
        if person not in named_in:
            named_in[person] = set().union(*(forms[m].articles for m in members.get(person, [person])
                                             if forms[m].name.full))
        return named_in[person]

    by_surname: dict[str, list[int]] = defaultdict(list)
    for k, other in enumerate(forms):
        if other.name.full and len(other.name.given_tokens) >= 2:
            by_surname[other.name.surname_core].append(k)
    found = []
    for i, form in enumerate(forms):
        name = form.name
        # One careful page's slip ("Pierre Thibodier", once, by one authoritative outlet) is judged as a
        # thinly attested garble, against a name more careful outlets write (as any spelling would be).
        # A careful page that writes the name again and again means it (a namesake's own page).
        slip = _careful_slip(form)
        if (not name.full or name.initials_only or form.topic or (form.authoritative and not slip)
                or not name.given_tokens or not form.articles or form.kin_articles):
            continue  # a name introduced as somebody's relative ("her husband, ...") is that relative's
        thin = slip or not _established(form)
        on_topic = form.articles <= topic_articles
        group = members.get(root(i), [i])
        if any(m != i and forms[m].name.full and (_established(forms[m]) or _initial(forms[m].name) != _initial(name))
               for m in group):
            continue  # the cluster holds more than this name, its shorter forms and its own slips ("Tarshi")
        people, later = set(), set()  # later: the people whose later given name it garbles, the closest fit
        # Its own whole name, or the whole name its own pages write it short for (`_other_middle_name`).
        longer = [i] + [k for k in by_surname.get(name.surname_core, ()) if forms[k].articles & form.articles
                        and forms[k].name.given_tokens[:1] == name.given_tokens[:1]]
        for j in established.full:
            if slip and len(forms[j].authoritative) < SLIP_VOUCHERS:
                continue
            other = forms[j].name
            if any(_other_middle_name(forms[m].name, other) for m in longer):
                # "José Javier Mulas" beside "José Raúl Mulas": two brothers, no garble of one; nor is
                # "José Mulas" on a page that writes his brother's whole name.
                continue
            # The story's own subject, on the story's pages (`_subject_garble`). Under their title and
            # very surname, most of its pages on the story's topic will do: a translated profile of them
            # ("The age of ...") need not name the story's keyword.
            subject_garbled = False
            if root(j) in subjects:
                titled = bool(form.titles & _titles(forms, members, root(j)))
                topical = on_topic or (titled and name.surname_core == other.surname_core
                                       and 2 * len(form.articles & topic_articles) > len(form.articles))
                subject_garbled = topical and _subject_garble(name, other, titled, agreed=not thin,
                                                              score_cutoff=score_cutoff)
            if not thin:  # aggregators agreeing on a garble, against every careful newsroom
                if forms[j].authoritative and ((form.articles & topic_articles and _heard_as(name, other))
                                               or subject_garbled):
                    people.add(root(j))
                continue
            if _later_given_garbled(name, other) or _first_given_garbled(name, other) or _hyphen_half_garbled(name, other):
                people.add(root(j))
                later.add(root(j))
            elif _surname_garbled_under_given(name, other, score_cutoff):
                people.add(root(j))
            elif on_topic and (_surname_garbled_under_givens(name, other) or _words_garbled(name, other)):
                people.add(root(j))
            elif on_topic and _heard_as(name, other):
                people.add(root(j))
            elif subject_garbled or (on_topic and _both_garbled(name, other, score_cutoff)):
                people.add(root(j))
            elif on_topic and root(j) in subjects and _framed_alike(name, other):
                people.add(root(j))  # their given name, their surname's consonants unvoiced: "Orla Dremplik"
            elif (on_topic and other.surname_core == name.surname_core
                  and _garble_of(name.given_tokens[0], other.given_tokens[:1])
                  and form.titles & _titles(forms, members, root(j))):
                people.add(root(j))
            elif (on_topic and other.surname_core == name.surname_core and name.given_tokens[0] not in given_names()
                  and len(name.given_tokens[0]) > 1 and form.titles & _titles(forms, members, root(j))):
                people.add(root(j))  # no given name at all, in their office: "Defense Minister Ewel Gellert"
            elif ((not form.authoritative or slip and name.surname_core != other.surname_core)
                  and _slip_beside(name, other) and form.articles <= articles_naming(root(j))):
                people.add(root(j))  # a careful page's one slip in their surname: "Pierre Thibodiex", once
            elif (on_topic and name.surname_core != other.surname_core and _slip_beside(name, other)
                  and form.titles & _titles(forms, members, root(j))):
                people.add(root(j))  # their given name and title, the surname garbled: "EP President Roberta Raizzola"
        if len(later) == 1:
            people = later  # their first given name and surname both: no looser rule's candidate competes
        if len(people) != 1 or root(i) in people:
            continue
        person, = people
        target = next(m for m in members[person] if m in established.members)
        found.append((i, target, "a garble of this person's name (a given name garbled under their surname and "
                                 "title, or both names written as heard), thinly attested"))
    return found


def _other_middle_name(name: ParsedName, other: ParsedName) -> bool:
    """Whether two names each write a second given name, both a given name of some locale
    (`world_given_names`) and no spelling, nickname or typo of each other (`given_relation`): whatever
    their first names and surnames share, they name two people ("José Javier Mulas" and "José Raúl
    Mulas", brothers; "Jose Francisco Molas", a coach). A garble keeps the words it garbles, and no
    garble writes one real middle name for another.

    >>> from analysis.names import parse_name as p
    >>> [_other_middle_name(p(n), p("José Raúl Mulas"))
    ...  for n in ("José Javier Mulas", "José Raul Molas", "José Mulas")]
    [True, False, False]
    """
    if len(name.given_tokens) < 2 or len(other.given_tokens) < 2:
        return False
    ours, theirs = name.given_tokens[1], other.given_tokens[1]
    known = world_given_names()
    return ours in known and theirs in known and given_relation(ours, theirs)[0] == "different"


def _surname_garbled_under_given(name: ParsedName, other: ParsedName, score_cutoff: float) -> bool:
    """Whether a name is another's given name (as written or heard) with its surname garbled one edit
    further than a near spelling: the second pass's test (`second_pass.given_confirmed_surname`),
    applied to two names."""
    if not name.given_tokens or not other.given_tokens or name.surname_core == other.surname_core:
        return False
    return (written_or_heard(name.given_tokens[0], other.given_tokens[0])
            and given_confirmed_surname(name.surname_core, other.surname_core, score_cutoff))


def _surname_garbled_under_givens(name: ParsedName, other: ParsedName) -> bool:
    """Whether a name is another's two or more given names (each as written, as heard, or a typo or
    variant of it) with the surname garbled past a near spelling, its first sound and most letters kept
    (`second_pass.garbled_under_givens`: "Dana Louise Cobberg" for Dana Louise Kohlberg, as a wire
    rewrite or a transcript garbles it). The given names identify as a surname alone does not: people
    sharing a first and a middle name and a surname's first sound are rare in one story; a relative
    shares the surname, not the given names.

    >>> from analysis.names import parse_name as p
    >>> [_surname_garbled_under_givens(p(n), p("Dana Louise Kohlberg"))
    ...  for n in ("Dana Louise Cobberg", "Dana Cobberg", "Dana Louise Pell")]
    [True, False, False]
    """
    ours, theirs = name.given_tokens, other.given_tokens
    surname, right = name.surname_core, other.surname_core
    return (len(ours) == len(theirs) >= 2 and surname != right
            and all(given_relation(a, b)[0] in ("same", "variant", "typo") for a, b in zip(ours, theirs))
            and garbled_under_givens(surname, right))


def _later_given_garbled(name: ParsedName, other: ParsedName) -> bool:
    """Whether a name is another's with a later given name garbled: the same first given name and
    surname, as many given names, each later one theirs or keeping its first letter and most of its
    letters (`_garble_of`: "Halil Tewfiq" for Halil Tevfik, as heard or machine-translated). The first
    given name and the surname identify; a middle name no one else writes so is the slip, where a
    relative differs in the first given name."""
    ours, theirs = name.given_tokens, other.given_tokens
    return (name.surname_core == other.surname_core and len(ours) == len(theirs) >= 2 and ours[0] == theirs[0]
            and ours != theirs and all(a == b or _garble_of(a, (b,)) for a, b in zip(ours[1:], theirs[1:])))


def _words_garbled(name: ParsedName, other: ParsedName) -> bool:
    """Whether a name of two given names or more is another's with two of its words or more garbled
    and the rest theirs: as many given names, each theirs or keeping its first letter and most of its
    letters (`_garble_of`), and the surname theirs or garbled past a near spelling, its first sound
    and most letters kept (`second_pass.garbled_under_givens`): "Halil Tewfiq Ozdamir" for Halil
    Tevfik Ozdemir, "Hallil Tewfiq Ozdemir", as a machine rewrite or a transcript garbles a long name
    word by word. One word garbled is `_later_given_garbled`'s or `_first_given_garbled`'s; a
    relative differs in a whole given name, not in letters of each.

    >>> from analysis.names import parse_name as p
    >>> [_words_garbled(p(n), p("Halil Tevfik Ozdemir"))
    ...  for n in ("Halil Tewfiq Ozdamir", "Hallil Tewfiq Ozdemir", "Halil Tewfiq Ozdemir", "Halil Kemal Ozdamir")]
    [True, True, False, False]
    """
    ours, theirs = name.given_tokens, other.given_tokens
    if len(ours) != len(theirs) or len(ours) < 2:
        return False
    same_surname = name.surname_core == other.surname_core
    changed = sum(a != b for a, b in zip(ours, theirs)) + (not same_surname)
    return (changed >= 2 and all(a == b or _garble_of(a, (b,)) for a, b in zip(ours, theirs))
            and (same_surname or garbled_under_givens(name.surname_core, other.surname_core)))


def _first_given_garbled(name: ParsedName, other: ParsedName) -> bool:
    """Whether a name is another's with its first given name garbled: the same later given names and
    surname, as many given names, the first keeping its first letter and most of its letters
    (`_garble_of`: "Mariana Corina Machado" for María Corina Machado, in a caption). Two of three words
    identify; siblings sharing a middle name and surname differ in more than a garble of the first.

    >>> from analysis.names import parse_name as p
    >>> [_first_given_garbled(p(n), p("María Corina Machado")) for n in ("Mariana Corina Machado", "Rosa Corina Machado", "Mariana Machado")]
    [True, False, False]
    """
    ours, theirs = name.given_tokens, other.given_tokens
    return (name.surname_core == other.surname_core and len(ours) == len(theirs) >= 2 and ours[0] != theirs[0]
            and ours[1:] == theirs[1:] and _garble_of(ours[0], theirs[:1]))


def _hyphen_half_garbled(name: ParsedName, other: ParsedName) -> bool:
    """Whether a name is another's, its two-part surname written as two words with the first part
    garbled: their first given name, then a word keeping the first part's first letter and most of
    its letters (`_garble_of`), then the second part exactly ("Ana Lindel Berg" for Ana
    Lindahl-Berg, as heard in a transcript). The parse takes the garbled part for a middle name,
    so the surnames alone never meet; the given name and the intact part are the evidence."""
    parts = [t for t in other.surname_tokens if t not in PARTICLES]
    ours = name.given_tokens
    return (len(parts) == 2 and len(ours) >= 2 and bool(other.given_tokens) and ours[0] == other.given_tokens[0]
            and name.surname_core == parts[1] and _garble_of(ours[-1], (parts[0],)))


def _subject_garble(name: ParsedName, subject: ParsedName, titled: bool, agreed: bool,
                    score_cutoff: float = DEFAULTS.score_cutoff) -> bool:
    """Whether a name garbles the story's subject's past a typo rule, on the story's pages: their very
    surname under a given name that keeps only its first letter, under a title of theirs ("Prime
    Minister Mike Callery" for Mark), or that keeps most of its letters and is written by several
    outlets (`agreed`: rewriting engines agreeing on "Larita Brennock" for Lalita, against every careful
    newsroom; one page's "Genoveva Cranston, a baker" may be a neighbour); or, under a title of theirs,
    their given name with a surname that keeps its first letter and most of its letters ("prime
    minister Mark Carlay"). Both names garbled at once, each a little (a given name keeping its first
    letter and most letters, a surname a typo from theirs: "Dael Kathcart" for Dale Cathcart), need
    neither: a neighbour shares a family's surname, not a misspelling of it."""
    if subject.surname_core == name.surname_core:
        return (titled or agreed) and _garble_of(name.given_tokens[0], subject.given_tokens[:1], titled=titled)
    if _both_garbled(name, subject, score_cutoff):
        return True
    return (titled and bool(subject.given_tokens) and written_or_heard(name.given_tokens[0], subject.given_tokens[0])
            and name.surname_core[:1] == subject.surname_core[:1]
            and fuzz.ratio(name.surname_core, subject.surname_core) >= GARBLED_GIVEN_RATIO)


def _both_garbled(name: ParsedName, other: ParsedName, score_cutoff: float = DEFAULTS.score_cutoff) -> bool:
    """Whether a name garbles both of another's names a little: a given name keeping the other's first
    letter and most of its letters (`_garble_of`), and a surname other than theirs but a typo or a
    sound away (`surnames_fit`): "Marisela Dellana" for Marisa Dellano, as a rewriting engine writes it.

    Why: either word alone may be a neighbour's (a sister shares the surname, a namesake the given
    name), but a person whose given name and surname each nearly match another's in one story's
    coverage is that person written carelessly, not a second person: families share surnames, not
    misspellings of them.

    >>> from analysis.names import parse_name as p
    >>> [_both_garbled(p(n), p("Marisa Dellano")) for n in ("Marisela Dellana", "Marisa Dellana", "Marisela Dellano", "Grace Dellana")]
    [True, False, False, False]
    """
    if not name.given_tokens or not other.given_tokens or name.surname_core == other.surname_core:
        return False
    return (_garble_of(name.given_tokens[0], other.given_tokens[:1])
            and surnames_fit(name.surname_core, other.surname_core, score_cutoff))


def _framed_alike(name: ParsedName, other: ParsedName) -> bool:
    """Whether a name is another's given name exactly with a surname of the same consonants once voicing
    and vowels are set aside (`phonetic.consonant_frame`, `FRAME_MIN_CONSONANTS` of them or more):
    "Orla Dremplik" for Orla Tremblick, as machine translation through a script without voiced
    consonants writes it back. Asked only for the story's subject, on the story's pages: under their
    own given name a surname that keeps their consonants in order is theirs garbled, where a relative
    would share the surname as it is spelt.

    >>> from analysis.names import parse_name as p
    >>> [_framed_alike(p(n), p("Orla Tremblick")) for n in ("Orla Dremplik", "Orla Dramsik", "Ena Dremplik")]
    [True, False, False]
    """
    if not name.given_tokens or name.given_tokens[:1] != other.given_tokens[:1] or name.surname_core == other.surname_core:
        return False
    frame = consonant_frame(name.surname_core)
    return len(frame) >= FRAME_MIN_CONSONANTS and frame == consonant_frame(other.surname_core)


def _slip_beside(name: ParsedName, other: ParsedName) -> bool:
    """Whether a name may be a slip for another that its page also writes: their surname under a given
    name with their initial, a letter or two away from theirs ("Tom Holz" on a page about Tim Holz), or
    their given name (as written or heard) with a surname keeping its first letter, most of its letters
    and about its length ("Pierre Tibodyev" in a transcript that also writes Pierre Thibodière).

    A slip is one: where both names have later given names, those must agree too (each the other's, a
    variant, a typo or a garble of it). Brothers may share a first given name and the surname and differ
    in the second, by which they are known ("Ahmad Karim Vossal" and "Ahmed Tarek Vossal"): a
    first given name a letter away is then the family's common name spelt two ways, not a slip.

    >>> from analysis.names import parse_name as p
    >>> _slip_beside(p("Ahmed Karim Vossal"), p("Ahmad Karim Vossal")), _slip_beside(p("Ahmed Tarek Vossal"), p("Ahmad Karim Vossal"))
    (True, False)
    """
    if not name.given_tokens or not other.given_tokens:
        return False
    given, theirs = name.given_tokens[0], other.given_tokens[0]
    if not all(a == b or given_relation(a, b)[0] != "different" or _garble_of(a, (b,))
               for a, b in zip(name.given_tokens[1:], other.given_tokens[1:])):
        return False
    if name.surname_core == other.surname_core:
        # Under one surname only the given name tells relatives apart: a slip changes a letter or two.
        return _garble_of(given, (theirs,)) and OSA.distance(given, theirs) <= SLIP_EDITS
    return (written_or_heard(given, theirs) and name.surname_core[:1] == other.surname_core[:1]
            and abs(len(name.surname_core) - len(other.surname_core)) <= SLIP_LENGTH
            and fuzz.ratio(name.surname_core, other.surname_core) >= GARBLED_GIVEN_RATIO)


#: How many letters longer or shorter than the surname it slips on a slip's may be: a garble keeps
#: roughly its length, a word much longer that keeps its letters is made on purpose ("DeMarinated").
SLIP_LENGTH = 2
#: How many letters a slip for a given name changes: "Tom"/"Tim", "Evan"/"Ewen"; a relative's name on
#: the same page ("Eliezer" beside his son "Elazar") differs in more.
SLIP_EDITS = 2


def _initial(name: ParsedName) -> str:
    """The first letter of a name's first given name ("" without one)."""
    return name.given_tokens[0][:1] if name.given_tokens else ""


def _garble_of(given: str, other: tuple[str, ...], titled: bool = False) -> bool:
    """Whether a folded given name may be a garble of another: same first letter, not the same name,
    most letters kept; under the person's title and surname the first letter is enough (a familiar
    name put for a rarer one: "Prime Minister Mike Callery" for Mark)."""
    if not other or len(other[0]) <= 1 or len(given) <= 1 or other[0] == given:
        return False
    return other[0][:1] == given[:1] if titled else resembles_given(given, other[:1], GARBLED_GIVEN_RATIO)


def _heard_as(name: ParsedName, other: ParsedName) -> bool:
    """Whether one name is the other's written as heard: given names as written or `heard_alike`,
    surnames other than equal with one Metaphone key and most letters kept ("Matt Gates" for a "Matt
    Gaetz" pronounced so). With the given name itself written as heard (not as the person writes it),
    a surname of four letters is enough: the whole name misheard (a reader's "Christa kneel" for Krista
    Neel). A short surname's key alone has too many neighbours."""
    if not name.given_tokens or not other.given_tokens or name.surname_core == other.surname_core:
        return False
    given, surname = name.given_tokens[0], name.surname_core
    if not written_or_heard(given, other.given_tokens[0]):
        return False
    if surname_heard_alike(surname, other.surname_core):
        return True
    return (given != other.given_tokens[0] and min(len(surname), len(other.surname_core)) >= HEARD_SHORT_SURNAME
            and metaphone(surname) == metaphone(other.surname_core)
            and fuzz.ratio(surname, other.surname_core) >= HEARD_RATIO)


#: The shortest surname heard alike when the given name is heard alike too (`_heard_as`).
HEARD_SHORT_SURNAME = 4


def _two_surnames(a: ParsedName, b: ParsedName, givens_of: dict[str, set[str]]) -> bool:
    """Whether two similar surnames are two surnames in their own right: each is seen with several
    given names (ESTABLISHED_SURNAME), mostly different ones. Shared given names (the ARRIOLA and
    ARREOLA MARQUEZ brothers listed under both spellings) point to one family written two ways. Never
    a surname's two gender forms (`gender_forms`: "Zaretny", "Zaretnaya"): one family's, its men seen
    with the one and its women with the other by grammar, so their given names differ by nature."""
    if gender_forms(a.surname_core, b.surname_core):
        return False
    ga, gb = givens_of.get(a.surname_core, set()), givens_of.get(b.surname_core, set())
    if len(ga) < ESTABLISHED_SURNAME or len(gb) < ESTABLISHED_SURNAME:
        return False
    return 2 * len(ga & gb) < min(len(ga), len(gb))


def _typo_allowed(a: Form, b: Form, topic_articles: frozenset = frozenset(), story: bool = False) -> bool | None:
    """Whether a given name a typo away is the same person: True when one form is very much rarer
    (in uses, or in a story in authoritative outlets) and nothing separates the two; None when
    something separates them, which forbids any merge; False when usage is not unequal enough (a bare list of distinct names keeps them apart, but another
    form may still join them).

    What separates two forms: different titles ("Judge Ann Lowe", "Coach Ann Lowe"), or two real given
    names each in established use ("Tim and Tom Okafor"; "Karin" and "Carin" both written by careful
    newsrooms, not one careful page's one slip: `_in_use_beside`) unless one title joins them ("Mayor
    Karin Lund", "Mayor Carin Lund": one office). Why not any shared article or any authoritative use,
    as before: a writer who misspells a name often spells it right in the same piece (a quoted post, a
    caption), and a careful newsroom can slip once; a typo ("Zeyenp", "Elen") is no name of its own.

    Nor are two real given names two people when they are one name spelt two ways (`spelt_alike`:
    "Terri" for "Teri"), one form names the person the story is about and the other is written
    only in the story's on-topic articles or beside it: coverage of the story is about its person, and
    a page writing a namesake spelt as their name is spelt is a page that misspells them. Off the
    topic, or two names ("Tim", "Tom"), they stay two people.

    In a story, a middle name and the surname in common beside the typo need no unequal usage, and
    two given names in established use do not separate them: two words alike past the surname
    identify where a surname alone does not ("Selin Ana Okan" once and "Selyn Ana Okan" once, on one
    page: a slip, not a sister with her middle name; a careful newsroom copying an official document's
    "Selyn Ana Okan" copies its typo). A name list of distinct people keeps them apart.
    """
    if a.titles and b.titles and not a.titles & b.titles:
        return None
    if (story and len(a.name.given_tokens) >= 2 and a.name.given_tokens[1:] == b.name.given_tokens[1:]
            and a.name.surname_core == b.name.surname_core):
        return True
    shared_role = bool(a.titles & b.titles)  # one title ("Press Secretary"): one role, likely one person
    if (not shared_role and _real_given(a) and _real_given(b) and _in_use_beside(a, b) and _in_use_beside(b, a)
            and not _topic_misspelt(a, b, topic_articles)):
        return None
    high, low = max(a.count, b.count), min(a.count, b.count)
    if high >= USAGE_RATIO * max(low, 1):
        return True
    # In a story, careful newsrooms weigh more than uses: a given name that the authoritative outlets
    # write one way USAGE_RATIO times as often as the other (a copied slip can be used many times over
    # by aggregators, never by many careful newsrooms) is one person's, misspelt.
    more, fewer = sorted((len(a.authoritative), len(b.authoritative)), reverse=True)
    if more >= USAGE_RATIO * max(fewer, 1):
        return True
    # In a story, one surname under two given names a letter apart, not both established (a careful
    # outlet or several outlets each), is one person when THIN_SOURCES_RATIO times as many outlets write
    # the one as the other: a sister a letter away from her brother's name is rare, one page's slip
    # common ("Odila" on one page for the Odile three pages write), and a page repeating its slip does not
    # make it a name. Between two names as thinly written as each other nothing says which is the slip:
    # they stay apart; and a name further off ("Genoveva" beside Genevieve) may be a neighbour's.
    ga, gb = a.name.given_tokens[:1], b.name.given_tokens[:1]
    if (not story or a.name.surname_core != b.name.surname_core or not ga or not gb
            or OSA.distance(ga[0], gb[0]) != 1 or (_established(a) and _established(b))):
        return False
    more, fewer = sorted((len(a.sources), len(b.sources)), reverse=True)
    return more >= THIN_SOURCES_RATIO * max(fewer, 1)


def _topic_misspelt(a: Form, b: Form, topic_articles: frozenset) -> bool:
    """Whether one of two forms names the story's person and the other, its given name spelt alike, is
    written only in on-topic articles or beside the person's form (`_typo_allowed`); or, neither
    naming the story's person, the rarer is written only in on-topic articles or beside the other,
    which the story's coverage writes too ("Mathias Orrel" and "Matthias Orrel", each by careful
    newsrooms, in coverage of the story): one of its people, misspelt, not two people of one surname
    whose given names are one name spelt two ways."""
    if not spelt_alike(a.name.given_tokens[0], b.name.given_tokens[0]):
        return False
    if a.topic == b.topic:
        if a.topic or not a.articles or not b.articles:
            return False
        # The rarer spelling in on-topic coverage or beside the other, which the story's coverage writes
        # too: the other may also name the person on pages off the story ("Viktor" in a profile of him).
        rarer, other = sorted((a, b), key=lambda form: (form.count, len(form.authoritative)))
        return bool(other.articles & topic_articles) and rarer.articles <= topic_articles | other.articles
    person, other = (a, b) if a.topic else (b, a)
    return bool(other.articles) and other.articles <= topic_articles | person.articles


def _in_context(a: Form, b: Form, topic_articles: frozenset = frozenset()) -> bool:
    """Whether two forms are seen together: named in one article, or under one title, or one names a
    person the story is about and the other is used in the story's on-topic articles (the story config
    says whom the coverage is about; a garble in that coverage is most likely theirs)."""
    if a.articles & b.articles or a.titles & b.titles:
        return True
    return (a.topic and bool(b.articles & topic_articles)) or (b.topic and bool(a.articles & topic_articles))


def _clearly_different(a: ParsedName, b: ParsedName) -> bool:
    """Whether two names judged different may never share a person, even through other forms.

    Two given names a couple of letters apart or written as heard (`heard_alike`), one of them no
    real given name ("Zeinep" and "Zeyenp", two garbles of one name; "Katelyn" in a transcript of
    "Caitlin"), are not evidence of two people: each may still join the person both misspell. Two
    real given names (Tim, Tom) or clearly unlike ones are. Nor are two spellings of one short name
    (`spelt_alike`: "Teri", "Terry"), however many letters apart.
    """
    ga, gb = a.given_tokens[:1], b.given_tokens[:1]
    if ga and gb and spelt_alike(ga[0], gb[0]):
        return False
    if not ga or not gb or len(ga[0]) < 5 or len(gb[0]) < 5:
        return True
    if OSA.distance(ga[0], gb[0]) > 2 and not heard_alike(ga[0], gb[0]):
        return True
    known = given_names()
    return ga[0] in known and gb[0] in known


def _two_people(names: list[ParsedName], a: list[int], b: list[int], score_cutoff: float) -> bool:
    """Whether two clusters hold full names judged two people (`_clearly_different`), though blocking
    never paired them: the shorter forms they share then fit either, and join neither to the other.
    Only names whose given name is a known one: "De Marin" parses as given "De", and is no person."""
    known = given_names()
    full_a = [names[i] for i in a if names[i].given_tokens[:1] and names[i].given_tokens[0] in known]
    full_b = [names[j] for j in b if names[j].given_tokens[:1] and names[j].given_tokens[0] in known]
    return any(compare_names(x, y, score_cutoff).verdict == "different" and _clearly_different(x, y)
               for x in full_a for y in full_b)


#: A form is established when an authoritative outlet or this many outlets use it.
ESTABLISHED_OUTLETS = 3
#: A given name missing from the bundled list is still a real name when this many authoritative
#: outlets write it (the list is English-centred; careful newsrooms spell a person's own name).
VOUCHED_GIVEN = 2


#: How often one careful outlet must write each of two full names a surname typo apart, and each
#: surname alone, to show it writes two people (`_kept_apart`).
KEPT_APART_FULL, KEPT_APART_ALONE = 2, 3


def _kept_apart(a: Form, b: Form, bare_uses: dict[str, Counter]) -> bool:
    """Whether two full names under one given name, their surnames a typo apart, are two people because
    one careful outlet, on a page naming both, writes each in full `KEPT_APART_FULL` times or more and
    each surname alone `KEPT_APART_ALONE` times or more (`bare_uses`: surname -> outlet -> uses).

    Why: two players of one given name whose surnames differ by a letter ("Ivan Marić" and "Ivan
    Mavić") are compared in one report, and a careful newsroom keeps them apart name by name; a slip is
    written once or twice beside the right name, never as often, and a garbled page is no careful
    outlet's. Without such a page a typo under the same given name stays one person.

    >>> from collections import Counter
    >>> def form(name, **uses):
    ...     return Form(parse_name(name), outlet_uses=Counter(uses), authoritative=set(uses), articles={1})
    >>> bare = {"maric": Counter(a=6), "mavic": Counter(a=5)}
    >>> _kept_apart(form("Ivan Marić", a=2), form("Ivan Mavić", a=2), bare)
    True
    >>> _kept_apart(form("Ivan Marić", a=2), form("Ivan Mavić", a=1), bare), _kept_apart(form("Ivan Marić", a=2), form("Ivan Mavić", a=2), {"maric": Counter(a=6)})
    (False, False)
    """
    if not (a.name.full and b.name.full and a.name.given_tokens[:1] == b.name.given_tokens[:1]
            and a.articles & b.articles):
        return False
    return any(a.outlet_uses[outlet] >= KEPT_APART_FULL and b.outlet_uses[outlet] >= KEPT_APART_FULL
               and bare_uses.get(a.name.surname_core, Counter())[outlet] >= KEPT_APART_ALONE
               and bare_uses.get(b.name.surname_core, Counter())[outlet] >= KEPT_APART_ALONE
               for outlet in a.authoritative & b.authoritative)


def _established(form: Form) -> bool:
    return bool(form.authoritative) or len(form.sources) >= ESTABLISHED_OUTLETS


def _in_use_beside(form: Form, other: Form) -> bool:
    """Whether a name is in established use beside another a typo away (`_typo_allowed`): not vouched
    for only by one careful outlet's slip (`_one_careful_slip`) against a name `SLIP_VOUCHERS` careful
    outlets write, which a careful newsroom's one "Marie" among others' "Maria" is, though both are
    real names."""
    return _established(form) and not (_one_careful_slip(form, other) and len(other.authoritative) >= SLIP_VOUCHERS)


def _one_careful_slip(form: Form, other: Form) -> bool:
    """Whether the one careful outlet behind a name slipped, and fewer than ESTABLISHED_OUTLETS outlets
    write it at all: the outlet wrote it once (`_careful_slip`), or less often than the other name, a
    typo away, on pages that all write that other name too (a caption's "Marie Calvert", twice, in a
    report that writes "Maria Calvert" three times). An aggregator's uses vouch for nothing a careful
    newsroom's would (`_established` asks ESTABLISHED_OUTLETS of them), so they do not turn the
    careful outlet's slip into established use; a careful outlet writing the name as often as the
    other, or on a page of its own, or two careful outlets, mean it (a namesake's own report)."""
    if len(form.authoritative) != 1 or len(form.sources) >= ESTABLISHED_OUTLETS:
        return False
    outlet, = form.authoritative
    uses = form.outlet_uses[outlet]
    return uses == 1 or (form.articles <= other.articles and uses < other.outlet_uses[outlet])


def _careful_slip(form: Form) -> bool:
    """Whether a name is one careful page's slip: written once, by one authoritative outlet on one page.
    Judged as a thinly attested name, against a name `SLIP_VOUCHERS` careful outlets write; a careful
    page that writes a name again and again means it (a namesake's own page)."""
    return len(form.authoritative) == 1 and len(form.sources) == 1 and len(form.articles) == 1 and form.count == 1


def _real_given(form: Form) -> bool:
    """Whether the form's first given name is a real given name: in the bundled given-name list, or
    written so by several authoritative outlets in the story's own language. Careful outlets abroad
    vouch for no spelling of a given name: they write it their language's way, or as the wire copy
    they translate misspelt it ("Sinon" for a Turkish Sinan in two French-language newsrooms)."""
    tokens = form.name.given_tokens
    if not tokens or len(tokens[0]) < 2:
        return False
    return tokens[0] in given_names() or len(form.authoritative - form.abroad) >= VOUCHED_GIVEN


def _break_tie(index: int, options: dict, forms: list[Form], members: dict, topic_articles: frozenset = frozenset()) -> dict:
    """Among several people a short form fits, keep the one with this exact surname, else the one
    with this title ("Mayor Brennan" is the Brennan who is mayor), else, for a form used only in the
    story's on-topic coverage whose articles name no other of them in full, the person the story is
    about (a garbled "Ozdemil" in coverage of a story about an Ozdemir is theirs, not a namesake's),
    else the one whose surname it is strictly fewest edits from."""
    name = forms[index].name
    exact = {r: o for r, o in options.items()
             if any(forms[m].name.surname_core == name.surname_core or forms[m].name.surname_key == name.surname_key
                    for m in members[r])}
    if len(exact) == 1 and (_rendered_apart(name, options, exact, forms, members)
                            or _slip_shared(name, options, exact, forms, members)):
        # One family's surname in two romanisations ("Prigozjin" only with the son's given name, the
        # father's "Prigozhin" elsewhere), or a slip one page made in the father's name that others
        # make in the daughter's: the spelling tells neither apart; each article does.
        return options
    if len(exact) == 1:
        return exact
    options = exact or options
    role = role_title(name.title)
    if role:
        titled = {r: o for r, o in options.items() if any(role in forms[m].titles for m in members[r])}
        if len(titled) == 1:
            return titled
    form = forms[index]
    if not exact and form.articles and form.articles <= topic_articles:
        about = {r: o for r, o in options.items() if any(forms[m].topic for m in members[r])}
        # Not where its own articles name another of them in full: there the article says who it is
        # (`story._attach_by_co_mention`, mention by mention), before the story's subject.
        if len(about) == 1 and all(form.articles.isdisjoint(forms[m].articles) for r in options if r not in about
                                   for m in members[r] if forms[m].name.full):
            return about
    if not exact and len(options) > 1:
        # Else the one whose surname it is strictly fewest edits from: a misspelling is most likely of
        # the name it is nearest ("Bilenksy", two letters swapped, by a Bilensky and a Bileny).
        edits = {r: min((OSA.distance(name.surname_core, forms[m].name.surname_core)
                         for m in members[r] if forms[m].name.full), default=99) for r in options}
        nearest = min(edits.values())
        if sum(1 for e in edits.values() if e == nearest) == 1:
            return {r: o for r, o in options.items() if edits[r] == nearest}
    return options


def best_full_name(forms: list[Form], members: list[int]) -> ParsedName | None:
    """A person's best-attested full name (most careful outlets, then most uses), or None."""
    full = [forms[m] for m in members if forms[m].name.full]
    return max(full, key=lambda f: (len(f.authoritative), f.count, f.name.key)).name if full else None


def _own_surname(forms: list[Form], members: list[int]) -> str | None:
    """The surname of a person's best-attested full name (`best_full_name`)."""
    best = best_full_name(forms, members)
    return best.surname_core if best is not None else None


def _slip_shared(name: ParsedName, options: dict, exact: dict, forms: list[Form], members: dict) -> bool:
    """Whether a bare surname matches one person only through a misspelt full name of theirs, while
    another person it fits has the same own surname (`_own_surname`): "Halvorsem" is exactly the
    surname of one page's "Erik Halvorsem" for the father, but a typo of the daughter's "Halvorsen"
    as much as of his, so its exact spelling says nothing of which of them a page means.

    >>> from analysis.names import parse_name
    >>> def f(text, n=1):
    ...     return Form(parse_name(text), count=n)
    >>> forms = [f("Halvorsem"), f("Erik Halvorsen", 5), f("Erik Halvorsem"), f("Ina Halvorsen", 9)]
    >>> _slip_shared(forms[0].name, {1: (1, ""), 3: (3, "")}, {1: (1, "")}, forms, {1: [1, 2], 3: [3]})
    True
    >>> forms[1] = f("Erik Halvorsem", 5)
    >>> _slip_shared(forms[0].name, {1: (1, ""), 3: (3, "")}, {1: (1, "")}, forms, {1: [1, 2], 3: [3]})
    False
    """
    (person,) = exact
    own = _own_surname(forms, members[person])
    return own is not None and own != name.surname_core and any(
        _own_surname(forms, members[r]) == own for r in options if r != person)


def _rendered_apart(name: ParsedName, options: dict, exact: dict, forms: list[Form], members: dict) -> bool:
    """Whether every other person a bare surname fits writes it in another romanisation of the same
    letters (`explain_spelling`: "Prigozhin" beside "Prigozjin"), so that its exact spelling is no
    evidence of which of them it is."""
    others = [r for r in options if r not in exact]
    return bool(others) and all(any(forms[m].name.full and romanised(name.surname_core, forms[m].name.surname_core)
                                    for m in members[r]) for r in others)


def titled_gender(forms: list[Form], members: list[int], given: bool = True) -> str | None:
    """What the titles of a person's full names say of their gender ("husband Marc Brosset"), if they
    agree; where they say nothing (and `given`), what the first given names of those full names say
    (`given_gender`), if they agree. A bare surname's title says nothing here, since which person it
    is is the question.

    Why the given names too: a story titles few people ("Pastor Ingrid Halvorsen" has an office, no
    "Mrs"), and a "Mr Halvorsen" a line after her name is her husband, named beside her, not her."""
    full = [m for m in members if forms[m].name.full]
    genders = {title_gender(parse_name(surface).title) for m in full for surface in forms[m].surfaces} - {None}
    if not genders and given:
        genders = {given_gender(forms[m].name.given_tokens[0]) for m in full if forms[m].name.given_tokens} - {None}
    return genders.pop() if len(genders) == 1 else None


def _link_rule(comparison: Comparison) -> str:
    parts = list(comparison.rules)
    if comparison.surname_typo:
        parts.append("surname a typo away under the same given name")
    if comparison.given_typo:
        parts.append("given name a typo away, far rarer and not separated")
    if comparison.verdict == "part" and not parts:
        parts.append("shorter form of the name")
    return "; ".join(parts) or "same name"
