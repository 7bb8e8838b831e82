"""crawler/extract/ on bytes and strings: decoding, dates with provenance, language, and what text is kept.

No servers: pages are built here as bytes or strings, rendered from the demo corpus, or read from the saved
real pages in ../shared/data/articles (as trafilatura's realworld tests read tests/cache/). Expected values
are written out by hand or come from data/demo/truth.json and the corpus source, never from re-running the
extractor.
"""
from __future__ import annotations

import gzip
import importlib.util
import json
from datetime import datetime

import pytest

from crawler.extract import PublishedDate, UndecodablePage, decode_html, extract_page, parse_dateline
from newsclaims import DATA_DIR
from tests.conftest import SHARED

ARTICLES = SHARED / "articles"
URL = "https://news.example/2026/story"
PARAGRAPHS = (
    "The county engineer said on Tuesday that corrosion at a joint near the east pier weakened the span "
    "long before it fell, and that the last inspection had flagged rust on several connections.",
    "Residents who use the crossing every day said they had noticed the peeling paint for years, and "
    "several of them had written to the county asking when the repainting would be scheduled.",
    "Commissioners have not said whether other bridges of the same design will be inspected, but a state "
    "team is expected to arrive later this week to review the inspection history of the structure.",
)


def article_html(*, head: str = "", before: str = "", after: str = "", lang: str | None = "en",
                 paragraphs=PARAGRAPHS) -> str:
    """A small article page: `before` goes between the headline and the body, `after` after the article."""
    lang_attr = f' lang="{lang}"' if lang else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html{lang_attr}><head><meta charset="utf-8"><title>Bridge story</title>{head}'
            f'</head><body><main><article><h1>Engineer blames corrosion for bridge failure</h1>{before}'
            f'<div class="story-body">{body}</div></article>{after}</main></body></html>')


# --------------------------------------------------------------------------- decoding

TEXT = "It’s “quoted” — café"  # curly apostrophe and quotes, an em dash, an e acute


def html_bytes(encoding: str, *, meta: str = "", text: str = TEXT) -> bytes:
    return f"<html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>".encode(encoding)


def test_cp1252_bytes_under_a_utf8_header_are_read_as_cp1252():
    body = html_bytes("cp1252")
    assert b"\x92" in body and b"\x93" in body and b"\x97" in body and b"\xe9" in body
    decoded = decode_html(body, "text/html; charset=utf-8")
    assert "<p>It’s “quoted” — café</p>" in decoded
    assert "\ufffd" not in decoded


@pytest.mark.parametrize("content_type", [None, "text/html", "text/html; charset=ISO-8859-1"])
def test_utf8_page_with_a_wrong_latin1_declaration_stays_utf8(content_type):
    body = html_bytes("utf-8", meta='<meta charset="iso-8859-1">')
    decoded = decode_html(body, content_type)
    assert "<p>It’s “quoted” — café</p>" in decoded
    assert "Ã" not in decoded and "â€" not in decoded


def test_utf8_bom_wins_over_the_header_and_is_dropped():
    decoded = decode_html(b"\xef\xbb\xbf" + html_bytes("utf-8"), "text/html; charset=windows-1252")
    assert decoded.startswith("<html>")
    assert "It’s “quoted” — café" in decoded


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(encoding):
    body = html_bytes(encoding)
    if encoding == "utf-16-be":
        body = b"\xfe\xff" + body
    decoded = decode_html(body, "text/html; charset=utf-8")
    assert decoded.startswith("<html>")
    assert "It’s “quoted” — café" in decoded


@pytest.mark.parametrize("encoding, content_type", [("utf-16-le", "text/html; charset=UTF-16LE"),
                                                     ("utf-16-le", "text/html"), ("utf-16-be", None)])
def test_utf16_without_bom(encoding, content_type):
    decoded = decode_html(html_bytes(encoding), content_type)
    assert "<p>It’s “quoted” — café</p>" in decoded


