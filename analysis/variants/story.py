"""One story's variants: mentions in, clusters with canonical forms, assignments and flags out."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, replace

from rapidfuzz import process
from rapidfuzz.distance import OSA

from analysis.dates import date_key
from analysis.evidence import _forms_from_mentions, form_key
from analysis.flags import BREAKS as _BREAKS
from analysis.flags import _flags, kind_of, lowered_kinds, slug_kinds, slug_only
from analysis.name_rules import (
    ABD_JOINED,
    ASCII_DIGRAPHS,
    LANGUAGE_LETTERS,
    PARTICLE_GROUPS,
    PARTICLES,
    ROMANISATION_LETTERS,
    SPOUSE_OF,
    as_heard_letters,
    explain_spelling,
    gender_forms,
    listed_marked_surnames,
    own_marks,
    role_title,
    title_gender,
)
from analysis.names import (  # noqa: F401 (re-exported)
    ParsedName,
    fold,
    given_compatible,
    inflected,
    marks_added,
    parse_name,
    script_of,
    spelt,
    surname_parts,
    transcribed,
)
from analysis.records import Form, Linkage, Topic, VariantResult
from analysis.settings import DEFAULTS, AnalysisSettings
from analysis.variants.canonical import (
    ABROAD_HOUSES,
    AUTHORITY_RATIO,
    SLIP_VOUCHERS,
    _decide_canonical,
    _Decision,
    _display,
    _inner_capital,
    _kind,
    careful_spellings,
    careful_words,
    has_marks,
    house_outlets,
    inner_capitals,
    romanised,
    romanised_from,
    spelling_evidence,
    with_inner_capitals,
    with_marks_abroad,
    with_own_marks,
    with_story_givens,
)
from analysis.variants.compare import (
    HYPHEN_PART_RULE,
    NAME_ORDER_RULE,
    compare_names,
    format_rules,
    given_relation,
    opens_family_names,
    strip_accents,
    surnames_fit,
)
from analysis.variants.linkage import ESTABLISHED_OUTLETS, best_full_name, link_forms, titled_gender
from analysis.variants.name_order import WordsAlone, family_first_slip, family_name_first, spells_family_name
from analysis.variants.namesakes import mention_roles, namesake_pages, off_topic_namesake_pages


def analyse_variants(mentions: list[dict], *, settings: AnalysisSettings = DEFAULTS, id_prefix: str = "",
                     pins: dict[str, str] | None = None, accepted: list[str] | None = None,
                     copies: dict | None = None, topic: Topic | None = None,
                     same: list[list[str]] = (), distinct: list[list[str]] = ()) -> VariantResult:
    """Cluster the story's person mentions, choose canonical forms, classify surfaces, raise flags.

    pins: surface or name -> the canonical full name the user pins (it wins, and pulls the surface in).
    accepted: surfaces the user accepts; their kind becomes "accepted" and their flags go away.
    copies: article_id -> the article_id it copies, when propagation knows it; a copy is then not
    independent evidence. Without it, outlet counts are not used to choose the canonical form.
    same / distinct: the user's corrections ([names] same = [[...]], distinct = [[...]]): each group's
    names are one person (must-link) or all different people (cannot-link), whatever the rules say.
    topic: the people the story is about and its on-topic articles (`Topic`): a misspelling a typo away
    from a topic person and from someone else, used in an on-topic article, is the topic person's.
    Cluster ids are `id_prefix` plus a slug of the canonical name, so they stay stable across runs.

    >>> result = analyse_variants([
    ...     {"mention_id": 1, "surface": "Dale Cathcart", "article_id": 1, "origin": "a", "outlet": "a",
    ...      "authoritative": True, "published": "2026-03-03", "usage": "uses"},
    ...     {"mention_id": 2, "surface": "Dale Kathcart", "article_id": 2, "origin": "b", "outlet": "b",
    ...      "authoritative": False, "published": "2026-03-04", "usage": "uses"}])
    >>> [(s["surface"], s["kind"]) for s in result.clusters[0]["surfaces"]]
    [('Dale Cathcart', 'canonical'), ('Dale Kathcart', 'error')]
    """
    score_cutoff = settings.score_cutoff
    pins = pins or {}
    accepted_keys = _surface_keys(accepted or [])
    # A lone given name ("Ellen said") is no name of its own: it joins the person its article names in
    # full (`full_name`, found by the mention stage) once that person is decided.
    given_only = [m for m in mentions if m.get("part") == "given" and m.get("full_name")]
    mentions = [m for m in mentions if m.get("part") != "given"]
    parsed = _compound_surnames(_particle_surnames({m["mention_id"]: parse_name(m["surface"]) for m in mentions}))
    mentions = [m for m in mentions if parsed[m["mention_id"]] is not None]
    topic = topic or Topic()

    def link(apart: dict, kept_apart: list[tuple]) -> tuple:
        forms, form_of = _forms_from_mentions(mentions, parsed, copies, apart)
        _mark_topic(forms, topic)
        must_link, pinned = _pin_links(pins, forms, form_of)
        user_same = _group_links(same, forms)
        user_distinct = _group_links(distinct, forms, every_pair=True)
        by_form: dict[int, list[dict]] = defaultdict(list)
        for m in mentions:
            by_form[form_of[m["mention_id"]]].append(m)
        # A namesake's page stays apart from every form of the person it was taken for.
        left = sorted({(form_of[a], form_of[b]) for a, b in kept_apart})
        linkage = link_forms(forms, score_cutoff=score_cutoff, must_link=must_link, user_same=user_same,
                             cannot_link=user_distinct + _generations_apart(forms) + left, topic_articles=topic.articles,
                             story=True, extra_pairs=_far_surnames(forms))
        return forms, form_of, pinned, user_distinct, by_form, linkage

    forms, form_of, pinned, user_distinct, by_form, linkage = link({}, [])
    if not pins and not same:  # a user's pins and same-groups say who is whom: not second-guessed
        apart = {**off_topic_namesake_pages(linkage.clusters, forms, by_form, topic.articles, topic.related),
                 **namesake_pages(linkage.clusters, forms, by_form, mention_roles(mentions, parsed))}
        if apart:
            # Each split-off mention stays apart from one mention of every form its cluster keeps.
            kept_apart = [(a, next(m["mention_id"] for m in by_form[i] if m["mention_id"] not in apart))
                          for a, number in apart.items() for i in linkage.clusters[number]
                          if any(m["mention_id"] not in apart for m in by_form[i])]
            forms, form_of, pinned, user_distinct, by_form, linkage = link(apart, kept_apart)
    result = VariantResult()
    in_context = _attach_by_co_mention(linkage, forms, by_form, score_cutoff, topic.articles)
    for index in linkage.unattached:
        result.assignments += [{"mention_id": m["mention_id"], "cluster_id": None, "kind": "unattached",
                                "usage": m["usage"]} for m in by_form[index] if m["mention_id"] not in in_context]
    used_ids: set[str] = set()
    decided = []
    unattached = set(linkage.unattached)
    attached_forms: dict[int, set[int]] = defaultdict(set)
    for mention_id, number in in_context.items():
        attached_forms[number].add(form_of[mention_id])
    for number, group in enumerate(linkage.clusters):
        group = group + sorted(attached_forms[number])
        group_mentions = [m for i in group for m in by_form[i]
                          if i not in unattached or in_context.get(m["mention_id"]) == number]
        pin = next((pinned[i] for i in group if i in pinned), None)
        if not group_mentions:
            continue
        decided.append((group, group_mentions, pin))
    _attach_given_names(given_only, decided, forms, form_of)
    # A surname is a family's: the authoritative outlets writing it for anyone in the story, once per story.
    vouching: dict[str, set] = defaultdict(set)
    for form in forms:
        vouching[form.name.surname_core] |= form.authoritative
    # Outlets that write diacritics in some name of the story: their plain spellings are choices, not
    # ASCII simplification (`canonical._display`). Not in a URL or a handle: those are ASCII by
    # necessity ("/saglams-victory" on a page that writes "Sağlam"), no spelling of the outlet's.
    marking = {m["origin"] for m in mentions if has_marks(m["surface"])}
    # At home, if any careful outlet writes there; abroad too, a name's own marks (`own_marks`).
    home = [m for m in mentions if not m.get("foreign") or own_marks(m["surface"])]
    careful_at = home if any(m["authoritative"] for m in home) else mentions
    # Forms written only abroad, in a story careful outlets write at home: a language's renderings.
    written_home = {form_of.get(m["mention_id"]) for m in mentions if not m.get("foreign")}
    rendered = frozenset(range(len(forms))) - written_home if careful_at is home else frozenset()
    # Surnames only: a surname is a family's, but a given name's marks are its bearer's ("Fabio" in
    # careful outlets for an Italian says nothing of a Brazilian's "Fábio").
    # A middle word the story writes as a surname elsewhere is a family name too, the first of two
    # ("Ferrán" in "Rodrigo Ferrán Ibarra" beside "Mateo Ferran"): its marks are the family's as well.
    family_words = {fold(word) for name in parsed.values() for word in name.surname_display.split()}
    surnames_written = [(m["origin"], _family_display(parsed[m["mention_id"]], family_words)) for m in careful_at
                        if m["authoritative"] and m.get("usage", "uses") == "uses" and not m.get("handle")]
    spellings = careful_spellings(surnames_written, marking)
    # The surname words SLIP_VOUCHERS careful outlets or more that write a name's own letters somewhere
    # ("ă", "ł": `own_marks`) write plain, as most such outlets do: their choice, not a keyboard's
    # simplification (`canonical._display`, `_hypercorrection`). One such outlet may simplify one name
    # and not another ("Kandoğlu" beside a plain "Yilmazer").
    own_marking = {m["origin"] for m in mentions if own_marks(m["surface"])}
    written_plain: dict[str, set] = defaultdict(set)
    for outlet, written in surnames_written:
        if outlet in own_marking:
            for word in written.split():
                if spelt(word) == fold(word):
                    written_plain[fold(word)].add(outlet)
    plain_chosen = frozenset(word for word, way in careful_spellings(surnames_written, own_marking).items()
                             if way == word and len(written_plain[word]) >= SLIP_VOUCHERS)
    # Marks careful outlets abroad write in a word, SLIP_VOUCHERS of them or more: the name's own spelling
    # in a language whose letters they are, which a page at home reproduces, not invents (`_hypercorrection`).
    abroad_marks: dict[str, set] = defaultdict(set)
    marks_in: dict[str, set] = defaultdict(set)  # the languages of the careful outlets writing them
    # And the surnames careful outlets abroad write plain, by language: where SLIP_VOUCHERS of a language's
    # own careful newsrooms write a surname without marks and none with them, marks its letters have are
    # no rendering of that language.
    plain_by: dict[tuple[str, str], set] = defaultdict(set)
    marked_by: dict[tuple[str, str], set] = defaultdict(set)
    for m in mentions:
        if m["authoritative"] and m.get("foreign") and m.get("usage", "uses") == "uses" and not m.get("handle"):
            name = parsed[m["mention_id"]]
            for word in name.display.split():
                if spelt(word) != fold(word):
                    abroad_marks[spelt(word)].add(m["origin"])
                    marks_in[spelt(word)].add(m["foreign"])
            for word in name.surname_display.split():
                (plain_by if spelt(word) == fold(word) else marked_by)[m["foreign"], fold(word)].add(m["origin"])
    plain_abroad = frozenset(key for key, outlets in plain_by.items()
                             if len(outlets) >= SLIP_VOUCHERS and not marked_by.get(key))
    marked_abroad = frozenset(word for word, outlets in abroad_marks.items() if len(outlets) >= SLIP_VOUCHERS)
    # Of those, the marks careful outlets of two languages or more write alike: the name's own, which the
    # canonical keeps (`canonical.with_marks_abroad`); the most written where two spellings qualify.
    own_abroad: dict[str, str] = {}
    for word in sorted(marked_abroad, key=lambda w: (-len(abroad_marks[w]), w)):
        if len(marks_in[word]) >= 2:
            own_abroad.setdefault(fold(word), word)
    capitals = inner_capitals([(m["origin"], parsed[m["mention_id"]].display) for m in mentions
                               if m.get("usage", "uses") == "uses" and not m.get("handle")])
    # Words careful outlets write first in a name of two words that the story also writes last in one: a
    # family name written first, as careful newsrooms write some names ("Hoshida Ren"), the family's.
    pairs = [(m, parsed[m["mention_id"]]) for m in mentions if m.get("usage", "uses") == "uses"]
    pairs = [(m, name) for m, name in pairs if name.full and len(name.tokens) == 2]
    written_first = frozenset({name.tokens[0] for m, name in pairs if m["authoritative"]}
                              & {name.tokens[1] for _m, name in pairs})
    words_alone = WordsAlone.of([*parsed.values(), *(parse_name(m["surface"]) for m in given_only)], forms)
    decided = _join_lone_family_names(decided, forms, form_of, words_alone, score_cutoff)
    decided = _join_family_name_pairs(decided, forms)
    story_givens = careful_words([form for form in forms if not form.virtual])["given"]
    story_wide = StoryEvidence(accepted_keys, score_cutoff, linkage, vouching, spellings, words_alone, capitals,
                               rendered, marking, story_givens, {}, marked_abroad, own_abroad, plain_abroad,
                               written_first, family_spellings(decided, forms, vouching, score_cutoff), plain_chosen)
    for group, group_mentions, pin in sorted(decided, key=lambda d: _cluster_sort_key(d[0], forms)):
        cluster = _decide_story(group, group_mentions, forms, form_of, pin, story_wide)
        cluster["id"] = id_prefix + _unique_id(_slug(cluster["canonical"]), used_ids)
        members = set(group)
        apart = sorted({forms[b].name.display for a, b in user_distinct + [(b, a) for a, b in user_distinct]
                        if a in members and b not in members})
        if apart:
            cluster["evidence"]["distinct_by_user"] = apart  # shown in reports as the user's decision
        result.clusters.append(cluster)
        kinds = {s["surface"]: s["kind"] for s in cluster["surfaces"]}
        slugs = {**slug_kinds(group_mentions, kinds, cluster["canonical"]),
                 **lowered_kinds(group_mentions, kinds, cluster["canonical"],
                                 {s["surface"] for s in cluster["surfaces"] if s["rule"] in USER_ACCEPTED})}
        group_mentions = slug_only(group_mentions, kinds, slugs)
        result.assignments += [{"mention_id": m["mention_id"], "cluster_id": cluster["id"],
                                "kind": kind_of(m, kinds, slugs), "usage": m["usage"]} for m in group_mentions]
        result.flags += _flags(cluster, group_mentions, kinds, slugs)
    return result


#: The rules of surfaces the user accepted in the story's config: accepted however they are written.
USER_ACCEPTED = ("accepted in story config", "surname of a variant accepted in story config")
#: The rule of a family name written alone, of a name the story writes family name first.
FAMILY_NAME_FIRST = "family name of the canonical name, which writes it first"


def _full_uses(group_mentions: list[dict], forms: list[Form], form_of: dict) -> int:
    """How often a person's mentions write a full name (not a given name found beside it, not quoted)."""
    return sum(1 for m in group_mentions if m.get("part") != "given" and m.get("usage", "uses") == "uses"
               and forms[form_of[m["mention_id"]]].name.full)


