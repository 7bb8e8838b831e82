"""Stored versions as WARC: the raw answers the crawl received, in the web archives' own format.

Why: a correction changes a page; the store kept each answer as received (status, headers, the body
gzipped), and a WARC file lets anyone replay or check them with standard tools (pywb, warcio,
replayweb) to prove what a page said before it changed. One `warcinfo` record names newsclaims and
the story; then per version a `response` record (the URL fetched, WARC-Date = when it was fetched, the
HTTP status and headers, the body) and a `metadata` record tied to it (`WARC-Concurrent-To`) saying
which article and which version it is, and why, for a removal, the page counts as gone.
"""
from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterable
from datetime import datetime, timezone
from http import HTTPStatus
from typing import BinaryIO

#: Headers that describe the bytes on the wire, not the body stored: the crawler decoded the transfer
#: and content encodings, so these are dropped and the length is given anew.
_WIRE_HEADERS = frozenset({"content-length", "content-encoding", "transfer-encoding"})


def warc_date(timestamp: str) -> str:
    """A stored fetch time (ISO 8601 with offset) as a WARC-Date: UTC, `Z`, with its fraction kept.

    >>> warc_date("2026-03-04T15:05:00.123+00:00")
    '2026-03-04T15:05:00.123000Z'
    """
    moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    moment = (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + (f".{moment.microsecond:06d}Z" if moment.microsecond else "Z")


def write_warc(sink: BinaryIO, versions: Iterable[dict], *, story: str, software: str, filename: str) -> int:
    """Write `versions` (`store.story_raw_versions` rows) to `sink` as a gzipped WARC; returns how many.

    A `warcinfo` record comes first, even for no versions, so the file always says what it is.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(sink, gzip=True, warc_version="1.1")
    writer.write_record(writer.create_warcinfo_record(filename, {
        "software": software, "format": "WARC File Format 1.1",
        "description": f"every stored version of the articles of newsclaims story {story}, as fetched",
        "isPartOf": story}))
    count = 0
    for version in versions:
        body = gzip.decompress(version["raw_body"]) if version.get("raw_body") else b""
        status = int(version.get("http_status") or 200)
        stored = json.loads(version.get("headers") or "{}")
        headers = [(name, value) for name, value in stored.items() if name.lower() not in _WIRE_HEADERS]
        headers.append(("Content-Length", str(len(body))))
        http_headers = StatusAndHeaders(f"{status} {_phrase(status)}", headers, protocol="HTTP/1.1")
        uri = version.get("fetched_url") or version["url"]
        date = warc_date(version["fetched_at"])
        response = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                             http_headers=http_headers, warc_headers_dict={"WARC-Date": date})
        writer.write_record(response)
        about = {"software": software, "story": story, "article_url": version["url"], "version": version["ordinal"],
                 "version_id": version["id"], "removed": version.get("removed")}
        payload = json.dumps(about, ensure_ascii=False, sort_keys=True).encode("utf-8")
        writer.write_record(writer.create_warc_record(
            uri, "metadata", payload=io.BytesIO(payload), length=len(payload), warc_content_type="application/json",
            warc_headers_dict={"WARC-Date": date,
                               "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")}))
        count += 1
    return count


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
