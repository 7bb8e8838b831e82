"""Measured truth for who copied whom: the demo corpus crawled in both phases, and the real stories' copies.

* Demo (`data/demo/truth.json`, FICTIONAL): the corpus is served on free loopback ports and crawled
  as first published, then again after the server switches to phase 2 (two articles edited: one visible
  correction, one stealth); then `analyse` and `report --format json`, each a `newsclaims` subprocess,
  as a user runs them. Printed against the truth:
  - copy edges, as article pairs (either order): precision and recall;
  - direction: of the pairs found that are true copies, the share with source and target right;
  - chains of the planted error form: origins exact (the set of chain origins equals the truth's),
    chains found (a reported chain with exactly a true chain's members), merged chains (a reported
    chain holding members of two true chains: must be 0, one error introduced twice is two chains);
  - corrections: every edited article found with its kind (visible / stealth) and the error it dropped;
  - the re-check adds a version for exactly the edited articles (every other page answered 304 or gave
    the same text: no new version).
* Real stories (`../shared/data/real-stories/*/truth.json`, `copies`: verbatim passages of >= 200
  characters between two real pages, labelled by hand): the story is crawled, analysed and reported
  by `bench/real_coverage.py`'s own `run_story`; printed: recall of the labelled pairs in the report's
  `copies`, and every pair found that is not labelled (to check by hand).

    .venv/bin/python bench/propagation.py           # the demo and both real stories (about a minute)
    .venv/bin/python bench/propagation.py --smoke   # the demo and one real story (the test suite's run)

Output lines are `name: value`; goals print as `goal <name>: MET|MISSED (value vs target)`. A missed
goal still exits 0: this is a measurement, not a test.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import real_coverage  # noqa: E402 (after the path is set)

from crawler.settings import LOOPBACK_PROFILE  # noqa: E402
from crawler.urls import clean_url  # noqa: E402
from newsclaims import store  # noqa: E402
from newsclaims.config import load_story  # noqa: E402
from newsclaims.demo import DemoServer, build_site  # noqa: E402

TRUTH = ROOT / "data" / "demo" / "truth.json"
#: The issue's goals for the demo.
GOALS = {"edge_precision": 0.95, "edge_recall": 0.95, "direction": 0.95}
REAL_SMOKE = ("ozturk-tufts-detention",)
REAL_ALL = ("leavitt-press-secretary", "ozturk-tufts-detention")


#: `newsclaims` in a child process with this tree first on its path (the real-coverage bench's own).
_cli = real_coverage._cli


def run_demo(work: Path) -> tuple[dict, dict, dict]:
    """Serve, crawl (both phases), analyse and report the demo corpus in `work`; (report, origins,
    {articles, versions} stored)."""
    work.mkdir(parents=True, exist_ok=True)
    config, db, out = work / "demo.toml", work / "demo.db", work / "report.json"
    settings = [arg for name, value in LOOPBACK_PROFILE.items() for arg in ("-s", f"{name}={value}")]
    with DemoServer(build_site()) as server:
        origins = dict(server.origins)
        config.write_text(load_story("demo").with_origins(origins).to_toml(), encoding="utf-8")
        _cli("crawl", str(config), "--db", str(db), "-q", *settings, cwd=work)
        server.serve(build_site(phase=2))
        _cli("crawl", str(config), "--db", str(db), "-q", *settings, cwd=work)
    _cli("analyse", str(config), "--db", str(db), "-q", cwd=work)
    _cli("report", str(config), "--db", str(db), "--format", "json", "-o", str(out), "-q", cwd=work)
    database = store.open_store(db, readonly=True)
    rows = store.count_rows(database)
    database.close()
    return json.loads(out.read_text(encoding="utf-8")), origins, {"articles": rows["articles"],
                                                                  "versions": rows["article_versions"]}


def ratio(k: int, n: int) -> float | None:
    return k / n if n else None


def score_demo(truth: dict, report: dict, origins: dict[str, str]) -> dict:
    """The demo's measures (see the module docstring), from the truth and the report alone."""
    def url(ref: dict) -> str:
        return clean_url(origins[ref["outlet"]] + ref["path"])

    true_edges = {(url(c["source"]), url(c["copy"])) for c in truth["copies"]}
    found_edges = {(c["source_url"], c["target_url"]) for c in report["copies"] or ()}
    true_pairs = {frozenset(e) for e in true_edges}
    found_pairs = {frozenset(e) for e in found_edges}
    right = true_pairs & found_pairs
    directed = sum(1 for e in found_edges if frozenset(e) in right and e in true_edges)
    result = {
        "edge_precision": ratio(len(right), len(found_pairs)), "edge_recall": ratio(len(right), len(true_pairs)),
        "direction": ratio(directed, len(right)), "edges_found": len(found_pairs), "edges_true": len(true_pairs),
        "extra_edges": sorted(" -> ".join(sorted(p)) for p in found_pairs - true_pairs),
        "missed_edges": sorted(" -> ".join(sorted(p)) for p in true_pairs - found_pairs),
        "errors": [],
    }
    for error in truth["propagation"]:
        true_chains = [{url(m) for m in chain["members"]} for chain in error["chains"]]
        true_origins = {url(chain["origin"]) for chain in error["chains"]}
        entry = next((e for e in report["propagation"] or ()
                      if e["error"].get("form", "").lower() == error["form"].lower()), None)
        chains = [set(c["member_urls"]) for c in (entry or {}).get("chains", ())]
        origins_found = {c["origin_url"] for c in (entry or {}).get("chains", ())}
        merged = [c for c in chains if sum(1 for t in true_chains if t & c) > 1]
        result["errors"].append({
            "form": error["form"], "chains_true": len(true_chains), "chains_reported": len(chains),
            "chains_found": sum(1 for t in true_chains if t in chains), "merged": len(merged),
            "origins_exact": origins_found == true_origins,
            "origins_missed": sorted(true_origins - origins_found),
            "origins_extra": sorted(origins_found - true_origins),
        })
    found = {(c["url"], c["kind"]): c for c in report["corrections"] or ()}
    def dropped(c: dict) -> set[str]:
        return {form.lower() for form in c["dropped"]}

    result["corrections"] = [
        {"url": url(c), "kind": c["kind"],
         "found": (url(c), c["kind"]) in found and dropped(c) <= dropped(found[(url(c), c["kind"])])}
        for c in truth["corrections"]]
    result["corrections_reported"] = len(found)
    return result


