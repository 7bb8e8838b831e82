"""`newsclaims variants cluster FILE.csv`: a name list checked without crawling."""
import csv
import io
import json
from collections import Counter

from click.testing import CliRunner

from newsclaims.cli import cli
from tests.conftest import MISSPELLED


def _real_article_counts(scale_correct: int = 1) -> tuple[Counter, set]:
    with open(MISSPELLED / "mentions.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    counts = Counter()
    for r in rows:
        surface = r["mention_phrase"] if r["usage"] == "name-reference" else r["surface"]
        counts[surface] += 1 if r["is_misspelling"] == "true" else scale_correct
    return counts, {r["surface"] for r in rows if r["is_misspelling"] == "true"}


def _cluster(counts: Counter, tmp_path) -> list[dict]:
    path = tmp_path / "names.csv"
    path.write_text("surface,count\n" + "".join(f"{s},{n}\n" for s, n in counts.items()), encoding="utf-8")
    result = CliRunner().invoke(cli, ["variants", "cluster", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [r["surface"] for r in out] == list(counts)  # exactly one row per input surface
    return out


def test_name_list_from_the_real_article_puts_every_form_in_one_cluster(tmp_path):
    counts, misspelled = _real_article_counts()
    out = _cluster(counts, tmp_path)
    assert {r["canonical"] for r in out} == {"Kevin Coppinger"} and len({r["cluster_id"] for r in out}) == 1
    # With counts alone, 5 wrong uses against 7 right ones are not rare: the list mode may not call
    # them errors (the story mode can, from authoritative outlets). Right forms are never flagged.
    assert {r["surface"] for r in out if r["flagged"]} <= misspelled
    assert {r["kind"] for r in out if r["surface"] not in misspelled} <= {"canonical", "title", "surname"}


def test_a_rare_misspelling_in_a_name_list_is_an_error(tmp_path):
    counts, misspelled = _real_article_counts(scale_correct=3)  # the right forms three times as often
    out = _cluster(counts, tmp_path)
    assert {r["surface"] for r in out if r["flagged"]} == misspelled


def test_bad_csv_is_one_line_and_bad_names_are_skipped(tmp_path):
    missing = tmp_path / "missing.csv"
    missing.write_text("surface\nKevin Coppinger\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["variants", "cluster", str(missing)])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "count" in result.output
    bad_count = tmp_path / "bad.csv"
    bad_count.write_text("surface,count\nKevin Coppinger,lots\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["variants", "cluster", str(bad_count)])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    odd = tmp_path / "odd.csv"
    odd.write_text("surface,count\nKevin Coppinger,3\nx,1\n,2\n" + "A" * 500 + ",1\nАлексей Навальный,2\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["variants", "cluster", str(odd)])
    assert result.exit_code == 0, result.output
    assert [r["surface"] for r in csv.DictReader(io.StringIO(result.stdout))] == ["Kevin Coppinger"]
    assert result.stderr.count("skipped line") == 4
