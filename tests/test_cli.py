"""The CLI end to end on a copy of the session's demo database."""
import json
import re
import shutil

from click.testing import CliRunner

from newsclaims import ROOT
from newsclaims.cli import cli


def _copy_db(demo_crawl, tmp_path):
    target = tmp_path / "copy.db"
    shutil.copy(demo_crawl.db_path, target)
    return target


def test_analyse_says_which_model_loaded_and_adds_nothing_on_rerun(demo_crawl, tmp_path):
    db_path = _copy_db(demo_crawl, tmp_path)
    result = CliRunner().invoke(cli, ["analyse", str(demo_crawl.config_path), "--db", str(db_path), "--force"])
    assert result.exit_code == 0, result.output
    model_lines = [line for line in result.stderr.splitlines() if line.startswith("spaCy model: ")]
    pinned = re.search(r"==([\d.]+)", (ROOT / "requirements" / "model.txt").read_text()).group(1)
    assert len(model_lines) == 1 and pinned in model_lines[0]  # the version the requirements file pins
    assert "(0 new to NER)" in result.stdout
    again = CliRunner().invoke(cli, ["analyse", str(demo_crawl.config_path), "--db", str(db_path)])
    assert again.exit_code == 0, again.output
    assert "spaCy model: " not in again.stderr and "nothing changed since analysis" in again.stderr
    assert again.stdout == result.stdout


def test_report_json_and_markdown(demo_crawl, tmp_path, truth):
    db_path = _copy_db(demo_crawl, tmp_path)
    out = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["report", str(demo_crawl.config_path), "--db", str(db_path), "--format", "json",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["schema"] == "newsclaims.story-report" and report["schema_version"] == 2  # copies, propagation, corrections
    assert report["summary"]["articles"] == sum(1 for a in truth["articles"] if not a["off_topic"])
    result = CliRunner().invoke(cli, ["report", str(demo_crawl.config_path), "--db", str(db_path)])
    assert result.exit_code == 0 and result.stdout.startswith("# newsclaims report: ")


def test_report_of_an_uncrawled_story_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["report", "demo", "--db", str(tmp_path / "empty.db")])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "newsclaims crawl demo" in result.output


def test_quiet_and_pipes_show_no_progress_but_a_terminal_does(real_article_crawl, tmp_path):
    import os
    import pty
    import sqlite3
    import subprocess
    import sys

    from newsclaims import ROOT

    db_path = tmp_path / "copy.db"
    shutil.copy(real_article_crawl.db_path, db_path)
    args = ["analyse", str(real_article_crawl.config_path), "--db", str(db_path), "--force"]
    quiet = CliRunner().invoke(cli, [*args, "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout.startswith("analyse real:")
    piped = CliRunner().invoke(cli, args)
    assert "spaCy model:" in piped.stderr and "NER (article versions)" not in piped.stderr
    with sqlite3.connect(db_path) as conn:
        conn.execute("delete from version_analyses")  # make the version meet the model again
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "newsclaims", *args], cwd=ROOT, stdin=follower,
                               stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(60)
    os.close(leader)
    output = b"".join(chunks).decode()
    assert process.returncode == 0, output
    assert "NER (article versions): 1/1" in output


def test_a_library_error_is_one_line_with_its_own_exit_code(tmp_path, monkeypatch):
    from newsclaims import store
    from newsclaims.errors import SettingsError

    def refuse(*args, **kwargs):
        raise SettingsError("NEWSCLAIMS_VARIANT_CUTOFF must be between 0 and 100, got 150")

    monkeypatch.setattr(store, "set_review", refuse)
    result = CliRunner().invoke(cli, ["review", "0123456789abcdef", "confirm", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and result.stderr == "Error: NEWSCLAIMS_VARIANT_CUTOFF must be between 0 and 100, got 150\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_the_library_errors_are_one_family():
    from newsclaims import errors, store
    from newsclaims.config import StoryConfigError
    from newsclaims.nlp import ModelNotFound
    from newsclaims.schedule import CrawlLocked

    assert store.StoreError is errors.StoreError
    assert issubclass(StoryConfigError, errors.ConfigError) and issubclass(CrawlLocked, errors.LockedError)
    assert issubclass(ModelNotFound, errors.ModelError)