def _join_lone_family_names(decided: list[tuple], forms: list[Form], form_of: dict, words_alone: WordsAlone,
                            score_cutoff: float) -> list[tuple]:
    """Join each surname-only person to the one person written family name first whose family name
    its word spells (`name_order.spells_family_name`: "Gun" or "President Gun" on a page that never
    writes "Goon Min-jun" in full, by a story that writes him so).

    Why: the linkage reads a name's last word as its surname, so a family name written alone never
    fits a full name written family name first, and forms a surname-only person of its own; a
    misspelt one is then no error of anyone's. Whether a name is written family name first is the
    story's usage (`family_name_first`); a word two such people share ("Lee", for two Lees) joins
    neither. Only a person a careful outlet or two outlets name owns a family name: a name one page
    garbles ("Goon Min-jun" as "Geon Min-ju", a person of its own) shares no word with the real one.
    A user's pin decides for itself."""
    owners = []
    for number, (group, group_mentions, _pin) in enumerate(decided):
        full = _full_forms(group, forms)
        if not full:
            continue
        name = _main_full_name(full, forms)
        attested = any(forms[i].authoritative for i in full) or len(set().union(*(forms[i].sources for i in full))) >= 2
        if attested and family_name_first(name, _full_uses(group_mentions, forms, form_of), words_alone):
            owners.append((number, name.given_tokens[0]))
    if not owners:
        return decided
    into: dict[int, int] = {}
    for number, (group, _mentions, pin) in enumerate(decided):
        if pin is not None or any(forms[i].name.full or forms[i].virtual for i in group):
            continue
        words = {forms[i].name.surname_core for i in group}
        fits = {owner for owner, family in owners if all(spells_family_name(w, family, score_cutoff) for w in words)}
        if len(fits) == 1:
            into[number] = fits.pop()
    return _merged(decided, into)


def _full_forms(group: list[int], forms: list[Form]) -> list[int]:
    """The forms of a person that write a full name as some page wrote it (no virtual form)."""
    return [i for i in group if forms[i].name.full and not forms[i].virtual]


def _offices(group: list[int], forms: list[Form]) -> set[str]:
    """The offices a person's forms are written with (`role_title`: "minister", not "Mr.")."""
    return {office for i in group for title in forms[i].titles if (office := role_title(title))}


def _main_full_name(full: list[int], forms: list[Form]) -> ParsedName:
    """The full name a person's forms write most (`full`: their full-name forms), as it is written most:
    a form's name is parsed from whichever writing came first ("Lee Jae-Myung"), and letter case says
    how a name is built ("Jae-myung", syllables of one given name: `name_order.syllables_joined`)."""
    form = forms[max(full, key=lambda i: (forms[i].count, forms[i].name.compact))]
    written = max(form.displays.items(), key=lambda kv: (kv[1], kv[0]))[0] if form.displays else None
    return (parse_name(written) if written else None) or form.name


def _merged(decided: list[tuple], into: dict[int, int]) -> list[tuple]:
    """The decided people with each of `into`'s (number -> owner's number) joined to its owner."""
    if not into:
        return decided
    joined = [(list(group), list(group_mentions), pin) for group, group_mentions, pin in decided]
    for number, owner in into.items():
        joined[owner][0].extend(decided[number][0])
        joined[owner][1].extend(decided[number][1])
    return [d for number, d in enumerate(joined) if number not in into]


def _join_family_name_pairs(decided: list[tuple], forms: list[Form]) -> list[tuple]:
    """Join each person named only by the last two words of another's name, under one given name
    ("Minister Sutaj Estok" of Interior Minister Matus Sutaj Estok), to that person when both are
    written with the same office ("minister") and the two words open with no listed given name
    (`opens_family_names`).

    Why: the parse reads "Sutaj Estok" as a given name and a surname, and linkage asks for two given
    names before family names written alone (`compare.FAMILY_NAMES_GIVEN`), as Spanish names have:
    with one, the pair may be a middle name and the surname ("Dion DeSantis") or, Arabic style, the
    father ("Pramod Patel" of Kashyap Pramod Patel). The office tells: a father or a middle name is not
    written with the person's office; the person called by both family names is. Left apart, the
    careful outlets' "Sutaj Estok" is no evidence that the last alone ("Estok") is an error
    (`_both_family_names`). A user's pin decides for itself, and a pair two people's names end in
    joins neither."""
    owners: dict[tuple, list[tuple[int, set]]] = defaultdict(list)
    for number, (group, _mentions, _pin) in enumerate(decided):
        full = _full_forms(group, forms)
        if not full:
            continue
        name = _main_full_name(full, forms)
        if len(name.tokens) >= 3 and len(name.given_tokens) >= 1 and opens_family_names(name.tokens[-2]):
            owners[name.tokens[-2:]].append((number, _offices(group, forms)))
    into: dict[int, int] = {}
    for number, (group, _mentions, pin) in enumerate(decided):
        full = _full_forms(group, forms)
        tails = {forms[i].name.tokens for i in full}
        # The pair written the other way round too ("Tavio Mbengue", "Mbengue Tavio") is one pair.
        tails = {tail for tail in tails if tuple(reversed(tail)) not in tails or tail in owners}
        if pin is not None or len(tails) != 1 or len(owners.get(next(iter(tails)), ())) != 1:
            continue
        owner, offices = owners[next(iter(tails))][0]
        if owner != number and (offices & _offices(group, forms) or _subjects_short_name(
                decided[owner][0], group, forms)):
            into[number] = owner
    return _merged(decided, into)


def _subjects_short_name(owner: list[int], group: list[int], forms: list[Form]) -> bool:
    """Whether the pair of words a person is named by is the short name of the story's subject
    (`_join_family_name_pairs`): the owner is a topic name of the story, some page writes both names,
    and no page introduces the pair as somebody's relative.

    Why: some people go by a later given name and the surname ("Tavio Mbengue" for an Ousseynou Tavio
    Mbengue), and coverage of them writes both on one page, no office needed; a father whose given name
    the subject carries is introduced as one ("his father, Tavio Mbengue")."""
    if not any(forms[i].topic for i in owner) or any(forms[i].kin_articles for i in group):
        return False
    written = set().union(*(forms[i].articles for i in owner if forms[i].name.full))
    return any(forms[i].articles & written for i in group if forms[i].name.full)


def family_spellings(decided: list[tuple], forms: list[Form], vouching: dict[str, set],
                     score_cutoff: float) -> dict[int, str]:
    """A person's first form -> the surname as their family is spelt (as written most), for each person
    named only thinly (no authoritative outlet, fewer than `ESTABLISHED_OUTLETS` outlets) by a surname
    no careful outlet writes for anyone, a typo away (`surnames_fit`) from exactly one surname that
    `SLIP_VOUCHERS` careful outlets write, which every page naming the person also writes for someone
    else: "Nora Marcheti" on a page about her father Piet Marchetti.

    Why: a relative is another person (another given name), so linkage rightly keeps her apart, and her
    one form is then her canonical name, never judged. But the page that names her writes the family's
    surname right a line away, and careful newsrooms write it: her surname there is the family's,
    misspelt, and her name is that surname under her own given name. A surname a careful outlet writes
    is a family of its own ("Smyth" beside "Smith"), and a page that never writes the family's
    spelling (a namesake's) says nothing of it."""
    written: dict[str, Counter] = defaultdict(Counter)  # surname -> its displays, by uses
    on_page: dict = defaultdict(set)  # article -> the surnames its full names write
    for form in forms:
        if form.name.full and not form.virtual:
            written[form.name.surname_core][form.name.surname_display] += form.count
            for article in form.articles:
                on_page[article].add(form.name.surname_core)
    vouched = [surname for surname, outlets in vouching.items()
               if len(outlets) >= SLIP_VOUCHERS and written.get(surname)]
    found: dict[int, str] = {}
    for group, _mentions, pin in decided:
        full = _full_forms(group, forms)
        if pin is not None or not full or any(forms[i].authoritative for i in group):
            continue
        cores = {forms[i].name.surname_core for i in full}
        outlets = set().union(*(forms[i].sources for i in group))
        articles = set().union(*(forms[i].articles for i in group))
        if len(cores) != 1 or len(outlets) >= ESTABLISHED_OUTLETS or not articles:
            continue
        core, = cores
        if vouching.get(core) or len(core) < FAMILY_TYPO_LETTERS:
            continue
        family = [surname for surname in vouched if surname != core and surnames_fit(core, surname, score_cutoff)
                  and not gender_forms(core, surname)]
        if (len(family) == 1 and all(family[0] in on_page[article] for article in articles)
                and not _spelt_own_way(group, family[0], outlets, forms)):
            found[min(group)] = written[family[0]].most_common(1)[0][0]
    return found


def _spelt_own_way(group: list[int], family: str, outlets: set, forms: list[Form]) -> bool:
    """Whether every outlet naming a person writes their surname, in full names and alone, more often
    than the family's surname it is a typo of (`family_spellings`): a page that names a namesake
    again and again and the famous bearer of the near surname once ("Ola Marchetto", a local player,
    beside one "Piet Marchetti") spells its own family, where a relative's misspelt surname is written
    once or twice on a page about the family."""
    own, theirs = Counter(), Counter()
    for i in group:
        own.update(forms[i].outlet_uses)
    for form in forms:
        if form.name.surname_core == family:
            theirs.update(form.outlet_uses)
    return all(own[outlet] > theirs[outlet] for outlet in outlets)


#: The shortest surname `family_spellings` reads as a family's misspelt: a short one a letter away from
#: another is as likely a name of its own ("Lane", "Lang").
FAMILY_TYPO_LETTERS = 6


def _both_family_names(canonical: ParsedName, members: list[Form]) -> Counter:
    """How often each careful outlet calls the person by their two family names alone ("Ibáñez
    Soler", "Mr Ibáñez Soler" for José Tomás Ibáñez Soler): the last alone is then no name of theirs
    in careful use (`FAMILY_VOUCHERS`). Empty when the canonical's last two words are not two family
    names."""
    tail = canonical.tokens[-2:]
    uses: Counter = Counter()
    if len(canonical.tokens) < 3 or not opens_family_names(tail[0]):
        return uses
    for form in members:
        if form.name.full and form.name.tokens == tail:
            uses.update({outlet: form.outlet_uses[outlet] for outlet in form.authoritative})
    return uses


