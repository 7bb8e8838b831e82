"""Outlets outside the story that its articles point at: candidates to add to the crawl.

A story config names the outlets crawled, but copying does not stop at its edge: a wire piece is
credited "(AP)", a rewrite links to the page it rewrote, a syndicated copy declares the original as
its canonical URL. Each of those (`crawler.extract.pointers`) names a source the crawl never saw; this
module groups them by outlet, so `newsclaims discover` can list each candidate with the articles that
point there and the kinds of evidence.

Pure: plain records in, plain records out. What is left out, and why (each a general rule):

- an outlet the story already crawls (its origin; a credit naming it or its host): not a candidate;
- the page's own site: another host of the same registered domain (`cdn.`, `static.`, `m.`) serves
  the outlet's own images, scripts and mobile pages, not a source;
- social networks and share links: a share button or an embedded post is not where the text came from;
- infrastructure hosts (CDNs, fonts, analytics, ads, tag managers): they serve the page, not its text.
"""
from __future__ import annotations

import ipaddress
import re
from collections import defaultdict
from urllib.parse import urlsplit

#: Social networks and share services: links to them are share buttons, profiles or embedded posts.
SOCIAL_HOSTS = frozenset({
    "facebook.com", "fb.com", "fb.me", "twitter.com", "x.com", "t.co", "linkedin.com", "lnkd.in", "instagram.com",
    "youtube.com", "youtu.be", "tiktok.com", "pinterest.com", "pin.it", "reddit.com", "redd.it", "whatsapp.com",
    "wa.me", "telegram.me", "t.me", "threads.net", "bsky.app", "tumblr.com", "vk.com", "snapchat.com",
    "flipboard.com", "getpocket.com", "news.google.com", "line.me", "weibo.com", "mastodon.social",
})
#: Hosts that serve pages rather than write them: CDNs, fonts, analytics, ads, tag managers, avatars.
INFRASTRUCTURE_HOSTS = frozenset({
    "cloudfront.net", "akamaihd.net", "akamaized.net", "fastly.net", "cloudflare.com", "jsdelivr.net",
    "googleapis.com", "gstatic.com", "googletagmanager.com", "google-analytics.com", "doubleclick.net",
    "googlesyndication.com", "googleadservices.com", "amazon-adsystem.com", "wp.com", "gravatar.com",
    "disqus.com", "disquscdn.com", "outbrain.com", "taboola.com", "schema.org", "w3.org",
})
#: Second-level labels under a country code that are registries, not sites: "bbc.co.uk" is one site.
_REGISTRY_LABELS = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"})
#: Reasons a pointer is not a candidate, as `discover` reports them.
REASONS = {"crawled": "an outlet the story crawls", "own-site": "the page's own site (another host of its domain)",
           "social": "a social network or share link", "infrastructure": "a CDN, font, analytics or ad host"}


def candidate_outlets(articles: list[dict], outlets: list[dict]) -> dict:
    """Candidate outlets from the pointers of the story's articles.

    articles: [{"url", "origin", "outlet_name" (optional), "pointers": [{"kind", "target", "host"}]}];
    outlets: the story's outlets [{"origin", "name", "slug"}].
    Returns {"candidates": [{"outlet", "key" ("host" | "name"), "articles", "evidence": {kind: articles},
    "pointers": [{"url", "kind", "target"}]}] (most articles first), "excluded": {reason: pointers}}.
    """
    own_hosts = {_origin_host(o["origin"]) for o in outlets}
    own_names = {_name(o["name"]) for o in outlets if o.get("name")} | {_label(h) for h in own_hosts}
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    excluded: dict[str, int] = defaultdict(int)
    for article in articles:
        page_host = _origin_host(article["origin"])
        names = own_names | ({_name(article["outlet_name"])} if article.get("outlet_name") else set())
        for pointer in article.get("pointers") or ():
            if pointer["kind"] == "credit":
                reason = "crawled" if _name(pointer["target"]) in names else None
                key = ("name", pointer["target"])
            else:
                reason = _excluded(pointer["host"], page_host, own_hosts)
                key = ("host", _display_host(pointer["host"]))
            if reason:
                excluded[reason] += 1
                continue
            groups[key].append({"url": article["url"], "kind": pointer["kind"], "target": pointer["target"]})
    merged = _merge_names(groups)
    candidates = []
    for (key, outlet), pointers in merged.items():
        evidence: dict[str, set] = defaultdict(set)
        for pointer in pointers:
            evidence[pointer["kind"]].add(pointer["url"])
        candidates.append({"outlet": outlet, "key": key, "articles": len({p["url"] for p in pointers}),
                           "evidence": {kind: len(urls) for kind, urls in sorted(evidence.items())},
                           "pointers": sorted(pointers, key=lambda p: (p["url"], p["kind"], p["target"]))})
    candidates.sort(key=lambda c: (-c["articles"], c["outlet"].casefold()))
    return {"candidates": candidates, "excluded": dict(sorted(excluded.items()))}


def _merge_names(groups: dict) -> dict:
    """Credits spelled differently ("Example Wire", "the example wire") are one outlet, shown as first met."""
    merged: dict[tuple[str, str], list[dict]] = {}
    shown: dict[str, tuple[str, str]] = {}
    for (key, outlet), pointers in groups.items():
        ident = _name(outlet) if key == "name" else f"host:{outlet}"
        target = shown.setdefault(ident, (key, outlet))
        merged.setdefault(target, []).extend(pointers)
    return merged


def _excluded(host: str | None, page_host: str, own_hosts: set[str]) -> str | None:
    if not host:
        return "infrastructure"
    site = _site(host)
    if site == _site(page_host):
        return "own-site"
    if host in own_hosts or site in {_site(own) for own in own_hosts}:
        return "crawled"
    if site in SOCIAL_HOSTS or _bare(host) in SOCIAL_HOSTS:
        return "social"
    if site in INFRASTRUCTURE_HOSTS or _bare(host) in INFRASTRUCTURE_HOSTS:
        return "infrastructure"
    return None


def _site(host: str) -> str:
    """The registered domain a host belongs to ("cdn.example.co.uk" -> "example.co.uk"); an IP address
    keeps its port (on loopback, outlets differ by port only)."""
    name, _, port = host.partition(":")
    try:
        ipaddress.ip_address(name)
        return host
    except ValueError:
        pass
    labels = name.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _REGISTRY_LABELS:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _bare(host: str) -> str:
    return host.partition(":")[0].removeprefix("www.")


def _label(host: str) -> str:
    """A host's name as a credit would spell it: "www.upi.com" -> "upi"."""
    site = _site(host)
    return site.split(".")[0] if not site[0].isdigit() else site


def _origin_host(origin: str) -> str:
    """`scheme://host:port` as a host with its port when the port is not the scheme's default."""
    parts = urlsplit(origin)
    host = (parts.hostname or "").lower()
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return f"{host}:{parts.port}" if parts.port and parts.port != default else host


def _display_host(host: str) -> str:
    name, _, port = host.partition(":")
    return f"{name.removeprefix('www.')}:{port}" if port else name.removeprefix("www.")


def _name(value: str) -> str:
    """An outlet name as compared: case, punctuation, a leading "the" and "www." ignored."""
    folded = " ".join(re.sub(r"[^\w]+", " ", value.casefold()).split())
    return folded.removeprefix("the ").removeprefix("www ")
