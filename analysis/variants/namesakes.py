"""Namesake pages: one way of writing a name that, on one page, is somebody else.

Why its own step: clustering joins *forms* (every mention written the same way), so a form that two
pages use for two people ("Mark Kellery", a transcript's mishearing of the story's Mark Callery on one
page, and a professor's own name on a page of its own) drags the other person into the cluster and
flags their right name as an error. Forms cannot tell them apart; pages can. A page is a namesake's
when, there, the person is named only in forms other than the cluster's leading one (its most-used
form, and any form with its surname), titled more than once, and only with titles the person is
never given elsewhere in the story ("Professor", where the story says "Governor" and "Prime
Minister"): a page that misspells the story's person calls them what the story calls them, or
nothing. What the story calls them is what two pages or more call them (`NAMESAKE_OFFICE_PAGES`): one
page's title may be an office the person has since left ("Congressman" on a profile, "President" once
the story breaks), no evidence of another person. Those mentions are split off as forms of their own,
kept apart from the person's forms, and clustered again (record linkage's "context conflicts" evidence,
applied per page). A page off the story's topic needs less: it is a namesake's when it names the person
only by another given name, again and again, and shares nothing else with the coverage
(`off_topic_namesake_pages`).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from types import MappingProxyType

from analysis.name_rules import role_title
from analysis.records import Form
from analysis.topic import RELATED_WORDS

#: Titled mentions on one page before it can be a namesake's: one odd title is a slip (a machine
#: translation's "Premierminister" for a chancellor); a page that says "Professor" again and again
#: is about a professor.
NAMESAKE_MIN_TITLED = 2

#: Other pages that must title the person before their titles say what the story calls them: one page's
#: title may be an office held before or after the story's.
NAMESAKE_OFFICE_PAGES = 2


def namesake_pages(clusters: list[list[int]], forms: list[Form], by_form: dict[int, list[dict]],
                   roles: dict) -> dict:
    """Mention id -> the cluster number whose person a page's mentions are not, for each namesake page
    of each cluster (module docstring). `roles`: mention id -> the office its title names, or None.

    >>> from analysis.names import parse_name
    >>> rows = [("Mark Callery", 1, "prime minister"), ("Mark Callery", 2, "governor"),
    ...         ("Mark Kellery", 2, "governor"), ("Mark Kellery", 3, "professor"), ("Mark Kellery", 3, None),
    ...         ("Mark Kellery", 3, "professor")]
    >>> forms = [Form(name=parse_name("Mark Callery"), count=9), Form(name=parse_name("Mark Kellery"), count=3)]
    >>> by_form = {0: [], 1: []}
    >>> roles = {}
    >>> for n, (surface, article, role) in enumerate(rows):
    ...     by_form[0 if surface == "Mark Callery" else 1].append({"mention_id": n, "article_id": article})
    ...     roles[n] = role
    >>> namesake_pages([[0, 1]], forms, by_form, roles)
    {3: 0, 4: 0, 5: 0}
    """
    apart: dict = {}
    for number, group in enumerate(clusters):
        if len(group) < 2:
            continue
        leader = _leading_form(group, forms)
        surname = forms[leader].name.surname_core
        on_page: dict = defaultdict(list)
        for i in group:
            for m in by_form.get(i, ()):
                on_page[m["article_id"]].append((i, m))
        offices_on = {page: {roles.get(m["mention_id"]) for _, m in items} - {None} for page, items in on_page.items()}
        for article, items in on_page.items():
            if any(i == leader or forms[i].name.surname_core == surname for i, _ in items):
                continue
            titled = [roles[m["mention_id"]] for _, m in items
                      if m.get("usage", "uses") == "uses" and roles.get(m["mention_id"])]
            if len(titled) < NAMESAKE_MIN_TITLED:
                continue
            here = set(titled)
            elsewhere = [offices for page, offices in offices_on.items() if page != article and offices]
            if len(elsewhere) >= NAMESAKE_OFFICE_PAGES and not here & set().union(*elsewhere):
                apart.update((m["mention_id"], number) for _, m in items)
    return apart


def _leading_form(group: list[int], forms: list[Form]) -> int:
    """A cluster's leading form: its most-used, then the one most outlets write."""
    return max(group, key=lambda i: (forms[i].count, len(forms[i].sources)))


def mention_roles(mentions: list[dict], parsed: dict) -> dict:
    """Mention id -> the office named by the title written with it ("governor"), or None."""
    return {m["mention_id"]: role_title(parsed[m["mention_id"]].title) for m in mentions}


#: Times a page must write a name of its own before an off-topic page is a namesake's: once may be a
#: slip; a page writing "Ibrahima Kone" again and again means it.
NAMESAKE_MIN_USES = 2


def off_topic_namesake_pages(clusters: list[list[int]], forms: list[Form], by_form: dict[int, list[dict]],
                             topic_articles: frozenset, related: Mapping = MappingProxyType({})) -> dict:
    """Mention id -> the cluster number whose person a page's mentions are not, for each page off the
    story's topic that names a cluster's person only by another given name, again and again, and names
    nobody else the story's coverage names, nor writes RELATED_WORDS of its own words besides that
    name's (`related`: article id -> the story's words it writes, `topic.related_words`).

    Why: a name a typo or a letter from the person's ("Ibrahima Kone" beside the story's Ibrahim Kone)
    is their misspelling in coverage of the story, and another person's own name on a page about
    something else: a footballer's profile that never says what the story is about (its keywords: the
    topic), never writes the person's given name, and shares none of the story's other people is about
    its namesake. Misspellings of the person off the topic keep their given name ("Ibrahim Kohne"), or
    sit beside the people of the story (a rival, a minister) or its places and institutions (a
    translation that words the keywords otherwise), or are written once; those pages stay the
    person's. Only where the story has a topic to be off: without keywords or names every page is on it.
    """
    if not topic_articles:
        return {}
    named_on: dict = defaultdict(set)  # article -> the clusters it names
    for number, group in enumerate(clusters):
        for i in group:
            for m in by_form.get(i, ()):
                named_on[m["article_id"]].add(number)
    covered = set().union(*(named_on[a] for a in topic_articles if a in named_on))  # whom the coverage names
    apart: dict = {}
    for number, group in enumerate(clusters):
        if len(group) < 2:
            continue
        leader = _leading_form(group, forms)
        given = forms[leader].name.given_tokens[:1]
        if not given:
            continue
        on_page: dict = defaultdict(list)
        for i in group:
            for m in by_form.get(i, ()):
                if m["article_id"] not in topic_articles:
                    on_page[m["article_id"]].append((i, m))
        for article, items in on_page.items():
            full = [(i, m) for i, m in items if forms[i].name.full]
            if (not full or any(forms[i].name.given_tokens[:1] == given for i, _ in full)
                    or len({forms[i].name.given_tokens[:1] for i, _ in full}) != 1
                    or sum(m.get("usage", "uses") == "uses" for _, m in full) < NAMESAKE_MIN_USES):
                continue
            if (named_on[article] - {number}) & covered:
                continue
            own = {word for i, _ in items for word in forms[i].name.tokens}  # the name it gives, in any form
            if len(related.get(article, frozenset()) - own) >= RELATED_WORDS:
                continue  # the story's places and institutions: its matter, worded off the keywords
            apart.update((m["mention_id"], number) for _, m in items)
    return apart
