"""The bundled, FICTIONAL demo news corpus (Fernhollow, Harrow County) and the server that serves it.

Everything (town, outlets, people, events) is invented. The single source is ``data/demo/corpus.toml``;
from it this package renders every page the demo server serves (:func:`build_site`) and computes the
ground truth (:func:`build_truth`). Rendering is pure: no network, no ports, deterministic output; pages
carry the placeholders ``{{origin:SLUG}}``, ``{{offsite}}``, ``{{nonce}}`` and ``{{now}}``, which only
:class:`DemoServer` fills in.

One module per stage, in data-flow order: ``model`` (records), ``markup`` (the inline markup),
``corpus`` (read and validate corpus.toml), ``formatting`` (dates, escaping, placeholders), ``pages``
(HTML), ``feeds`` (RSS, Atom, sitemap, robots.txt), ``site`` (all pages of all outlets), ``truth``
(truth.json), ``server`` (HTTP on 127.0.0.1). Commands (``__main__`` and ``serve``, not imported here):

    python -m newsclaims.demo --write-truth   # regenerates data/demo/truth.json
    python -m newsclaims.demo.serve           # serves the corpus on the demo story's fixed ports
"""
from newsclaims.demo.corpus import DEFAULT_SOURCE, load
from newsclaims.demo.feeds import render_atom, render_robots, render_rss, render_sitemap
from newsclaims.demo.formatting import attr, esc, fmt_date, origin, xesc
from newsclaims.demo.markup import Span, parse_markup, plain
from newsclaims.demo.model import HTML, OFFSITE, Article, Corpus, CorpusError, Outlet, Page
from newsclaims.demo.pages import render_article, render_home, render_tag_page
from newsclaims.demo.server import HOST, LAST_MODIFIED, DemoServer, PortInUse, demo_ports
from newsclaims.demo.site import build_site
from newsclaims.demo.truth import DEFAULT_TRUTH, FIELDS_USING, build_truth, truth_json

__all__ = [
    "DEFAULT_SOURCE", "DEFAULT_TRUTH", "FIELDS_USING", "HOST", "HTML", "LAST_MODIFIED", "OFFSITE",
    "Article", "Corpus", "CorpusError", "DemoServer", "Outlet", "Page", "PortInUse", "Span",
    "attr", "build_site", "build_truth", "demo_ports", "esc", "fmt_date", "load", "origin", "parse_markup",
    "plain", "render_article", "render_atom", "render_home", "render_robots", "render_rss",
    "render_sitemap", "render_tag_page", "truth_json", "xesc",
]