def test_body_truncated_inside_a_character_loses_only_that_character():
    body = html_bytes("utf-8")
    cut = body[: body.index("—".encode()) + 2]  # two of the dash's three bytes
    decoded = decode_html(cut, "text/html; charset=utf-8")
    assert decoded.endswith("<p>It’s “quoted” ")


def test_stray_cp1252_bytes_in_a_utf8_page():
    body = html_bytes("utf-8") + "<p>“pasted”</p>".encode("cp1252")
    decoded = decode_html(body, "text/html; charset=utf-8")
    assert "It’s “quoted” — café" in decoded and decoded.endswith("<p>“pasted”</p>")


def test_declared_legacy_encodings_are_used_when_they_decode():
    cyrillic = html_bytes("cp1251", meta='<meta charset="windows-1251">',
                          text="Мэр Фернхоллоу — «мост»")
    assert "<p>Мэр Фернхоллоу — «мост»</p>" in decode_html(cyrillic, None)
    japanese = "橋が崩落し、七人が負傷した。" * 20
    body = html_bytes("shift_jis", meta='<meta charset="shift_jis">', text=japanese) + b"\x81\x20"
    decoded = decode_html(body, None)  # one corrupt byte at the end: still Shift_JIS
    assert japanese in decoded


def test_unassigned_cp1252_byte_does_not_fail():
    decoded = decode_html(html_bytes("cp1252") + b"\x81", "text/html; charset=utf-8")
    assert "It’s “quoted” — café" in decoded and decoded.endswith("\x81")


