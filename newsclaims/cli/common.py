"""What every command shares: the `cli` group, settings and database handling, one-line errors,
output (results on stdout; notes, warnings and progress on stderr), logging and progress."""
from __future__ import annotations

import contextlib
import difflib
import functools
import logging
import os
import sqlite3
import sys
from pathlib import Path

import click

from newsclaims import store
from newsclaims.errors import NewsclaimsError, SettingsError
from newsclaims.settings import check

#: Settings newsclaims reads with a default where it reads them, beyond crawler/settings.py and
#: Scrapy's defaults (`settings.get(NAME, default)`); they are known names for `-s`.
EXTRA_SETTINGS: set[str] = set()
#: Exit status of a command stopped by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


class Interrupted(NewsclaimsError):
    """The user pressed Ctrl-C (SIGINT) or the process got SIGTERM: the work stopped before its end."""

    exit_code = EXIT_INTERRUPTED


class OutputError(NewsclaimsError):
    """A file or directory given for output (`-o`, `--log-file`) cannot be written."""


def _fail_cleanly(func):
    """Turn the library's errors (the `NewsclaimsError` family) into one line on stderr and the
    error's exit code: a `click.ClickException`, as sqlite-utils does, carrying that code. Ctrl-C is
    one line and exit status 130, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KeyboardInterrupt:
            error = click.ClickException("interrupted")
            error.exit_code = EXIT_INTERRUPTED
            raise error from None
        except NewsclaimsError as exc:
            error = click.ClickException(str(exc))
            error.exit_code = exc.exit_code
            raise error from None
        except sqlite3.DatabaseError as exc:
            # Not one the store foresaw (those are StoreErrors): still one line, the traceback with -v.
            if _OUTPUT["verbose"]:
                raise
            raise click.ClickException(f"database error: {exc} (-v shows where)") from None

    return wrapper


_OUTPUT = {"quiet": False, "verbose": False, "log_file": None}


def _set_output(key):
    def callback(ctx, param, value):
        _OUTPUT[key] = value
        if key == "log_file":
            _configure_logging()
        return value
    return callback


def _output_options(func):
    """-q, -v and --log-file: every command takes them."""
    func = click.option("--log-file", type=click.Path(dir_okay=False), default=None, expose_value=False,
                        callback=_set_output("log_file"),
                        help="Append the full log (Scrapy's included) to this file.")(func)
    func = click.option("-v", "--verbose", is_flag=True, default=False, expose_value=False, is_eager=True,
                        callback=_set_output("verbose"), help="Show the full log (Scrapy's included) on stderr.")(func)
    func = click.option("-q", "--quiet", is_flag=True, default=False, expose_value=False, is_eager=True,
                        callback=_set_output("quiet"), help="Only results and errors: no progress, notes or warnings.")(func)
    return func


def _settings_options(func):
    func = _output_options(func)
    func = click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
                        help="Override a setting (crawler/settings.py), as `scrapy crawl -s` does.")(func)
    func = click.option("--db", type=click.Path(dir_okay=False), default=None, envvar="NEWSCLAIMS_DB_PATH",
                        show_envvar=True,
                        help=f"SQLite database (default: $NEWSCLAIMS_DB_PATH, else {store.DEFAULT_DB_PATH}).")(func)
    return func


def quiet() -> bool:
    return _OUTPUT["quiet"]


def note(message: str) -> None:
    """An informational line on stderr (model loaded, where the server is); silenced by --quiet."""
    if not _OUTPUT["quiet"]:
        click.echo(message, err=True)


def warn(message: str) -> None:
    """A warning line on stderr ("warning: ..."); silenced by --quiet, also written to the log file."""
    logging.getLogger("newsclaims").warning(message)
    if not _OUTPUT["quiet"]:
        click.echo(f"warning: {message}", err=True)


def _configure_logging() -> None:
    """Python logging for commands other than the crawl (which hands these to Scrapy): the log file
    gets INFO and up, -v shows INFO on stderr; otherwise only what the commands print."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_newsclaims", False):
            root.removeHandler(handler)
            handler.close()
    handlers = []
    if _OUTPUT["log_file"]:
        try:
            handlers.append(logging.FileHandler(_OUTPUT["log_file"], encoding="utf-8"))
        except OSError as exc:
            raise click.BadParameter(f"cannot write {_OUTPUT['log_file']}: {exc.strerror}",
                                     param_hint="--log-file") from None
    if _OUTPUT["verbose"]:
        handlers.append(logging.StreamHandler(sys.stderr))
    if not handlers:
        handlers.append(logging.NullHandler())  # Python's last-resort handler would print warnings
    for handler in handlers:
        handler._newsclaims = True
        handler.setFormatter(logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.INFO)


