"""Every error newsclaims reports to a user, in one family.

Why one family: the CLI turns any `NewsclaimsError` into one line on stderr and its `exit_code`, so a
new failure needs a subclass here, not another `except` clause in each command. Library code raises the
most specific subclass; the message is the whole line the user sees (it names the file, setting or value
at fault and, where there is one, the way out).
"""
from __future__ import annotations


class NewsclaimsError(Exception):
    """Base: a failure the user can act on. Never carries a traceback to the user."""

    exit_code = 1


class ConfigError(NewsclaimsError):
    """A story config that cannot be read or does not validate (raised by `newsclaims.config`)."""


class SettingsError(NewsclaimsError):
    """A setting with a bad name, type or value outside its range (raised by `newsclaims.settings`)."""

    exit_code = 2


class StoreError(NewsclaimsError):
    """The database cannot be opened, read or written (raised by `newsclaims.store`)."""


class LockedError(NewsclaimsError):
    """Another process holds the crawl lock of this story and database (raised by `newsclaims.schedule`)."""


class ModelError(NewsclaimsError):
    """No spaCy model could be loaded (raised by `newsclaims.nlp`)."""


class PortError(NewsclaimsError):
    """A port the demo server needs is taken (raised by `newsclaims.demo`)."""


class InputError(NewsclaimsError):
    """A file given on the command line cannot be used (not UTF-8, missing columns, no article text)."""
