"""`newsclaims trace` on the session's demo database: the same chains in every format."""
from __future__ import annotations

import io
import json
import shutil

import networkx as nx
from click.testing import CliRunner

from newsclaims.cli import cli


def _run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_trace_formats_agree_with_the_report(demo_crawl, tmp_path, truth):
    db = tmp_path / "trace.db"
    shutil.copy(demo_crawl.db_path, db)
    planted = max(truth["errors"], key=lambda e: len(e["articles"]))  # the demo's main error form
    report = json.loads(_run("report", demo_crawl.config_path, "--db", db, "--format", "json").output)
    [entry] = [e for e in report["propagation"] if e["error"]["form"].lower() == planted["form"].lower()]
    as_json = _run("trace", demo_crawl.config_path, "--db", db, "--error", planted["form"].upper(), "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.output) == [entry]
    members = {url for chain in entry["chains"] for url in chain["member_urls"]}
    graph = nx.read_graphml(io.BytesIO(_run("trace", demo_crawl.config_path, "--db", db, "--error", planted["form"],
                                            "--format", "graphml").output.encode()))
    assert set(graph.nodes) == members
    assert {(a, b) for a, b in graph.edges} == {(e["source_url"], e["target_url"]) for c in entry["chains"] for e in c["edges"]}
    text = _run("trace", demo_crawl.config_path, "--db", db, "--error", planted["form"]).output
    assert all(chain["origin_url"] in text for chain in entry["chains"])
    dot = _run("trace", demo_crawl.config_path, "--db", db, "--format", "dot").output
    assert dot.count("digraph ") == len(report["propagation"])


def test_trace_of_an_unknown_error_is_one_line(demo_crawl, tmp_path):
    db = tmp_path / "trace.db"
    shutil.copy(demo_crawl.db_path, db)
    result = _run("trace", demo_crawl.config_path, "--db", db, "--error", "Nosuchname")
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "no error 'Nosuchname'" in result.output


def test_the_markdown_report_lists_each_chain_origin(demo_crawl, tmp_path):
    db = tmp_path / "md.db"
    shutil.copy(demo_crawl.db_path, db)
    report = json.loads(_run("report", demo_crawl.config_path, "--db", db, "--format", "json").output)
    markdown = _run("report", demo_crawl.config_path, "--db", db).output
    section = markdown.split("## Who copied whom", 1)[1].split("\n## ", 1)[0]
    origins = [chain["origin_url"] for entry in report["propagation"] for chain in entry["chains"]]
    assert origins and all(f"origin [{url}]" in section for url in origins)