def _last_alone_writers(pooled: Form, both: Counter) -> set:
    """The careful outlets that call the person by the last family name alone (`pooled`: its usage,
    `canonical.spelling_evidence`) as their way of naming them: not those calling them by both family
    names as often or more ("Ibáñez Soler" four times, "Soler" once). Why: a house style is a newsroom's
    repeated choice (`house_outlets`); one short form among its own full ones is a slip of that
    newsroom, no vote for the short form."""
    return {outlet for outlet in pooled.authoritative if pooled.outlet_uses[outlet] > both[outlet]}


#: Careful outlets that must call a person by both family names alone for the last alone to be an
#: error, by a clear majority (`AUTHORITY_RATIO`) over the careful outlets writing it so.
FAMILY_VOUCHERS = 2


#: A bare surname this long may be two edits from a person's surname and still be theirs ("Ozdzemiru",
#: "ozdemirin" for Ozdemir: what machine translation and inflection make), which blocking's one-edit keys
#: cannot meet.
FAR_SURNAME_LETTERS = 7


def _far_surnames(forms: list[Form]) -> list[tuple[int, int]]:
    """Extra pairs for a story: each bare surname of FAR_SURNAME_LETTERS or more with each full name
    whose surname is two edits away (one vectorised pass; a story has few bare surnames)."""
    bare = [i for i, f in enumerate(forms) if not f.name.full and len(f.name.surname_core) >= FAR_SURNAME_LETTERS]
    full = [i for i, f in enumerate(forms) if f.name.full and not f.virtual]
    if not bare or not full:
        return []
    distances = process.cdist([forms[i].name.surname_core for i in bare], [forms[j].name.surname_core for j in full],
                              scorer=OSA.distance, score_cutoff=2, workers=1)
    return [(bare[x], full[y]) for x, y in zip(*(distances <= 2).nonzero()) if distances[x, y] > 0]


def _attach_given_names(given_only: list[dict], decided: list, forms: list[Form], form_of: dict) -> None:
    """Add each lone given-name mention to the person whose full name its article writes; the mention
    counts as a use of that full name's form (its kind is decided against the canonical given name)."""
    index_of: dict[str, list[int]] = defaultdict(list)  # a namesake's page has a form of its own
    for i, form in enumerate(forms):
        if not form.virtual:
            index_of[form_key(form.name)].append(i)
    group_of = {i: n for n, (group, _, _) in enumerate(decided) for i in group}
    for m in given_only:
        full = parse_name(m["full_name"])
        indices = index_of.get(form_key(full), []) if full is not None else []
        index = next((i for i in indices if m["article_id"] in forms[i].articles), indices[0] if indices else None)
        if index is None or index not in group_of:
            continue
        form_of[m["mention_id"]] = index
        decided[group_of[index]][1].append(m)


def _fused(name: ParsedName, canonical: ParsedName) -> bool:
    """Whether a surface writes a full name as one word ("ellencranston", "EllenCranston"), or runs the
    last given name into the surname ("Ellen MaeCranston"): the letters of given name and surname with
    no break between them. A hyphen or space dropped *inside* a surname (Lindahl-Berg, Lindahl Berg)
    or inside the given names is a way of writing; run-together names are a garble (machine
    translation, hashtags, scraped slugs, a lost space).

    >>> from analysis.names import parse_name as p
    >>> [_fused(p(s), p("Ellen Mae Cranston")) for s in ("EllenMaeCranston", "Ellen MaeCranston", "EllenMae Cranston")]
    [True, True, False]

    An Arabic compound name ("Abd el-Nasser", servant of the Victorious) is written "Abdel Nasser" too:
    its first word and article joined, as romanisations do, and no seam between two names.

    >>> _fused(p("Omar Abdel Nasser"), p("Omar Abd el-Nasser")), _fused(p("OmarAbdelNasser"), p("Omar Abd el-Nasser"))
    (False, True)
    """
    if not canonical.full or len(canonical.tokens) < 2 or name.compact != canonical.compact:
        return False
    seam = canonical.given_tokens[-1] + canonical.surname_tokens[0] if canonical.surname_tokens else None
    if seam is not None and _compound_opened(canonical):
        seam = None  # "Abd el-" is one compound name's start, "Abdel" its usual spelling, no two names run together
    return len(name.tokens) == 1 or (seam is not None and seam in name.tokens)


def _compound_opened(name: ParsedName) -> bool:
    """Whether the parse ends a name's given names with the opening of an Arabic compound name ("Omar
    Abd el-Nasser", "Omar Abdel Nasser"), whose surname is then that compound's second half.

    >>> from analysis.names import parse_name as p
    >>> [_compound_opened(p(s)) for s in ("Omar Abd el-Nasser", "Omar Abdel Nasser", "Abdel Nasser Haddad", "Omar Nasser")]
    [True, True, False, False]
    """
    last = name.given_tokens[-1] if name.given_tokens else ""
    return last in ABD_JOINED or (last == "abd" and bool(name.surname_tokens) and name.surname_tokens[0] in PARTICLE_GROUPS[1])


#: Why the second half of an Arabic compound name alone is an error (`_compound_opened`).
COMPOUND_CUT = ("the second half of an Arabic compound name alone (\"Abd el-\" and a name of God): "
                "no name of the person's, however often Western copy shortens it so")


#: The rule of a name run together with its capitals kept (`_capitals_kept`).
LOST_SPACE = "the name's words run together with their capitals: a space lost, not a spelling"


def _capitals_kept(display: str, canonical: str) -> bool:
    """Whether a name run together (`_fused`) keeps the capital of every word of the canonical where that
    word starts ("EllenCranston", "EllenMaeCranston" for Ellen Mae Cranston).

    Why: extraction that drops a line break or a tag's space glues words and keeps their letters
    ("OfficeEllen", "primeminister" nearby); a writer who runs a name together writes it as one word,
    the later words in small letters ("Ellencranston", a machine's or a slug's). The first keeps the
    name as written, the second is a spelling of it.

    >>> [_capitals_kept(s, "Ellen Mae Cranston") for s in ("EllenMaeCranston", "Ellen MaeCranston", "Ellencranston")]
    [True, True, False]
    """
    joined = display.replace(" ", "")
    words = canonical.split()
    if len(joined) != len("".join(words)) or fold(joined) != fold("".join(words)):
        return False
    position = 0
    for word in words:
        if not joined[position:position + 1].isupper():
            return False
        position += len(word)
    return True


def _given_kind(surface: str, canonical: ParsedName, written: str,
                marked_abroad: Collection[str] = ()) -> tuple[str, str]:
    """The kind of a lone given name: the canonical given name (any case, or with accents dropped), a
    nickname of it (a choice of name), or an error of the given name (an accent added or changed is
    one, as in a full name: `names.marks_added`, against the canonical as `written`, with the
    diacritics careful outlets use; not the marks careful outlets abroad write, `_hypercorrection`)."""
    parsed = parse_name(surface)
    word = parsed.surname_key if parsed is not None else fold(surface)
    given = canonical.given_tokens[0] if canonical.given_tokens else ""
    if word == given and marks_added(surface, written) and spelt(surface.split()[-1]) not in marked_abroad:
        return "error", "a diacritic the given name does not have (" + ", ".join(format_rules(surface, written)) + ")"
    if word == given:
        return "given", "given name of the canonical name"
    relation, rule = given_relation(word, given) if given else ("different", None)
    if relation == "variant" and rule == "known nickname":
        return "accepted", "nickname of the canonical given name"
    return "error", "given name differs from the canonical name's" + (f" (mitigating: {rule})" if rule else "")


def _named_carefully(canonical: Form, writers: Collection, marking: Collection) -> bool:
    """Whether careful outlets naming a person plain say a marked writing of the name (by `writers`) adds
    marks it lacks (`_hypercorrection`): careful outlets that write diacritics in some name of the story
    (`marking`) name them; or careful outlets that write none do, against one outlet's marks. Several
    outlets writing the same marks write the name's own spelling, which ASCII newsrooms simplify."""
    careful = canonical.authoritative
    return bool(careful) and (not careful.isdisjoint(marking) or len(writers) < SLIP_VOUCHERS)


def _hypercorrection(display: str, canonical: str, spellings: dict[str, str], named_carefully: bool,
                     abroad: bool = False, languages: Collection[str] = (), marked_abroad: Collection[str] = (),
                     plain_abroad: Collection[tuple[str, str]] = (), plain_chosen: Collection[str] = ()) -> bool:
    """Whether a name puts a diacritic on a word where evidence says the word has none or another
    one (`names.marks_added`): the canonical writes that word with marks of its own ("Odéle" for
    "Odèle"), outlets that write diacritics elsewhere write it plain (`spellings`,
    `canonical.careful_spellings`: "Pélard" where they write "Pelard"), or careful outlets that write
    diacritics in some name of the story name the person (`named_carefully`) and none of them writes
    the marks (the canonical would carry them). Careful outlets that write every name plain are such
    evidence only against one outlet's marks (`_named_carefully`): an ASCII-only newsroom's "Ines" is
    its simplification, no evidence against the "Inés" several others write.
    `abroad`: written only on pages in another language, whose own form of a given name it may be
    (French "Éric", Spanish "Andrés"): only the surname is judged, and marks all of which those pages'
    `languages` write in words of their own (`LANGUAGE_LETTERS`), or a romanisation standard writes
    (`ROMANISATION_LETTERS`), are their rendering, no hypercorrection ("Álvarez Máynez" in Spanish
    coverage of a name English coverage writes plain, "Nīkos" where an outlet follows ISO 843),
    unless careful outlets writing in one of those languages write the surname plain and none of them
    with marks (`plain_abroad`: (language, folded word) pairs): then the language's own newsrooms say
    it has no such marks (a romanisation standard's marks stay its own).
    `plain_chosen`: surname words careful outlets that write a name's own letters elsewhere ("ă", "ł":
    `own_marks`) write plain: there an own letter is added too ("Vasilescu" written with an "ș"), which
    `marks_added` never judges alone, since ASCII newsrooms drop such letters.
    `marked_abroad`: words as several careful outlets abroad spell them, marks and all; a page at home
    writing a word so reproduces the name as a language whose letters those are writes it ("Félix" for
    a francophone president English wires print "Felix"): an accepted variant, no mark the name lacks.
    Nor is a surname spelt as a locale's surname list spells it (`listed_marked_surnames`: "Fernández"
    where wires print "Fernandez"): those marks are the family name's own in its language.

    Why the evidence: a canonical written plain because no careful outlet named the person at all
    says nothing against the marks; the marked writing may well be the name's own spelling that
    ASCII newsrooms drop ("Buġeja" for a Maltese name), as "Zoë" is.

    >>> careful, hyper = {"pelard": "pelard"}, _hypercorrection
    >>> hyper("Ana Pélard", "Ana Pelard", careful, False), hyper("Ana Pélard", "Ana Pelard", {}, False)
    (True, False)
    >>> hyper("Odéle Ruiz", "Odèle Ruiz", {}, False), hyper("Ana Pélard", "Ana Pelard", {}, True)
    (True, True)
    >>> hyper("Éric Lund", "Eric Lund", {}, True, abroad=True), hyper("Eric Lünd", "Eric Lund", {}, True, abroad=True)
    (False, True)
    >>> hyper("Jorge Álvarez", "Jorge Alvarez", {}, True, abroad=True, languages={"es"}), hyper("Eric Lünd", "Eric Lund", {}, True, abroad=True, languages={"it"})
    (False, True)
    >>> [hyper(name, "Jorge Alvarez", {}, True, marked_abroad={"álvarez"}) for name in ("Jorge Álvarez", "Jorge Álvaréz")]
    [False, True]
    >>> hyper("Ana Pélard", "Ana Pelard", {}, True, abroad=True, languages={"fr"}, plain_abroad={("fr", "pelard")})
    True
    >>> hyper("Delia Fernández", "Delia Fernandez", {}, True), hyper("Delia Fernándéz", "Delia Fernandez", {}, True)
    (False, True)
    >>> hyper("Delia Martínez Salas", "Delia Martinez Salas", {}, True)
    False
    """
    renderings = set(ROMANISATION_LETTERS).union(*(LANGUAGE_LETTERS.get(language, ()) for language in languages)) \
        if abroad else set()
    words = {fold(word): word for word in canonical.split()}
    parsed = parse_name(canonical)
    given = frozenset(parsed.given_tokens) if parsed is not None else frozenset()
    first = frozenset(parsed.given_tokens[:1]) if parsed is not None else frozenset()
    if abroad:
        words = {key: word for key, word in words.items() if key not in given}
    for word in display.split():
        right = words.get(fold(word))
        marks = {ch.lower() for ch in word if not ch.isascii() and ch.isalpha()}
        if renderings and marks <= renderings and (marks <= ROMANISATION_LETTERS or not any(
                (language, fold(word)) in plain_abroad for language in languages)):
            continue  # a romanisation's, or the pages' language's rendering its careful outlets do not refuse
        if spelt(word) in marked_abroad:
            continue  # the word as careful outlets abroad spell it
        if spelt(word) in listed_marked_surnames() and fold(word) not in first:
            continue  # a surname as its own language's lists spell it ("Fernández"), a first of two too
        if right is not None and own_marks(word) and fold(word) in plain_chosen and spelt(right) == fold(right):
            return True  # a letter of the name's own alphabet that careful outlets who write such letters leave off
        if right is not None and marks_added(word, right) and (
                named_carefully or not right.isascii() or spellings.get(fold(word)) == spelt(right)):
            return True
    return False


