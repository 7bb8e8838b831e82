"""`newsclaims people merge|split` writes the user's decision into the story config and the next
analysis applies it."""
from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from newsclaims.cli import cli
from newsclaims.config import load_story


def _run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_split_keeps_comments_and_the_next_analysis_keeps_the_names_apart(demo_crawl, tmp_path, truth):
    variant = next(p for p in truth["people"] if p["accepted"])  # a person with an accepted variant
    config = tmp_path / "story.toml"
    config.write_text("# my notes on this story\n" + demo_crawl.config_path.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "people.db"
    shutil.copy(demo_crawl.db_path, db)
    result = _run("people", "split", config, variant["canonical"], variant["accepted"][0])
    assert result.exit_code == 0, result.output
    assert config.read_text(encoding="utf-8").startswith("# my notes on this story\n")
    assert load_story(config).names.distinct == [[variant["canonical"], variant["accepted"][0]]]
    again = _run("people", "split", config, variant["canonical"], variant["accepted"][0])
    assert "already" in again.output and load_story(config).names.distinct == [[variant["canonical"], variant["accepted"][0]]]
    assert _run("analyse", config, "--db", db).exit_code == 0
    data = json.loads(_run("report", config, "--db", db, "--format", "json").output)
    owner = {s["surface"]: p["canonical"] for p in data["people"] for s in p["surfaces"]}
    assert owner[variant["accepted"][0]] != owner[variant["canonical"]]


def test_merge_needs_two_names_and_a_valid_config(tmp_path):
    assert _run("people", "merge", "demo", "Only One").exit_code == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("slug = [", encoding="utf-8")
    result = _run("people", "merge", bad, "A B", "C D")
    assert result.exit_code == 1 and result.output.count("\n") == 1
