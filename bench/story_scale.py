"""Benchmark: does analysis keep up as a story grows? Synthetic stories of 1k / 4k / 10k articles at
real page size, measured against themselves in the same run (issue 15's goals, all ratios).

For each size, a child process (so each peak RSS is its own) builds a story in a fresh SQLite store:
12 outlets (2 authoritative), 40 people, a few planted misspellings, ~350 words of text per article
(sentences about the people in generated Zipf-weighted prose; a tenth of the articles copy a
five-sentence passage of a recent one, as aggregators do) and a raw page of `--page-kb` KB (stored
gzipped, as a crawl stores it). Then, timed:

* first: `jobs.analyse` on every article (the model loaded beforehand, not counted);
* nothing new, as a scheduler runs it: `newsclaims analyse STORY -q` in a subprocess (it should know
  nothing changed and load no model);
* nothing new, forced: `jobs.analyse` again in process, and whether its clusters and flags are
  identical to the first run's (ids, canonical forms, surface kinds, flag levels and status);
* +1%: 1% new articles stored, then `jobs.analyse`;
* reports: `jobs.build_report` plus rendering, for each of json, md, html and csv;
* peak RSS of the child, and its peak after each phase (which phase set it).

Goals (ratios in one run; the largest size stands for "at 10k" when smaller sizes are asked for):
nothing new <= 0.02x first; +1% <= 0.2x first; first grows <= 12x from the smallest size to the
largest (near-linear for 10x); every report format <= 0.05x first; peak RSS < 1 GiB; identical
clusters and flags on a re-run with nothing new. A MISS still exits 0: this is a measurement.

    .venv/bin/python bench/story_scale.py                       # 1000, 4000, 10000 (tens of minutes)
    .venv/bin/python bench/story_scale.py --sizes 1000,4000     # fewer sizes
    .venv/bin/python bench/story_scale.py --smoke               # 40 and 80 small articles: checks it runs
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOALS = {"nothing_new": 0.02, "plus_one_percent": 0.2, "growth": 12.0, "report": 0.05, "rss_mb": 1024}
FIRST = ["Dale", "Yulia", "Thomas", "Amara", "Peter", "Grace", "Luis", "Nadia", "Owen", "Priya", "Rafael",
         "Sofia", "Tobias", "Umar", "Vera", "Walter", "Xenia", "Yusuf", "Zoe", "Aidan"]
LAST = ["Cathcart", "Marchenko", "Brennan", "Okafor", "Lindqvist", "Haddad", "Moreno", "Petrova", "Gallagher",
        "Raman", "Castillo", "Novak", "Reinholt", "Siddiqui", "Kowalczyk", "Whitfield", "Ivanova", "Demir",
        "Achterberg", "Fairbanks"]
#: Planted errors: (person index, wrong surname), used in ~3% of that person's mentions.
ERRORS = {0: "Kathcart", 1: "Marchencko", 2: "Brenan"}
ROLES = ["Sheriff", "Mayor", "Councillor", "Engineer", "Dr.", ""]
VERBS = ["said", "told reporters", "confirmed", "warned", "added", "explained", "noted"]
#: Prose: generated lower-case words drawn with Zipf-like weights (frequent words repeat as in prose, and
#: two articles share common words and short phrases, but long passages only when one copies the other,
#: as in real coverage). The sentence frame keeps the story's keyword so every article is on topic.
SYLLABLES = ("ka", "lo", "mi", "ren", "ta", "vo", "sul", "de", "an", "bri", "es", "ol", "tu", "na", "pe", "gor",
             "il", "sa", "un", "fe", "ro", "zi", "ha", "mun", "ce", "dra", "ul", "ne", "vis", "to")
#: Share of articles that copy a passage of a recent article (an aggregator lifting a paragraph), and
#: how many recent articles such a copy draws from: copy detection must find them among all pairs.
COPY_SHARE = 0.1
RECENT = 50


def vocabulary(rng: random.Random, size: int = 20_000) -> tuple[list[str], list[float]]:
    """Generated words (never real text, never capitalised, so NER sees only the planted people) and
    their Zipf weights."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered, [1 / rank for rank in range(1, size + 1)]


