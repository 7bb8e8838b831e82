"""Read and validate corpus.toml, the one source of the FICTIONAL demo corpus (Fernhollow, Harrow County).

:func:`load` turns the TOML into a :class:`Corpus`, resolves ``"@copy N"`` paragraphs (a verbatim copy
of paragraph N of the article named in ``copies``, so copied text is never retyped) and refuses an
inconsistent source: unmarked person names, unknown ids, copies published before their source, pages
nothing links to. Every later stage (pages, feeds, truth) can then trust the corpus. Pure: reads one
file, no network.
"""
from __future__ import annotations

import re
import tomllib
from datetime import datetime
from pathlib import Path

from newsclaims import DATA_DIR
from newsclaims.demo.markup import blank_markup, parse_markup, raw_fields
from newsclaims.demo.model import OFFSITE, Article, Corpus, CorpusError, Outlet

DEFAULT_SOURCE: Path = DATA_DIR / "demo/corpus.toml"

_COPY_RE = re.compile(r"@copy (\d+)\Z")


def _parse_dt(value: str, where: str) -> str:
    try:
        dt = datetime.fromisoformat(value)
    except ValueError as exc:
        raise CorpusError(f"{where}: bad published {value!r}") from exc
    if dt.utcoffset() is None:
        raise CorpusError(f"{where}: published {value!r} lacks a UTC offset")
    return value


def _make_outlet(raw: dict) -> Outlet:
    known = {"slug", "name", "authoritative", "feed", "sitemap", "robots_disallow", "style"}
    unknown = set(raw) - known
    if unknown:
        raise CorpusError(f"outlet {raw.get('slug')}: unknown keys {sorted(unknown)}")
    return Outlet(
        slug=raw["slug"],
        name=raw["name"],
        authoritative=bool(raw.get("authoritative", False)),
        style=raw["style"],
        feed=raw.get("feed"),
        sitemap=bool(raw.get("sitemap", False)),
        robots_disallow=list(raw.get("robots_disallow", [])),
    )


_ARTICLE_KEYS = {
    "outlet", "path", "title", "published", "author", "paragraphs", "description",
    "keywords", "copies", "boilerplate_related", "comments", "off_topic", "homepage", "section",
    "canonical", "second_version",
}
#: What a second version says about its change: a visible notice, or none (a stealth edit).
SECOND_KINDS = ("visible", "stealth")
_KEEP_RE = re.compile(r"@keep (\d+)\Z")
#: The visible notices a "visible" second version must carry at the start of a paragraph.
_NOTICE_RE = re.compile(r"(?:Correction|Clarification|Editor's note):")


def _make_article(raw: dict, where: str) -> Article:
    unknown = set(raw) - _ARTICLE_KEYS
    if unknown:
        raise CorpusError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("outlet", "path", "title", "published", "author", "paragraphs"):
        if key not in raw:
            raise CorpusError(f"{where}: missing {key!r}")
    if not raw["path"].startswith("/") or "?" in raw["path"] or "#" in raw["path"]:
        raise CorpusError(f"{where}: bad path {raw['path']!r}")
    related = []
    for rel in raw.get("boilerplate_related", []):
        related.append(dict(rel))
    return Article(
        outlet=raw["outlet"],
        path=raw["path"],
        title=raw["title"],
        published=_parse_dt(raw["published"], where),
        author=raw["author"],
        paragraphs=list(raw["paragraphs"]),
        description=raw.get("description"),
        keywords=list(raw.get("keywords", [])),
        related=related,
        comments=[dict(c) for c in raw.get("comments", [])],
        off_topic=bool(raw.get("off_topic", False)),
        homepage=bool(raw.get("homepage", True)),
        copies=dict(raw["copies"]) if raw.get("copies") else None,
        section=raw.get("section"),
        canonical=dict(raw["canonical"]) if raw.get("canonical") else None,
        second=_second_version(raw.get("second_version"), raw["paragraphs"], raw["published"], where),
    )


