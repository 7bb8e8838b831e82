"""Reports of big stories: roll-ups per error form and outlet instead of thousands of rows, and the
HTML use order computed by binary search, checked against the all-pairs definition it replaced."""
from __future__ import annotations

import random

from analysis.dates import surely_after
from analysis.reports import render_html, render_markdown
from analysis.reports.html import use_positions
from analysis.reports.markdown import ROLLUP_AFTER
from tests.test_analysis_reports_html import hostile_report


def test_positions_agree_with_the_all_pairs_definition():
    rng = random.Random(15)
    for _ in range(200):
        uses = []
        for _ in range(rng.randint(1, 25)):
            day = f"2026-03-{rng.randint(1, 4):02d}"
            kind = rng.random()
            if kind < 0.3:
                published = day
            elif kind < 0.4:
                published = None
            elif kind < 0.5:
                published = f"{day}T{rng.randint(0, 23):02d}:00:00"
            else:
                published = f"{day}T{rng.randint(0, 23):02d}:{rng.choice(['00', '30'])}:00{rng.choice(['+00:00', '-05:00', '+09:00'])}"
            uses.append({"published": published})
        counted = sorted(rng.sample(range(len(uses)), rng.randint(1, len(uses))))
        slow = {i: 1 + sum(surely_after(uses[i]["published"], uses[j]["published"]) for j in counted) for i in counted}
        assert use_positions(uses, counted) == slow


def _big_report(n: int) -> dict:
    report = hostile_report()
    error = report["errors"][0]
    template = error["uses"][0]
    error["uses"] = [{**template, "url": f"https://example.org/{k}", "title": f"Story {k}",
                      "outlet_name": f"Outlet {k % 3}", "published": f"2026-03-{1 + k % 28:02d}T10:00:00+00:00",
                      "flag_id": f"f{k}"} for k in range(n)]
    mention = report["flagged_mentions"][0]
    report["flagged_mentions"] = [{**mention, "flag_id": f"m{k}", "outlet_name": f"Outlet {k % 3}",
                                   "note": "checked" if k == n - 1 else None} for k in range(n)]
    return report


def test_a_big_story_rolls_up_per_outlet_and_points_to_the_full_lists():
    report = _big_report(ROLLUP_AFTER * 4)
    markdown = render_markdown(report)
    assert "rolled up per outlet" in markdown and "--format csv" in markdown
    assert markdown.count("https://example.org/") < ROLLUP_AFTER * 2
    assert "| Outlet 0 | 34 |" in markdown
    assert markdown.count("Review note: “checked”") == 1  # the noted mention is shown though past the cut
    html = render_html(report)
    assert html.count('class="rollup"') == 2 and "The first 25 of 100 articles are listed" in html
    small = render_markdown(_big_report(3))
    assert "rolled up" not in small and small.count("https://example.org/") >= 3
