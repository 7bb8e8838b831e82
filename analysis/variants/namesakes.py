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
applied per page).
"""
from __future__ import annotations

from collections import defaultdict

from analysis.name_rules import role_title
from analysis.records import Form

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
        leader = max(group, key=lambda i: (forms[i].count, len(forms[i].sources)))
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


def mention_roles(mentions: list[dict], parsed: dict) -> dict:
    """Mention id -> the office named by the title written with it ("governor"), or None."""
    return {m["mention_id"]: role_title(parsed[m["mention_id"]].title) for m in mentions}