def _second_version(raw: dict | None, first: list[str], published: str, where: str) -> dict | None:
    """The page's phase-2 version: `modified` (after `published`), `kind` (visible | stealth) and its
    paragraphs, where "@keep N" is paragraph N of the first version as written (copies are resolved
    later, so keep only the article's own paragraphs)."""
    if not raw:
        return None
    unknown = set(raw) - {"modified", "kind", "paragraphs"}
    if unknown:
        raise CorpusError(f"{where}.second_version: unknown keys {sorted(unknown)}")
    modified = _parse_dt(raw["modified"], f"{where}.second_version")
    if datetime.fromisoformat(modified) <= datetime.fromisoformat(published):
        raise CorpusError(f"{where}.second_version: modified {modified} is not after published {published}")
    if raw.get("kind") not in SECOND_KINDS:
        raise CorpusError(f"{where}.second_version: kind must be one of {SECOND_KINDS}, got {raw.get('kind')!r}")
    paragraphs = []
    for p in raw["paragraphs"]:
        keep = _KEEP_RE.match(p)
        if keep and not 0 <= int(keep.group(1)) < len(first):
            raise CorpusError(f"{where}.second_version: {p!r} out of range")
        if keep and _COPY_RE.match(first[int(keep.group(1))]):
            raise CorpusError(f"{where}.second_version: {p!r} keeps a copied paragraph")
        paragraphs.append(first[int(keep.group(1))] if keep else p)
    noticed = any(_NOTICE_RE.match(p) for p in paragraphs)
    if noticed != (raw["kind"] == "visible"):
        raise CorpusError(f"{where}.second_version: kind {raw['kind']!r} but a notice paragraph "
                          f"(Correction: ...) is {'present' if noticed else 'missing'}")
    return {"modified": modified, "kind": raw["kind"], "paragraphs": paragraphs}


def load(source: Path = DEFAULT_SOURCE) -> Corpus:
    data = tomllib.loads(Path(source).read_text(encoding="utf-8"))
    outlets = [_make_outlet(o) for o in data["outlets"]]
    offsite = _make_outlet({**data["offsite"], "slug": OFFSITE})
    corpus = Corpus(
        story=data["story"],
        people=data["people"],
        claims=data["claims"],
        outlets=outlets,
        offsite=offsite,
        articles=[],
        extra_pages=[],
        excluded=[],
    )
    slugs = [o.slug for o in outlets]
    if len(set(slugs)) != len(slugs) or OFFSITE in slugs:
        raise CorpusError("outlet slugs must be unique and not 'offsite'")
    for i, raw in enumerate(data["articles"]):
        art = _make_article(raw, f"articles[{i}]")
        if art.outlet not in slugs:
            raise CorpusError(f"articles[{i}]: unknown outlet {art.outlet!r}")
        corpus.articles.append(art)
    for i, raw in enumerate(data["excluded"]):
        ex = dict(raw)
        if "page" in ex:
            page = dict(ex.pop("page"))
            page.setdefault("outlet", ex["outlet"])
            page.setdefault("path", ex["path"])
            page.setdefault("homepage", False)
            art = _make_article(page, f"excluded[{i}].page")
            art.excluded_reason = ex["reason"]
            corpus.extra_pages.append(art)
        corpus.excluded.append(ex)
    for art in corpus.articles + corpus.extra_pages:
        if art.key in corpus.by_key:
            raise CorpusError(f"duplicate page {art.key}")
        corpus.by_key[art.key] = art
    _resolve_copies(corpus)
    _validate(corpus)
    return corpus


def _resolve_copies(corpus: Corpus) -> None:
    """Replace "@copy N" paragraphs by the (resolved) source paragraph strings."""
    done: set[tuple[str, str]] = set()
    active: set[tuple[str, str]] = set()

    def resolve(art: Article) -> None:
        if art.key in done:
            return
        if art.key in active:
            raise CorpusError(f"copy cycle at {art.key}")
        active.add(art.key)
        directives = [(_COPY_RE.match(p), p) for p in art.paragraphs]
        if any(m for m, _ in directives) and not art.copies:
            raise CorpusError(f"{art.key}: '@copy' paragraphs without 'copies'")
        if art.copies:
            src_key = (art.copies["outlet"], art.copies["path"])
            src = corpus.by_key.get(src_key)
            if src is None or src.excluded_reason:
                raise CorpusError(f"{art.key}: unknown copy source {src_key}")
            resolve(src)
            wanted = list(art.copies["paragraphs"])
            for n in art.copies.get("reworded", []):
                if not 0 <= n < len(src.paragraphs) or n in wanted:
                    raise CorpusError(f"{art.key}: reworded index {n} out of range or also copied verbatim")
            used = [int(m.group(1)) for m, _ in directives if m]
            if sorted(used) != sorted(wanted) or len(set(used)) != len(used):
                raise CorpusError(f"{art.key}: '@copy' paragraphs {used} != copies.paragraphs {wanted}")
            for n in used:
                if not 0 <= n < len(src.paragraphs):
                    raise CorpusError(f"{art.key}: copy index {n} out of range")
            syndicated = art.canonical is not None and (art.canonical["outlet"], art.canonical["path"]) == src_key
            if src.dt > art.dt or (src.dt == art.dt and not syndicated):
                # A syndicated copy (its canonical names the source) may carry the source's own time.
                raise CorpusError(f"{art.key}: copy published before its source")
            art.paragraphs = [src.paragraphs[int(m.group(1))] if m else p for m, p in directives]
        active.discard(art.key)
        done.add(art.key)

    for art in corpus.articles + corpus.extra_pages:
        resolve(art)



