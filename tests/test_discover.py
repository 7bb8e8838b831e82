"""crawler/extract/pointers.py and analysis/discover.py on literal pages: which credits, links and
canonicals name an outlet, and which are left out by which rule."""
from __future__ import annotations

import pytest

from analysis.discover import candidate_outlets
from crawler.extract.pointers import credit_names, find_pointers

TEXT = "Larch Hollow board meets\n\nWASHINGTON (Example Wire) — The board met on Thursday."


@pytest.mark.parametrize(("text", "names"), [
    ("Headline\n\nWASHINGTON (AP) — The board met.", ["AP"]),
    ("(Reuters) - The board met.", ["Reuters"]),
    ("The board met.\n(Valley Wire)", ["Valley Wire"]),
    ("The board met. This story originally appeared in The Larch Courier.", ["Larch Courier"]),
    ("The board met. Republished with permission from Hollow Post.", ["Hollow Post"]),
    ("The board met.\n— via Example Wire", ["Example Wire"]),
    ("The board met.\nvia Example Wire.", ["Example Wire"]),
    ("The board sent it via email, and the Department of Works (DPW) agreed.", []),  # no credit shape
    ("LEAVITT (AP Photo/Evan Vucci)", []),  # a photo credit credits an image
    ("The board met.\n\n" + "x " * 400 + "\nWASHINGTON (AP) — later", []),  # a dateline credit stands near the top
])
def test_credit_lines_by_their_shape(text, names):
    assert credit_names(text) == names


def test_links_inside_the_article_only_and_cross_site_canonical():
    html = ("<html><head><link rel='canonical' href='https://wire.example/a/1'></head><body>"
            "<nav><a href='https://nav.example/'>nav</a></nav><article><h1>T</h1>"
            "<p><a href='https://source.example/x'>source</a> <a href='mailto:a@b.c'>mail</a> <a href='/own'>own</a></p>"
            "<div class='related'><a href='https://related.example/'>r</a></div></article></body></html>")
    pointers = find_pointers(html, "https://local.example/story", None)
    assert [(p["kind"], p["host"]) for p in pointers] == [
        ("canonical", "wire.example"), ("link", "source.example"), ("link", "local.example")]


def test_candidates_leave_out_crawled_own_site_social_and_infrastructure():
    outlets = [{"origin": "https://www.local.example:443", "name": "Local Ledger", "slug": "local"},
               {"origin": "https://crawled.example:443", "name": "Crawled Times", "slug": "crawled"}]
    pointers = [{"kind": "credit", "target": "Example Wire", "host": None},
                {"kind": "credit", "target": "the Crawled Times", "host": None},  # crawled, by name
                {"kind": "link", "target": "https://crawled.example/a", "host": "crawled.example"},  # crawled
                {"kind": "link", "target": "https://cdn.local.example/i.js", "host": "cdn.local.example"},  # own site
                {"kind": "link", "target": "https://www.facebook.com/sharer", "host": "www.facebook.com"},  # social
                {"kind": "link", "target": "https://fonts.googleapis.com/x", "host": "fonts.googleapis.com"},
                {"kind": "link", "target": "https://www.source.example/x", "host": "www.source.example"},
                {"kind": "canonical", "target": "https://news.wire.co.uk/a", "host": "news.wire.co.uk"}]
    articles = [{"url": "https://www.local.example/a", "origin": "https://www.local.example:443",
                 "outlet_name": "Local Ledger", "pointers": pointers},
                {"url": "https://www.local.example/b", "origin": "https://www.local.example:443",
                 "pointers": [{"kind": "credit", "target": "example wire", "host": None}]}]
    found = candidate_outlets(articles, outlets)
    assert [(c["outlet"], c["key"], c["articles"], c["evidence"]) for c in found["candidates"]] == [
        ("Example Wire", "name", 2, {"credit": 2}),
        ("news.wire.co.uk", "host", 1, {"canonical": 1}),
        ("source.example", "host", 1, {"link": 1})]
    assert found["excluded"] == {"crawled": 2, "infrastructure": 1, "own-site": 1, "social": 1}