#: Why a name written family name first is an error where no careful outlet writes the family so: the
#: order is a convention some newsrooms follow for some names (Japanese, Hungarian), and where careful
#: outlets write none of the family's names so, a page writing "Cranston Ellen" has the words swapped.
#: Not a surname marked by a comma or capitals ("CRANSTON, Ellen", "CRANSTON Ellen"): that marks the
#: order as an index's or a style's, the words not swapped by mistake.
ORDER_UNVOUCHED = "the two words in the other order, which no careful outlet writes for this family"

OWN_LETTERS = "the name in letters of its own alphabet, which the canonical writes in ASCII (\"Đ\" as \"Dj\")"


def _in_own_letters(name: ParsedName, canonical: ParsedName) -> bool:
    """Whether a name is the canonical (or its surname) written with letters of its own alphabet that
    the canonical renders with two ASCII letters (`ASCII_DIGRAPHS`): "Srđan Đoković" where coverage
    writes Srdjan Djokovic. Folding keeps one letter of such a digraph ("Srdan"), so the two differ by
    a romanisation that usage would have to excuse; but a writer using the name's own letters (no
    main language's, `own_marks`) reproduces its spelling, as one keeping its accents does.

    >>> from analysis.names import parse_name as p
    >>> [_in_own_letters(p(n), p("Srdjan Djokovic")) for n in ("Srđan Đoković", "Đoković", "Srdan Dokovic", "Srđan Đokić")]
    [True, True, False, False]
    """
    written = name.display.translate(ASCII_DIGRAPHS)
    if written == name.display or not own_marks(name.display):
        return False
    rendered = parse_name(written)
    if rendered is None:
        return False
    return rendered.compact == (canonical.compact if name.full else canonical.surname_key)


#: The rule of a surname with an English "s" or "es" added (`_inflected`): never an error.
INFLECTED = "the surname's plural (\"the Walzes\") or its possessive with the apostrophe dropped (a URL slug's \"walzs\")"


def _inflected(name: ParsedName, canonical: ParsedName) -> bool:
    """Whether a name is the canonical's with "s" added to its surname, or "es" after a hissing
    ending (s, x, z, ch, sh), and its given names, if any, the canonical's: a family's plural ("the
    Holzes") or a possessive whose apostrophe a URL slug or an SEO title dropped ("Tim Holzs
    Debate Styles"). NER takes either for a name; the letters before the ending are the person's own
    surname, so it is no misspelling of it.

    >>> from analysis.names import parse_name as p
    >>> [_inflected(p(n), p("Tim Holz")) for n in ("Holzes", "Tim Holzs", "Holzs", "Holze", "Jim Holzs", "Holz")]
    [True, True, True, False, False, False]
    >>> _inflected(p("Cranstones"), p("Ellen Cranston")), _inflected(p("Cranstons"), p("Ellen Cranston"))
    (False, True)
    """
    if not name.surname_key.startswith(canonical.surname_key) or name.given != canonical.given[:len(name.given)]:
        return False
    ending = name.surname_key[len(canonical.surname_key):]
    return ending == "s" or ending == "es" and canonical.surname_key.endswith(("s", "x", "z", "ch", "sh"))


#: The rule of an error in letter case alone (`_case_slip`).
CASE_SLIP = "letter case garbled inside a word of the name"
#: The rule of a particle capitalised inside the name (`_particle_capitalised`): noted, never an error.
PARTICLE_CAPITALISED = "a particle of the name capitalised, as a whole word: the name's letters, in a headline's case"


def _beside_last_words(display: str, canonical: str) -> list[tuple[str, str]] | None:
    """Each word of a name beside the canonical's word it stands for, a shorter name lined up with the
    canonical's last words (a surname alone with the surname); None when the name has no words or more
    words than the canonical.

    >>> _beside_last_words("Van Der Meer", "Pieter van der Meer"), _beside_last_words("A B C", "A B")
    ([('Van', 'van'), ('Der', 'der'), ('Meer', 'Meer')], None)
    """
    words, canonical_words = display.split(), canonical.split()
    if not words or len(words) > len(canonical_words):
        return None
    return list(zip(words, canonical_words[len(canonical_words) - len(words):]))


def _particle_capitalised(display: str, canonical: str) -> bool:
    """Whether a name capitalises a particle the canonical writes small after its first word, and
    differs in nothing else ("Greta Von Der Malen", "Von Der Malen"). The letters are the name's and
    the case is a whole word's, as in a name in capitals throughout: Title Case headlines capitalise
    every word, particles too, and careful readers label it the right name. A letter's case inside
    a word ("Tarr-gould") is the name misspelt (`_case_slip`). Marks aside: whether a name's marks are
    its own is judged before (`_hypercorrection`), and "Marc-André Ter Stegen" capitalises a particle of
    "Marc-Andre ter Stegen" as "Marc-Andre Ter Stegen" does.

    >>> canonical = "Pieter van der Meer"
    >>> [_particle_capitalised(name, canonical) for name in ("Van Der Meer", "Pieter Van der Meer", "Van der Meer", "Van Der MEer")]
    [True, True, False, False]
    >>> _particle_capitalised("Piéter Van der Meer", canonical)
    True
    """
    pairs = _beside_last_words(strip_accents(display), strip_accents(canonical))
    if pairs is None or any(word.casefold() != right.casefold() for word, right in pairs):
        return False
    capitalised = False
    for position, (word, right) in enumerate(pairs):
        if word == right or word.isupper():
            continue
        if position and right.islower() and word == right[:1].upper() + right[1:]:
            capitalised = True
        elif not (not position and word == right[:1].upper() + right[1:]):
            return False  # another change of case: not this
    return capitalised


def _case_slip(display: str, canonical: str) -> bool:
    """Whether a name garbles the canonical's letter case inside a word, the word in neither capitals
    nor small letters throughout: a small letter opening a hyphenated part the canonical capitalises
    ("Tarr-gould" for Tarr-Gould: the name's own capital lost), or a capital opening a word the
    canonical writes small after the name's first word ("Van Der Meer": a particle; only a sentence
    capitalises the first, "Van der Meer said"; judged apart, as no error, by
    `_particle_capitalised`). Names with capitals of their own inside ("McAvoy") compare letter by
    letter, so they are no slip; a surname alone lines up with the canonical's last words. A capital
    added inside a word ("TArr-Gould") is no slip of the name (`_capital_added`).

    >>> _case_slip("Ada Tarr-gould", "Ada Tarr-Gould"), _case_slip("ADA TARR-GOULD", "Ada Tarr-Gould"), _case_slip("TArr-Gould", "Ada Tarr-Gould")
    (True, False, False)
    >>> _case_slip("Ellen McAvoy", "Ellen McAvoy"), _case_slip("Ellen Mcavoy", "Ellen McAvoy"), _case_slip("tarr-gould", "Ada Tarr-Gould")
    (False, False, False)
    >>> canonical, slip = "Pieter van der Meer", _case_slip
    >>> slip("Van Der Meer", canonical), slip("Van der Meer", canonical), slip("Pieter Van der Meer", canonical)
    (True, False, True)
    """
    for position, (word, right) in enumerate(_beside_last_words(display, canonical) or ()):
        if word.casefold() != right.casefold() or word.isupper() or word.islower():
            continue
        if position and right.islower():
            return True  # a particle capitalised inside the name ("Von Der Malen"): only a first word opens a sentence
        if any(before == "-" and c.islower() and r.isupper() for before, c, r in zip(word, word[1:], right[1:])):
            return True
    return False


#: The rule of a capital added inside a word of the name (`_capital_added`): noted, never an error.
CAPITAL_ADDED = "a capital added inside a word of the name: the shift key held, every letter and capital of the name kept"


def _capital_added(display: str, canonical: str) -> bool:
    """Whether a name differs from the canonical only by capitals added inside its words, each word
    still opening as the canonical's does ("ELlen MacAvoy", "MAcAvoy" for Ellen MacAvoy).

    Why: the letters are the name's and so are its own capitals; a second capital is the shift key
    held a letter too long, a slip of typing that no reader takes for another spelling. A capital
    the name has, lost ("Macavoy"), changes how the name is written and is judged as a spelling.

    >>> [_capital_added(name, "Ellen MacAvoy") for name in ("MAcAvoy", "ELlen MacAvoy", "Macavoy", "MACAVOY", "MAcavoy")]
    [True, True, False, False, False]
    """
    added = False
    for word, right in _beside_last_words(display, canonical) or ():
        if word == right:
            continue
        if word.casefold() != right.casefold() or word.isupper() or word[:1] != right[:1]:
            return False
        if any(r.isupper() and not c.isupper() for c, r in zip(word, right)):
            return False
        added = True
    return added


def _spelling_uses(name: ParsedName, canonical: ParsedName, members: list[Form], outlet: str) -> int:
    """How often `outlet` writes the words where `name` differs from the canonical (its surname, its
    first given name) as `name` does, in any of the person's forms."""
    surname = name.surname_core if name.surname_core != canonical.surname_core else None
    given = name.given_tokens[0] if name.full and canonical.full and name.given_tokens[0] != canonical.given_tokens[0] else None
    return sum(member.outlet_uses[outlet] for member in members
               if (surname is None or member.name.surname_core == surname)
               and (given is None or member.name.given_tokens[:1] == (given,)))


def _rendered_elsewhere(name: ParsedName, canonical: ParsedName, members: list[Form], languages: Collection,
                        careful: dict[str, dict]) -> bool:
    """Whether a careful outlet writing in a language other than `languages` spells the person's name
    its own way too (neither the canonical's letters nor `name`'s, nor cut short: `_cut_short`), again
    and again: the name is one each language renders (`_spelling_uses`), not one only a slip writes
    otherwise. A language that writes every foreign name as it sounds (`as_heard_letters`: Serbian's
    "Karlsen") shows how it transcribes, not that the name has renderings for other languages to choose."""
    for member in members:
        respelt = member.name.surname_core != canonical.surname_core or (
            member.name.full and member.name.given_tokens[:1] != canonical.given_tokens[:1])
        same_words = member.name.surname_core == name.surname_core and (
            not (member.name.full and name.full) or member.name.given_tokens[:1] == name.given_tokens[:1])
        if not respelt or same_words or _cut_short(member.name, careful):
            continue
        for language, outlets in member.abroad_languages.items():
            if language not in languages and not as_heard_letters(language) and any(
                    _spelling_uses(member.name, canonical, members, outlet) >= 2 for outlet in outlets):
                return True
    return False


#: How many surnames the story must write after one particle before that particle, capitalised before a
#: surname it never writes with it, is read as the particle and not as a given name (`_particle_surnames`).
PARTICLE_SURNAMES = 3


def _particle_surnames(parsed: dict) -> dict:
    """The parsed names, a capitalised particle read as a given name ("Al Shara": given "Al") read as
    the surname's particle where the story writes that very surname with it as one ("al-Shara"), or
    writes the particle before `PARTICLE_SURNAMES` surnames or more ("al-Haddad", "al-Rashid").

    Why: "Al Gore" and "Van Jones" are given names, so a capitalised particle before one word is read
    as one; but a story that writes "al-Shara" knows the particle is the surname's, and "Mr Al Shara"
    names nobody called Al (a phantom person that took every "Mr. al-Shara" for its title). A story
    whose names carry the particle again and again writes it before a garbled surname too ("Al Hadad"
    for al-Haddad): a person called Al there would be that surname's garble, left unjudged."""
    particled = {name.surname for name in parsed.values()
                 if name is not None and len(name.surname_tokens) > 1 and name.surname_tokens[0] in PARTICLES
                 and _written_as_particle(name)}
    if not particled:
        return parsed
    leading = Counter(surname.split()[0] for surname in particled)
    out = {}
    for key, name in parsed.items():
        if (name is not None and len(name.given) == 1 and name.given[0] in PARTICLES
                and " " not in name.surname
                and (f"{name.given[0]} {name.surname}" in particled or leading[name.given[0]] >= PARTICLE_SURNAMES)):
            name = replace(name, given=(), surname=f"{name.given[0]} {name.surname}")
        out[key] = name
    return out


