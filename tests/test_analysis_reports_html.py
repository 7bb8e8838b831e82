"""The HTML report: escaping, links, CSP and charts on a hand-written report dict, then real Chromium.

The browser tests open two reports in headless Chromium (Debian's `chromium`, driven by Playwright,
whose driver ships in its wheel; no browser is downloaded): the report of a hostile site crawled and
analysed by the real pipeline (tests/hostile_site.py), and the hand-written report below, whose
payloads also sit in name surfaces and chart labels, which the real pipeline cannot produce. Nothing
may execute, the payloads must show as text, and Chromium may make no request beyond the file itself.
"""
from __future__ import annotations

import base64
import copy
import hashlib
import re
import socket
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis.reports import render_html
from tests.hostile_site import HOSTILE_NAME, HOSTILE_PATH, IMG, QUOTE_PATH, SCRIPT, build_hostile_site, story_toml

QUOTE = '" onmouseover="window.pwned=2" x="'
JS_URL = "javascript:alert(1)"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage",
                 # Measured on Debian's Chromium 156: despite the two flags above, the browser itself
                 # asks update.googleapis.com (an on-demand component, the on-device model manifest)
                 # and accounts.google.com within a second of starting, page or no page. A non-https
                 # update source and sign-in URL make it ask nothing, so the network trap below can
                 # demand silence from the whole browser rather than keep a list of excused hosts.
                 "--component-updater=url-source=http://127.0.0.1:1/", "--gaia-url=http://127.0.0.1:1/"]


