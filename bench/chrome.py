"""Page chrome on real pages: do names from text that is not the article reach the analysis?

Reader comments, related-article rails, newsletter boxes and bylines sit around an article; a name in
them is not the outlet's use (a comment "Kranston again? Learn to spell" must not flag the article).
This bench measures that on the 90 real pages of `../shared/data/articles/`, whose ground truth is
the article body as annotated by hand (see its PROVENANCE.md):

1. each page is extracted exactly as the crawl does (`crawler.extract`);
2. its person mentions are found exactly as `newsclaims mentions` does (NER with the real model, the
   second pass, clusters: `newsclaims.jobs.document_mentions`);
3. a mention in the extracted body whose name (folded, whitespace collapsed) does not occur in the
   ground-truth body came from page chrome.

Printed: mentions in the body, those from chrome (count and share), pages with any, each listed, and
the same for the title field against the page's own title where the truth has one. No goal is
asserted: it is a measurement of the extractor and the mention finder together.

    python bench/chrome.py            # all 90 pages
    python bench/chrome.py --smoke    # 10 pages, for the test suite
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.names import fold  # noqa: E402
from bench.extraction import ARTICLES, load_truths  # noqa: E402


def squash(text: str) -> str:
    """Folded, whitespace collapsed: how a name is looked up in the truth body."""
    return " ".join(fold(text).split())


def page_chrome(nlp, truth, root: Path = ARTICLES) -> dict:
    """The body mentions of one page and which of them are absent from its ground-truth body."""
    from crawler.extract import extract_response
    from newsclaims.jobs import document_mentions

    body = gzip.decompress((root / truth.file).read_bytes())
    page = extract_response(body, "text/html; charset=utf-8", truth.url)
    if page is None:
        return {"id": truth.id, "url": truth.url, "extracted": False, "mentions": 0, "chrome": []}
    rows = [r for r in document_mentions(nlp, {"text": page.text or "", "title": page.title or ""}) if r["field"] == "text"]
    expected = squash(truth.body)
    chrome = [r for r in rows if squash(r["surface"]) not in expected]
    return {"id": truth.id, "url": truth.url, "extracted": True, "mentions": len(rows),
            "chrome": [{"surface": r["surface"], "context": squash((page.text or "")[max(0, r["start"] - 40):r["end"] + 40]),
                        "flagged": r["flagged"]} for r in chrome]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="10 pages (the test suite's run)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of lines")
    args = parser.parse_args(argv)
    from newsclaims.nlp import load_model

    started = time.monotonic()
    nlp = load_model()
    pages = [page_chrome(nlp, truth) for truth in load_truths(smoke=args.smoke)]
    total = sum(p["mentions"] for p in pages)
    chrome = sum(len(p["chrome"]) for p in pages)
    flagged = sum(c["flagged"] for p in pages for c in p["chrome"])
    summary = {"pages": len(pages), "not_extracted": sum(not p["extracted"] for p in pages), "mentions": total,
               "chrome_mentions": chrome, "chrome_share": round(chrome / total, 4) if total else None,
               "chrome_flagged": flagged, "pages_with_chrome_mentions": sum(bool(p["chrome"]) for p in pages),
               "elapsed_s": round(time.monotonic() - started, 1)}
    if args.json:
        print(json.dumps({"summary": summary, "pages": pages}, indent=1, ensure_ascii=False))
        return 0
    for p in pages:
        for c in p["chrome"]:
            print(f"chrome {p['id'][:10]} {c['surface']!r}{' FLAGGED' if c['flagged'] else ''}: ...{c['context']}...")
    for key, value in summary.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