def _compound_surnames(parsed: dict) -> dict:
    """The parsed names, a double surname the story writes hyphenated read as that surname where a page
    writes its words alone with a space between ("Lindahl Berg" beside "Ana Lindahl-Berg"), which the
    parse takes for a given name "Lindahl" and a surname "Berg".

    Why: a person called "Lindahl Berg" is a phantom that takes the bare "Lindahl-Berg" of every page
    for its own, and a page dropping the hyphen (a slug's words, a translation) is judged as a full
    name that "differs from the canonical name" instead of as the surname written with a space. Only a
    surname the story writes hyphenated after a given name: "Tomas-Lund" alone is a full name
    hyphenated (a slug's, a caption's), no evidence that "Tomas Lund" is anybody's surname. And only
    where full names write it hyphenated more often than with a space: a story whose careful outlets
    write "Tomas Andres Ibarra Soler" spaces its family names by convention, and one page's hyphen
    makes no surname of the pair.

    >>> found = _compound_surnames({1: parse_name("Ana Lindahl-Berg"), 2: parse_name("Lindahl Berg"),
    ...                             3: parse_name("Tomas-Lund"), 4: parse_name("Tomas Lund")})
    >>> found[2].full, found[2].surname_core == found[1].surname_core, found[4].full
    (False, True, True)
    """
    hyphenated = Counter(name.surname for name in parsed.values()  # after a given name: no full name run together
                         if name is not None and name.full and len(name.surname_tokens) > 1
                         and "-" in name.surname_display)
    sizes = {len(surname.split()) for surname in hyphenated}
    spaced = Counter(words for name in parsed.values() if name is not None and name.full and "-" not in name.display
                     for k in sizes if len(name.tokens) > k and (words := " ".join(name.tokens[-k:])) in hyphenated)
    hyphenated = {surname for surname, uses in hyphenated.items() if uses > spaced[surname]}
    out = {}
    for key, name in parsed.items():
        if name is not None and name.full and " ".join((*name.given, name.surname)) in hyphenated:
            name = replace(name, given=(), surname=" ".join((*name.given, name.surname)))
        out[key] = name
    return out


def _written_as_particle(name: ParsedName) -> bool:
    """Whether a name writes its surname's first word as a particle: small in a name written in capitals
    ("Ahmed al-Shara", "Ana da Silva") or joined to the surname by a hyphen ("Al-Shara"). A capitalised
    word between a given name and a surname that a particle list also holds is a name's middle word
    ("Hyeong Do Kwon", "Minh Van Tran"): no evidence that the word is a particle wherever it is written,
    nor that "Do Kwon" names nobody called Do.

    >>> [_written_as_particle(parse_name(n)) for n in ("Ahmed al-Shara", "Ahmed Al-Shara", "Minh Van Tran")]
    [True, True, False]
    """
    particle = re.escape(name.surname_tokens[0])
    small = not name.display.islower() and re.search(rf"(?<!\w){particle}(?=[\s-])", name.display)
    return bool(small or re.search(rf"(?<!\w){particle}-", name.display, re.IGNORECASE))


def _cut_short(name: ParsedName, careful: dict[str, dict]) -> bool:
    """Whether a name's surname or first given name is a word careful outlets write with its end cut
    off ("Zaretn" of a "Zaretny", where "Zaretny" of a "Zaretnyi" is a romanisation's ending): a
    truncation, which no language renders a name by."""
    words = [(name.surname_core, "surname")] + ([(name.given_tokens[0], "given")] if name.full else [])
    return any(right != word and right.startswith(word) and explain_spelling(word, right) is None
               for word, slot in words for right in careful.get(slot, ()))


def _unvouched_writing(display: str, canonical: str, authorities: dict[str, Collection],
                       family_first: bool = False) -> str | None:
    """How a name differs from the canonical (or its last words, for a surname alone) when it differs
    only by its word breaks: a hyphen written as a space ("Sam Tarrant Vell" for "Sam Tarrant-Vell")
    where careful outlets agree on the canonical's and none writes this one (`HYPHEN_VOUCHERS`); a word
    split or joined ("Rod De Marin" for "Rod DeMarin") where careful outlets write the canonical's by a
    clear majority (`AUTHORITY_RATIO` times as many as write this one, as for any spelling); or by the
    capital inside a word the canonical has ("Mike Delisle" for "Mike DeLisle": the canonical has it
    because most outlets write it, `inner_capitals`, and nobody adds one by chance), not where the
    canonical's word opens with a small letter (an Irish "Ó hEara" written "Ó Heara": English
    capitalises a name's first letter, and that is all it does). None when it is no such slip.
    `authorities`: each way the person's name is written (titles aside) -> the authoritative outlets
    writing it; a writing ending in the words at issue vouches for them ("Governor DeLisle" for "DeLisle").

    Why: a double surname's hyphen and a name's word breaks are part of its spelling when careful
    newsrooms write them so; changed by aggregators it is their error, as a letter would be. Where
    careful outlets differ on a hyphen ("Lindahl Berg", "Lindahl-Berg") both are ways of writing the
    name: style guides differ on it, as they do not on splitting a word. A word in
    capitals or small letters throughout is a style ("DELISLE"), and a first letter's case is a sentence's
    or a particle's ("Von der Malen"), not this. Nor are the breaks of a romanised given name: a hyphen
    before a small letter joins the syllables of one word ("Min-seo", "Kai-shek"; a double surname
    capitalises both), and where the name is written family name first (`family_first`) every word after
    the family name is the given name, which romanisation systems and newsrooms break each their own
    way ("Goon Min Seo", "Goon Min-seo", "Goon Min-Seo").

    >>> careful = {"Sam Tarrant-Vell": {"a", "b"}, "Tarrant-Vell": {"c"}}
    >>> _unvouched_writing("Sam Tarrant Vell", "Sam Tarrant-Vell", careful)
    'a hyphen dropped or added in the name: careful outlets join it otherwise'
    >>> _unvouched_writing("Sam Tarrant Vell", "Sam Tarrant-Vell", {**careful, "Tarrant Vell": {"d"}}) is None
    True
    >>> careful = {"Rod DeMarin": set("abcde"), "De Marin": {"f"}}
    >>> _unvouched_writing("Rod De Marin", "Rod DeMarin", careful)
    'a word of the name split or joined: careful outlets write DeMarin'
    >>> _unvouched_writing("Rod De Marin", "Rod DeMarin", {**careful, "Rod De Marin": {"g"}}) is None
    True
    >>> careful = {"Mike DeLisle": {"a"}, "DeLisle": {"b"}}
    >>> [bool(_unvouched_writing(d, "Mike DeLisle", careful))
    ...  for d in ("Mike Delisle", "De Lisle", "DELISLE", "Mike De Lisle", "de lisle")]
    [True, True, False, True, False]
    >>> [bool(_unvouched_writing(d, "Cian Ó hEara", {"Cian Ó hEara": {"a", "b"}})) for d in ("Cian Ó Heara", "Cian Ó HEara")]
    [False, False]
    >>> [bool(_unvouched_writing(d, "Greta von der Malen", {"Greta von der Malen": {"a", "b"}}))
    ...  for d in ("Von der Malen", "Greta von der malen")]
    [False, False]
    >>> careful = {"Omar al-Sharif": {"a", "b", "c"}}
    >>> [_unvouched_writing(d, "Omar al-Sharif", careful) for d in ("Omar al Sharif", "Omar Al Sharif", "Omar alSharif")]
    [None, None, 'a hyphen dropped or added in the name: careful outlets join it otherwise']
    >>> korean = {"Park Min Jun": {"a", "b", "c"}}
    >>> [bool(_unvouched_writing(d, "Park Min Jun", korean, family_first=f))
    ...  for d, f in (("Park Min-jun", False), ("Park Min-Jun", False), ("Park Min-Jun", True))]
    [False, True, False]
    """
    squeezed = fold(_BREAKS.sub("", display))
    words = canonical.split()
    tails = (" ".join(words[len(words) - n:]) for n in range(len(words), 0, -1))
    right = next((tail for tail in tails if fold(_BREAKS.sub("", tail)) == squeezed), None)
    if right is None or right == display:
        return None
    written, canonical_written = fold(display), fold(right)  # diacritics are judged apart (`_hypercorrection`)
    same_words = _BREAKS.split(written) == _BREAKS.split(canonical_written)
    if same_words and written == canonical_written:  # letter case alone
        for word, good in zip(display.split(), right.split()):
            if word != good and word[:1].isupper() and word[1:].islower() and _inner_capital(good) and good[:1].isupper():
                return f"a capital inside the name dropped: the name is written {right}"
        return None
    if _PARTICLE_HYPHEN.sub(r"\1 ", written) == _PARTICLE_HYPHEN.sub(r"\1 ", canonical_written):
        return None  # a particle's hyphen is each style guide's own ("al-Sharif", "al Sharif", "Al Sharif")
    if not same_words and (display.islower() or display.isupper()):
        return None  # a slug, a handle, a keyword string: run together or split by their own rules
    mine, theirs = display.split(), right.split()
    same = next((k for k, (a, b) in enumerate(zip(mine, theirs)) if a != b), 0)  # the words both write alike
    vouching, against = len(_vouchers(theirs[same:], authorities)), len(_vouchers(mine[same:], authorities))
    if same_words and (_syllable_hyphens(display) and _syllable_hyphens(right)
                       or family_first and mine[0] == theirs[0]):
        return None  # a romanised given name's syllables, joined or apart by convention
    if same_words or "-" in written + canonical_written:
        # A double surname's hyphen is house style where any careful newsroom writes it otherwise.
        if against or vouching < HYPHEN_VOUCHERS:
            return None
        return "a hyphen dropped or added in the name: careful outlets join it otherwise"
    if mine[-1] == theirs[-1] or not vouching or against * AUTHORITY_RATIO > vouching:
        return None  # given names run together or apart ("EllenMae") are written both ways
    return f"a word of the name split or joined: careful outlets write {' '.join(theirs[same:])}"


def _middle_misspelt(name: ParsedName, canonical: ParsedName, members: list[Form]) -> str | None:
    """The middle name careful outlets write for the person that a name's middle name misspells ("Tomas
    Adnres Veldt" where they write "Tomas Andres Veldt"), or None: a middle name no careful outlet
    writes, its first letter theirs and at most two edits from it, under the person's own given name.
    A middle name written right, or one nobody careful writes anything like, is a choice of name.

    Why: adding a middle name is no error, and the canonical may well lack one; but a middle name is
    the person's, and a garble of it is as wrong as a garbled surname (the issue's "Ellen Cransten Jr.")."""
    mine = name.given_tokens[1:]
    if not mine or not canonical.given_tokens or name.given_tokens[:1] != canonical.given_tokens[:1]:
        return None
    careful = {word for member in members if member.authoritative
               and member.name.given_tokens[:1] == canonical.given_tokens[:1] for word in member.name.given_tokens[1:]}
    for word in mine:
        if word in careful or len(word) < 4:
            continue
        near = sorted(w for w in careful if w[:1] == word[:1] and len(w) >= 4 and OSA.distance(word, w) <= 2)
        if near:
            return near[0].capitalize()
    return None


def _given_misspelt(name: ParsedName, canonical: ParsedName) -> bool:
    """Whether a full name's first given name is written otherwise than the canonical's, and not as its
    initial or a known nickname ("Bob" for Robert, a choice of name): a careful outlet writing "Teodar
    Ibarra-Soler" for Teodor Ibarra Soler has copied a flawed source (a court filing, a wire's slip),
    and the way it breaks the surname is that source's too, no choice of its own (`_unvouched_writing`).

    >>> from analysis.names import parse_name as p
    >>> [_given_misspelt(p(n), p("Teodor Ibarra Soler")) for n in ("Teodar Ibarra-Soler", "T. Ibarra-Soler", "Ibarra Soler")]
    [True, False, False]
    """
    mine, theirs = name.given_tokens[:1], canonical.given_tokens[:1]
    if not (mine and theirs) or mine == theirs or len(mine[0]) == 1:
        return False
    if len(name.tokens) < len(canonical.tokens) and canonical.tokens[-len(name.tokens):] == name.tokens:
        return False  # the family names alone ("Ibarra Soler"): no given name at all
    relation, rule = given_relation(mine[0], theirs[0])
    return not (relation == "variant" and (rule or "").startswith("known nickname"))


def _syllable_hyphens(written: str) -> bool:
    """Whether every hyphen of a name is followed by a small letter: the hyphen of a romanisation that
    joins the syllables of one word ("Min-seo"), none at all being no exception.

    >>> _syllable_hyphens("Goon Min-seo"), _syllable_hyphens("Goon Min Seo"), _syllable_hyphens("Sam Tarrant-Vell")
    (True, True, False)
    """
    return all(after[:1].islower() for after in written.split("-")[1:])


