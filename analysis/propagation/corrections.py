"""Corrections: what each new version of an article dropped or added, and how it said so.

A version is compared with the one before it. What matters is the error forms (and, once claims exist,
claim values) each carries: those the new version no longer has were *dropped* (corrected), those it
has for the first time were *added*. The kind says how:

- `removed`: the page disappeared or shrank to (almost) nothing; whatever it carried is gone, and that
  is a removal, not a correction;
- `visible`: the new version carries a notice the old one did not ("Correction:", "Clarification:",
  "Editor's note:", "This article has been updated ...");
- `stealth`: the error went (or came) without a word.

Why keep every transition: an outlet that fixed an error silently still published it, and whoever
copied the old version still carries it; the record must say both.

>>> versions = [{"version": 1, "observed_at": "2026-03-03T10:00:00+00:00",
...              "text": "Mayor Ellen Kranston said. " * 10, "errors": ["kranston"]},
...             {"version": 2, "observed_at": "2026-03-04T10:00:00+00:00",
...              "text": "Mayor Ellen Cranston said. " * 10, "errors": []}]
>>> [(c["kind"], c["dropped"], c["to_version"]) for c in find_corrections({"url": "u", "outlet": "o", "versions": versions})]
[('stealth', ['kranston'], 2)]
"""
from __future__ import annotations

import re

#: A visible notice of a correction or an update, as newsrooms write them at the top or bottom of a piece.
NOTICE = re.compile(
    r"(?im)^\W*(?:correction|clarification|editor[’']s note|update[d]?)\s*[:.—–-]"
    r"|this (?:article|story|report|post) (?:has been|was) (?:updated|corrected|amended|changed)"
    r"|(?:an earlier|a previous) version of this (?:article|story|report|post)")
#: A new version this short (in characters of text), or this small a share of the old one, is a removal.
REMOVED_CHARS = 200
REMOVED_SHARE = 0.1


def find_corrections(article: dict) -> list[dict]:
    """The transitions of one article's versions that dropped or added something, or removed the page.

    article: {"url", "outlet", "versions": [{"version" (ordinal, 1 = first fetched), "observed_at",
    "text", "errors": [error forms or claim values, as strings]}]} in any order.
    """
    versions = sorted(article["versions"], key=lambda v: v["version"])
    out = []
    for old, new in zip(versions, versions[1:]):
        before, after = set(old.get("errors") or ()), set(new.get("errors") or ())
        text, previous = new.get("text") or "", old.get("text") or ""
        removed = len(text.strip()) < REMOVED_CHARS or len(text) < REMOVED_SHARE * len(previous)
        dropped, added = sorted(before - after), sorted(after - before)
        if removed:
            dropped, added = sorted(before), []
        elif not dropped and not added:
            continue
        kind = "removed" if removed else "visible" if _notice(text) and not _notice(previous) else "stealth"
        out.append({"url": article["url"], "outlet": article.get("outlet"), "from_version": old["version"],
                    "to_version": new["version"], "observed_at": new.get("observed_at"), "kind": kind,
                    "dropped": dropped, "added": added})
    return out


def _notice(text: str) -> bool:
    return bool(NOTICE.search(text))
