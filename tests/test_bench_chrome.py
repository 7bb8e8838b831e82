"""bench/chrome.py on the smoke pages, in process with the session's model: names from page chrome
(credits, bios, newsletter boxes, e-mail addresses) are measured, and none of them is flagged."""
from __future__ import annotations

import importlib.util

from newsclaims import ROOT


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_chrome", ROOT / "bench/chrome.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_name_from_page_chrome_is_flagged_on_real_pages(nlp):
    bench = load_bench()
    from bench.extraction import load_truths

    truths = load_truths(smoke=True)
    pages = [bench.page_chrome(nlp, truth) for truth in truths]
    assert len(pages) == len(truths) and all(p["extracted"] for p in pages)
    assert sum(p["mentions"] for p in pages) > 0
    assert [c for p in pages for c in p["chrome"] if c["flagged"]] == []
