"""crawler/revisit.py: the revisit policy on literal pages and a pinned clock."""
from datetime import datetime, timezone

import pytest

from crawler.page_memory import KnownPage
from crawler.revisit import is_due, is_young, recheck_unprompted

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
YOUNG = "2026-03-09T08:00:00+00:00"  # a day and a bit before NOW
OLD = "2026-02-01T08:00:00+00:00"


def page(status, **values):
    return KnownPage("http://127.0.0.1:8001/news/a.html", status=status, **values)


@pytest.mark.parametrize(("known", "young"), [
    (page("article", published=YOUNG), True),
    (page("article", published=OLD), False),
    (page("article", published="2026-03-08"), True),  # a day is its midnight UTC: 2.5 days old
    (page("article", published="2026-03-07"), False),  # 3.5 days old
    (page("article", published="2026-03-09T08:00:00"), True),  # no offset: read as UTC
    (page("article", first_fetched=YOUNG), True),  # undated: the first fetch stands in
    (page("article", published="not a date", first_fetched=OLD), False),
    (page("article"), True),  # nothing known: treated as young, so it is re-checked
])
def test_young_means_published_or_first_fetched_within_young_days(known, young):
    assert is_young(known, now=NOW, young_days=3) is young


def test_young_articles_are_due_every_run_old_ones_only_when_an_index_changed():
    young, old = page("article", published=YOUNG), page("article", published=OLD, sitemap_lastmod="2026-02-01",
                                                        feed_published="Sun, 01 Feb 2026 08:00:00 GMT")
    assert is_due(young, {}, now=NOW, young_days=3)
    assert not is_due(old, {}, now=NOW, young_days=3)
    assert not is_due(old, {"sitemap_lastmod": "2026-02-01"}, now=NOW, young_days=3)
    assert is_due(old, {"sitemap_lastmod": "2026-03-09"}, now=NOW, young_days=3)
    assert is_due(old, {"feed_published": "Mon, 09 Mar 2026 08:00:00 GMT"}, now=NOW, young_days=3)


@pytest.mark.parametrize("status", ["off-topic", "too-short"])
def test_settled_pages_wait_for_a_changed_index_entry_even_when_young(status):
    known = page(status, published=YOUNG, sitemap_lastmod="2026-03-09")
    assert not is_due(known, {}, now=NOW, young_days=3)
    assert not is_due(known, {"sitemap_lastmod": "2026-03-09"}, now=NOW, young_days=3)
    assert is_due(known, {"sitemap_lastmod": "2026-03-10"}, now=NOW, young_days=3)


@pytest.mark.parametrize("status", ["not-article", "unchanged", "error"])
def test_other_pages_are_always_due_when_named(status):
    assert is_due(page(status, published=OLD), {}, now=NOW, young_days=3)


@pytest.mark.parametrize(("known", "recheck"), [
    (page("article", published=YOUNG), True),
    (page("article", published=OLD), False),
    (page("error", http_status=503, first_fetched=YOUNG), True),  # a passing failure is tried again
    (page("error", http_status=None, first_fetched=YOUNG), True),  # a timeout has no status
    (page("error", http_status=404, first_fetched=YOUNG), False),  # a 404 waits until linked again
    (page("error", http_status=503, first_fetched=OLD), False),
    (page("not-article", first_fetched=YOUNG), False),
    (page("off-topic", first_fetched=YOUNG), False),
])
def test_pages_rechecked_without_an_index_naming_them(known, recheck):
    assert recheck_unprompted(known, now=NOW, young_days=3) is recheck