@pytest.mark.parametrize("body, reason", [
    (b"", "empty body"),
    (gzip.compress(b"<html><p>compressed</p></html>"), "gzip"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x00\x01\x02\x03\x04binary\x00\x00\x00", "control bytes"),
])
def test_undecodable_pages_say_why(body, reason):
    with pytest.raises(UndecodablePage) as raised:
        decode_html(body, "text/html; charset=utf-8")
    assert reason in raised.value.reason


def test_broken_html_still_extracts():
    unclosed = article_html().replace("</p>", "").replace("</div>", "").replace("</article>", "")
    truncated = article_html()[: article_html().index(PARAGRAPHS[2][:40]) + 40]
    for html in (unclosed, truncated):
        page = extract_page(decode_html(html.encode("utf-8"), "text/html"), URL)
        assert page is not None
        assert PARAGRAPHS[0] in page.text
    assert extract_page("", URL) is None and extract_page("   ", URL) is None


def test_caption_transcript_reads_as_running_text():
    """A video page's transcript, one cue per line: a name cut between two cues is one name again."""
    cues = ["00:00The council met on Monday to hear the report on the flooded underpass, and the mayor",
            "00:07Ellen Cranston said the pumps failed twice. Her deputy, Tom",
            "00:13Okafor, disagreed with the engineers and asked for a second",
            "0:19 opinion before any money is spent."]
    live = ["7:15pm - The mayor arrived.", "7:20 p.m. - She left again.", "7:30pm - Nobody else came."]
    html = article_html(paragraphs=PARAGRAPHS[:1] + tuple(cues) + tuple(live))
    page = extract_page(decode_html(html.encode("utf-8"), "text/html"), URL)
    assert ("the mayor Ellen Cranston said the pumps failed twice. Her deputy, Tom Okafor, disagreed with the "
            "engineers and asked for a second opinion before any money is spent.") in page.text
    assert not any(cue.split(maxsplit=1)[0][:5] in page.text for cue in cues)
    assert all(line in page.text.split("\n") for line in live)  # a live blog's clock times stay


# --------------------------------------------------------------------------- visible datelines


@pytest.mark.parametrize("text, value, precision, has_offset", [
    ("March 4, 2026 · 3:05 PM ET", "2026-03-04T15:05:00-05:00", "instant", True),
    ("Published 7:45 a.m. EST, March 4, 2026", "2026-03-04T07:45:00-05:00", "instant", True),
    ("FERNHOLLOW — March 4, 2026 7:45 a.m. EST", "2026-03-04T07:45:00-05:00", "instant", True),
    ("July 4, 2026 · 3:05 PM ET", "2026-07-04T15:05:00-04:00", "instant", True),  # US daylight time
    ("March 8, 2026 12:00 PM ET", "2026-03-08T12:00:00-04:00", "instant", True),  # the day DST starts
    ("Updated Mar. 4, 2026, 3:05 p.m. CT", "2026-03-04T15:05:00-06:00", "instant", True),
    ("Aug 1, 2026 9:15 AM PT", "2026-08-01T09:15:00-07:00", "instant", True),
    ("January 9, 2026 at 10:00 MST", "2026-01-09T10:00:00-07:00", "instant", True),
    ("4 Mar 2026, 13:30 UTC", "2026-03-04T13:30:00+00:00", "instant", True),
    ("Wednesday, March 4, 2026", "2026-03-04", "day", False),
    ("Release date: 03/04/2026", "2026-03-04", "day", False),
    ("2026-03-04 16:40", "2026-03-04T16:40:00", "instant", False),
    ("Published March 4, 2026 3:05 PM ET | Updated March 5, 2026 9:00 AM ET", "2026-03-04T15:05:00-05:00",
     "instant", True),
])
def test_parse_dateline(text, value, precision, has_offset):
    assert parse_dateline(text) == PublishedDate(value, precision, has_offset, None)


@pytest.mark.parametrize("text", ["By Cora Lindqvist | Tri-County Ledger", "Updated 2 hours ago", "3:05 PM ET"])
def test_parse_dateline_without_a_date(text):
    assert parse_dateline(text) is None


@pytest.mark.parametrize("text, language, value", [
    ("Mittwoch, 4. März 2026, 15:05 Uhr", "de", "2026-03-04T15:05:00"),
    ("04.03.2026 10.30 Uhr", "de", "2026-03-04T10:30:00"),
    ("04.03.2026", None, "2026-03-04"),  # dotted numeric dates put the day first, even on English pages
    ("03/04/2026", "de", "2026-04-03"),  # and so does every language but English
    ("4 mars 2026 à 15h05", "fr", "2026-03-04T15:05:00"),
])
def test_parse_dateline_in_other_languages(text, language, value):
    assert parse_dateline(text, language=language).value == value


# --------------------------------------------------------------------------- dates with provenance

JSON_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
           '"headline": "Engineer blames corrosion for bridge failure", "datePublished": "%s", '
           '"author": {"@type": "Person", "name": "Cora Lindqvist"}}</script>')
META = '<meta property="article:published_time" content="%s">'
TIME = '<div class="published">Published <time datetime="%s">March 4</time></div>'
DATELINE = '<div class="dateline">FERNHOLLOW &mdash; %s</div>'
HINTS = {"feed_published": "2026-03-04T16:00:00+00:00", "sitemap_lastmod": "2026-03-06T09:00:00-05:00",
         "fetched_at": "2026-03-09T12:00:00.000+00:00"}


def published(page):
    return page.published, page.published_precision, page.published_has_offset, page.published_rule


def test_json_ld_comes_first():
    page = extract_page(article_html(head=JSON_LD % "2026-03-04T10:00:00-05:00" + META % "2026-03-04T11:00:00-05:00",
                                     before=DATELINE % "March 4, 2026 12:00 PM ET"), URL, hints=HINTS)
    assert published(page) == ("2026-03-04T10:00:00-05:00", "instant", True, "json-ld")
    assert page.author == "Cora Lindqvist"


