"""Opening the database: pragmas, a backup before any migration, write transactions, one-line errors.

Every other store module gets a `sqlite_utils.Database` from `open_store` and writes inside `writing`,
so a locked or broken file is a `StoreError` with one line the CLI can print, never a traceback.

Why `BEGIN IMMEDIATE`: under WAL a transaction that begins by reading (a plain `BEGIN`, then a
`select`) cannot be upgraded to a write while another process writes: SQLite answers "database is
locked" at once, without waiting out the busy timeout (a crawl lost every page to a 5 s lock that
way). A write transaction that takes the write lock first waits its turn like any other.
"""
from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from crawler.clock import utc_timestamp as utc_now  # noqa: F401 (one clock for crawl and store)
from newsclaims.errors import StoreError
from newsclaims.store.schema import migrations

logger = logging.getLogger(__name__)

DEFAULT_DB_PATH = "data/newsclaims.db"
#: Seconds a statement waits for another process's write lock before "database is locked".
BUSY_TIMEOUT = 10.0
#: SQLite's default limit on `?` parameters in one statement is 32,766 (250,000 in some builds, 999
#: before 3.32): lists of ids are sent in chunks this size.
MAX_PARAMETERS = 900


class DatabaseLocked(StoreError):
    """Another process holds the database's write lock for longer than this one would wait.

    Raised by `writing` (and `open_store`); the crawl's pipeline catches it to retry with back-off.
    """


class SchemaTooNew(StoreError):
    """The database was written by a newer newsclaims: it has migrations this version does not know."""


def marks(values) -> str:
    """Placeholders for an SQL `in (...)` list of these values: parameters, never interpolation."""
    return ",".join("?" for _ in values)


def chunked(values, size: int = MAX_PARAMETERS) -> Iterator[list]:
    """`values` in lists of at most `size`, for `in (...)` lists that must stay under SQLite's limit."""
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def schema_version() -> int:
    """The schema this newsclaims writes: the number of migrations it knows."""
    return len(migrations._migrations)