#: Authoritative outlets that must write the canonical name's hyphenation, and none this one, before a
#: hyphen dropped or added in a name is an error rather than a house style.
HYPHEN_VOUCHERS = 2


def _vouchers(tail: list[str], authorities: dict[str, Collection]) -> set:
    """The authoritative outlets writing a name that ends in these words, exactly so but for diacritics
    (judged apart: an outlet writing "Ibarra Soler" vouches for the break of "Ibárra Soler")."""
    tail = [fold(word) for word in tail]
    return {outlet for written, outlets in authorities.items()
            if [fold(word) for word in written.split()[-len(tail):]] == tail for outlet in outlets}


#: A hyphen after a particle (folded): "al-" of an Arabic name, "el-", "ibn-".
_PARTICLE_HYPHEN = re.compile(r"(?<![^\W\d_])(" + "|".join(sorted(PARTICLES)) + r")-(?=[^\W\d_])")


def _judge_givens_as_full_forms(surfaces: list[dict], lone: set[str], canonical: ParsedName) -> None:
    """Accept a lone given name judged an error when a full name of the person, judged right, writes
    that given name ("Dmitry" beside an accepted "Dmitry Zaretny", canonical "Dmitri Zaretny").

    Why: a lone given name is a part of the person's name, and the story's own judgement of the full
    forms is the evidence of which spellings of it are right (a romanisation careful outlets use, by the
    same usage a full form is accepted on); judged alone against the canonical's given name, every
    accepted romanisation of it was an error. A given name no right full form writes stays an error.
    `lone`: the surfaces that are lone given names."""
    right = {"canonical", "accepted", "title"}
    written = {}
    for entry in surfaces:
        name = parse_name(entry["surface"])
        if entry["kind"] in right and name is not None and name.full and name.given_tokens:
            written.setdefault(name.given_tokens[0], entry["surface"])
    given = canonical.given_tokens[0] if canonical.given_tokens else ""
    for entry in surfaces:
        if entry["kind"] != "error" or entry["surface"] not in lone:
            continue
        parsed = parse_name(entry["surface"])
        word = parsed.surname_key if parsed is not None else fold(entry["surface"])
        if word != given and word in written:  # the canonical's own given name with a mark added stays an error
            entry.update(kind="accepted", rule=f"given name of an accepted full name ({written[word]})", form=None)


def _judge_inflections_abroad(surfaces: list[dict], languages: dict[str, set]) -> None:
    """Judge a name written only on pages in other languages, each of whose words is the word of a name
    judged right, as written, or that word with a case ending of every one of those languages
    (`names.inflected`), as an inflection of that name: accepted ("Jan Novaks" beside an accepted "Jan
    Novak" on German pages, "Rafalą Trzaskowskį" beside Rafał Trzaskowski on Lithuanian ones). So is
    one whose words are those words as a language that writes foreign names as they sound hears them
    (`names.transcribed`: "Samer Mekintoš" on Serbian pages): its press's convention, not a slip.

    Why: German, Dutch and the Scandinavian languages write the genitive with an "s" and no
    apostrophe, and the Slavic and Baltic languages, Finnish and Hungarian decline names as nouns;
    the letters before the ending are the name as the page writes it, judged already, so the ending
    is grammar, no misspelling. English keeps the apostrophe; a slug's dropped one is `_inflected`'s.
    `languages`: the surfaces written only on pages in another language -> those languages.

    >>> surfaces = [{"surface": "Jan Novak", "kind": "accepted"}, {"surface": "Jan Novaks", "kind": "error"},
    ...             {"surface": "Jan Novacs", "kind": "error"}, {"surface": "Jana Novaka", "kind": "error"}]
    >>> _judge_inflections_abroad(surfaces, {"Jan Novaks": {"de"}, "Jan Novacs": {"de"}, "Jana Novaka": {"pl", "es"}})
    >>> [s["kind"] for s in surfaces]
    ['accepted', 'accepted', 'error', 'error']
    """
    right = [entry["surface"].split() for entry in sorted(surfaces, key=lambda e: e["kind"] != "canonical")
             if entry["kind"] != "error"]
    for entry in surfaces:
        if entry["kind"] != "error" or entry["surface"] not in languages:
            continue
        words, spoken = entry["surface"].split(), languages[entry["surface"]]
        # A right name's last words: a surname written alone is that of the full names.
        tails = [r[-len(words):] for r in right if len(r) >= len(words)]
        for how, fits in (("declined", inflected), ("written as heard", transcribed)):
            base = next((r for r in tails if r != words and all(
                w == b or all(fits(w, b, language) for language in spoken) for w, b in zip(words, r))), None)
            if base is not None:
                entry.update(kind="accepted", rule=f"{' '.join(base)} {how}, as the page's language writes it",
                             form=None)
                break


def _generations_apart(forms: list[Form]) -> list[tuple[int, int]]:
    """Pairs of full-name forms that differ only by a generation ("Robert Roe Jr." and "Robert Roe", or
    "Jr." and "Sr.") and are written in one article: there the article names two people, a father and
    a son (issue class 3), however alike the names; apart, a dropped "Jr." may still be a slip.

    >>> from analysis.names import parse_name
    >>> forms = [Form(name=parse_name(s), articles={a}) for s, a in (("Robert Roe Jr.", 1), ("Robert Roe", 1), ("Robert Roe", 2))]
    >>> _generations_apart(forms), _generations_apart(forms[::2])
    ([(0, 1)], [])
    """
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, form in enumerate(forms):
        if form.name.full and not form.virtual:
            by_name[form.name.compact].append(i)
    pairs = []
    for indices in by_name.values():
        for x, i in enumerate(indices):
            for j in indices[x + 1:]:
                if forms[i].name.generation != forms[j].name.generation and forms[i].articles & forms[j].articles:
                    pairs.append((i, j))
    return pairs


def _mark_topic(forms: list[Form], topic: Topic) -> None:
    """Mark the forms that write a name the story config says the story is about."""
    keys = {form_key(name) for name in map(parse_name, topic.names) if name is not None}
    for form in forms:
        form.topic = form_key(form.name) in keys


def _attach_by_co_mention(linkage, forms: list[Form], by_form: dict[int, list[dict]],
                          score_cutoff: float = DEFAULTS.score_cutoff, topic_articles: frozenset = frozenset()) -> dict:
    """Mention id -> cluster number, for surname-only mentions that fit several people of the story
    but only one person named in full in their own article: the article's context settles who
    "Brennan" is where the story as a whole cannot (record linkage's co-mention evidence), and so does
    a misspelt one ("Brenan", a typo of every Brennan's surname: `surnames_fit`). When the
    article names several, a title settles it that only one of them carries in the story's full
    names ("Justice Tolliver" beside the justice's husband); in coverage of the story (`topic_articles`),
    the person the story is about, when the article has named them before it along with another, unless
    it names another of them in full more than `SUBJECT_RATIO` times as often (a profile of the
    subject's father names him again and again), or when it names none of them in full (a namesake
    named on another page makes no bare surname of the coverage his); and, the subject aside, the one
    of them the story's coverage names in full far more often than any other (`_covered_most`: the
    finance minister whom every report names, not a namesake one page names). Else news style decides: a bare
    surname refers back to the person of that surname named most recently before it in the same field
    (mentions carrying `field`/`start`), passing over a name introduced as somebody's relative
    (`kin`: "Galey's son, Rohan Galey, said ... Galey is vying"): the article is about the person the
    relative is named by, and news style calls the relative by the given name from then on. So is the
    second of a couple ("Rohan and Mira Galey", `couple`): the surname written once for both names the
    pair, and a bare "Galey" after it goes on meaning the one the article named before.
    First, though, a person whose own surname it is (that of their best-attested full name) comes
    before other people it fits as a typo: "Holtz" where an article names a Mike Holtz and a Tim Holz
    whom other pages misspell "Holtz". Not before the same person's garbled span ("Arden Jacinda
    Arden"), and an article's own misspelling is no such evidence: where it writes "Pellardt" for her
    and "Pellard" for her husband, a later "Pellard" may be either."""
    named_in: dict[object, set[int]] = defaultdict(set)
    named_at: dict[object, list[tuple]] = defaultdict(list)  # (article, field) -> (start, person, passed over)
    surnames_of: dict[int, set[str]] = defaultdict(set)  # cluster -> the surnames of its full names
    titles_of: dict[int, set[str]] = defaultdict(set)  # cluster -> the titles of its full names
    main: dict[int, ParsedName] = {}  # cluster -> its best-attested full name
    named_times: Counter = Counter()  # (article, cluster) -> full names of the cluster's person it writes
    subjects = {number for number, group in enumerate(linkage.clusters) if any(forms[i].topic for i in group)}
    for number, group in enumerate(linkage.clusters):
        if (best := best_full_name(forms, group)) is not None:
            main[number] = best
        for index in group:
            if forms[index].name.full:
                titles_of[number] |= forms[index].titles
                surnames_of[number].add(forms[index].name.surname_core)
                surnames_of[number] |= surname_parts(forms[index].name)  # "Tarrant" for Tarrant-Vell, named in full
                for m in by_form[index]:
                    named_in[m["article_id"]].add(number)
                    named_times[m["article_id"], number] += 1
                    if m.get("start") is not None:
                        named_at[(m["article_id"], m.get("field"))].append(
                            (m["start"], number, bool(m.get("kin") or m.get("couple"))))
    covered = Counter(number for article in topic_articles for number in named_in.get(article, ()))
    for number, name in main.items():
        # A surname alone in the other gender's form names a relative, never the person (`compare`): a
        # wife's name written with her husband's form ("Irina Zaretny") makes no bare "Zaretny" hers.
        surnames_of[number] = {s for s in surnames_of[number] if not gender_forms(s, name.surname_core)}
    fits: dict[tuple[str, int], bool] = {}
    genders: dict[int, str | None] = {}

    def gender_of(number: int) -> str | None:
        if number not in genders:
            genders[number] = titled_gender(forms, linkage.clusters[number]) or _bare_titles_sex(titled_by.get(number))
        return genders[number]

    def fitting(surname: str, number: int) -> bool:
        if (surname, number) not in fits:
            fits[surname, number] = surname in surnames_of[number] or any(
                surnames_fit(surname, other, score_cutoff) or romanised(surname, other) for other in surnames_of[number])
        return fits[surname, number]

    # The outlets titling each person's bare surname "Ms", "Mr"...: in the forms already theirs, and
    # where the article names no one else it fits: what coverage calls the person where their full
    # names carry no such title.
    titled_by: dict[int, dict[str, set]] = defaultdict(lambda: {"m": set(), "f": set()})
    for number, group in enumerate(linkage.clusters):
        for index in group:
            if not forms[index].name.full and (sex := title_gender(forms[index].name.title)) is not None:
                titled_by[number][sex] |= {m["origin"] for m in by_form[index]}
    for index in linkage.unattached:
        if (sex := title_gender(forms[index].name.title)) is not None:
            for m in by_form[index]:
                only = {number for number in named_in[m["article_id"]] if fitting(forms[index].name.surname_core, number)}
                if len(only) == 1:
                    titled_by[only.pop()][sex].add(m["origin"])

    attached = {}
    for index in linkage.unattached:
        surname = forms[index].name.surname_core
        for m in by_form[index]:
            # Only the people its own article names are asked whether the surname fits them; an article
            # of the story's coverage that names none of them in full means the person it is about.
            candidates = {number for number in named_in[m["article_id"]] if fitting(surname, number)}
            if not candidates and m["article_id"] in topic_articles:
                candidates = {number for number in subjects if fitting(surname, number)}
            if not candidates and m["article_id"] in topic_articles:
                candidates = _covered_most({number: n for number, n in covered.items() if fitting(surname, number)})
            # The one whose own surname it is before other people it fits as a typo.
            own = [number for number in candidates if main[number].surname_core == surname]
            if len(own) == 1 and all(compare_names(main[own[0]], main[number], score_cutoff).verdict
                                     in ("different", "unrelated") for number in candidates - set(own)):
                candidates = set(own)
            said = title_gender(forms[index].name.title) or SPOUSE_OF.get(m.get("spouse"))
            if said is not None and candidates:
                # "Sir Halloran" on a profile of Lady Vera Halloran is not she: a title that says man or
                # woman, or a spouse word after the name ("Halloran's wife"), rules out a person whose full
                # names' titles say the other sex (as in the linkage), and where it rules out every person
                # the article names, the story's one person of that surname and that sex is meant: her
                # husband, called back by his title.
                kept = {number for number in candidates if gender_of(number) in (None, said)}
                if not kept:
                    # The one person of that sex by the titles of their full names: a given name alone is
                    # evidence enough to rule a person out, not to pick one of several.
                    of_that_sex = {number for number in main
                                   if titled_gender(forms, linkage.clusters[number], given=False) == said
                                   and fitting(surname, number)}
                    kept = of_that_sex if len(of_that_sex) == 1 else set()
                candidates = kept
            if len(candidates) > 1 and forms[index].titles:
                # A title only one of them holds in the story says who ("Justice Tolliver" where the page
                # also names her husband Patrick Tolliver).
                titled = {number for number in candidates if forms[index].titles & titles_of[number]}
                candidates = titled if len(titled) == 1 else candidates
            # The candidates named before it, where the article says: nobody is called back before being introduced.
            before = [(aside, start, number) for start, number, aside in named_at[(m["article_id"], m.get("field"))]
                      if number in candidates and start < m["start"]] if m.get("start") is not None else []
            pool = {number for _aside, _start, number in before} or candidates
            subject = pool & subjects
            if len(pool) > 1 and len(subject) == 1 and m["article_id"] in topic_articles:
                most = max(named_times[m["article_id"], number] for number in candidates)
                if SUBJECT_RATIO * named_times[m["article_id"], next(iter(subject))] >= most:
                    candidates = subject
            before = [b for b in before if b[2] in candidates]
            if len(candidates) > 1 and before:
                # The latest not introduced as a relative ("Galey's son, Rohan Galey") nor written as the
                # second of a couple ("Rohan and Mira Galey"), else the latest.
                candidates = {max(before, key=lambda b: (not b[0], b[1]))[2]}
            if len(candidates) == 1:
                attached[m["mention_id"]] = candidates.pop()
    return attached