def people() -> list[tuple[str, str]]:
    return [(FIRST[i % len(FIRST)], LAST[(i * 7) % len(LAST)] if i >= len(LAST) else LAST[i]) for i in range(40)]


def story_config():
    from newsclaims.config import StoryConfig

    outlets = [{"slug": f"o{k}", "name": f"Outlet {k}", "origin": f"http://o{k}.example", "seeds": ["/"],
                "authoritative": k < 2} for k in range(12)]
    return StoryConfig.model_validate({"slug": "scale", "title": "Alder Creek bridge (synthetic)",
                                       "topic": {"keywords": ["Alder Creek"]}, "outlets": outlets})


def make_article(n: int, rng: random.Random, page_kb: int, words: int, vocab: tuple[list[str], list[float]],
                 earlier: list[str]) -> dict:
    """One synthetic article: text with people (a few misspelled), a date, and a raw page of `page_kb`.
    Some articles copy a passage of a recent one (`earlier`: the texts so far)."""
    cast = rng.sample(range(40), 4)
    sentences = []

    def prose(low: int, high: int) -> str:
        return " ".join(rng.choices(vocab[0], weights=vocab[1], k=rng.randint(low, high)))

    while sum(len(s.split()) for s in sentences) < words:
        index = rng.choice(cast)
        first, last = people()[index]
        if index in ERRORS and rng.random() < 0.03:
            last = ERRORS[index]
        role = rng.choice(ROLES)
        name = f"{role} {first} {last}".strip() if rng.random() < 0.6 else last
        sentences.append(f"{name} {rng.choice(VERBS)} that the Alder Creek {prose(6, 14)}.")
        if rng.random() < 0.3:
            sentences.append(f"On day {n % 31 + 1}, {prose(10, 20)}.")
    if earlier and rng.random() < COPY_SHARE:
        source = rng.choice(earlier[-RECENT:]).split(". ")
        start = rng.randrange(max(1, len(source) - 5))
        sentences.insert(rng.randrange(len(sentences)), ". ".join(source[start:start + 5]).rstrip(".") + ".")
    text = " ".join(sentences)
    outlet = n % 12
    day = 1 + n % 28
    offset = rng.choice(["+00:00", "-05:00", "+02:00", "-08:00"])
    published = f"2026-03-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00{offset}"
    title = f"Alder Creek update {n}: {people()[cast[0]][1]} on the bridge"
    padding_words = " ".join(rng.choice(LAST + FIRST + ["nav", "menu", "subscribe", "share", "related"])
                             for _ in range(page_kb * 1024 // 8))
    body = (f"<html><head><title>{title}</title></head><body><nav>{padding_words[:page_kb * 512]}</nav>"
            f"<article><h1>{title}</h1><p>{text}</p></article><footer>{padding_words[page_kb * 512:]}</footer>"
            "</body></html>").encode("utf-8")
    origin = f"http://o{outlet}.example:80"
    return {"url": f"{origin}/news/{n}.html", "origin": origin, "title": title, "text": text,
            "content_hash": f"h{n}", "published": published, "published_rule": "meta", "body": body,
            "language": "en", "fetched_at": "2026-03-29T12:00:00.000+00:00", "http_status": 200}


def snapshot(db) -> dict:
    """What a re-run with nothing new must leave exactly as it was."""
    clusters = sorted((r["id"], r["canonical"]) for r in db.query("select id, canonical from clusters"))
    surfaces = sorted((r["cluster_id"], r["surface"], r["kind"]) for r in
                      db.query("select cluster_id, surface, kind from cluster_surfaces"))
    flags = sorted((r["id"], r["level"], r["active"], r["status"]) for r in
                   db.query("select id, level, active, status from flags"))
    return {"clusters": clusters, "surfaces": surfaces, "flags": flags}


def child(size: int, page_kb: int, words: int) -> dict:
    from analysis import reports
    from newsclaims import jobs, store
    from newsclaims.jobs import project_settings
    from newsclaims.nlp import load_model
    from newsclaims.settings import analysis_settings, number

    settings = project_settings()
    checked = analysis_settings(settings)
    batch = number(settings, "NEWSCLAIMS_NER_BATCH_SIZE")
    config = story_config()
    rng = random.Random(size)
    result: dict = {"size": size, "page_kb": page_kb, "words": words}
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "scale.db"
        config_path = Path(tmp) / "scale.toml"
        config_path.write_text(config.to_toml(), encoding="utf-8")
        db = store.open_store(db_path)
        store.save_story(db, **config.as_record())
        started = time.perf_counter()
        vocab = vocabulary(random.Random(0))
        earlier: list[str] = []
        for n in range(size):
            article = make_article(n, rng, page_kb, words, vocab, earlier)
            earlier.append(article["text"])
            store.save_article(db, config.slug, article)
        result["store_s"] = time.perf_counter() - started
        started = time.perf_counter()
        nlp = load_model(settings.get("NEWSCLAIMS_SPACY_MODEL"))
        result["model_load_s"] = time.perf_counter() - started

        def analyse() -> float:
            began = time.perf_counter()
            jobs.analyse(db, config, nlp, settings=checked, batch_size=batch, n_process=1)
            return time.perf_counter() - began

        result["peak_mb_after"] = {"store": peak_mb()}
        result["first_s"] = analyse()
        result["peak_mb_after"]["first analyse"] = peak_mb()
        first = snapshot(db)
        db.close()
        began = time.perf_counter()
        cli = subprocess.run([sys.executable, "-m", "newsclaims", "analyse", str(config_path), "--db", str(db_path),
                              "-q"], cwd=ROOT, capture_output=True, text=True)
        result["nothing_new_cli_s"] = time.perf_counter() - began
        result["nothing_new_cli_ok"] = cli.returncode == 0
        db = store.open_store(db_path)
        result["nothing_new_forced_s"] = analyse()
        result["peak_mb_after"]["forced re-run"] = peak_mb()
        again = snapshot(db)
        result["identical"] = first == again
        result["identical_detail"] = {key: first[key] == again[key] for key in first}
        extra = max(1, size // 100)
        for n in range(size, size + extra):
            article = make_article(n, rng, page_kb, words, vocab, earlier)
            earlier.append(article["text"])
            store.save_article(db, config.slug, article)
        result["plus_one_percent_s"] = analyse()
        result["peak_mb_after"]["+1%"] = peak_mb()
        result["articles"] = size + extra
        for fmt in ("json", "md", "html", "csv"):
            began = time.perf_counter()
            data = jobs.build_report(db, config.slug, settings=checked)
            built = time.perf_counter() - began
            if fmt == "json":
                text = json.dumps(data, ensure_ascii=False, sort_keys=True)
            elif fmt == "md":
                text = reports.render_markdown(data)
            elif fmt == "html":
                text = reports.render_html(data)
            else:
                text = "".join(reports.to_csv(rows) for rows in reports.csv_tables(data).values())
            result[f"report_{fmt}_s"] = time.perf_counter() - began
            result[f"report_{fmt}_build_s"] = built
            result[f"report_{fmt}_bytes"] = len(text.encode("utf-8"))
            result["peak_mb_after"][f"report {fmt}"] = peak_mb()
        result["db_mb"] = round(db_path.stat().st_size / 2**20, 1)
        db.close()
    result["peak_rss_mb"] = peak_mb()
    return result


def peak_mb() -> float:
    """The process's peak RSS so far (MB): read after each phase, it says which phase set the peak."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def goals(rows: list[dict], label: str) -> list[tuple[str, bool, str]]:
    smallest, largest = rows[0], rows[-1]
    first = largest["first_s"]
    worst_report = max(largest[f"report_{fmt}_s"] for fmt in ("json", "md", "html", "csv"))
    found = [
        ("nothing_new", largest["nothing_new_cli_s"] / first <= GOALS["nothing_new"],
         f"{largest['nothing_new_cli_s'] / first:.3f}x first at {largest['size']} (goal <= {GOALS['nothing_new']})"),
        ("plus_one_percent", largest["plus_one_percent_s"] / first <= GOALS["plus_one_percent"],
         f"{largest['plus_one_percent_s'] / first:.3f}x first at {largest['size']} (goal <= {GOALS['plus_one_percent']})"),
        ("report", worst_report / first <= GOALS["report"],
         f"slowest format {worst_report / first:.3f}x first at {largest['size']} (goal <= {GOALS['report']})"),
        ("rss", largest["peak_rss_mb"] < GOALS["rss_mb"],
         f"{largest['peak_rss_mb']:.0f} MB at {largest['size']} (goal < {GOALS['rss_mb']})"),
        ("identical", all(r["identical"] for r in rows),
         ", ".join(f"{r['size']}: {'yes' if r['identical'] else 'no ' + str(r['identical_detail'])}" for r in rows)),
    ]
    if len(rows) > 1:
        growth = largest["first_s"] / smallest["first_s"]
        scale = largest["size"] / smallest["size"]
        found.append((f"growth_{smallest['size']}_{largest['size']}", growth <= GOALS["growth"] * scale / 10,
                      f"{growth:.1f}x for {scale:.0f}x the articles (goal <= {GOALS['growth'] * scale / 10:.1f})"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,4000,10000")
    parser.add_argument("--page-kb", type=int, default=60, help="Raw page size in KB (real news pages: 50-150).")
    parser.add_argument("--words", type=int, default=350, help="Words of article text.")
    parser.add_argument("--smoke", action="store_true", help="40 and 80 articles of 8 KB: checks the script runs.")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child, args.page_kb, args.words)))
        return 0
    sizes = [40, 80] if args.smoke else [int(s) for s in args.sizes.split(",")]
    page_kb = 8 if args.smoke else args.page_kb
    words = 120 if args.smoke else args.words
    label = "smoke sizes" if args.smoke else "sizes " + ",".join(map(str, sizes))
    print(f"story_scale: sizes {sizes}, pages {page_kb} KB, {words} words; load average {os.getloadavg()[0]:.2f}",
          flush=True)
    rows = []
    for size in sizes:
        run = subprocess.run([sys.executable, __file__, "--child", str(size), "--page-kb", str(page_kb),
                              "--words", str(words)], cwd=ROOT, capture_output=True, text=True)
        if run.returncode != 0:
            print(f"size {size}: FAILED\n{run.stderr[-3000:]}")
            return 1
        row = json.loads(run.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"size {size}: store {row['store_s']:.1f}s, first analyse {row['first_s']:.1f}s, nothing new "
              f"{row['nothing_new_cli_s']:.2f}s (cli) / {row['nothing_new_forced_s']:.1f}s (forced), +1% "
              f"{row['plus_one_percent_s']:.1f}s, reports json {row['report_json_s']:.2f}s md {row['report_md_s']:.2f}s "
              f"html {row['report_html_s']:.2f}s ({row['report_html_bytes'] / 1024:.0f} KB) csv {row['report_csv_s']:.2f}s, "
              f"peak RSS {row['peak_rss_mb']:.0f} MB, db {row['db_mb']} MB, identical re-run: {row['identical']}",
              "\n  peak RSS after each phase (MB): " + ", ".join(f"{k} {v:.0f}" for k, v in row["peak_mb_after"].items()),
              flush=True)
    for name, met, text in goals(rows, label):
        print(f"goal {name} ({label}): {'MET' if met else 'MISSED'} {text}")
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
