"""What every command shares: the `cli` group, settings and database handling, one-line errors,
progress and notes."""
from __future__ import annotations

import contextlib
import functools
import sys

import click

from newsclaims import store
from newsclaims.errors import NewsclaimsError
from newsclaims.settings import check


def _fail_cleanly(func):
    """Turn the library's errors (the `NewsclaimsError` family) into one line on stderr and the
    error's exit code: a `click.ClickException`, as sqlite-utils does, carrying that code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except NewsclaimsError as exc:
            error = click.ClickException(str(exc))
            error.exit_code = exc.exit_code
            raise error from None

    return wrapper


def _settings_options(func):
    func = click.option("-q", "--quiet", is_flag=True, default=False, expose_value=False, callback=_set_quiet,
                        is_eager=True, help="Only results and errors: no progress, no notes.")(func)
    func = click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
                        help="Override a setting (crawler/settings.py), as `scrapy crawl -s` does.")(func)
    func = click.option("--db", type=click.Path(dir_okay=False), default=None,
                        help=f"SQLite database (default: NEWSCLAIMS_DB_PATH, {store.DEFAULT_DB_PATH}).")(func)
    return func


_QUIET = {"on": False}


def _set_quiet(ctx, param, value):
    _QUIET["on"] = bool(value)
    return value


def note(message: str) -> None:
    """An informational line on stderr (model loaded, where the server is); silenced by --quiet."""
    if not _QUIET["on"]:
        click.echo(message, err=True)


def _progress(label: str):
    """A progress callback drawing one updating line on a terminal; None in pipes or with --quiet."""
    if _QUIET["on"] or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        click.echo(f"\r{label}: {done}/{total}", err=True, nl=done >= total)

    return show


def _database(settings):
    """The settings' database, opened (migrations applied) and closed when the block ends."""
    return contextlib.closing(store.open_store(settings.get("NEWSCLAIMS_DB_PATH")))


def _story_slugs(database, story: str | None) -> list[str]:
    """The story asked for, or every story in the database; an unknown story is a one-line error."""
    if story is None:
        return store.story_slugs(database)
    if not store.has_story(database, story):
        raise click.ClickException(f"story {story!r} is not in the database; run `newsclaims crawl {story}` first")
    return [story]


def _settings(db: str | None, overrides: tuple[str, ...], profile: dict | None = None):
    from newsclaims.jobs import project_settings

    values = {}
    for item in overrides:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {item!r}", param_hint="-s")
        values[name] = value
    if db:
        values["NEWSCLAIMS_DB_PATH"] = db
    settings = project_settings(values, profile)
    check(settings)
    return settings


@click.group()
@click.version_option(package_name="newsclaims")
def cli():
    """Who got a story wrong, and who copied whom.

    Crawl a story's coverage, find the people in it, cluster the ways their names are written, and
    flag every article and outlet that uses an error.

    Example:

        newsclaims demo
    """
