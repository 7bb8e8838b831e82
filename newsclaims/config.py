"""Story configs: one TOML file per story, validated strictly.

A story config names the outlets that cover a story, where the crawler starts on each (seeds, feeds,
sitemaps) and which outlets are authoritative for names. An outlet *is* its origin (scheme, host and
port), because on loopback every outlet shares one host name and only the port tells them apart.

Validation is strict on purpose: an unknown key is almost always a typo that would silently change
what gets crawled, so it is an error that names the field.
"""
from __future__ import annotations

import re
import sys
import tomllib
import zipimport
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from newsclaims import DATA_DIR
from newsclaims.errors import ConfigError

STORIES_DIR = DATA_DIR / "stories"
_SLUG = r"^[a-z0-9][a-z0-9_-]*$"


class StoryConfigError(ConfigError):
    """Raised by `load_story` when a story config is missing, unreadable or invalid; one line."""


def origin_of(url: str) -> str:
    """The origin of a URL: `scheme://host:port`, with the default port spelled out.

    >>> origin_of("http://127.0.0.1:8000/news/a.html?x=1")
    'http://127.0.0.1:8000'
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or {"http": 80, "https": 443}.get(scheme)
    host = (parts.hostname or "").lower()
    return f"{scheme}://{host}:{port}"


class OutletConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    slug: str = Field(pattern=_SLUG)
    name: str = Field(min_length=1)
    origin: str
    authoritative: bool = False
    seeds: list[str] = Field(min_length=1)
    feeds: list[str] = []
    sitemaps: list[str] = []
    #: Regexes on the URL path. A page elsewhere is followed for links but never stored as an article.
    article_paths: list[str] = []
    #: Regexes on the URL path of links to follow from pages (empty: every link on the origin, to
    #: DEPTH_LIMIT). Feeds and sitemaps are always read in full.
    follow_paths: list[str] = []

    @field_validator("origin")
    @classmethod
    def _origin(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"must be an http(s) origin such as http://127.0.0.1:8000, got {value!r}")
        if parts.path not in ("", "/") or parts.query:
            raise ValueError(f"must be an origin without a path, got {value!r}")
        return origin_of(value)

    @field_validator("article_paths", "follow_paths")
    @classmethod
    def _regexes(cls, values: list[str]) -> list[str]:
        for value in values:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"invalid regex {value!r}: {exc}") from None
        return values

    @model_validator(mode="after")
    def _urls_on_origin(self) -> OutletConfig:
        for field in ("seeds", "feeds", "sitemaps"):
            for url in self.urls(field):
                if origin_of(url) != self.origin:
                    raise ValueError(f"{field}: {url} is not on the outlet's origin {self.origin}")
        return self

    def urls(self, field: str) -> list[str]:
        """Absolute URLs of `seeds`, `feeds` or `sitemaps` (paths are relative to the origin)."""
        return [urljoin(self.origin + "/", value) for value in getattr(self, field)]

    def is_article_path(self, url: str) -> bool:
        return _path_matches(url, self.article_paths)

    def is_followed_path(self, url: str) -> bool:
        return _path_matches(url, self.follow_paths)


class TopicConfig(BaseModel):
    """What coverage of the story looks like: a page is stored only when its title or text names one
    of `names` (matched misspelling-aware, like the mentions' second pass: "koppinger" passes for
    Kevin Coppinger) or contains one of `keywords` (case-insensitive whole words, a plural or possessive
    ending allowed: "fire" matches "Fires", not "firearm")."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    names: list[str] = []
    keywords: list[str] = []


class RevisitConfig(BaseModel):
    """When a stored article is fetched again. Young articles are re-checked every run (with a
    conditional GET, so an unchanged page costs a 304); older ones when their sitemap or feed entry
    says they changed, and otherwise `backoff_days` after their first fetch or last change (then every
    last step), because old stories are corrected too, often silently (see `crawler.revisit`)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    young_days: float = Field(default=3.0, ge=0)
    backoff_days: list[float] = [1.0, 3.0, 7.0, 30.0]

    @field_validator("backoff_days", mode="before")
    @classmethod
    def _backoff(cls, values):
        if not isinstance(values, list) or not values or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0 for v in values):
            raise ValueError(f"must be a non-empty list of positive numbers of days, e.g. [1, 3, 7, 30], got {values!r}")
        if any(b <= a for a, b in zip(values, values[1:])):
            raise ValueError(f"must increase step by step, e.g. [1, 3, 7, 30], got {values!r}")
        return [float(v) for v in values]


class NamesConfig(BaseModel):
    """A user's word on names, which outranks every other evidence: `pins` maps a surface or name to
    the canonical full name it belongs to; `accept` lists surfaces that are accepted variants, which
    silences their flags; `same` lists groups of names that are one person, `distinct` groups of names
    that are all different people (must-link and cannot-link: the user corrects the clustering).
    Flags are recomputed from these at every analysis."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    pins: dict[str, str] = {}
    accept: list[str] = []
    same: list[list[str]] = []
    distinct: list[list[str]] = []