def test_meta_then_time_element_then_visible_dateline():
    page = extract_page(article_html(head=META % "2026-03-04T11:00:00-05:00",
                                     before=TIME % "2026-03-04T12:00:00-05:00"), URL, hints=HINTS)
    assert published(page) == ("2026-03-04T11:00:00-05:00", "instant", True, "meta")
    page = extract_page(article_html(before=TIME % "2026-03-04T12:00:00-05:00"
                                     + DATELINE % "March 4, 2026 1:00 PM ET"), URL, hints=HINTS)
    assert published(page) == ("2026-03-04T12:00:00-05:00", "instant", True, "time-element")
    page = extract_page(article_html(before=DATELINE % "March 4, 2026 1:00 PM ET"), URL, hints=HINTS)
    assert published(page) == ("2026-03-04T13:00:00-05:00", "instant", True, "visible-dateline")


def test_dateline_without_time_is_a_day():
    page = extract_page(article_html(before=DATELINE % "March 4, 2026"), URL)
    assert published(page) == ("2026-03-04", "day", False, "visible-dateline")


def test_hints_feed_then_sitemap_then_url_then_crawl_time():
    page = extract_page(article_html(), URL, hints=HINTS)
    assert published(page) == ("2026-03-04T16:00:00+00:00", "instant", True, "feed")
    page = extract_page(article_html(), URL, hints={**HINTS, "feed_published": None})
    assert published(page) == ("2026-03-06T09:00:00-05:00", "instant", True, "sitemap")
    page = extract_page(article_html(), "https://news.example/2026/03/04/story/",
                        hints={"fetched_at": HINTS["fetched_at"]})
    assert published(page) == ("2026-03-04", "day", False, "url")
    page = extract_page(article_html(), URL, hints={"fetched_at": HINTS["fetched_at"]})
    assert published(page) == ("2026-03-09T12:00:00+00:00", "instant", True, "crawl-time")
    assert published(extract_page(article_html(), URL)) == (None, None, None, None)


def test_feed_dates_may_be_rfc_822_as_feeds_write_them():
    page = extract_page(article_html(), URL, hints={"feed_published": "Wed, 04 Mar 2026 15:05:00 -0500"})
    assert published(page) == ("2026-03-04T15:05:00-05:00", "instant", True, "feed")


def test_a_day_is_refined_by_a_later_instant_on_the_same_day_only():
    page = extract_page(article_html(head=JSON_LD % "2026-03-04" + META % "2026-03-04T15:05:00-05:00"), URL)
    assert published(page) == ("2026-03-04T15:05:00-05:00", "instant", True, "meta")
    page = extract_page(article_html(head=JSON_LD % "2026-03-04" + META % "2026-03-05T15:05:00-05:00"), URL)
    assert published(page) == ("2026-03-04", "day", False, "json-ld")
    # A sitemap lastmod is a modification time: it never turns a day into an instant.
    page = extract_page(article_html(head=JSON_LD % "2026-03-04"), URL,
                        hints={"sitemap_lastmod": "2026-03-04T20:00:00+00:00"})
    assert published(page) == ("2026-03-04", "day", False, "json-ld")


def test_wall_clock_without_offset_is_kept_as_such():
    page = extract_page(article_html(head=JSON_LD % "2026-03-04T15:05:00"), URL)
    assert published(page) == ("2026-03-04T15:05:00", "instant", False, "json-ld")


def test_dates_after_the_fetch_are_impossible():
    page = extract_page(article_html(head=META % "2031-01-01T00:00:00+00:00",
                                     before=DATELINE % "March 4, 2026"), URL, hints={"fetched_at": HINTS["fetched_at"]})
    assert published(page) == ("2026-03-04", "day", False, "visible-dateline")
    # The feed's instant on that same day refines the dateline's day.
    page = extract_page(article_html(before=DATELINE % "March 4, 2026"), URL, hints=HINTS)
    assert published(page) == ("2026-03-04T16:00:00+00:00", "instant", True, "feed")


