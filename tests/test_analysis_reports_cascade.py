"""The cascade picture of an error (analysis.reports.cascade) on a hand-built report whose truth is how
it was built: two chains of one error, a corrected origin, an undated use, and hostile outlet names
that must come out as escaped SVG text (the SVG is XML, and parses as such)."""
from __future__ import annotations

import re

from lxml import etree

from analysis.reports import render_html
from analysis.reports.cascade import cascade_charts

HOSTILE = 'Evil <script>alert(1)</script> & "Co"'


def _report() -> dict:
    def use(url, outlet, published):
        return {"url": url, "outlet": outlet, "outlet_name": outlet, "published": published}

    uses = [use("http://a.test/1", "Alpha", "2026-03-03T08:00:00+00:00"),
            use("http://b.test/1", HOSTILE, "2026-03-03T12:00:00+00:00"),
            use("http://c.test/1", "Gamma", "2026-03-04"),
            use("http://b.test/2", HOSTILE, "2026-03-05T09:00:00+00:00"),
            use("http://d.test/1", "Delta", None)]
    chains = [
        {"origin_url": "http://a.test/1", "member_urls": ["http://a.test/1", "http://b.test/1"], "confidence": 1.0,
         "edges": [{"source_url": "http://a.test/1", "target_url": "http://b.test/1", "kind": "copied"}],
         "corrected": [{"url": "http://a.test/1", "to_version": 2, "observed_at": "2026-03-06T00:00:00+00:00",
                        "kind": "visible"}]},
        {"origin_url": "http://c.test/1", "member_urls": ["http://c.test/1", "http://b.test/2"], "confidence": 0.6,
         "edges": [{"source_url": "http://c.test/1", "target_url": "http://b.test/2", "kind": "copied"}],
         "corrected": []},
        {"origin_url": "http://d.test/1", "member_urls": ["http://d.test/1"], "confidence": 0.4, "edges": [],
         "corrected": []},
    ]
    return {"errors": [{"cluster_id": "s/p", "canonical": "Ellen Cranston", "form": "Kranston", "uses": uses}],
            "propagation": [{"error": {"kind": "name", "form": "Kranston", "canonical": "Ellen Cranston",
                                       "cluster_id": "s/p"}, "origins": [], "chains": chains}],
            "copies": [{"source_url": "http://c.test/1", "target_url": "http://b.test/2", "direction": "uncertain"}]}


def test_one_mark_per_use_origins_ringed_corrections_hollow_and_copies_as_arrows():
    report = _report()
    ids = iter(range(1, 10))
    [chart] = cascade_charts(report, lambda: f"chart-{next(ids)}")
    marks = {m["url"]: m for m in chart["marks"]}
    assert set(marks) == {u["url"] for u in report["errors"][0]["uses"]}
    assert {u for u, m in marks.items() if m["origin"]} == {c["origin_url"] for c in report["propagation"][0]["chains"]}
    assert {u for u, m in marks.items() if m["corrected"]} == {"http://a.test/1"}
    assert {u for u, m in marks.items() if m["uncertain"]} == {"http://c.test/1", "http://d.test/1"}
    assert len(chart["arrows"]) == 2 and [a["uncertain"] for a in chart["arrows"]] == [False, True]
    # outlets down, in order of first use; time across; the undated use in its own column, never guessed
    assert [r["full"] for r in chart["rows"]] == ["Alpha", HOSTILE, "Gamma", "Delta"]
    dated = sorted((m for m in chart["marks"] if m["published"]), key=lambda m: m["x"])
    assert [m["url"] for m in dated] == ["http://a.test/1", "http://b.test/1", "http://c.test/1", "http://b.test/2"]
    assert marks["http://d.test/1"]["x"] == chart["undated_x"] > dated[-1]["x"]


def test_the_picture_is_well_formed_svg_with_every_scraped_string_escaped():
    report = {"schema": "newsclaims.story-report", "schema_version": 2, "generated_at": "2026-03-06T00:00:00+00:00",
              "story": {"slug": "s", "title": "S"}, "summary": {k: 0 for k in (
                  "articles", "outlets", "people", "error_forms", "flagged_mentions", "flagged_articles",
                  "flagged_outlets")}, "people": [], "outlets": [], "flagged_mentions": [], "unattached": [],
              "review": {"open": 0, "confirmed": 0, "dismissed": 0, "new_since_last_run": [], "last_run": None},
              "claims": None, "corrections": [], "absent": {}, **_report()}
    for error in report["errors"]:
        error.update({"surfaces": ["Kranston"], "articles": 5, "outlets": [], "first_use": []})
        for use in error["uses"]:
            use.update({"origin": use["url"][:13], "title": HOSTILE, "date_rule": None, "usage": "uses",
                        "mentions": 1, "version_id": 1, "fetched_at": None, "flag_id": None, "review": None})
    html = render_html(report)
    svg = re.search(r'<section id="cascade".*?(<svg.*?</svg>)', html, re.S).group(1)
    root = etree.fromstring(svg.encode("utf-8"))  # XML: a stray < or & would not parse
    assert "<script" not in svg and HOSTILE in "".join(root.itertext())
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path[@class='copy']")) == 1
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path[@class='copy uncertain']")) == 1
