"""The single writer of a distributed crawl: `newsclaims ingest STORY --redis URL`.

Workers on any number of machines put items in the run's Redis stream; this is the only process
that writes SQLite. It owns the run: it takes the story's lock in Redis (and the crawl lock beside
the database), records the crawl_runs row, seeds the run's page memory from the store's `pages`,
publishes the run id, stores items as they arrive, and when the crawl is over (a worker has joined,
none is alive, nothing is queued or in flight, the stream is empty) it finishes the crawl_runs row
and deletes every key of the run.

Delivery is at least once: an entry is acknowledged (and deleted from the stream) only after its
SQLite transaction commits, so a killed writer loses nothing: the next one resumes the same run and
first replays what was delivered but not acknowledged. Replays add nothing: an article is its URL and
content hash (`store.save_article` answers "unchanged"), and a page already recorded with the same
fetch time is not recorded again.
"""
from __future__ import annotations

import json
import logging
import os
import secrets
import signal
import threading
import time
import uuid
from collections import Counter
from dataclasses import asdict
from datetime import datetime, timezone

from crawler.page_memory import KnownPage
from crawler.redis.pipelines import decode_item
from crawler.redis.run import (
    REDIS_DOWN,
    WRITER_GROUP,
    RedisUnavailable,
    RunKeys,
    acknowledge,
    current_run,
    lock_key,
    redacted,
    run_pointer,
    seed_memory,
    worker_id,
)
from newsclaims import store
from newsclaims.errors import LockedError
from newsclaims.schedule import CrawlLock

logger = logging.getLogger(__name__)

#: The writer's consumer name: fixed, so a restarted writer owns (and replays) its predecessor's pending entries.
CONSUMER = "writer"
#: Seconds the Redis lock outlives a writer that stopped refreshing it (SIGKILL, a lost machine).
LOCK_TTL = 10.0

_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
_TAKE_OVER = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
return false
"""
_REFRESH = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""


class IngestLocked(LockedError):
    """Raised when another writer holds the story's lock in Redis."""


