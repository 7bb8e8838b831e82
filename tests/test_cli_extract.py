"""`newsclaims extract FILE` and `newsclaims analyse --reextract`."""
import json
import shutil
import sqlite3
from datetime import datetime

import pytest
from click.testing import CliRunner

from newsclaims.cli import cli
from newsclaims.demo import DemoServer, build_site
from tests.conftest import MISSPELLED


def test_extract_real_page_as_json():
    result = CliRunner().invoke(cli, ["extract", str(MISSPELLED / "worcester-coppinger.html"), "--format", "json"])
    assert result.exit_code == 0, result.output
    page = json.loads(result.stdout)
    assert page["text"] == (MISSPELLED / "worcester-coppinger.txt").read_text(encoding="utf-8").strip()
    assert page["title"] == "Worcester ICE confrontation, May 2025" and page["language"] == "en"


@pytest.mark.parametrize("outlet", ["ledger", "quicktake", "hcso", "kfhr"])
def test_extract_demo_page_dates_with_rule_and_precision(outlet, truth, tmp_path):
    article = next(a for a in truth["articles"] if a["outlet"] == outlet)
    site = build_site()
    html = DemoServer(site).render(site[outlet][article["path"]].body)
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--url", f"http://127.0.0.1:9{article['path']}",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    page = json.loads(result.stdout)
    assert page["title"] == article["title"]
    assert datetime.fromisoformat(page["published"]) == datetime.fromisoformat(article["published"])
    assert page["published_precision"] == "instant" and page["published_rule"]


def test_extract_bad_file_is_one_line(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["extract", str(empty)])
    assert result.exit_code == 1 and result.output.count("\n") == 1


def test_reextract_makes_a_version_only_where_extraction_differs(demo_crawl, tmp_path):
    db_path = tmp_path / "copy.db"
    shutil.copy(demo_crawl.db_path, db_path)
    with sqlite3.connect(db_path) as conn:
        # Simulate a past extractor bug on one version: stored text that the raw page does not say.
        victim = conn.execute("select id, article_id, text from article_versions order by id limit 1").fetchone()
        conn.execute("update article_versions set text = 'truncated by a buggy extractor', content_hash = 'bug' "
                     "where id = ?", [victim[0]])
        before = conn.execute("select count(*) from article_versions").fetchone()[0]
    result = CliRunner().invoke(cli, ["analyse", str(demo_crawl.config_path), "--db", str(db_path), "--reextract"])
    assert result.exit_code == 0, result.output
    assert f"reextract demo: {before} stored pages extracted again, 1 differ" in result.stdout
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("select article_id, source, extracted_from, text from article_versions where id > ?",
                            [max(r[0] for r in conn.execute("select id from article_versions where source = 'crawl'"))]
                            ).fetchall()
    assert len(rows) == 1
    article_id, source, extracted_from, text = rows[0]
    assert (article_id, source, extracted_from) == (victim[1], "reextract", victim[0])
    assert text == victim[2]  # the current extractor recovers what the page said