def hostile_report() -> dict:
    """A report dict (schema newsclaims.story-report v1) with a payload in every scraped string."""
    outlet_a = f"Daily {SCRIPT}{QUOTE}"
    outlet_b = f"Courier {IMG}"
    use = {"outlet": "daily", "outlet_name": outlet_a, "origin": "https://daily.example", "usage": "uses",
           "date_rule": "json-ld", "mentions": 2, "fetched_at": "2026-03-05T08:00:00+00:00", "review": "open"}
    uses = [
        {**use, "url": "https://daily.example/a?x=1&y=2", "title": f"{SCRIPT} first", "published": "2026-03-04",
         "date_precision": "day", "version_id": 11, "flag_id": "f1"},
        {**use, "url": JS_URL, "title": f"Second {IMG}", "published": "2026-03-04", "date_precision": "day",
         "version_id": 12, "flag_id": "f2", "review": "confirmed"},
        {**use, "outlet": "courier", "outlet_name": outlet_b, "origin": "https://courier.example",
         "url": " JaVaScRiPt:alert(2)", "title": None, "published": "2026-03-06T10:00:00-05:00",
         "date_precision": "instant", "date_rule": "meta", "version_id": 13, "flag_id": "f3", "review": "dismissed"},
        {**use, "outlet": "courier", "outlet_name": outlet_b, "origin": "https://courier.example",
         "url": "data:text/html,<script>alert(3)</script>", "title": "quoted", "published": None,
         "date_precision": None, "date_rule": None, "usage": "quoted", "version_id": 14, "flag_id": None,
         "review": None, "fetched_at": None},
    ]
    surfaces = [
        {"surface": "Dale Cathcart", "kind": "canonical", "rule": "authoritative outlets", "mentions": 5,
         "articles": 3, "outlets": 2, "first_published": "2026-03-03T09:00:00+00:00"},
        {"surface": f"Dale Kathcart{SCRIPT}", "kind": "error", "rule": f"no authoritative outlet uses it {IMG}",
         "mentions": 3, "articles": 2, "outlets": 1, "first_published": "2026-03-04"},
        {"surface": f"Kathcart{QUOTE}", "kind": "error", "rule": "surname differs", "mentions": 1, "articles": 1,
         "outlets": 1, "first_published": None},
    ]
    flagged = {"note": None, "canonical": "Dale Cathcart", "form": "kathcart", "usage": "uses", "outlet": "daily",
               "outlet_name": outlet_a, "published": "2026-03-04", "date_rule": "json-ld", "start": 0, "end": 10,
               "fetched_at": "2026-03-05T08:00:00+00:00"}
    absent = {"corrections": f"not compared yet {QUOTE}", "copied": f"copy detection {SCRIPT}"}
    return {
        "schema": "newsclaims.story-report", "schema_version": 1, "generated_at": "2026-03-10T12:00:00+00:00",
        "story": {"slug": "hostile", "title": f"Bridge {SCRIPT} {IMG}"},
        "summary": {"articles": 4, "outlets": 2, "people": 1, "error_forms": 1, "flagged_mentions": 3,
                    "flagged_articles": 2, "flagged_outlets": 1},
        "people": [{
            "cluster_id": "hostile/dale", "canonical": "Dale Cathcart", "rule": f"authoritative outlets {SCRIPT}",
            "evidence": {"forms": [{"name": f"Dale Kathcart{IMG}", "mentions": 3, "outlets": ["https://daily.example"],
                                    "authoritative_outlets": [], "first_published": "2026-03-04"}],
                         "links": [{"a": f"Kathcart{QUOTE}", "b": "Dale Cathcart", "rule": f"typo {SCRIPT}"}]},
            "surfaces": surfaces,
            "timeline": [
                {"date": "2026-03-03", "surface": "Dale Cathcart", "kind": "canonical", "mentions": 2},
                {"date": "2026-03-04", "surface": f"Dale Kathcart{SCRIPT}", "kind": "error", "mentions": 3},
                {"date": "2026-03-06", "surface": "Dale Cathcart", "kind": "canonical", "mentions": 3},
                {"date": None, "surface": f"Kathcart{QUOTE}", "kind": "error", "mentions": 1},
            ],
        }],
        "errors": [{
            "cluster_id": "hostile/dale", "canonical": "Dale Cathcart", "form": f"Kathcart{IMG}",
            "surfaces": [f"Dale Kathcart{SCRIPT}", f"Kathcart{QUOTE}"], "articles": 3, "outlets": ["courier", "daily"],
            "first_use": uses[:2], "uses": uses,
        }],
        "outlets": [
            {"outlet": "daily", "name": outlet_a, "origin": "https://daily.example", "authoritative": False,
             "articles": 3, "articles_mentioning": 3, "articles_using_errors": 2, "articles_quoting_errors": 0,
             "error_forms": [f"Kathcart{IMG}"], "error_rate": {"rate": 2 / 3, "k": 2, "n": 3, "low": 0.21, "high": 0.94},
             "ranked": True, "rank": 1,
             "timeline": [{"date": "2026-03-03", "mentioning": 1, "using_error": 0},
                          {"date": "2026-03-04", "mentioning": 2, "using_error": 2}],
             "corrections": None, "copied": None, "absent": absent},
            {"outlet": "courier", "name": outlet_b, "origin": "https://courier.example", "authoritative": True,
             "articles": 1, "articles_mentioning": 1, "articles_using_errors": 1, "articles_quoting_errors": 1,
             "error_forms": [f"Kathcart{IMG}"], "error_rate": {"rate": 1.0, "k": 1, "n": 1, "low": 0.21, "high": 1.0},
             "ranked": False, "rank": None,
             "timeline": [{"date": "2026-03-06", "mentioning": 1, "using_error": 1},
                          {"date": None, "mentioning": 1, "using_error": 0}],
             "corrections": None, "copied": None, "absent": absent},
        ],
        "flagged_mentions": [
            {**flagged, "flag_id": "m1", "review": "open", "surface": f"Dale Kathcart{SCRIPT}", "field": "text",
             "sentence": f"Sheriff Dale Kathcart{SCRIPT} said {IMG} hello.", "url": "https://daily.example/a?x=1&y=2",
             "version_id": 11},
            {**flagged, "flag_id": "m2", "review": "confirmed", "note": f"checked {SCRIPT}", "surface": "Kathcart",
             "field": "title", "sentence": f"Kathcart {QUOTE}", "url": JS_URL, "version_id": 12},
            {**flagged, "flag_id": "m3", "review": "open", "surface": "kathcart", "field": "url",
             "sentence": None, "url": JS_URL, "version_id": 12},
        ],
        "review": {"open": 2, "confirmed": 1, "dismissed": 0, "new_since_last_run": ["m1", "f1"],
                   "last_run": {"started": "2026-03-10T11:00:00+00:00", "ended": "2026-03-10T11:01:00+00:00"}},
        "unattached": [f"Brennan{SCRIPT}"],
        "claims": None, "propagation": None,
        "absent": {"claims": f"claim tracking is not built yet {IMG}", "propagation": "copy detection is not built yet"},
    }