def test_dates_in_related_links_and_comments_are_not_the_article_date():
    after = ('<aside class="related"><ul><li><a href="/a">Older story</a> <span class="date">March 1, 2026'
             '</span></li></ul></aside><section class="comments"><div class="comment"><span class="date">'
             'March 9, 2026 8:00 AM ET</span><p>Great story.</p></div></section>')
    page = extract_page(article_html(before=DATELINE % "March 4, 2026 7:45 a.m. EST", after=after), URL)
    assert published(page) == ("2026-03-04T07:45:00-05:00", "instant", True, "visible-dateline")
    page = extract_page(article_html(after=after), URL)
    assert page.published_rule not in ("visible-dateline", "time-element")


def test_content_hash_ignores_dates_from_outside_the_page():
    html = article_html()
    first = extract_page(html, URL, hints={"fetched_at": "2026-03-09T12:00:00+00:00"})
    second = extract_page(html, URL, hints={"fetched_at": "2026-03-10T12:00:00+00:00"})
    assert first.published != second.published and first.content_hash == second.content_hash
    dated = extract_page(article_html(before=DATELINE % "March 4, 2026"), URL)
    redated = extract_page(article_html(before=DATELINE % "March 5, 2026"), URL)
    assert dated.content_hash != redated.content_hash


# --------------------------------------------------------------------------- the demo corpus


def demo_pages():
    from newsclaims.demo import DemoServer, build_site

    site = build_site()
    server = DemoServer(site)  # not started: only its placeholder filling is used
    truth = json.loads((DATA_DIR / "demo" / "truth.json").read_text(encoding="utf-8"))
    for article in truth["articles"]:
        html = server.render(site[article["outlet"]][article["path"]].body)
        yield article, extract_page(html, "http://127.0.0.1:9" + article["path"])


def test_every_demo_article_gets_its_true_instant():
    rules = {}
    for article, page in demo_pages():
        assert page.published_precision == "instant" and page.published_has_offset, (article, published(page))
        assert datetime.fromisoformat(page.published) == datetime.fromisoformat(article["published"]), article
        assert page.published == article["published"]  # the page's own offset, too
        rules.setdefault(article["outlet"], set()).add(page.published_rule)
    # The two outlets that state their dates only in visible text.
    assert rules["ledger"] == {"visible-dateline"} and rules["quicktake"] == {"visible-dateline"}
    assert rules["gazette"] == {"json-ld"} and rules["kfhr"] == {"meta"} and rules["statedot"] == {"meta"}


def test_demo_articles_keep_their_paragraphs_and_drop_boilerplate():
    from newsclaims.demo import load, plain

    corpus = load()
    by_key = {(a.outlet, a.path): a for a in corpus.articles}
    promos = {o.style.get("promo") for o in corpus.outlets} - {None}
    for article, page in demo_pages():
        source = by_key[(article["outlet"], article["path"])]
        for paragraph in source.paragraphs:
            assert plain(paragraph) in page.text, (article["path"], paragraph)
        for comment in source.comments:
            assert plain(comment["text"]) not in page.text
            assert comment["author"] not in page.text
        for related in source.related:
            target = related.get("title") or by_key[(related["outlet"], related["path"])].title
            title = plain(target)
            assert title not in page.text.split("\n")
        for junk in ("Advertisement", "Page generated", "FICTIONAL", "Share:", *promos):
            assert junk not in page.text, (article["path"], junk)
        assert page.title == article["title"]


# --------------------------------------------------------------------------- language


def test_language_from_html_lang():
    french = ("Le maire de Fernhollow a annoncé mardi que le pont serait reconstruit avant la fin de l'année, "
              "et que les travaux commenceraient dès que les ingénieurs auraient terminé leur enquête.")
    page = extract_page(article_html(lang="fr-FR", paragraphs=(french,) * 3), URL)
    assert (page.language, page.language_rule) == ("fr", "html-lang")


GERMAN = ("Der Bürgermeister von Fernhollow kündigte am Dienstag an, dass die Brücke noch vor Ende des Jahres "
          "wieder aufgebaut wird und die Arbeiten beginnen, sobald die Ingenieure ihre Untersuchung beendet haben.")


