"""Page-to-record parsing: bytes or HTML in, an `ExtractedPage` out. Knows nothing about spiders or storage.

One module per job, in the order a page goes through them:

- `decode`: bytes to text without mojibake (`decode_html`, `UndecodablePage`);
- `text`: the main text, trafilatura's, repaired where a body is split into chunks;
- `metadata`: title, canonical URL, captions, language, from JSON-LD and `<meta>` first;
- `authors`: the byline;
- `dates` and `datelines`: the published date with its provenance (`RULES`), the modification
  time with its own (`MODIFIED_RULES`), and human-readable
  datelines (`parse_dateline`);
- `scope`: where in the page the article is (shared by captions and dates);
- `pagetype`: whether the page is an article or an index listing articles (`listing_reason`);
- `records`: `ExtractedPage` and `PublishedDate`;
- `core`: `extract_page` and `extract_response`, which run the above.

Metadata prefers what the page declares (JSON-LD, then `<meta>`), because those are the publisher's
own statements, and falls back to trafilatura's heuristics. Dates are the weak field of every
extractor, and later stages order outlets by them ("who was first", or a tie), so each published date
carries its provenance: the value, its precision (an instant, or only a day), whether an offset was
stated, and the rule that produced it. See `RULES` for the order.
"""
from crawler.extract.core import extract_page, extract_response
from crawler.extract.datelines import parse_dateline
from crawler.extract.decode import UndecodablePage, decode_html
from crawler.extract.metadata import ARTICLE_TYPES, detect_language
from crawler.extract.records import MODIFIED_RULES, PAGE_RULES, RULES, ExtractedPage, PublishedDate

__all__ = ["ARTICLE_TYPES", "MODIFIED_RULES", "PAGE_RULES", "RULES", "ExtractedPage", "PublishedDate", "UndecodablePage",
           "decode_html", "detect_language", "extract_page", "extract_response", "parse_dateline"]