#: Outlets whose courtesy titles of a person's bare surname must agree on a sex, and how many times as
#: many as title it the other way, before those titles say the person's sex (`_bare_titles_sex`).
BARE_TITLE_OUTLETS = 3


def _bare_titles_sex(titled: dict[str, set] | None) -> str | None:
    """The sex the courtesy titles of a person's bare surname say ("Ms Brosset" at one outlet after
    another), when BARE_TITLE_OUTLETS outlets or more title it so, and that many times as many as title
    it the other way; else None.

    Why: coverage may never title a politician's full name, nor her given name be in any list ("Kemi"),
    and yet call her "Ms Brosset" in paper after paper; a profile of her husband then calls him "Mr
    Brosset", and that is not she. One outlet's stray title is outvoted, as a slip is.

    >>> _bare_titles_sex({"f": {"a", "b", "c"}, "m": {"d"}}), _bare_titles_sex({"f": {"a", "b"}, "m": set()})
    ('f', None)
    """
    for sex, other in (("m", "f"), ("f", "m")):
        mine, theirs = (titled or {}).get(sex, set()), (titled or {}).get(other, set())
        if len(mine) >= BARE_TITLE_OUTLETS and len(mine) >= BARE_TITLE_OUTLETS * len(theirs):
            return sex
    return None


def _covered_most(articles: dict[int, int]) -> set[int]:
    """Of the people a bare surname fits (cluster number -> the on-topic articles naming them in full),
    the one named in `COVERAGE_RATIO` times as many articles as each other, or none.

    >>> _covered_most({7: 3, 8: 1}), _covered_most({7: 2, 8: 1}), _covered_most({})
    ({7}, set(), set())
    """
    if not articles:
        return set()
    (best, most), *others = Counter(articles).most_common()
    return {best} if all(most >= COVERAGE_RATIO * count for _, count in others) else set()


#: How many times as many on-topic articles must name one bearer of a surname in full as any other
#: for a bare surname in coverage naming neither to be theirs (`_covered_most`).
COVERAGE_RATIO = 3


#: How many times as often as the story's subject an on-topic article may name another bearer of the
#: surname in full and still mean the subject by the bare surname (`_attach_by_co_mention`).
SUBJECT_RATIO = 2


def _family_display(name: ParsedName, family_words: Collection[str]) -> str:
    """The family names of `name` as written: its surname, after the middle words that are a surname in
    the story (`family_words`, folded), which a parse of two family names takes for given names.

    >>> from analysis.names import parse_name
    >>> family = {"lindner", "arce"}
    >>> _family_display(parse_name("Lucía Lindner Arce"), family), _family_display(parse_name("Ana Mía Arce"), family)
    ('Lindner Arce', 'Arce')
    """
    middle = [word for word in name.display.split()[1:len(name.given)] if fold(word) in family_words]
    return " ".join([*middle, name.surname_display])


def _cluster_sort_key(group: list[int], forms: list[Form]) -> tuple:
    """Clusters in a stable order: people seen with a given name first, then by name."""
    full = any(forms[i].name.full for i in group)
    return (not full, min(forms[i].name.key for i in group))


def _surface_keys(surfaces: list[str]) -> set[str]:
    keys = set()
    for surface in surfaces:
        keys.add(surface)
        name = parse_name(surface)
        if name is not None:
            keys.add("\x00" + name.compact)
    return keys


def _is_listed(surface: str, keys: set[str]) -> bool:
    if surface in keys:
        return True
    name = parse_name(surface)
    return name is not None and "\x00" + name.compact in keys


def _group_links(groups: list[list[str]], forms: list[Form], every_pair: bool = False) -> list[tuple[int, int]]:
    """Pairs of form indices: each name of a group with the group's first name found in the story, or
    (`every_pair`) every two names of a group. Names are matched as forms: any case, accents, title."""
    index_of = {form_key(f.name): i for i, f in enumerate(forms) if not f.virtual}
    pairs = []
    for group in groups:
        found = [index_of[key] for key in (form_key(n) for n in map(parse_name, group) if n is not None)
                 if key in index_of]
        if every_pair:
            pairs += [(a, b) for x, a in enumerate(found) for b in found[x + 1:] if a != b]
        else:
            pairs += [(found[0], other) for other in found[1:] if other != found[0]]
    return pairs


def _pin_links(pins: dict[str, str], forms: list[Form], form_of: dict) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """Must-links and pinned canonical names from a story's pins; a pinned name no surface uses is
    added as a virtual form so that its cluster has an anchor."""
    must: list[tuple[int, int]] = []
    pinned: dict[int, str] = {}
    by_compact = {f.name.compact: i for i, f in enumerate(forms)}
    for source, target in sorted(pins.items()):
        target_name, source_name = parse_name(target), parse_name(source)
        if target_name is None:
            continue
        t = by_compact.get(target_name.compact)
        if t is None:
            t = by_compact[target_name.compact] = len(forms)
            forms.append(Form(name=target_name, virtual=True))
        pinned[t] = target
        matches = {i for i, f in enumerate(forms) if source in f.surfaces}
        if source_name is not None and source_name.compact in by_compact:
            matches.add(by_compact[source_name.compact])
        must += [(i, t) for i in sorted(matches) if i != t]
    return must, pinned


def _given_uses_of(group_mentions: list[dict]) -> Counter:
    """How often one person's mentions use each given name: full names by their first given name, and
    lone given names ("Mike said") as written."""
    uses: Counter = Counter()
    for m in group_mentions:
        name = parse_name(m["surface"])
        if m.get("part") == "given":
            uses[fold(name.display).split(" ")[0] if name.display else ""] += 1
        elif name.given_tokens:
            uses[name.given_tokens[0]] += 1
    uses.pop("", None)
    return uses


def _own_shares(group_mentions: list[dict], forms: list[Form], form_of: dict) -> dict[int, Form]:
    """Form index -> the evidence of a surname alone from this person's own mentions of it, for each
    such form whose uses the story shares between people (a bare "Venkataswami" attached article by
    article: to the Arjun Venkataswami a careful paper profiles, and to a Pranav Venkataswamy an aggregator
    misspells).

    Why: who writes a spelling for one person vouches nothing for another's. Pooled, the careful
    paper's "Venkataswami" for its own Arjun would make the aggregator's slip for Pranav a house style.
    """
    mine: dict[int, list[dict]] = defaultdict(list)
    for m in group_mentions:
        mine[form_of[m["mention_id"]]].append(m)
    shares = {}
    for index, mentions in mine.items():
        form = forms[index]
        uses = sum(1 for m in mentions if m.get("usage", "uses") == "uses")
        if form.name.full or form.virtual or uses >= form.count:
            continue
        # Each mention as the story read it: a surface parsed alone may read otherwise ("Ter Stegen" as a
        # given name and a surname, where the story knows a particled surname "ter Stegen").
        parsed = {m["mention_id"]: parse_name(m["surface"]) for m in mentions}
        parsed = {key: name if name is not None and form_key(name) == form_key(form.name) else form.name
                  for key, name in parsed.items()}
        (share,), _ = _forms_from_mentions(mentions, parsed, None)
        share.name, share.topic = form.name, form.topic
        share.independent = form.independent & share.sources
        shares[index] = share
    return shares


@dataclass(frozen=True)
class StoryEvidence:
    """What the whole story says about how its names are written, gathered once and read by the decision on
    each person (`_decide_story`): a name is judged against every outlet's writing of the story, not only
    against the writing of the person's own forms.

    `vouching`: surname -> the authoritative outlets writing it for anyone in the story; `spellings`: how
    careful outlets write each word of the story's names (`canonical.careful_spellings`); `words_alone`:
    how the story writes words alone, to tell a name written family name first (`name_order`);
    `capitals`: the story's words written with a capital inside (`canonical.inner_capitals`); `rendered`:
    the forms only pages in another language write, and `marking` the outlets writing diacritics
    anywhere in the story (`canonical._decide_canonical`); `story_givens`: how careful outlets write
    every given name of the story, for anyone (`canonical.with_story_givens`, `given_memo` its memo);
    `marked_abroad`: the marked spellings of words careful outlets abroad write (`_hypercorrection`);
    `own_abroad`: of those, the ones careful outlets of two languages or more write, by folded word
    (`canonical.with_marks_abroad`); `plain_abroad`: (language, folded surname word) careful outlets
    writing in that language write plain, and none with marks (`_hypercorrection`); `written_first`:
    the words careful outlets write first in a name of two words, the story last (`ORDER_UNVOUCHED`);
    `family_spelling`: a person's first form -> their family's surname as written, where theirs misspells it
    (`family_spellings`); `plain_chosen`: the folded surname words `SLIP_VOUCHERS` or more careful outlets
    that write a name's own letters somewhere write plain (`canonical._display`, `_hypercorrection`)."""
    accepted_keys: set[str]
    score_cutoff: float
    linkage: Linkage
    vouching: dict[str, set]
    spellings: dict
    words_alone: WordsAlone
    capitals: dict
    rendered: frozenset
    marking: Collection
    story_givens: dict
    given_memo: dict
    marked_abroad: Collection[str]
    own_abroad: dict[str, str]
    plain_abroad: Collection[tuple[str, str]]
    written_first: Collection[str]
    family_spelling: dict[int, str]
    plain_chosen: Collection[str] = frozenset()