def score_real(slug: str, work: Path) -> dict:
    """Recall of a real story's labelled copy pairs in its report, and the pairs found beyond them."""
    truth, report, origins, _ = real_coverage.run_story(slug, work)
    pages_by_key = {}
    for page in truth["pages"]:
        origin = origins[page["domain"]].rstrip("/").lower()
        pages_by_key[(origin, page["serve_path"])] = page["id"]
        pages_by_key.setdefault((origin, page["serve_path"].split("?")[0]), page["id"])
    labelled = {frozenset(c["pages"]) for c in truth.get("copies") or ()}
    found = set()
    for edge in report["copies"] or ():
        pair = frozenset(real_coverage.page_for_url(u, pages_by_key) for u in (edge["source_url"], edge["target_url"]))
        if None not in pair:
            found.add(pair)
    return {"story": slug, "labelled": len(labelled), "found": len(labelled & found),
            "extra": sorted("-".join(sorted(p)) for p in found - labelled)}


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _goal(name: str, met: bool, detail: str) -> str:
    return f"goal {name}: {'MET' if met else 'MISSED'} ({detail})"


def report_lines(demo: dict, real: list[dict]) -> list[str]:
    lines = [f"real copies {r['story']}: labelled pairs found {r['found']}/{r['labelled']}; "
             f"pairs not labelled {len(r['extra'])}{': ' + ', '.join(r['extra']) if r['extra'] else ''}" for r in real]
    lines += [
        f"demo edges: {demo['edges_found']} found, {demo['edges_true']} true",
        f"demo edge_precision: {_fmt(demo['edge_precision'])}",
        f"demo edge_recall: {_fmt(demo['edge_recall'])}",
        f"demo direction: {_fmt(demo['direction'])}",
    ]
    lines += [f"  extra edge: {e}" for e in demo["extra_edges"]] + [f"  missed edge: {e}" for e in demo["missed_edges"]]
    for e in demo["errors"]:
        lines.append(f"demo chains {e['form']}: {e['chains_found']}/{e['chains_true']} found exactly, "
                     f"{e['chains_reported']} reported, {e['merged']} merged; origins exact: {e['origins_exact']}")
        lines += [f"  origin missed: {u}" for u in e["origins_missed"]]
        lines += [f"  origin extra: {u}" for u in e["origins_extra"]]
    for c in demo["corrections"]:
        lines.append(f"demo correction {c['kind']}: {'found' if c['found'] else 'MISSED'} {c['url']}")
    lines.append(f"demo versions: {demo['versions']} for {demo['articles']} articles after the phase-2 re-check "
                 f"({demo['edited']} edited in truth)")
    lines.append(_goal("recheck_adds_only_edits", demo["versions"] - demo["articles"] == demo["edited"],
                       f"{demo['versions'] - demo['articles']} second versions vs {demo['edited']} edited: "
                       "unchanged pages (304 or same text) add none"))
    for name, target in GOALS.items():
        value = demo[name]
        lines.append(_goal(name, value is not None and value >= target, f"{_fmt(value)} vs >= {target}"))
    lines.append(_goal("origins_exact", all(e["origins_exact"] for e in demo["errors"]),
                       ", ".join(f"{e['form']}: {e['origins_exact']}" for e in demo["errors"])))
    lines.append(_goal("chains_never_merged", all(e["merged"] == 0 for e in demo["errors"]),
                       f"{sum(e['merged'] for e in demo['errors'])} merged"))
    found = sum(c["found"] for c in demo["corrections"])
    lines.append(_goal("corrections_with_kind", found == len(demo["corrections"]) and demo["corrections"],
                       f"{found}/{len(demo['corrections'])}"))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help=f"the demo and {', '.join(REAL_SMOKE)} only")
    parser.add_argument("--keep", type=Path, help="write databases and reports here instead of a temporary folder")
    args = parser.parse_args(argv)
    started = time.monotonic()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsclaims-propagation-"))
    try:
        truth = json.loads(TRUTH.read_text(encoding="utf-8"))
        report, origins, rows = run_demo(work / "demo")
        demo = {**score_demo(truth, report, origins), **rows, "edited": len(truth["corrections"])}
        real = [score_real(slug, work / slug) for slug in (REAL_SMOKE if args.smoke else REAL_ALL)]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("\n".join(report_lines(demo, real)))
    print(f"elapsed: {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