class _Page(HTMLParser):
    """Elements with their attributes, and the text of each SVG's <title> and <desc>."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.svgs: list[dict] = []
        self.text: list[str] = []
        self.style = ""
        self._stack: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "svg":
            self.svgs.append({"attrs": attrs, "title": "", "desc": "", "shapes": 0, "ids": {}})
        elif self.svgs and "svg" in self._stack:
            self.svgs[-1]["shapes"] += tag in ("circle", "rect", "line")
            if tag in ("title", "desc") and "id" in attrs and self._stack[-1] == "svg":
                self.svgs[-1]["ids"][attrs["id"]] = tag
        self._stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._stack.pop()

    def handle_endtag(self, tag):
        while self._stack and self._stack.pop() != tag:
            pass

    def handle_data(self, data):
        self.text.append(data)
        if self._stack and self._stack[-1] in ("title", "desc") and len(self._stack) > 1 and self._stack[-2] == "svg":
            self.svgs[-1][self._stack[-1]] += data
        if self._stack and self._stack[-1] == "style":
            self.style += data


@pytest.fixture(scope="module")
def page() -> tuple[str, _Page]:
    html = render_html(hostile_report())
    return html, _Page(html)


def test_payloads_are_escaped_text(page):
    html, parsed = page
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    text = "".join(parsed.text)
    for payload in (SCRIPT, IMG, QUOTE):
        assert payload in text
    tags = {tag for tag, _ in parsed.elements}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "base", "form", "input"}
    assert [tag for tag, _ in parsed.elements].count("style") == 1


def test_quotes_cannot_break_out_of_attributes(page):
    _, parsed = page
    for tag, attrs in parsed.elements:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "style" not in attrs, (tag, attrs)  # the CSP allows no style attribute
    # The absent reason sits in a title attribute: its quote came back whole, inside the value.
    titles = [attrs["title"] for tag, attrs in parsed.elements if tag == "span" and "title" in attrs]
    assert f"not compared yet {QUOTE}" in titles


def test_only_http_urls_become_links(page):
    html, parsed = page
    hrefs = [attrs["href"] for tag, attrs in parsed.elements if "href" in attrs]
    assert hrefs
    for tag, attrs in parsed.elements:
        if "href" not in attrs:
            continue
        assert tag == "a"
        href = attrs["href"]
        assert href.startswith("#") or re.match(r"^https?://", href), href
        if not href.startswith("#"):
            assert attrs.get("rel") == "noopener noreferrer"
    assert "https://daily.example/a?x=1&y=2" in hrefs
    assert "https://daily.example/a?x=1&amp;y=2" in html  # & escaped inside the attribute
    assert not any("javascript" in h.lower() or h.startswith("data:") for h in hrefs)
    text = "".join(parsed.text)
    assert JS_URL in text and " JaVaScRiPt:alert(2)" in text  # shown, as text


def test_csp_allows_nothing_but_the_stylesheet(page):
    html, parsed = page
    metas = [attrs for tag, attrs in parsed.elements if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    policy = dict(part.strip().split(" ", 1) for part in metas[0]["content"].split(";"))
    assert policy["default-src"] == "'none'" and policy["script-src"] == "'none'"
    assert policy["base-uri"] == "'none'" and policy["form-action"] == "'none'"
    digest = base64.b64encode(hashlib.sha256(parsed.style.encode("utf-8")).digest()).decode()
    assert policy["style-src"] == f"'sha256-{digest}'"
    assert "unsafe" not in metas[0]["content"]
    assert html.startswith("<!DOCTYPE html>")  # standards mode, no stray output before it
    assert html.index("Content-Security-Policy") < html.index("<style>")  # a meta CSP covers what follows it


def test_every_chart_is_an_svg_image_with_text_alternatives(page):
    html, parsed = page
    assert len(parsed.svgs) == 3  # the person's variants, error rates, outlets by day
    for svg in parsed.svgs:
        assert svg["attrs"]["role"] == "img"
        labelled = svg["attrs"]["aria-labelledby"].split()
        assert sorted(svg["ids"].get(i) for i in labelled) == ["desc", "title"]
        assert svg["title"].strip() and len(svg["desc"].strip()) > 40
        assert svg["shapes"] >= 1
    # Scraped labels (surfaces, outlet names) are escaped inside SVG text, titles and descriptions too.
    assert any(SCRIPT in svg["desc"] for svg in parsed.svgs)
    svg_markup = html[html.index("<svg"):html.rindex("</svg>")]
    assert "Daily &lt;script&gt;" in svg_markup and "<script" not in svg_markup
    assert "Chart data" in html  # the data-table fallback


def test_absent_figures_are_never_zero(page):
    html, parsed = page
    text = " ".join("".join(parsed.text).split())
    assert text.count("not measured yet") >= 4 + 2  # two outlets × two figures, plus the list
    assert f"claims: not measured yet — claim tracking is not built yet {IMG}" in text
    table = html[html.index('<table class="outlets">'):]
    table = table[:table.index("</table>")]
    for row in re.findall(r"<tr[^>]*>.*?</tr>", table, flags=re.S)[1:]:
        if "Courier" in row:
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
            assert "not measured yet" in cells[-1] and "not measured yet" in cells[-2]


def test_ties_and_date_rules_are_shown(page):
    html, parsed = page
    text = " ".join("".join(parsed.text).split())
    assert "First used — a tie between 2 articles" in text
    assert "a date without a time of day cannot be ordered" in text
    assert text.count("date from json-ld") >= 2 and "date from meta" in text
    orders = re.findall(r'<td class="order">(\d+)', html)
    assert orders == ["1", "1", "3"]  # tied first uses share 1; the quoting article has no place
    assert "quotes it, counted apart" in text


def test_review_status_and_new_flags(page):
    _, parsed = page
    text = " ".join("".join(parsed.text).split())
    assert "2 open · 1 confirmed · 0 dismissed" in text
    assert "2 flags new since the last run" in text
    assert f"“checked {SCRIPT}”" in text


def test_snapshot_links_point_into_datasette():
    report = hostile_report()
    parsed = _Page(render_html(report, snapshot_base="http://127.0.0.1:8001/newsclaims/"))
    hrefs = {attrs["href"] for tag, attrs in parsed.elements if "href" in attrs}
    assert {"http://127.0.0.1:8001/newsclaims/article_versions/11",
            "http://127.0.0.1:8001/newsclaims/article_versions/12"} <= hrefs
    text = " ".join("".join(_Page(render_html(report)).text).split())
    assert "stored version #11 fetched 5 Mar 2026, 08:00 UTC" in text
    hostile_base = _Page(render_html(report, snapshot_base="javascript:alert(1)//"))
    assert not any("article_versions" in attrs.get("href", "") for _, attrs in hostile_base.elements)


def test_empty_report_renders_without_charts():
    report = hostile_report()
    report.update(people=[], errors=[], flagged_mentions=[], unattached=[])
    for outlet in report["outlets"]:
        outlet.update(error_rate=None, ranked=False, rank=None, timeline=[], articles_mentioning=0)
    parsed = _Page(render_html(report))
    assert parsed.svgs == []
    text = " ".join("".join(parsed.text).split())
    assert "No wrong spelling of anyone's name was found." in text and "No mention is flagged." in text


def test_a_report_narrowed_to_one_outlet_says_so():
    from analysis.reports import for_outlet

    narrowed = for_outlet(hostile_report(), "courier")
    text = " ".join("".join(_Page(render_html(narrowed)).text).split())
    assert f"This copy covers one outlet only: Courier {IMG}." in text


def test_rendering_is_pure():
    report = hostile_report()
    before = copy.deepcopy(report)
    assert render_html(report) == render_html(report)
    assert report == before


# --- real Chromium ----------------------------------------------------------------------------------

class _NetworkTrap:
    """A TCP listener given to Chromium as its proxy for everything, loopback included: any HTTP(S)
    request Chromium makes, from the page or from the browser itself, arrives here and is counted."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.sock.getsockname()[1]}"

    def _accept(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            conn.settimeout(0.5)
            try:
                self.connections.append(conn.recv(512))
            except OSError:
                self.connections.append(b"")
            conn.close()

    def close(self):
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: the HTML report test needs Debian's chromium; "
                    "`make system-deps` installs it (apt-get install --no-install-recommends chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: `pip install -e '.[test]'` (never `playwright install`)")
    trap = _NetworkTrap()
    profile = tmp_path_factory.mktemp("chromium-profile")
    args = CHROMIUM_ARGS + [f"--proxy-server=http://{trap.address}", "--proxy-bypass-list=<-loopback>"]
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=args, headless=True,
            # JavaScript stays on: "nothing executes" must come from escaping and the CSP, not from a switch.
            viewport={"width": 1100, "height": 900}, java_script_enabled=True)
        try:
            yield context, trap
        finally:
            context.close()
            trap.close()