def _hand_logging_to_scrapy() -> None:
    """Before a crawl: Scrapy installs its own root handler from the settings (LOG_FILE, -v), so the
    command's own handlers step aside, or every line would be written twice."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_newsclaims", False):
            root.removeHandler(handler)
            handler.close()


class _Progress:
    """A progress display on stderr (rich), only on a terminal and without --quiet.

    Call it as progress(done, total) for a bar, or progress(done, None) for a running count.
    """

    def __init__(self, label: str, unit: str = ""):
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.label = label
        self.console = Console(file=sys.stderr)
        self.progress = Progress(TextColumn("{task.description}: {task.fields[shown]}"), BarColumn(),
                                 TimeElapsedColumn(), console=self.console, transient=False)
        self.task = None
        self.unit = unit

    def __call__(self, done: int, total: int | None) -> None:
        if self.task is None:
            self.progress.start()
            self.task = self.progress.add_task(self.label, total=total, shown="")
        shown = f"{done}/{total}" if total is not None else f"{done}{self.unit}"
        self.progress.update(self.task, completed=done, total=total, shown=shown)
        if total is not None and done >= total:
            self.close()

    def show(self, done: int, text: str) -> None:
        """A running count with its own words ("12 fetched, 5 stored")."""
        if self.task is None:
            self.progress.start()
            self.task = self.progress.add_task(self.label, total=None, shown="")
        self.progress.update(self.task, completed=done, shown=text)

    def close(self) -> None:
        if self.task is not None:
            self.progress.stop()
            self.task = None


def _progress(label: str, unit: str = ""):
    """A progress callback drawing on a terminal; None in pipes, with --quiet or -v (the log shows)."""
    if _OUTPUT["quiet"] or _OUTPUT["verbose"] or not sys.stderr.isatty():
        return None
    return _Progress(label, unit)


def _database(settings, *, readonly: bool = False, story: str | None = None):
    """The settings' database, opened (migrations applied) and closed when the block ends. A read-only
    command opens it read-only, so a database it may not write can still be read; when the file does
    not exist and the command is about a `story`, the error says how to get that story."""
    path = settings.get("NEWSCLAIMS_DB_PATH")
    if readonly and story and not Path(path).exists() and Path(path).parent.is_dir():
        raise click.ClickException(f"story {story!r} is not in the database (there is no {path} yet); "
                                   f"run `newsclaims crawl {story}` first")
    return contextlib.closing(store.open_store(path, readonly=readonly))


def _story_slugs(database, story: str | None) -> list[str]:
    """The story asked for, or every story in the database; an unknown story is a one-line error."""
    if story is None:
        return store.story_slugs(database)
    if not store.has_story(database, story):
        raise click.ClickException(f"story {story!r} is not in the database; run `newsclaims crawl {story}` first")
    return [story]


@functools.cache
def known_setting_names() -> frozenset[str]:
    """Names `-s` accepts: Scrapy's settings, crawler/settings.py's, and `EXTRA_SETTINGS`."""
    from scrapy.settings import default_settings

    from crawler import settings as project

    names = {name for module in (default_settings, project) for name in dir(module) if name.isupper()}
    return frozenset(names | EXTRA_SETTINGS)


def _check_name(name: str) -> None:
    if name in known_setting_names():
        return
    close = difflib.get_close_matches(name, sorted(known_setting_names()), n=1)
    hint = f"; did you mean {close[0]}?" if close else "; see crawler/settings.py and Scrapy's settings"
    raise SettingsError(f"unknown setting {name}{hint}")


def _settings(db: str | None, overrides: tuple[str, ...], profile: dict | None = None):
    """The project settings with a profile and the command line's -s and --db applied, all checked.

    An unknown name is refused: a typo would otherwise be ignored while the crawl ran with the
    default. The crawl's own log goes to --log-file, to stderr with -v, and nowhere otherwise.
    """
    from newsclaims.jobs import project_settings
    from newsclaims.pipelines import lock_timeout

    values = {}
    for item in overrides:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {item!r}", param_hint="-s")
        _check_name(name.strip())
        values[name.strip()] = value
    if db:
        values["NEWSCLAIMS_DB_PATH"] = db
    settings = project_settings(values, profile)
    check(settings)
    lock_timeout(settings)
    if {"LOG_ENABLED", "LOG_FILE", "LOG_LEVEL"} & set(values):
        pass  # the user set Scrapy's logging by name, as for `scrapy crawl -s`: honoured as given
    elif _OUTPUT["log_file"]:
        settings.set("LOG_FILE", str(Path(_OUTPUT["log_file"])), priority="cmdline")
        settings.set("LOG_FILE_APPEND", True, priority="cmdline")
        if "LOG_LEVEL" not in values:
            settings.set("LOG_LEVEL", "INFO", priority="cmdline")
    elif _OUTPUT["verbose"]:
        settings.set("LOG_ENABLED", True, priority="cmdline")
    else:
        settings.set("LOG_ENABLED", False, priority="cmdline")
    return settings


def write_output(path: str | Path, text: str) -> Path:
    """Write `text` to `path` (its directory is created if missing); a one-line `OutputError` when the
    path is a directory or cannot be written."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path} is a directory; give a file name for -o")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    return path


def writable_dir(path: str | Path) -> Path:
    """Make sure `path` is a directory this process can write (created if missing), before any long
    work whose results go there; a one-line `OutputError` otherwise."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path} is a file; -o takes a directory here")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {path}: {exc.strerror}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write in {path}: permission denied")
    return path


@click.group()
@click.version_option(package_name="newsclaims")
def cli():
    """Who got a story wrong, and who copied whom.

    Crawl a story's coverage, find the people in it, cluster the ways their names are written, and
    flag every article and outlet that uses an error.

    Example:

        newsclaims demo
    """
