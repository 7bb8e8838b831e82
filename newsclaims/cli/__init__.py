"""The `newsclaims` command: a few lines of argument handling around one call each.

Errors from the library (a bad story config, a locked database, a missing model: the `NewsclaimsError`
family) become one line on stderr and the error's exit status, as in sqlite-utils. A story config is
parsed once per command and the loaded object is handed down.
"""
from newsclaims.cli import (  # noqa: F401 (they register the commands)  # noqa: F401 (the daily loop: stories, status, digest, add, search ...)
    analysing,
    crawling,
    finding,
    querying,
    reporting,
    scaling,  # noqa: F401 (ingest: the writer of a distributed crawl)
    stories,
    tracing,
)
from newsclaims.cli.common import cli

__all__ = ["cli"]
