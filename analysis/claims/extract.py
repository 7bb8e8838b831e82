"""Claims from one field of one article version: dates, counts, quotes, attributions, roles, details.

The input is a spaCy Doc of the field's text (full pipeline: the rules read the dependency parse and
the entities) and the field's person mentions with their clusters. The output is plain dicts, sorted
by position, so the same text gives the same claims.
"""
from __future__ import annotations

import logging

from analysis.claims.context import Context, usable
from analysis.claims.details import detail_claims
from analysis.claims.events import count_claims, date_claims
from analysis.claims.quotes import quote_claims
from analysis.claims.roles import role_claims

logger = logging.getLogger(__name__)

KINDS = ("date", "count", "quote", "attribution", "role", "detail")
_RULES = (date_claims, count_claims, role_claims, detail_claims)


def extract_claims(doc, *, field: str, version: int, published: str | None, article_url: str, outlet: str,
                   people: dict) -> list[dict]:
    """Every claim the field states, each traceable to its exact words.

    ``people`` maps a mention's ``(start, end)`` offsets in this field to ``{"cluster_id", "canonical"}``;
    a claim about a person carries the cluster, so "Kranston" and "Cranston" meet when they are one
    cluster. ``published`` (``YYYY-MM-DD`` or ``YYYY-MM`` or None) anchors relative dates.

    A sentence that trips a rule (odd parse, odd characters) loses that rule's claims and is logged;
    extraction of the rest goes on, since one bad sentence must not cost an article its claims.
    """
    ctx = Context(doc, people or {}, published)
    claims: list[dict] = []
    for sent in doc.sents:
        if not usable(sent, ctx):
            continue
        for rule in _RULES:
            try:
                claims.extend(rule(sent, ctx))
            except (IndexError, KeyError, ValueError, AttributeError, TypeError) as error:  # pragma: no cover
                logger.warning("claims: %s skipped a sentence of %s (%s): %r", rule.__name__, article_url, error,
                               sent.text[:80])
    try:
        claims.extend(quote_claims(ctx))
    except (IndexError, KeyError, ValueError, AttributeError, TypeError) as error:  # pragma: no cover
        logger.warning("claims: quotes skipped in %s (%s)", article_url, error)
    unique = {}
    for claim in claims:
        claim.update(field=field, version=version, url=article_url, outlet=outlet, published=published)
        key = (claim["kind"], claim["slot"], _key(claim["value"]), claim["start"], claim["end"],
               _key(claim["subject"]))
        unique.setdefault(key, claim)
    return sorted(unique.values(), key=lambda c: (c["start"], c["end"], c["kind"], c["slot"]))


def _key(value) -> str:
    if isinstance(value, dict):
        return repr(sorted(value.items()))
    return repr(value)