@pytest.fixture(scope="module")
def crawled_hostile_report(nlp, tmp_path_factory) -> dict:
    """The hostile site served on loopback, crawled by the real crawler, analysed and reported."""
    from newsclaims import jobs, store
    from newsclaims.config import load_story
    from newsclaims.demo import DemoServer
    from tests.conftest import crawl

    tmp = tmp_path_factory.mktemp("hostile")
    with DemoServer(build_hostile_site()) as server:
        config_path = tmp / "hostile.toml"
        config_path.write_text(story_toml(server.origins), encoding="utf-8")
        crawl(config_path, tmp / "hostile.db")
    db = store.open_store(tmp / "hostile.db")
    try:
        jobs.analyse(db, load_story(config_path), nlp)
        return jobs.build_report(db, "hostile")
    finally:
        db.close()


_INSPECT = """() => {
  const svgs = [...document.querySelectorAll('svg')].map(s => {
    const box = s.getBoundingClientRect();
    return {children: s.childElementCount, width: box.width, height: box.height,
            shapes: s.querySelectorAll('circle, rect, line').length,
            title: (s.querySelector(':scope > title') || {}).textContent || '',
            desc: (s.querySelector(':scope > desc') || {}).textContent || ''};
  });
  const handlers = [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on')));
  return {
    pwned: typeof window.pwned,
    csp: (document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || null,
    active: document.querySelectorAll('script, img, iframe, object, embed, link, base, form').length,
    handlers: handlers.length,
    hrefs: [...document.querySelectorAll('[href]')].map(a => [a.getAttribute('href'), a.getAttribute('rel')]),
    styled: getComputedStyle(document.getElementById('errors-h')).borderBottomStyle,
    svgs: svgs,
  };
}"""


