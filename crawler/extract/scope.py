"""Where in a page the article is: its container, and the parts (navigation, sidebars, related
links, comments) whose dates and captions belong to other articles or to readers.
"""
from __future__ import annotations

import re

_EXCLUDED_ANCESTORS = re.compile(r"comment|related|sidebar|teaser|promo|recommend|more-|trending|popular|"
                                 r"newsletter|footer|breadcrumb", re.I)
EXCLUDED_TAGS = {"aside", "nav", "footer", "form", "script", "style", "noscript"}


def article_scope(tree):
    """The element that holds the article: the `<article>` around the first `<h1>`, else `<main>`, else the page."""
    for xpath in ("(//h1)[1]/ancestor::article[1]", "(//article)[1]", "(//main)[1]"):
        found = tree.xpath(xpath)
        if found:
            return found[0]
    return tree


def outside_article(element) -> bool:
    """Whether `element` sits in navigation, a sidebar, related links or comments."""
    for node in element.iterancestors():
        if node.tag in EXCLUDED_TAGS:
            return True
        if _EXCLUDED_ANCESTORS.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False
