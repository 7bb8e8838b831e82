"""Opening the database: pragmas, a backup before any migration, and one-line errors.

Every other store module gets a `sqlite_utils.Database` from `open_store` and writes inside `writing`,
so a locked or broken file is a `StoreError` with one line the CLI can print, never a traceback.
"""
from __future__ import annotations

import logging
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




def marks(values) -> str:
    """Placeholders for an SQL `in (...)` list of these values: parameters, never interpolation."""
    return ",".join("?" for _ in values)


def open_store(path: str | Path = DEFAULT_DB_PATH) -> sqlite_utils.Database:
    """Open (creating if needed) the database at `path` and apply pending migrations.

    A database that already has a schema is copied aside first (`backup_before_migrating`): a
    migration rewrites tables, and a copy costs little next to a lost review history.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=10)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        # With WAL, NORMAL keeps every committed page through a killed process (SIGKILL); only an OS
        # crash or power loss can drop the last commits, and the file stays consistent either way.
        conn.execute("PRAGMA synchronous = NORMAL")
        db = sqlite_utils.Database(conn)
        backup_before_migrating(db, path)
        migrations.apply(db)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise StoreError(f"{path} is locked by another process; retry, or pass --db") from None
        raise StoreError(f"{path}: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a newsclaims database ({exc}); pass another --db") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot open: {exc.strerror}") from None
    return db


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
    """A write transaction whose 'database is locked' turns into a one-line StoreError."""
    try:
        with db.atomic():
            yield
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise StoreError("the database is locked by another process; retry, or pass --db") from None
        raise


def count_rows(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts of every newsclaims table (for 'a second run adds nothing' checks and summaries)."""
    return {name: db[name].count for name in sorted(db.table_names()) if not name.startswith("_")}