def _name_tokens(corpus: Corpus) -> re.Pattern[str]:
    """Every token of every person's names and error forms (to catch unmarked mentions)."""
    tokens: set[str] = set()
    for p in corpus.people:
        for name in [p["canonical"], *p.get("accepted", []), *p.get("error_forms", [])]:
            tokens.update(name.split())
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, tokens))) + r")\b", re.I)


def _validate(corpus: Corpus) -> None:
    people = {p["id"] for p in corpus.people}
    name_rx = _name_tokens(corpus)
    person_rx = {p["id"]: re.compile(r"\b(?:" + "|".join(
        re.escape(t) for n in [p["canonical"], *p.get("accepted", []), *p.get("error_forms", [])] for t in n.split()
    ) + r")\b", re.I) for p in corpus.people}
    claims = {c["id"]: c for c in corpus.claims}
    feed_only = {a.key for a in corpus.articles if not a.homepage}
    for art in corpus.articles + corpus.extra_pages:
        where = f"{art.outlet}{art.path}"
        for fld, raw in raw_fields(art):
            if "{{" in raw or "}}" in raw:
                raise CorpusError(f"{where}: placeholders are not allowed in content ({fld})")
            _, spans = parse_markup(raw, where)
            unmarked = name_rx.search(blank_markup(raw))
            if unmarked:
                raise CorpusError(f"{where}: unmarked name {unmarked.group(0)!r} in {fld}: {raw!r}")
            for sp in spans:
                if sp.kind == "person" and sp.ref not in people:
                    raise CorpusError(f"{where}: unknown person {sp.ref!r}")
                if sp.kind == "person" and not person_rx[sp.ref].search(sp.surface):
                    raise CorpusError(f"{where}: surface {sp.surface!r} names no form of {sp.ref}")
                if sp.kind == "claim":
                    c = claims.get(sp.ref)
                    if c is None or sp.value not in (str(c["correct"]), str(c["wrong"])):
                        raise CorpusError(f"{where}: bad claim {sp.ref}={sp.value}")
                if art.off_topic and sp.kind == "person":
                    raise CorpusError(f"{where}: off-topic article mentions {sp.ref}")
        for p in (art.second or {}).get("paragraphs", []):
            _, spans = parse_markup(p, where)
            unmarked = name_rx.search(blank_markup(p))
            if unmarked:
                raise CorpusError(f"{where}: unmarked name {unmarked.group(0)!r} in its second version: {p!r}")
            if any(sp.kind == "person" and sp.ref not in people for sp in spans):
                raise CorpusError(f"{where}: unknown person in its second version")
        if art.canonical is not None and (art.canonical["outlet"], art.canonical["path"]) not in corpus.by_key:
            raise CorpusError(f"{where}: canonical names no article {art.canonical}")
        outlet = corpus.outlet(art.outlet)
        if not art.homepage and not art.excluded_reason and not (outlet.feed or outlet.sitemap):
            raise CorpusError(f"{where}: not on homepage and the outlet has no feed/sitemap")
        for rel in art.related:
            if "outlet" in rel and (rel["outlet"], rel["path"]) in feed_only:
                raise CorpusError(f"{where}: related link to feed/sitemap-only article {rel['path']}")
    for ex in corpus.excluded:
        if ex["reason"] not in ("offsite", "robots", "not-article", "tracking-duplicate"):
            raise CorpusError(f"excluded: bad reason {ex['reason']!r}")
        if ex["reason"] == "tracking-duplicate" and (ex["outlet"], ex["path"]) not in corpus.by_key:
            raise CorpusError(f"excluded: tracking link to unknown article {ex['path']}")
        if ex["reason"] == "robots":
            if not any(ex["path"].startswith(d) for d in corpus.outlet(ex["outlet"]).robots_disallow):
                raise CorpusError(f"excluded: {ex['path']} is not disallowed by robots.txt")
    for art in corpus.articles:
        if any(art.path.startswith(d) for d in corpus.outlet(art.outlet).robots_disallow):
            raise CorpusError(f"{art.outlet}{art.path}: article disallowed by robots.txt")

