"""The `newsclaims` command: a few lines of argument handling around one call each.

Errors from the library (a bad story config, a locked database, a missing model: the `NewsclaimsError`
family) become one line on stderr and the error's exit status, as in sqlite-utils. A story config is
parsed once per command and the loaded object is handed down.
"""
# Importing a command module registers its commands on `cli`.
from newsclaims.cli import (  # noqa: F401 (analyse, crawl, report ...)  # noqa: F401 (the daily loop: stories, status, digest, add, search ...)  # noqa: F401 (claims; recheck, discover, export warc; people merge|split; ingest)
    analysing,
    claims,
    crawling,
    finding,
    history,
    people,
    querying,
    reporting,
    scaling,
    stories,
    tracing,
)
from newsclaims.cli.common import cli  # noqa: I001 (after the modules that register on it)

__all__ = ["cli"]