class Writer:
    """Store the items of one story's distributed run into SQLite (see the module docstring).

    :param server: a connected redis-py client.
    :param config: the loaded story config.
    :param db_path: the SQLite file.
    :param worker_timeout: seconds after which a silent worker counts as dead (NEWSCLAIMS_REDIS_WORKER_TIMEOUT).
    :param batch: stream entries per read, stored in one SQLite transaction.
    :param echo: called with one line for each thing a user should know (run opened, resumed, waiting).
    """

    def __init__(self, server, config, db_path: str, *, worker_timeout: float = 15.0, batch: int = 200,
                 poll: float = 0.5, echo=print):
        self.server = server
        self.config = config
        self.db_path = db_path
        self.worker_timeout = worker_timeout
        self.batch = batch
        self.poll = poll
        self.echo = echo
        self.token = f"{worker_id()}:{uuid.uuid4().hex[:8]}"
        self.stop = threading.Event()
        self.counts: Counter[str] = Counter()
        self._refresh = server.register_script(_REFRESH)
        self._release = server.register_script(_RELEASE)
        self._waiting_said = False

    # --- locks and the run ----------------------------------------------------------------------

    def _take_lock(self) -> None:
        key = lock_key(self.config.slug)
        ttl = int(LOCK_TTL * 1000)
        if self.server.set(key, self.token, nx=True, px=ttl):
            return
        holder = self.server.get(key)
        holder = holder.decode() if isinstance(holder, bytes) else (holder or "")
        # A writer that died on this machine is known dead now; elsewhere its lock expires after LOCK_TTL.
        if _dead_here(holder) and self.server.eval(_TAKE_OVER, 1, key, holder, self.token, ttl):
            self.echo(f"took over the ingest lock of {self.config.slug!r} left by {holder} (no longer running)")
            return
        raise IngestLocked(f"an ingest of story {self.config.slug!r} is already running ({holder}); wait for it, "
                           f"or stop it (a dead writer's lock expires {LOCK_TTL:g}s after it stopped)")

    def _keep_lock(self) -> None:
        if not self._refresh(keys=[lock_key(self.config.slug)], args=[self.token, int(LOCK_TTL * 1000)]):
            raise IngestLocked(f"lost the ingest lock of story {self.config.slug!r} (this writer was stalled "
                               f"over {LOCK_TTL:g}s); another writer may have taken over")

    def open_run(self, db) -> tuple[RunKeys, int, bool]:
        """The run to store: the open one (resumed), or a new one. Returns (keys, crawl_runs id, resumed)."""
        slug = self.config.slug
        run = current_run(self.server, slug)
        if run:
            keys = RunKeys(slug, run)
            return keys, int(self.server.hget(keys.meta, "crawl_run")), True
        # No run is open, and this process holds both locks: a run still marked running was killed.
        store.mark_killed_runs(db, slug)
        store.save_story(db, **self.config.as_record())
        run_id = store.start_crawl_run(db, slug)
        keys = RunKeys(slug, datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3))
        self._seed_memory(db, keys)
        self.server.xgroup_create(keys.items, WRITER_GROUP, id="0", mkstream=True)
        self.server.hset(keys.meta, mapping={"crawl_run": run_id, "started": time.time(), "writer": self.token,
                                             "workers_joined": 0, "workers_finished": 0})
        # Published last: a worker that sees the run finds its memory seeded and its stream ready.
        self.server.set(run_pointer(slug), keys.run)
        return keys, run_id, False

    def _seed_memory(self, db, keys: RunKeys) -> None:
        known = store.known_pages(db, [outlet.origin for outlet in self.config.outlets])
        pages = {url: KnownPage.from_mapping(row) for url, row in known.items()}
        seed_memory(self.server, keys, {url: json.dumps(asdict(page)) for url, page in pages.items()})
        self.counts["memory_seeded"] = len(known)

    # --- storing --------------------------------------------------------------------------------

    def _store_batch(self, db, entries: list, *, replay: bool) -> Counter:
        """Store decoded entries in one transaction; returns what was stored, by kind.

        On a replay, a page already recorded with the same fetch time was committed by the previous
        writer, which died before acknowledging it: it is not recorded again, and its article (which
        the store now calls unchanged) is counted as the previous writer stored it."""
        records = [decode_item(fields) for _, fields in entries]
        already = {}
        if replay and records:
            already = store.known_pages(db, sorted({r["origin"] for r in records}))
        counts: Counter[str] = Counter()
        with store.writing(db):
            for record in records:
                kind = record.pop("kind")
                page = record if kind == "page" else {**record.pop("page"), "status": "article"} if kind == "article" \
                    else record.pop("page")
                earlier = already.get(page["url"])
                committed = earlier is not None and earlier.get("last_fetched") == page.get("fetched_at")
                if kind == "article":
                    status = store.save_article(db, self.config.slug, record)
                    if committed and status == "unchanged":
                        status = "new" if earlier.get("fetches") == 1 else "changed"
                    counts[f"articles_{status}"] += 1
                elif kind == "removed":
                    counts[f"removals_{store.save_removal(db, self.config.slug, record)}"] += 1
                if committed:
                    counts["replayed_skipped"] += 1
                    continue
                store.record_page(db, page)
                counts["pages_recorded"] += 1
        return counts

    def _read(self, keys: RunKeys, start: str) -> list:
        block = None if start == "0" else int(self.poll * 1000)
        answer = self.server.xreadgroup(WRITER_GROUP, CONSUMER, {keys.items: start}, count=self.batch, block=block)
        return answer[0][1] if answer else []

    # --- the end --------------------------------------------------------------------------------

    def crawl_over(self, keys: RunKeys) -> bool:
        """A worker has joined, none is alive, nothing is queued or in flight, and the stream is empty."""
        meta = self.server.hgetall(keys.meta)
        joined = int(meta.get(b"workers_joined", meta.get("workers_joined", 0)) or 0)
        seconds, micros = self.server.time()
        now_ms = seconds * 1000 + micros // 1000
        live = self.server.zcount(keys.workers, now_ms - self.worker_timeout * 1000, "+inf")
        queued = self.server.zcard(keys.requests)
        workers = [w.decode() if isinstance(w, bytes) else w for w in self.server.zrange(keys.workers, 0, -1)]
        in_flight = sum(self.server.hlen(keys.inflight(w)) for w in workers)
        if joined and not live and (queued or in_flight):
            if not self._waiting_said:
                self.echo(f"no live worker, and {queued} requests queued, {in_flight} in flight: "
                          f"start a worker (newsclaims crawl {self.config.slug} --redis URL)")
                self._waiting_said = True
            return False
        self._waiting_said = False
        return bool(joined) and not live and not queued and not in_flight and self.server.xlen(keys.items) == 0

    def _finish(self, db, keys: RunKeys, run_id: int) -> dict:
        raw = self.server.hgetall(keys.stats)
        stats = {(k.decode() if isinstance(k, bytes) else k): int(v) for k, v in raw.items()}
        # What every writer of this run stored (a resumed run had more than one).
        meta = {(k.decode() if isinstance(k, bytes) else k): v for k, v in self.server.hgetall(keys.meta).items()}
        stored = Counter({k.split("/", 1)[1]: int(v) for k, v in meta.items() if k.startswith("writer/")})
        reasons = {key.split("/", 1)[1]: value for key, value in stats.items()
                   if key.startswith(("newsclaims/skipped/", "newsclaims/refused/"))}
        counts = {
            "pages_seen": stats.get("newsclaims/pages_seen", 0),
            "pages_stored": stored["articles_new"] + stored["articles_changed"],
            "pages_unchanged": stored["articles_unchanged"] + stats.get("newsclaims/unchanged_304", 0),
            "pages_skipped": sum(v for k, v in stats.items() if k.startswith("newsclaims/skipped/")),
            "pages_refused": sum(v for k, v in stats.items() if k.startswith("newsclaims/refused/")),
            "reasons": reasons,
        }
        store.finish_crawl_run(db, run_id, "finished", counts)
        self.server.delete(run_pointer(self.config.slug))
        doomed = list(self.server.scan_iter(match=keys.pattern(), count=1000))
        for start in range(0, len(doomed), 500):
            self.server.delete(*doomed[start:start + 500])
        return next(row for row in store.crawl_runs(db, self.config.slug) if row["id"] == run_id)

    # --- the loop -------------------------------------------------------------------------------

    def run(self) -> dict:
        """Store the story's run until it is over (returns its crawl_runs row), or until `stop` is set
        (returns {"status": "stopped", ...}: the run stays open for the next writer)."""
        self._take_lock()
        try:
            with CrawlLock(self.db_path, self.config.slug):
                db = store.open_store(self.db_path)
                try:
                    return self._run(db)
                finally:
                    db.close()
        except REDIS_DOWN as exc:
            raise RedisUnavailable(f"Redis went away ({exc}); the writer stopped with nothing lost: "
                                   f"run `newsclaims ingest {self.config.slug}` again once Redis is back") from None
        finally:
            try:
                self._release(keys=[lock_key(self.config.slug)], args=[self.token])
            except REDIS_DOWN:
                pass

    def _run(self, db) -> dict:
        keys, run_id, resumed = self.open_run(db)
        if resumed:
            self.echo(f"resuming run {keys.run} of {self.config.slug}")
        else:
            self.echo(f"opened run {keys.run} of {self.config.slug} "
                      f"({self.counts['memory_seeded']} known pages in its memory); waiting for workers")
        # First what an earlier writer was given but never acknowledged, then new entries.
        start = "0"
        last_check = 0.0
        while not self.stop.is_set():
            self._keep_lock()
            entries = self._read(keys, start)
            if entries:
                counts = self._store_batch(db, entries, replay=start == "0")
                acknowledge(self.server, keys, [entry_id for entry_id, _ in entries], {**counts, "items": len(entries)})
                self.counts.update(counts)
                self.counts["items"] += len(entries)
                if time.monotonic() - last_check < self.poll:
                    continue
            elif start == "0":
                start = ">"
                continue
            last_check = time.monotonic()
            if self.crawl_over(keys):
                return {**self._finish(db, keys, run_id), "run": keys.run, "items": self.counts["items"]}
        return {"status": "stopped", "run": keys.run, "items": self.counts["items"]}


def _dead_here(holder: str) -> bool:
    """Whether a lock holder ("host:pid:nonce") ran on this machine and its process is gone."""
    host, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if host != worker_id().partition(":")[0] or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def ingest(server, config, db_path: str, settings, *, echo=print) -> dict:
    """Run the writer until the run is over or SIGTERM/SIGINT arrives (then the run stays open)."""
    writer = Writer(server, config, db_path, worker_timeout=settings.getfloat("NEWSCLAIMS_REDIS_WORKER_TIMEOUT"),
                    batch=settings.getint("NEWSCLAIMS_INGEST_BATCH"), echo=echo)

    def on_signal(signum, frame):
        writer.stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        return writer.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


__all__ = ["CONSUMER", "IngestLocked", "Writer", "ingest", "redacted"]
