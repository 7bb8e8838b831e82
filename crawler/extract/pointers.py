"""What a page says about where its text came from: credit lines, links in the article, and a
canonical URL on another site. Each is a `pointer`: evidence of an outlet the story may not crawl.

Bytes in, plain dicts out (`find_pointers`); nothing is fetched. Kept apart from extraction proper
because it is read at command time from the stored raw bodies (`newsclaims discover`), so pages
crawled before it existed are read too.

Credit lines are matched by the shapes wire copy and republished pieces take, never by outlet names:

- a wire dateline credit at the start of a line near the top: "WASHINGTON (AP) —", "(Reuters) -";
- "This story originally appeared in X", "first published by X", "republished with permission from X";
- "via X" at the start of a line, after a dash or inside parentheses ("— via Example Wire");
- a line that is only a parenthesised name: "(Example Wire)".

Photo credits ("AP Photo/...") credit an image, not the text, and are left out.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import lxml.html

from crawler.extract.metadata import find_canonical
from crawler.extract.scope import article_scope, outside_article

_NAME = r"[A-Z][\w&.'’ -]{0,48}?"
_DATELINE_CREDIT = re.compile(r"^[^\n()]{0,60}?\(([A-Z][\w&.' -]{0,30}?)\)\s*[—–-]", re.M)
#: How far into the text a dateline credit may stand: below the headline and byline, above the story.
_DATELINE_SPAN = 600
_ORIGINALLY = re.compile(
    r"(?:originally|first)\s+(?:published|appeared|ran|posted)\s+(?:in|on|by|at)\s+(?:the\s+)?(" + _NAME + r")"
    r"(?=\s*(?:[.,;:)]|$|\s(?:on|and|under|with|website|site)\b))"
    r"|(?:republished|reprinted|reproduced)\s+(?:here\s+)?(?:with\s+(?:kind\s+)?permission\s+)?(?:from|of|by)\s+"
    r"(?:the\s+)?(" + _NAME + r")(?=\s*(?:[.,;:)]|$))", re.I | re.M)
_VIA = re.compile(r"(?:^|[—–]\s*|\(\s*|\s-\s)via\s+(" + _NAME + r")(?=\s*(?:[.,;:)]|$))", re.M)
_PAREN_LINE = re.compile(r"^\s*\((" + _NAME + r")\)\s*$", re.M)
_PHOTO = re.compile(r"\b(?:photo|image|file|graphic|video)\b|/", re.I)


def find_pointers(html: str, url: str, text: str | None = None) -> list[dict]:
    """Every pointer of one page: `{"kind": "credit" | "link" | "canonical", "target": name or URL,
    "host": host or None}`, deduplicated, in page order. `text` is the extracted article text (credit
    lines are read there); links are read inside the article only (not navigation, sidebars, related
    links or comments), and only http(s) links to another page than this one."""
    found: list[dict] = []
    if text:
        found += [{"kind": "credit", "target": name, "host": None} for name in credit_names(text)]
    try:
        tree = lxml.html.fromstring(html) if html and html.strip() else None
    except (lxml.etree.ParserError, ValueError):
        tree = None
    if tree is not None:
        canonical = find_canonical(tree, url)
        if canonical and _host(canonical) and _host(canonical) != _host(url):
            found.append({"kind": "canonical", "target": canonical, "host": _host(canonical)})
        scope = article_scope(tree)
        for anchor in scope.iter("a"):
            href = (anchor.get("href") or "").strip()
            if not href or outside_article(anchor):
                continue
            target = urljoin(url, href)
            if urlsplit(target).scheme not in ("http", "https") or not _host(target):
                continue
            found.append({"kind": "link", "target": target, "host": _host(target)})
    seen, unique = set(), []
    for pointer in found:
        key = (pointer["kind"], pointer["target"])
        if key not in seen:
            seen.add(key)
            unique.append(pointer)
    return unique


def credit_names(text: str) -> list[str]:
    """The outlet names a text credits (see the module doc for the shapes), in order, once each.

    >>> credit_names("WASHINGTON (AP) — The mayor said ... This story originally appeared in the Example Wire.")
    ['AP', 'Example Wire']
    """
    names = []
    head = text[:_DATELINE_SPAN]
    for pattern, source in ((_DATELINE_CREDIT, head), (_ORIGINALLY, text), (_VIA, text), (_PAREN_LINE, text)):
        for match in pattern.finditer(source):
            name = next((group for group in match.groups() if group), "")
            name = " ".join(name.strip(" .,'’-").split())
            if name and not _PHOTO.search(name) and name not in names:
                names.append(name)
    return names


def _host(url: str) -> str | None:
    """The host, lower case, with its port when it is not the scheme's default (loopback outlets
    differ by port only)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not host:
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    return f"{host}:{port}" if port and port != default else host