def test_language_from_meta_or_header_when_html_lang_is_missing():
    page = extract_page(article_html(lang=None, head='<meta http-equiv="content-language" content="de-DE">',
                                     paragraphs=(GERMAN,) * 3), URL)
    assert (page.language, page.language_rule) == ("de", "meta")
    page = extract_page(article_html(lang=None, paragraphs=(GERMAN,) * 3), URL, hints={"content_language": "de"})
    assert (page.language, page.language_rule) == ("de", "http-header")


def test_undeclared_language_is_detected_with_py3langid():
    page = extract_page(article_html(lang=None, paragraphs=(GERMAN,) * 3), URL)
    if importlib.util.find_spec("py3langid") is None:
        # Without the optional detector the language stays unknown rather than guessed.
        assert (page.language, page.language_rule) == (None, None)
    else:
        assert (page.language, page.language_rule) == ("de", "detected")


# --------------------------------------------------------------------------- real pages


def real_page(file: str, url: str):
    html = decode_html(gzip.decompress((ARTICLES / file).read_bytes()), "text/html; charset=utf-8")
    page = extract_page(html, url)
    assert page is not None
    return " ".join(page.text.split())


REAL_PAGES = {
    # A blog post followed by a long thread of reader comments.
    ("html/c582d3b772578e8feaa3cfd8f5ae8100bb6f0bc66048204a9a398395841c1164.html.gz",
     "https://www.bigbrandsystem.com/business-focus/"): (
        ["Business focus is why some people are able to build the online business they dream of while others "
         "think about it … but never actually create it?",
         "Within a few months, I (the person who didn’t want to be seen online) had an article accepted by the "
         "company behind the course I took"],
        ["10 thoughts on “Business Focus",
         "So, how would your plan help someone like me, given that I have no extra money"]),
    # A news story with reader comments and a newsletter box.
    ("html/GlobalNews_2026_05_24.html.gz", "https://globalnews.ca/news/11862251/russia-missile-attack-kyiv-ukraine/"): (
        ["Russia used the powerful hypersonic Oreshnik ballistic missile during a mass drone and missile attack "
         "on Kyiv on Sunday",
         "Russia’s Defense Ministry said its forces shot down or jammed 33 Ukrainian drones overnight into Sunday"],
        ["I think wars should be settled in the UFC octagon by the leaders."]),
    # Postmedia: newsletter sign-up and "read next" links around the story.
    ("html/CanadaCom_2026_06_06.html.gz",
     "https://o.canada.com/travel/iconic-jasper-resort-reopens-after-100m-revamp"): (
        ["Lume, named for Jasper’s ever-changing light, occupies the former Emerald Lounge and offers a "
         "plant-forward menu and cocktails.",
         "Fairmont Jasper Park Lodge is now open."],
        ["By signing up you consent to receive the above newsletter from Postmedia Network Inc.",
         "Miss a flight because of Europe’s new border system?"]),
    # Wired: the body is split into chunks between ads; the last chunk must not be lost.
    ("html/2f42ef1d3ea0c96e56355d3db93d0e06b47e760b74f6f4261278b8cd1c246dd6.html.gz",
     "https://www.wired.com/story/the-future-of-banking-is-youre-broke/"): (
        ["The latest wave of tech-based financial startups have a new angle on the banking sector",
         "No one bothered mentioning that the sick state of the nation’s finances isn’t technology’s problem "
         "to solve.",
         "Ultimately, no amount of friendly design, accessible features, and overdraft protections will solve the "
         "underlying problems"],
        ["Privacy Policy and Cookie Statement", "Incite Presents Laura Boykin"]),
}


@pytest.mark.parametrize("file, url", list(REAL_PAGES))
def test_real_pages_keep_chosen_sentences_and_drop_boilerplate(file, url):
    text = real_page(file, url)
    kept, dropped = REAL_PAGES[(file, url)]
    for sentence in kept:
        assert sentence in text
    for boilerplate in dropped:
        assert boilerplate not in text