def _path_matches(url: str, patterns: list[str]) -> bool:
    """True when any regex matches the URL's path, or when there are no patterns."""
    path = urlsplit(url).path or "/"
    return not patterns or any(re.search(pattern, path) for pattern in patterns)


class StoryConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    slug: str = Field(pattern=_SLUG)
    title: str = Field(min_length=1)
    #: Who runs the crawl: a URL or e-mail put in the User-Agent so outlets can reach you.
    contact: str | None = None
    topic: TopicConfig = TopicConfig()
    revisit: RevisitConfig = RevisitConfig()
    names: NamesConfig = NamesConfig()
    outlets: list[OutletConfig] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_outlets(self) -> StoryConfig:
        for key in ("slug", "origin"):
            seen = set()
            for outlet in self.outlets:
                value = getattr(outlet, key)
                if value in seen:
                    raise ValueError(f"outlets: two outlets share the {key} {value!r}")
                seen.add(value)
        return self

    def outlet_for(self, url: str) -> OutletConfig | None:
        """The outlet whose origin serves `url`, or None when it is off-site."""
        origin = origin_of(url)
        for outlet in self.outlets:
            if outlet.origin == origin:
                return outlet
        return None

    def with_origins(self, origins: dict[str, str]) -> StoryConfig:
        """A copy with some outlets moved to other origins (tests serve the demo on free ports)."""
        outlets = [
            outlet.model_copy(update={"origin": origin_of(origins[outlet.slug])}) if outlet.slug in origins else outlet
            for outlet in self.outlets
        ]
        return self.model_copy(update={"outlets": outlets})

    def as_record(self) -> dict:
        """The story as the store records it, in plain values: `store.save_story(db, **config.as_record())`."""
        return {"slug": self.slug, "title": self.title, "config": self.model_dump_json(),
                "outlets": [{"origin": o.origin, "name": o.name, "slug": o.slug, "authoritative": o.authoritative}
                            for o in self.outlets]}

    def to_toml(self) -> str:
        """The config as TOML text, so a modified copy can be written and handed to a crawl."""
        lines = [f"slug = {_toml_str(self.slug)}", f"title = {_toml_str(self.title)}"]
        if self.contact:
            lines.append(f"contact = {_toml_str(self.contact)}")
        for section in ("topic", "revisit", "names"):
            values = getattr(self, section).model_dump()
            lines += ["", f"[{section}]"] + [f"{key} = {_toml_value(value)}" for key, value in values.items()]
        for outlet in self.outlets:
            lines += ["", "[[outlets]]"]
            for key, value in outlet.model_dump().items():
                lines.append(f"{key} = {_toml_value(value)}")
        return "\n".join(lines) + "\n"


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_str(k)} = {_toml_str(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return _toml_str(value)


def story_path(story: str | Path) -> Path:
    """A story argument is a path to a TOML file or the slug of a bundled story in data/stories/."""
    path = Path(story)
    if path.suffix == ".toml" or path.exists():
        return path
    return STORIES_DIR / f"{story}.toml"


def _read_config(path: Path) -> str:
    """A config file's text; a bundled one inside a Scrapyd egg (a zip) is read through its importer."""
    try:
        return path.read_text(encoding="utf-8")
    except NotADirectoryError:
        loader = getattr(sys.modules["newsclaims"], "__loader__", None)
        if isinstance(loader, zipimport.zipimporter):
            try:
                return loader.get_data(str(path)).decode("utf-8")
            except OSError:
                pass
        raise FileNotFoundError(path) from None


def load_story(story: str | Path | StoryConfig) -> StoryConfig:
    """Read and validate a story config; every failure is a one-line `StoryConfigError`.

    A config already loaded is returned as it is: a command parses its story once and hands the
    frozen object down (to the spider too, which calls `load_story` on its `story` argument).
    """
    if isinstance(story, StoryConfig):
        return story
    path = story_path(story)
    try:
        raw = tomllib.loads(_read_config(path))
    except FileNotFoundError:
        raise StoryConfigError(f"{path}: no such story config") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoryConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise StoryConfigError(f"{path}: not valid TOML: {exc}") from None
    try:
        return StoryConfig.model_validate(raw)
    except ValidationError as exc:
        raise StoryConfigError(f"{path}: {_first_error(exc)}") from None


def _first_error(exc: ValidationError) -> str:
    errors = exc.errors()
    first = errors[0]
    loc = ""
    for part in first["loc"]:
        loc += f"[{part}]" if isinstance(part, int) else (f".{part}" if loc else str(part))
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = "unknown key"
    elif first["type"] == "missing":
        message = "required field is missing"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{loc or 'config'}: {message}{more}"
