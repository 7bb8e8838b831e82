"""URL canonicalisation: one URL per article, whatever tracking parameters a link carried."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

from w3lib.url import canonicalize_url, url_query_cleaner

#: Query parameters that only say where a click came from. `utm_*` is matched as a prefix.
TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "ocid",
    "cmpid", "ito", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "ref_src",
})


@lru_cache(maxsize=65536)
def clean_url(url: str) -> str:
    """Strip tracking parameters and the fragment, then canonicalise (sorted query, normalised escapes).

    >>> clean_url("http://127.0.0.1:8000/news/a.html?utm_source=x&b=2&a=1#top")
    'http://127.0.0.1:8000/news/a.html?a=1&b=2'
    """
    keys = {key for key, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)}
    tracking = [key for key in keys if key.lower() in TRACKING_PARAMETERS or key.lower().startswith("utm_")]
    if tracking:
        url = url_query_cleaner(url, tracking, remove=True, keep_fragments=False)
    return canonicalize_url(url)