def _decide_story(group: list[int], group_mentions: list[dict], forms: list[Form], form_of: dict, pin: str | None,
                  story_wide: StoryEvidence) -> dict:
    """Choose the canonical name of one person and the kind of each surface, with the rule for each, by the
    story-wide evidence `story_wide` (`StoryEvidence`)."""
    full_forms = _full_forms(group, forms)
    pinned_form = next((i for i in group if pin is not None and forms[i].virtual), None)
    if pin is not None and pinned_form is None:
        pinned_form = next((i for i in group if parse_name(pin) and forms[i].name.compact == parse_name(pin).compact), None)
    criteria = ("pinned in story config", "no letters lost", "authoritative outlets", "surname careful outlets write",
                "written at home", "without a formal middle name",
                *(("independent outlets",) if any(forms[i].independent for i in group) else ()),
                "earliest use", "frequency", "given name in use")
    surname_only = not full_forms and pinned_form is None
    if surname_only:
        counts = Counter(parse_name(m["surface"]).display for m in group_mentions)
        canonical = _display(counts)
        canonical_name = parse_name(canonical)
        decision = _Decision(canonical, canonical_name, None, "surname only: no full name seen, no error judged", [])
    else:
        candidates = full_forms + ([pinned_form] if pinned_form is not None and pinned_form not in full_forms else [])
        decision = _decide_canonical(candidates, forms, pinned_form, criteria, writing="displays",
                                     given_uses=_given_uses_of(group_mentions), spellings=story_wide.spellings,
                                     vouching=story_wide.vouching, rendered=story_wide.rendered,
                                     marking=story_wide.marking, plain_chosen=story_wide.plain_chosen)
        if pin is not None and decision.canonical_form == pinned_form:
            decision.canonical = pin if forms[pinned_form].virtual else decision.canonical
            decision.canonical_name = parse_name(decision.canonical)
        decision.surname_vouching = len(story_wide.vouching.get(decision.canonical_name.surname_core, ()))
        decision.inner_vouching = {word: len(story_wide.vouching[word])
                                   for word in decision.canonical_name.given_tokens[1:] if story_wide.vouching.get(word)}
    if pin is None or decision.canonical_form != pinned_form:
        decision.canonical = with_marks_abroad(with_own_marks(
            with_inner_capitals(decision.canonical, story_wide.capitals), story_wide.spellings), story_wide.own_abroad)
    family = story_wide.family_spelling.get(min(group)) if not surname_only else None
    written = parse_name(decision.canonical).surname_display if family is not None else ""
    if family is not None and decision.canonical.endswith(written):
        # A relative's surname misspelt on the page that names her (`family_spellings`): her name is the
        # family's surname under her own given name, which no page may write; every form of hers is judged.
        decision.canonical = decision.canonical[:-len(written)] + family
        decision.canonical_name = parse_name(decision.canonical)
        decision.canonical_form = None
        decision.rule = "the family's surname, as careful outlets and the page naming the person write it"
        decision.surname_vouching = len(story_wide.vouching.get(decision.canonical_name.surname_core, ()))

    rows: dict[str, dict] = {}
    for m in group_mentions:
        row = rows.setdefault(m["surface"], {"mention_ids": [], "articles": set(), "outlets": set(), "first": "~",
                                             "form": form_of[m["mention_id"]]})
        row["mention_ids"].append(m["mention_id"])
        row["given"] = row.get("given") or m.get("part") == "given"
        row["handles"] = row.get("handles", 0) + bool(m.get("handle"))
        row["accounts"] = row.get("accounts", 0) + (m.get("handle") == "account")
        row["couples"] = row.get("couples", 0) + bool(m.get("couple"))
        row["abroad"] = row.get("abroad", 0) + bool(m.get("foreign"))
        if m.get("foreign"):
            row.setdefault("languages", set()).add(m["foreign"])
        row["articles"].add(m["article_id"])
        row["outlets"].add(m["origin"])
        row["first"] = min(row["first"], date_key(m["published"]))

    user_accepted_surnames = {parse_name(surface).surname_core for surface in rows
                              if _is_listed(surface, story_wide.accepted_keys)}
    full_uses = _full_uses(group_mentions, forms, form_of)
    family_first = not surname_only and family_name_first(parse_name(decision.canonical) or decision.canonical_name,
                                                          full_uses, story_wide.words_alone)
    own = _own_shares(group_mentions, forms, form_of)
    members = [own.get(i, forms[i]) for i in group]
    decision.careful_words = careful_words(members)
    if story_wide.story_givens and not surname_only:
        decision.careful_words = with_story_givens(decision.careful_words, decision.canonical_name,
                                                   story_wide.story_givens, story_wide.given_memo)
    authorities: dict[str, set] = defaultdict(set)
    # An outlet copying a flawed source ("Teodar Ibarra-Soler" from a document) vouches for none of its writing.
    copying = set().union(*(member.authoritative for member in members
                            if _given_misspelt(member.name, decision.canonical_name)))
    for member in members:
        for written, outlets in member.display_authorities.items():
            authorities[written] |= set(outlets) - copying
    both_alone = _both_family_names(decision.canonical_name, members) if not surname_only else Counter()
    surfaces = []
    for surface, row in sorted(rows.items()):
        form = own.get(row["form"], forms[row["form"]])
        name = parse_name(surface)
        slip = None
        if _is_listed(surface, story_wide.accepted_keys):
            kind, why = "accepted", USER_ACCEPTED[0]
        elif row.get("given") and not surname_only:
            kind, why = _given_kind(surface, decision.canonical_name, decision.canonical, story_wide.marked_abroad)
            if family_first and kind == "given":
                kind, why = "surname", FAMILY_NAME_FIRST
        elif family_first and not name.full and name.surname_key == decision.canonical_name.given_tokens[0]:
            kind, why = "surname", FAMILY_NAME_FIRST
        elif family_first and (slip := family_first_slip(name, decision.canonical_name)) is not None:
            kind, why = slip
        elif not name.full and name.surname_core in user_accepted_surnames \
                and name.surname_core != decision.canonical_name.surname_core:
            kind, why = "accepted", USER_ACCEPTED[1]
        elif not surname_only and _inflected(name, decision.canonical_name):
            kind, why = ("accepted" if name.full else "surname"), INFLECTED
        elif not surname_only and not name.full and _compound_opened(decision.canonical_name) and (
                name.surname_core == decision.canonical_name.surname_core):
            kind, why = "error", COMPOUND_CUT
        elif surname_only:
            kind, why = ("canonical", decision.rule) if name.display == decision.canonical else ("surname", "surname-only person")
        elif row["accounts"] == len(row["mention_ids"]):
            kind, why = "accepted", "an account's handle (@name): its owner's choice, not a writer's spelling"
        elif _fused(name, decision.canonical_name) and row["handles"] == len(row["mention_ids"]):
            kind, why = "accepted", "a handle, hashtag or URL: the name run together, as they must be"
        elif _fused(name, decision.canonical_name) and _capitals_kept(name.display, decision.canonical):
            kind, why = "accepted", LOST_SPACE
        elif _fused(name, decision.canonical_name):
            kind, why = "error", "given name and surname run together as one word"
        elif _hypercorrection(name.display, decision.canonical, story_wide.spellings, decision.canonical_form is not None
                              and _named_carefully(forms[decision.canonical_form], row["outlets"], story_wide.marking),
                              abroad=row["abroad"] == len(row["mention_ids"]), languages=row.get("languages", ()),
                              marked_abroad=story_wide.marked_abroad, plain_abroad=story_wide.plain_abroad,
                              plain_chosen=story_wide.plain_chosen):
            kind, why = "error", "a diacritic the name does not have (" + ", ".join(format_rules(surface, decision.canonical)) + ")"
        elif _in_own_letters(name, decision.canonical_name):
            kind, why = ("accepted" if name.full else "surname"), OWN_LETTERS
        elif row["form"] == decision.canonical_form or name.compact == decision.canonical_name.compact:
            if name.title and name.display == decision.canonical:
                kind, why = "title", "title with the canonical name"
            elif name.display == decision.canonical or surface == decision.canonical:
                kind, why = "canonical", decision.rule
            elif _particle_capitalised(name.display, decision.canonical):
                kind, why = "accepted", PARTICLE_CAPITALISED
            elif (_case_slip(name.display, decision.canonical) and len(authorities.get(name.display, ())) < SLIP_VOUCHERS
                  and len(authorities.get(decision.canonical, ())) >= SLIP_VOUCHERS):
                # A case is the name's own when careful newsrooms agree on it; where one alone writes it, or
                # several write the other ("Han Duck-soo" beside "Duck-Soo"), it is a convention's choice.
                kind, why = "error", CASE_SLIP
            elif _capital_added(name.display, decision.canonical):
                kind, why = "accepted", CAPITAL_ADDED
            elif writing := _unvouched_writing(name.display, decision.canonical, authorities, family_first):
                kind, why = "error", writing
            elif name.title:
                kind, why = "title", "title with the canonical name"
            else:
                kind, why = "accepted", "written differently: " + ", ".join(format_rules(surface, decision.canonical))
        else:
            pooled = spelling_evidence(form, members)
            kind, why = _kind(pooled, decision, forms, story=True, score_cutoff=story_wide.score_cutoff,
                              house=house_outlets(form, decision.canonical_name, members), group=members)
            # Letters only: a language renders a name's sounds, never its spacing or capitals ("De Marin").
            respelt = name.compact not in (decision.canonical_name.compact, decision.canonical_name.surname_key)
            abroad = house_outlets(form, decision.canonical_name, members, abroad=True) if kind == "error" and respelt else ()
            if (kind == "accepted" and NAME_ORDER_RULE in why and not name.marked
                    and name.tokens[0] not in story_wide.written_first):
                kind, why = "error", ORDER_UNVOUCHED
            elif len(abroad) >= ABROAD_HOUSES:
                kind, why = "accepted", (f"how {len(abroad)} careful outlets writing in another language spell it: "
                                         f"that language's rendering of the name ({why})")
            elif (abroad and any(_spelling_uses(name, decision.canonical_name, members, outlet) >= 2 for outlet in abroad)
                  and not _cut_short(name, decision.careful_words)
                  and (romanised_from(decision.careful_words, form.sources)
                       or _rendered_elsewhere(name, decision.canonical_name, members, set(pooled.abroad_languages),
                                               decision.careful_words))):
                kind, why = "accepted", ("how a careful outlet writing in another language spells it, again and again, "
                                         f"a name careful newsrooms romanise or render more than one way: that language's rendering ({why})")
            elif kind in ("surname", "title") and _particle_capitalised(name.display, decision.canonical):
                why = f"{why}; {PARTICLE_CAPITALISED}"
            elif kind in ("surname", "title") and _case_slip(name.display, decision.canonical):
                kind, why = "error", CASE_SLIP
            elif kind in ("surname", "title") and _capital_added(name.display, decision.canonical):
                why = f"{why}; {CAPITAL_ADDED}"
            elif (kind in ("surname", "title") and len(both_alone) >= FAMILY_VOUCHERS
                  and len(_last_alone_writers(pooled, both_alone)) * AUTHORITY_RATIO <= len(both_alone)):
                kind, why = "error", (f"the last family name alone: {len(both_alone)} careful outlets call the person by "
                                      f"both ({' '.join(decision.canonical.split()[-2:])}), by a clear majority")
            elif kind in ("surname", "title", "accepted") and (
                    writing := _unvouched_writing(name.display, decision.canonical, authorities, family_first)):
                kind, why = "error", writing
            elif kind == "accepted" and (middle := _middle_misspelt(name, decision.canonical_name, members)):
                kind, why = "error", f"a middle name misspelt: careful outlets write {middle}"
            elif kind == "error" and row["handles"] == len(row["mention_ids"]) and HYPHEN_PART_RULE in why:
                kind, why = "accepted", "a URL or handle: a hyphenated name cut where its words are (\"ada-tarr-\")"
            elif (kind == "error" and row["couples"] == len(row["mention_ids"])
                  and gender_forms(name.surname_core, decision.canonical_name.surname_core)):
                kind, why = "accepted", "the family surname of a couple named together (\"Pavel and Olga Sorokin\")"
        surfaces.append({"surface": surface, "kind": kind, "rule": why, "mentions": len(row["mention_ids"]),
                         "articles": len(row["articles"]), "outlets": len(row["outlets"]),
                         "first_published": None if row["first"].startswith("~") else row["first"],
                         "form": (fold(name.display) if slip else _error_form(name, decision.canonical_name))
                         if kind == "error" else None})
    if not surname_only:
        _judge_givens_as_full_forms(surfaces, {surface for surface, row in rows.items() if row.get("given")},
                                    decision.canonical_name)
        _judge_inflections_abroad(surfaces, {surface: row["languages"] for surface, row in rows.items()
                                             if row["abroad"] == len(row["mention_ids"])})
    ranked = [i for i in decision.ranked if not forms[i].virtual]
    evidence = {
        "forms": [{"name": _display(forms[i].displays) if forms[i].displays else forms[i].name.display,
                   "authoritative_outlets": sorted(forms[i].authoritative), "outlets": sorted(forms[i].sources),
                   "first_published": None if forms[i].first == "~" else forms[i].first,
                   "mentions": forms[i].count} for i in ranked] if not surname_only else [],
        "links": _link_evidence(group, forms, story_wide.linkage),
    }
    return {"canonical": decision.canonical, "rule": decision.rule, "evidence": evidence, "surfaces": surfaces}


def _link_evidence(group: list[int], forms: list[Form], linkage: Linkage) -> list[dict]:
    members = set(group)
    out = []
    for i in sorted(members):
        for j, rule in linkage.links.get(i, ()):
            if j in members:
                out.append({"a": forms[i].name.display, "b": forms[j].name.display, "rule": rule})
    return out


def _error_form(name: ParsedName, canonical: ParsedName) -> str:
    """The wrong part of an error surface, folded: the surname if it differs, else the given names.
    Where both fold to the canonical's (an error of letter case or marks alone: "Von Der Malen",
    "Comín" for Comin), folding would leave nothing of it, and two such errors of two people would
    share one empty form: then the wrong part as written, the surname unless it is written the
    canonical's way."""
    if name.surname_key != canonical.surname_key:
        return name.surname_key
    if name.given != canonical.given[:len(name.given)]:
        return " ".join(name.given)
    words = name.display.split()
    given, surname = words[:len(name.given)], " ".join(words[len(name.given):])
    canonical_words = canonical.display.split()
    if given and surname == " ".join(canonical_words[len(canonical.given):]):
        return " ".join(given)
    return surname


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "person"


def _unique_id(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate
