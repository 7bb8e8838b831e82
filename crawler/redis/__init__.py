"""Scale-out: several crawl workers share one story through Redis, with scrapy-redis doing the sharing.

Switched on by one setting, `NEWSCLAIMS_REDIS_URL` (`newsclaims crawl STORY --redis URL`, or
`-s NEWSCLAIMS_REDIS_URL=...` to `scrapy crawl` / a Scrapyd job): the add-on in `addon.py` then puts
these components in place of the embedded ones, by settings alone:

- `scheduler.py`: scrapy-redis's `Scheduler` and `RFPDupeFilter`, each subclassed only where stock
  behaviour breaks a shared crawl (per-story, per-run keys; the shared state is never flushed by the
  first worker to finish; popped requests are kept in a per-worker in-flight list; URLs normalised).
- `extension.py`: heartbeat, re-queueing a dead worker's in-flight requests, and the crawl-wide end.
- `middlewares.py`: per-outlet politeness across the cluster, and settling in-flight requests.
- `pipelines.py`: items go to a Redis stream that one writer (`newsclaims ingest`) stores in SQLite.
- `memory.py`: the page memory for the run, seeded from SQLite by the writer.

Nothing here imports the store: a worker never needs the SQLite file.
"""