def _open_in_chromium(browser, html: str, path: Path) -> dict:
    context, trap = browser
    path.write_text(html, encoding="utf-8")
    page = context.new_page()
    requests, dialogs, console, errors = [], [], [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    before = len(trap.connections)
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_timeout(300)  # time for anything deferred (there should be nothing) to fire
    found = page.evaluate(_INSPECT)
    found.update(requests=requests, dialogs=dialogs, console=console, errors=errors,
                 network=trap.connections[before:], body=page.inner_text("body"))
    page.screenshot(path=str(path.with_suffix(".png")), full_page=True)
    page.close()
    return found


def _assert_inert(found: dict, path: Path, charts: int) -> None:
    assert found["requests"] == [path.as_uri()], found["requests"]
    assert found["network"] == [], found["network"]
    assert found["pwned"] == "undefined" and found["dialogs"] == [] and found["errors"] == []
    assert found["console"] == []  # no CSP violation either: the stylesheet hash matches
    assert found["styled"] == "solid"  # ... and the stylesheet did apply
    assert found["csp"] and "default-src 'none'" in found["csp"] and "script-src 'none'" in found["csp"]
    assert found["active"] == 0 and found["handlers"] == 0
    for href, rel in found["hrefs"]:
        assert href.startswith("#") or (re.match(r"^https?://", href) and rel == "noopener noreferrer"), href
    assert SCRIPT in found["body"] and IMG in found["body"]
    assert len(found["svgs"]) == charts
    for svg in found["svgs"]:
        assert svg["children"] > 2 and svg["shapes"] >= 1, svg
        assert svg["width"] > 100 and svg["height"] > 40, svg
        assert svg["title"] and svg["desc"], svg
    assert path.with_suffix(".png").stat().st_size > 10_000


def test_crawled_hostile_site_report_is_inert_in_chromium(browser, crawled_hostile_report, tmp_path):
    report = crawled_hostile_report
    # The payloads went through the real pipeline into the report as text ...
    uses = report["errors"][0]["uses"]
    assert {u["outlet_name"] for u in uses} == {HOSTILE_NAME}
    assert any(SCRIPT in (u["title"] or "") for u in uses)
    assert any(u["url"].endswith(HOSTILE_PATH) for u in uses) and any(u["url"].endswith(QUOTE_PATH) for u in uses)
    sentences = " ".join(m["sentence"] or "" for m in report["flagged_mentions"])
    assert SCRIPT in sentences and IMG in sentences and "Pat Reed <img" in sentences  # body and byline
    assert len(report["errors"][0]["first_use"]) == 2  # two day-only dates on one day: a tie

    path = tmp_path / "report.html"
    found = _open_in_chromium(browser, render_html(report, snapshot_base="http://127.0.0.1:8001/newsclaims"), path)
    _assert_inert(found, path, charts=4)  # three charts and the error's cascade picture
    cascade = [svg for svg in found["svgs"] if svg["title"].startswith("Who copied")]
    assert len(cascade) == 1 and HOSTILE_NAME in cascade[0]["desc"]  # the outlet's name, escaped as SVG text
    assert HOSTILE_NAME in found["body"]
    hrefs = [href for href, _ in found["hrefs"]]
    assert any(h.endswith(HOSTILE_PATH) for h in hrefs)  # percent-encoded, so a plain http link
    assert not any(h.endswith(QUOTE_PATH) for h in hrefs) and QUOTE_PATH in found["body"]  # a bare ' : text only
    assert "First used — a tie between 2 articles" in found["body"]


def test_hand_written_hostile_report_is_inert_in_chromium(browser, tmp_path):
    path = tmp_path / "report.html"
    found = _open_in_chromium(browser, render_html(hostile_report()), path)
    _assert_inert(found, path, charts=3)
    assert QUOTE in found["body"] and JS_URL in found["body"]
    assert any(SCRIPT in svg["desc"] for svg in found["svgs"])  # a surface, escaped inside an SVG


def test_the_network_trap_sees_what_a_page_asks_for(browser, tmp_path):
    """The positive control, run last: the same browser does reach the trap when a page asks for
    something, and nothing else reached it during the whole session (browser start-up included)."""
    context, trap = browser
    path = tmp_path / "control.html"
    path.write_text('<!DOCTYPE html><img src="http://control.invalid/pixel.png" alt="">', encoding="utf-8")
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_timeout(200)
    for _ in range(50):
        if any(b"control.invalid" in c for c in trap.connections):
            break
        page.wait_for_timeout(100)
    page.close()
    assert any(b"control.invalid" in c for c in trap.connections), trap.connections
    assert [c for c in trap.connections if b"control.invalid" not in c] == []