def open_store(path: str | Path = DEFAULT_DB_PATH, *, readonly: bool = False,
               timeout: float = BUSY_TIMEOUT) -> sqlite_utils.Database:
    """Open the database at `path` and apply pending migrations (creating the file if needed).

    The directory must exist: a mistyped `--db` must not silently grow a directory tree. A database
    written by a newer newsclaims is refused, naming both schema versions, before anything is written.

    readonly: for commands that only read. The file must exist; it is opened with `mode=ro` (and
    `immutable` where even that needs a write, as for a WAL file in a read-only directory), so a
    read-only file or directory can still be read. Pending migrations are applied first, through a
    writable connection, when the file allows it; otherwise the command is refused with the reason.
    timeout: seconds to wait for another process's write lock.

    A database that already has a schema is copied aside before migrating (`backup_before_migrating`):
    a migration rewrites tables, and a copy costs little next to a lost review history.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise StoreError(f"{path}: directory {path.parent} does not exist; create it, or pass another --db")
    if path.is_dir():
        raise StoreError(f"{path} is a directory; pass the path of a database file with --db")
    if readonly:
        return _open_readonly(path, timeout)
    try:
        conn = sqlite3.connect(str(path), timeout=timeout)
        db = sqlite_utils.Database(conn)
        _refuse_newer_schema(db, path)
        _pragmas(conn)
        backup_before_migrating(db, path)
        migrations.apply(db)
    except sqlite3.Error as exc:
        raise _store_error(path, exc) from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot open: {exc.strerror}") from None
    return db


def _pragmas(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    # With WAL, NORMAL keeps every committed page through a killed process (SIGKILL); only an OS
    # crash or power loss can drop the last commits, and the file stays consistent either way.
    conn.execute("PRAGMA synchronous = NORMAL")


def _open_readonly(path: Path, timeout: float) -> sqlite_utils.Database:
    if not path.exists():
        raise StoreError(f"no database at {path}; run `newsclaims crawl STORY --db {path}` first, or pass another --db")
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    try:
        db = _connect_readonly(path, timeout)
        _refuse_newer_schema(db, path)
        pending = migrations.pending(db)
        if pending and writable:
            db.close()
            open_store(path, timeout=timeout).close()
            db = _connect_readonly(path, timeout)
        elif pending:
            raise StoreError(f"{path} is at schema v{schema_version() - len(pending)} and this newsclaims needs "
                             f"v{schema_version()}, but the file is read-only; migrate a writable copy first")
    except sqlite3.Error as exc:
        raise _store_error(path, exc) from None
    return db


def _connect_readonly(path: Path, timeout: float) -> sqlite_utils.Database:
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout)
    try:
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc) and "readonly" not in str(exc):
            raise
        # A WAL database in a directory this process cannot write needs its -shm file created: a file
        # nobody can write to (nor its directory) cannot change under us, so it is read as immutable.
        conn.close()
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=timeout)
    conn.execute("PRAGMA query_only = ON")
    return sqlite_utils.Database(conn)


def _refuse_newer_schema(db: sqlite_utils.Database, path: Path) -> None:
    known = {m.name for m in migrations._migrations}
    applied = [m.name for m in migrations.applied(db)]
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise SchemaTooNew(f"{path} has schema v{len(applied)}, written by a newer newsclaims (this one knows "
                           f"v{schema_version()}; unknown migration {unknown[0]}); upgrade newsclaims, or pass "
                           "another --db")


def _store_error(path: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return DatabaseLocked(f"{path} is locked by another process; retry, or pass --db")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError(f"{path}: cannot write here ({text}); check the file's and its directory's permissions, "
                          "or pass another --db")
    if isinstance(exc, sqlite3.OperationalError):
        return StoreError(f"{path}: {text}")
    return StoreError(f"{path} is not a newsclaims database ({text}); pass another --db")


def backup_before_migrating(db: sqlite_utils.Database, path: Path) -> Path | None:
    """Copy an existing database to `PATH.bak-vN` (N: its migrations applied) when migrations are pending.

    SQLite's online backup API copies a consistent snapshot, WAL content included, which copying the
    file would not. A new, empty database has nothing to lose and is not copied. Returns the copy's path.
    """
    applied = migrations.applied(db)
    pending = migrations.pending(db)
    if not applied or not pending:
        return None
    target = path.with_name(f"{path.name}.bak-v{len(applied)}")
    copy = sqlite3.connect(str(target))
    try:
        db.conn.backup(copy)
    finally:
        copy.close()
    logger.warning("backed up %s to %s before migrating it (%s)", path, target,
                   ", ".join(m.name for m in pending))
    return target


@contextmanager
def writing(db: sqlite_utils.Database) -> Iterator[None]:
    """A write transaction that takes the write lock first (`BEGIN IMMEDIATE`, see the module doc).

    Nested inside another transaction it is a savepoint. A lock held past the busy timeout is a
    one-line `DatabaseLocked`, and nothing of the transaction is kept.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _locked_or(exc) from None
    try:
        yield
    except sqlite3.OperationalError as exc:
        _rollback(conn)
        raise _locked_or(exc) from None
    except BaseException:
        _rollback(conn)
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        _rollback(conn)
        raise _locked_or(exc) from None


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _locked_or(exc: sqlite3.OperationalError) -> Exception:
    if "locked" in str(exc) or "busy" in str(exc):
        return DatabaseLocked("the database is locked by another process; retry, or pass --db")
    if "readonly" in str(exc):
        return StoreError(f"the database cannot be written ({exc}); check its permissions, or pass --db")
    return exc


def count_rows(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts of every newsclaims table (for 'a second run adds nothing' checks and summaries)."""
    return {name: db[name].count for name in sorted(db.table_names()) if not name.startswith("_")}
