"""Items the story spider yields: one extracted article page with the raw response it came from."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ArticleItem:
    """An article page as fetched and extracted; the store turns it into an article and a version."""

    url: str  # canonical URL: the article's identity
    origin: str
    fetched_url: str
    fetched_at: str
    http_status: int
    title: str | None
    text: str
    content_hash: str
    body: bytes = b""
    headers: dict = field(default_factory=dict)
    author: str | None = None
    published: str | None = None
    published_rule: str | None = None
    outlet_name: str | None = None
    language: str | None = None
    description: str | None = None
    keywords: str | None = None
