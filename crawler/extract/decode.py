"""Bytes to text: an HTML response body decoded without mojibake, or `UndecodablePage`.

Kept apart from extraction because the crawl, `--reextract` and `newsclaims extract FILE` all start
from raw bytes with an often wrong charset declaration, and the decision of what encoding to believe
is a policy of its own (see `decode_html`).
"""
from __future__ import annotations

import codecs
import re

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom


class UndecodablePage(ValueError):
    """Raised by `decode_html` when the bytes are not text in any encoding worth trying.

    `reason` says why in a few words (for a stats key or a log line): an empty body, binary content,
    or text that no encoding decodes without many replacement characters.
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def decode_html(body: bytes, content_type: str | None) -> str:
    """Decode an HTML response body to text without mojibake; `UndecodablePage` when it is not text.

    Declarations are often wrong, so each is checked by a strict decode before it is believed:

    1. a byte-order mark (UTF-8, UTF-16, UTF-32) wins, as in browsers;
    2. a UTF-16/32 charset in the header or a `<meta>` is honoured when the bytes hold NULs, as
       UTF-16/32 markup does; undeclared, markup that starts `<\x00` or `\x00<` is UTF-16 too;
    3. bytes that decode as UTF-8 are UTF-8, whatever the header or `<meta>` says: non-ASCII text in a
       single-byte encoding almost never forms valid UTF-8, so a wrong `<meta charset=iso-8859-1>` on
       a UTF-8 page cannot turn "é" into "Ã©";
    4. a declared encoding other than UTF-8 and cp1252 (header, then `<meta>`, as w3lib finds and
       resolves them), if it decodes strictly;
    5. mostly-UTF-8 bytes with a few stray bytes (a cp1252 snippet pasted into a UTF-8 page) stay
       UTF-8, the stray bytes read as cp1252;
    6. a declared encoding of step 4 with replacement characters, if they stay under 1% of the text
       (a Shift_JIS page with one corrupt byte is still Shift_JIS);
    7. cp1252 as browsers read it (its five unassigned bytes as C1 controls): the usual truth behind
       a `charset=utf-8` header on a legacy page, and what w3lib makes of "latin-1" and "ascii".

    So only an empty body or binary content (NUL or control bytes, or the magic number of gzip,
    PDF, an image or a ZIP) raises. A body cut off inside a multi-byte character (a truncated
    download) loses only that character.

    >>> decode_html("caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "text/html; charset=utf-8")
    'café “quoted”'
    """
    if not body:
        raise UndecodablePage("empty body")
    bom_encoding, bom = read_bom(body)
    if bom_encoding:
        body = body[len(bom):]
        text = _strict(body, bom_encoding)
        if text is not None:
            return text
        if bom_encoding != "utf-8":  # UTF-16/32 bytes mean nothing in any other encoding
            return codecs.getincrementaldecoder(bom_encoding)("replace").decode(body, final=False)
    declared = list(dict.fromkeys(e for e in (http_content_type_encoding(content_type) if content_type else None,
                                              html_body_declared_encoding(body)) if e))
    if b"\x00" in body[:4096]:
        wide = [e for e in declared if e.startswith(("utf-16", "utf-32"))]
        wide += ["utf-16-le"] if body.startswith(b"<\x00") else ["utf-16-be"] if body.startswith(b"\x00<") else []
        for encoding in wide:
            text = _strict(body, encoding)
            if text is not None:
                return text
    binary = _binary_reason(body)
    if binary:
        raise UndecodablePage(binary)
    text = _strict(body, "utf-8")
    if text is not None:
        return text
    legacy = [e for e in declared if e not in ("utf-8", "cp1252") and not e.startswith(("utf-16", "utf-32"))]
    for encoding in legacy:
        text = _strict(body, encoding)
        if text is not None:
            return text
    text = _mostly_utf8(body)
    if text is not None:
        return text
    for encoding in legacy:
        text = body.decode(encoding, "replace")
        if text.count("\ufffd") <= len(text) / 100:
            return text
    return _cp1252(body)


def _strict(body: bytes, encoding: str) -> str | None:
    """`body` decoded strictly, an incomplete character at the very end dropped; None if invalid."""
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(body, final=False)
    except (UnicodeDecodeError, LookupError):
        return None


_STRAY_BYTES = re.compile("[\udc80-\udcff]+")


def _mostly_utf8(body: bytes) -> str | None:
    """UTF-8 with stray invalid bytes read as cp1252, if valid multi-byte characters outnumber them."""
    text = body.decode("utf-8", "surrogateescape")
    stray = sum(len(m) for m in _STRAY_BYTES.findall(text))
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - stray
    if multibyte <= stray:
        return None

    return _STRAY_BYTES.sub(lambda m: _cp1252(bytes(ord(ch) - 0xDC00 for ch in m.group())), text)


def _cp1252(raw: bytes) -> str:
    """cp1252 as the WHATWG Encoding Standard reads it: the five unassigned bytes become C1 controls."""
    return raw.decode("cp1252", "surrogateescape").translate(_UNASSIGNED_CP1252)


_UNASSIGNED_CP1252 = {0xDC00 + b: b for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


_MAGIC = ((b"\x1f\x8b", "gzip-compressed bytes (decompress before decoding)"), (b"%PDF-", "a PDF document"),
          (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"PK\x03\x04", "a ZIP archive"))


def _binary_reason(body: bytes) -> str | None:
    for magic, what in _MAGIC:
        if body.startswith(magic):
            return f"binary content: {what}"
    head = body[:4096]
    controls = sum(1 for b in head if b < 0x20 and b not in b"\t\n\r\f")
    if b"\x00" in head or controls > len(head) / 20:
        return "binary content: control bytes"
    return None
