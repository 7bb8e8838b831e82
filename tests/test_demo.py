"""Independent checks of the FICTIONAL demo corpus: data/demo/truth.json against the served pages.

The builder (newsclaims.demo) is used only to produce the site and to regenerate the truth;
every other expectation is checked on pages fetched over real HTTP on 127.0.0.1 and parsed with
urllib + lxml, not with newsclaims code.
"""
from __future__ import annotations

import json
import re
import tomllib
import urllib.error
import urllib.request
import urllib.robotparser
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import etree
from lxml import html as lhtml

from newsclaims.demo import DemoServer, PortInUse, build_site, build_truth
from newsclaims.errors import PortError

ROOT = Path(__file__).resolve().parents[1]
TRUTH_PATH = ROOT / "data" / "demo" / "truth.json"
STORY_PATH = ROOT / "data" / "stories" / "demo.toml"
FICTIONAL = "FICTIONAL"
BYLINE_ONLY = {"ledger", "quicktake"}  # outlets with no machine-readable date at all
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def norm(text: str) -> str:
    return " ".join(text.split())


def key(ref: dict) -> tuple[str, str]:
    return (ref["outlet"], ref["path"])


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def site():
    return build_site()


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads(TRUTH_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def story() -> dict:
    return tomllib.loads(STORY_PATH.read_text(encoding="utf-8"))


class Fetcher:
    def __init__(self, origins: dict[str, str]):
        self.origins = origins

    def url(self, outlet: str, path: str) -> str:
        return self.origins[outlet] + path

    @lru_cache(maxsize=None)
    def get(self, url: str) -> tuple[int, str, str]:
        try:
            with urllib.request.urlopen(url, timeout=10) as resp:
                return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Content-Type", ""), ""

    def page(self, outlet: str, path: str) -> "Served":
        status, ctype, body = self.get(self.url(outlet, path))
        assert status == 200, (outlet, path, status)
        return Served(self.url(outlet, path), body)


class Served:
    """One fetched HTML page and the parts the checks look at."""

    def __init__(self, url: str, body: str):
        self.url = url
        self.body = body
        self.doc = lhtml.fromstring(body)
        arts = self.doc.xpath("//article")
        self.article_el = arts[0] if arts else None
        self.article = norm(self.article_el.text_content()) if arts else ""
        self.paragraphs = [norm(p.text_content()) for p in self.article_el.iter("p")] if arts else []
        self.h1 = norm(self.doc.xpath("string(//h1)"))
        self.title = norm(self.doc.findtext(".//title") or "")
        self.metas = {(m.get("name") or m.get("property")): m.get("content") for m in self.doc.xpath("//meta[@content]")}
        self.text = norm(self.doc.text_content())
        outside = lhtml.fromstring(body)
        for el in outside.xpath("//article"):
            el.getparent().remove(el)
        self.outside_article = norm(outside.text_content())
        self.links = [urljoin(url, h) for h in self.doc.xpath("//a/@href")]

    def jsonld(self) -> list[dict]:
        return [json.loads(s) for s in self.doc.xpath('//script[@type="application/ld+json"]/text()')]


@pytest.fixture(scope="module")
def served(site):
    with DemoServer(site) as server:
        yield Fetcher(dict(server.origins))


# --------------------------------------------------------------------------- truth and config


def test_truth_json_is_regenerated_from_the_corpus(truth):
    built = json.loads(json.dumps(build_truth()))
    assert built == truth, "run: python -m newsclaims.demo --write-truth"
    assert TRUTH_PATH.read_text(encoding="utf-8") == json.dumps(truth, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_truth_shape(truth):
    assert truth["fictional"] is True and truth["story"] == "demo"
    assert len(truth["outlets"]) == 8
    assert 30 <= len(truth["articles"]) <= 60
    assert 2 <= sum(a["off_topic"] for a in truth["articles"]) <= 4
    keys = [key(a) for a in truth["articles"]]
    assert len(keys) == len(set(keys))
    articles = set(keys)
    for m in truth["mentions"] + truth["non_mentions"]:
        assert key(m) in articles
    for a in truth["articles"]:
        assert datetime.fromisoformat(a["published"]).utcoffset() is not None
        if a["off_topic"]:
            assert a["persons"] == []
    assert {e["reason"] for e in truth["excluded"]} == {"offsite", "robots", "not-article", "tracking-duplicate"}


def test_site_is_deterministic_and_uses_only_placeholders(site):
    assert site == build_site()
    allowed = {"offsite", "nonce", "now"} | {f"origin:{s}" for s in site if s != "offsite"}
    for slug, pages in site.items():
        for path, page in pages.items():
            assert "127.0.0.1" not in page.body, (slug, path)
            assert set(re.findall(r"\{\{([^{}]*)\}\}", page.body)) <= allowed, (slug, path)
            if page.content_type.startswith("text/html"):
                assert "{{nonce}}" in page.body or "{{now}}" in page.body, (slug, path)
                assert "{{now}}" in page.body, (slug, path)


def test_story_config_matches_truth_and_article_patterns(story, truth, site):
    from newsclaims.config import load_story

    load_story(STORY_PATH)  # the strict schema accepts it
    assert story["slug"] == "demo"
    assert [(o["slug"], o["name"], o["authoritative"]) for o in story["outlets"]] == [
        (o["slug"], o["name"], o["authoritative"]) for o in truth["outlets"]]
    assert [urlsplit(o["origin"]).port for o in story["outlets"]] == list(range(18301, 18309))
    articles = {key(a) for a in truth["articles"]}
    robots = {key(e) for e in truth["excluded"] if e["reason"] == "robots"}
    for o in story["outlets"]:
        rx = [re.compile(p) for p in o["article_paths"]]
        for path in o["seeds"] + o.get("feeds", []) + o.get("sitemaps", []):
            assert path in site[o["slug"]], (o["slug"], path)
        for path in site[o["slug"]]:
            matches = any(r.search(path) for r in rx)
            assert matches == ((o["slug"], path) in articles | robots), (o["slug"], path)


# --------------------------------------------------------------------------- article pages


def test_every_html_page_says_fictional_in_its_footer(site, served):
    for slug, pages in site.items():
        for path, page in pages.items():
            if page.content_type.startswith("text/html"):
                p = served.page(slug, path)
                footer = norm(" ".join(f.text_content() for f in p.doc.xpath("//footer")))
                assert FICTIONAL in footer, (slug, path)


def test_article_pages_title_byline_canonical_and_length(truth, served):
    names = {o["slug"]: o["name"] for o in truth["outlets"]}
    for a in truth["articles"]:
        p = served.page(a["outlet"], a["path"])
        assert p.h1 == a["title"]
        assert a["title"] in p.title and names[a["outlet"]] in p.title
        # a syndicated copy names its source, on another outlet, as canonical
        assert p.doc.xpath('//link[@rel="canonical"]/@href') == [served.url(*key(a["canonical"] or a))]
        assert a["author"] in p.article  # visible byline
        words = sum(len(x.split()) for x in p.paragraphs)
        assert 150 <= words <= 500, (a["path"], words)
        assert p.doc.xpath("//article//aside | //article//section[contains(@class, 'comments')]") == []


def test_machine_readable_metadata_per_outlet(truth, served):
    names = {o["slug"]: o["name"] for o in truth["outlets"]}
    dated = set()
    for a in truth["articles"]:
        p = served.page(a["outlet"], a["path"])
        published = datetime.fromisoformat(a["published"])
        for ld in p.jsonld():
            assert ld["@type"] == "NewsArticle"
            assert ld["headline"] == a["title"] and ld["author"]["name"] == a["author"]
            assert ld["publisher"]["name"] == names[a["outlet"]]
            assert ld["datePublished"] == a["published"] and datetime.fromisoformat(ld["datePublished"]) == published
            dated.add(a["outlet"])
        if "article:published_time" in p.metas:
            assert p.metas["article:published_time"] == a["published"]
            assert p.metas["author"] == a["author"]
            dated.add(a["outlet"])
        times = p.doc.xpath("//time/@datetime")
        for t in times:
            assert t == a["published"]
            dated.add(a["outlet"])
        if a["outlet"] in BYLINE_ONLY:
            assert not p.jsonld() and "article:published_time" not in p.metas and not times
            # only the visible date line, in local time
            assert f"{published:%B} {published.day}, {published.year}" in p.article, a["path"]
            assert f"{published.hour % 12 or 12}:{published:%M}" in p.article, a["path"]
    assert dated == {o["slug"] for o in truth["outlets"]} - BYLINE_ONLY


def test_every_mention_and_non_mention_is_on_its_page_in_its_field(truth, served):
    for m in truth["mentions"] + truth["non_mentions"]:
        p = served.page(m["outlet"], m["path"])
        surface = norm(m["surface"])
        where = {
            "title": p.h1,
            "text": " ".join(p.paragraphs),
            "description": p.metas.get("description", ""),
            "keywords": p.metas.get("keywords", ""),
            "boilerplate": p.outside_article,
        }[m["field"]]
        assert surface in where, m


def test_every_name_in_an_article_is_a_recorded_mention(truth, served):
    """Each name token in <article> is accounted for by truth mentions or planted non-mentions."""
    tokens = set()
    for person in truth["people"]:
        for name in [person["canonical"], *person["accepted"], *person["error_forms"]]:
            tokens.update(t.lower() for t in name.split())
    for a in truth["articles"]:
        p = served.page(a["outlet"], a["path"])
        fields = {("title", "text"): p.article, ("description",): p.metas.get("description", ""),
                  ("keywords",): p.metas.get("keywords", "")}
        for names, text in fields.items():
            recorded = [m["surface"] for m in truth["mentions"] + truth["non_mentions"]
                        if key(m) == key(a) and m["field"] in names]
            for token in tokens:
                rx = re.compile(rf"\b{re.escape(token)}\b", re.I)
                assert len(rx.findall(text)) == sum(len(rx.findall(s)) for s in recorded), (a["path"], names, token)


def test_error_form_is_in_exactly_the_listed_articles(truth, served):
    for err in truth["errors"]:
        rx = re.compile(rf"\b{re.escape(err['form'])}\b", re.I)
        expected = {key(a) for a in err["articles"] + err["quoted_articles"]}
        in_article, in_article_or_meta = set(), set()
        for a in truth["articles"]:
            p = served.page(a["outlet"], a["path"])
            if rx.search(p.article):
                in_article.add(key(a))
            if rx.search(p.article) or rx.search(p.title) or any(rx.search(v) for v in p.metas.values()):
                in_article_or_meta.add(key(a))
        assert in_article_or_meta == expected
        assert in_article <= expected
        assert {a["outlet"] for a in err["articles"]} == set(err["outlets"])
        first = min(err["articles"], key=lambda r: datetime.fromisoformat(
            next(a["published"] for a in truth["articles"] if key(a) == key(r))))
        assert key(first) == key(err["first"])
        # a quoted use sits between quotation marks, and the article also gives the right spelling
        for ref in err["quoted_articles"]:
            p = served.page(*key(ref))
            assert all(p.article[m.start() - 1] in "“\"'‘" and p.article[m.end()] in "”\"'’"
                       for m in rx.finditer(p.article)), ref


def test_error_outnumbers_the_correct_form_but_authorities_spell_it_right(truth):
    names = {o["slug"]: o for o in truth["outlets"]}
    for err in truth["errors"]:
        ms = [m for m in truth["mentions"] if m["person"] == err["person"] and m["field"] in ("title", "text")]
        correct_articles = {key(m) for m in ms if not m["error"]}
        assert len(err["articles"]) > len(correct_articles)
        assert sum(m["error"] and not m["quoted"] for m in ms) > sum(not m["error"] for m in ms)
        for m in ms:
            if names[m["outlet"]]["authoritative"]:
                assert not m["error"], m
        published = {key(a): datetime.fromisoformat(a["published"]) for a in truth["articles"]}
        earliest = min(ms, key=lambda m: published[key(m)])
        assert not earliest["error"] and names[earliest["outlet"]]["authoritative"]


def test_boilerplate_only_outlet_has_the_error_only_outside_article(truth, served):
    for err in truth["errors"]:
        rx = re.compile(rf"\b{re.escape(err['form'])}\b", re.I)
        assert err["boilerplate_only_outlets"]
        for slug in err["boilerplate_only_outlets"]:
            assert slug not in err["outlets"]
            pages = {key(m) for m in truth["mentions"]
                     if m["outlet"] == slug and m["person"] == err["person"] and m["field"] == "boilerplate" and m["error"]}
            assert pages
            for a in truth["articles"]:
                if a["outlet"] != slug:
                    continue
                p = served.page(slug, a["path"])
                assert not rx.search(p.article) and not rx.search(p.title)
                assert not any(rx.search(v) for v in p.metas.values())
                assert bool(rx.search(p.outside_article)) == (key(a) in pages)


def test_copied_paragraphs_are_verbatim(truth, served):
    by_key = {key(a): a for a in truth["articles"]}
    assert truth["copies"]
    for c in truth["copies"]:
        indexes = by_key[key(c["copy"])]["copies"]["paragraphs"]
        assert len(indexes) == c["paragraphs"]
        assert by_key[key(c["copy"])]["copies"]["outlet"] == c["source"]["outlet"]
        src = served.page(*key(c["source"]))
        dst = served.page(*key(c["copy"]))
        assert c["source"]["outlet"] != c["copy"]["outlet"]
        for i in indexes:
            assert src.paragraphs[i] in dst.paragraphs, (c, i)
        source_time = datetime.fromisoformat(by_key[key(c["source"])]["published"])
        copy_time = datetime.fromisoformat(by_key[key(c["copy"])]["published"])
        # a syndicated copy (its canonical names the source) may carry the source's own time
        assert source_time < copy_time or (c["syndicated"] and source_time == copy_time)


def test_claims_are_planted_where_truth_says(truth, served):
    people = {p["id"]: p for p in truth["people"]}
    published = {key(a): datetime.fromisoformat(a["published"]) for a in truth["articles"]}
    for claim in truth["claims"]:
        wrong_pages = [claim["introduced_by"], *claim["repeated_by"]]
        assert min(published[key(r)] for r in wrong_pages) == published[key(claim["introduced_by"])]
        if claim["kind"] == "date":
            d = datetime.fromisoformat(claim["wrong"])
            rx = re.compile(rf"\b{d.strftime('%B')} {d.day}\b")
        elif claim["kind"] in ("count", "role", "detail") or "speaker" in claim:  # an altered quote: its words
            rx = re.compile(rf"\b{re.escape(str(claim['wrong']))}\b")
        else:
            wrong = people[claim["wrong"]]["canonical"]

            def rx_search(p, quote=claim["quote"], wrong=wrong):
                return any(quote in para and wrong in para for para in p.paragraphs)
        misattributed = claim["kind"] == "quote" and "quote" in claim
        for a in truth["articles"]:
            p = served.page(a["outlet"], a["path"])
            hit = rx_search(p) if misattributed else bool(rx.search(" ".join(p.paragraphs)))
            assert hit == (key(a) in {key(r) for r in wrong_pages}), (claim["id"], a["path"])
        if claim["kind"] in ("role", "detail") or "speaker" in claim:
            # The right value was stated first, so it is the one an earlier (or authoritative) source holds.
            right = re.compile(rf"\b{re.escape(str(claim['correct']))}\b")
            first = min(published[key(a)] for a in truth["articles"]
                        if right.search(" ".join(served.page(*key(a)).paragraphs)))
            assert first < published[key(claim["introduced_by"])], claim["id"]
        if misattributed:
            right = people[claim["correct"]]
            forms = [right["canonical"].split()[-1], *right["error_forms"]]
            right_pages = [a for a in truth["articles"]
                           if any(claim["quote"] in x for x in served.page(*key(a)).paragraphs)
                           and key(a) not in {key(r) for r in wrong_pages}]
            assert right_pages
            for a in right_pages:
                paras = [x for x in served.page(*key(a)).paragraphs if claim["quote"] in x]
                assert all(any(f in x for f in forms) and wrong not in x for x in paras), a["path"]


# --------------------------------------------------------------------------- discovery


def _home_links(served, slug):
    return {urlsplit(u).path for u in served.page(slug, "/").links if u.startswith(served.origins[slug] + "/")}


def test_feeds_and_sitemaps_parse_list_own_urls_and_match_truth(story, truth, served):
    by_key = {key(a): a for a in truth["articles"]}
    only_via_feeds = []
    for o in story["outlets"]:
        slug, own = o["slug"], served.origins[o["slug"]]
        listed: dict[str, str] = {}
        for path in o.get("feeds", []):
            status, ctype, body = served.get(served.url(slug, path))
            assert status == 200 and "xml" in ctype
            root = etree.fromstring(body.encode("utf-8"))
            if root.tag == "rss":
                assert root.get("version") == "2.0"
                for item in root.iter("item"):
                    listed[item.findtext("link")] = parsedate_to_datetime(item.findtext("pubDate"))
            else:
                assert root.tag == ATOM + "feed"
                for entry in root.iter(ATOM + "entry"):
                    link = entry.find(ATOM + "link").get("href")
                    listed[link] = datetime.fromisoformat(entry.findtext(ATOM + "published"))
                    assert entry.findtext(ATOM + "updated")
        for path in o.get("sitemaps", []):
            status, ctype, body = served.get(served.url(slug, path))
            assert status == 200 and "xml" in ctype
            root = etree.fromstring(body.encode("utf-8"))
            assert root.tag == SITEMAP + "urlset"
            for url in root.iter(SITEMAP + "url"):
                loc = url.findtext(SITEMAP + "loc")
                lastmod = datetime.fromisoformat(url.findtext(SITEMAP + "lastmod"))
                assert listed.get(loc, lastmod) == lastmod
                listed[loc] = lastmod
        for url, when in listed.items():
            assert url.startswith(own + "/"), url
            a = by_key[(slug, urlsplit(url).path)]
            assert when == datetime.fromisoformat(a["published"])
            assert when.utcoffset() == datetime.fromisoformat(a["published"]).utcoffset()
        home = _home_links(served, slug)
        listed_paths = {urlsplit(u).path for u in listed}
        for a in truth["articles"]:
            if a["outlet"] == slug:
                assert a["path"] in home | listed_paths, a["path"]  # reachable from a seed, feed or sitemap
                if a["path"] not in home:
                    only_via_feeds.append(a["path"])
    assert len(only_via_feeds) >= 4


def test_robots_txt_per_outlet(story, truth, served):
    for o in story["outlets"]:
        status, ctype, body = served.get(served.url(o["slug"], "/robots.txt"))
        assert status == 200 and "User-agent: *" in body and "Disallow:" in body
        rp = urllib.robotparser.RobotFileParser()
        rp.parse(body.splitlines())
        assert (rp.site_maps() or []) == [served.url(o["slug"], p) for p in o.get("sitemaps", [])]
        for a in truth["articles"]:
            if a["outlet"] == o["slug"]:
                assert rp.can_fetch("*", served.url(a["outlet"], a["path"])), a["path"]


def test_excluded_pages(truth, served):
    articles = {key(a) for a in truth["articles"]}
    for ex in truth["excluded"]:
        lf = ex["linked_from"]
        linking = served.page(lf["outlet"], lf["path"])
        target_origin = served.origins[ex["outlet"]]
        assert target_origin + ex["url_suffix"] in linking.links, ex
        if ex["reason"] == "robots":
            assert lf["path"] == "/" and lf["outlet"] == ex["outlet"]
            rp = urllib.robotparser.RobotFileParser()
            rp.parse(served.get(served.url(ex["outlet"], "/robots.txt"))[2].splitlines())
            assert not rp.can_fetch("*", served.url(ex["outlet"], ex["path"]))
            p = served.page(ex["outlet"], ex["path"])
            assert p.article_el is not None and "Alder Creek" in p.article
        elif ex["reason"] == "not-article":
            assert lf["path"] == "/"
            p = served.page(ex["outlet"], ex["path"])
            assert p.article_el is None
            listed = {(ex["outlet"], urlsplit(u).path) for u in p.links if u.startswith(target_origin + "/")}
            assert len(listed & articles) >= 3
        elif ex["reason"] == "tracking-duplicate":
            assert "utm_source=" in ex["url_suffix"] and ex["url_suffix"].startswith(ex["path"] + "?")
            assert (ex["outlet"], ex["path"]) in articles
            tracked = served.page(ex["outlet"], ex["url_suffix"])
            clean = served.page(ex["outlet"], ex["path"])
            assert tracked.paragraphs == clean.paragraphs and tracked.h1 == clean.h1
            assert tracked.doc.xpath('//link[@rel="canonical"]/@href') == [served.url(ex["outlet"], ex["path"])]
        elif ex["reason"] == "offsite":
            assert ex["outlet"] == "offsite" and "offsite" not in {o["slug"] for o in truth["outlets"]}
            assert (lf["outlet"], lf["path"]) in articles
            p = served.page("offsite", ex["path"])
            assert p.article_el is not None and "Alder Creek" in p.article
        else:
            pytest.fail(f"unknown reason {ex['reason']}")


def test_placeholders_are_filled_per_request(served, truth):
    a = truth["articles"][0]
    url = served.url(a["outlet"], a["path"])
    first = served.get.__wrapped__(served, url)[2]
    second = served.get.__wrapped__(served, url)[2]
    assert "{{" not in first and first != second


# --------------------------------------------------------------------------- the server


def test_a_taken_port_is_a_port_error_naming_outlet_and_port(site):
    """The CLI reports any `PortError` as one line, so a taken demo port must be one."""
    with DemoServer(site) as first:
        taken = int(first.origins["gazette"].rsplit(":", 1)[1])
        with pytest.raises(PortInUse) as caught:
            DemoServer(site, {"gazette": taken}).start()
    assert isinstance(caught.value, PortError)
    assert f"port {taken} for outlet 'gazette' is not free" in str(caught.value)
