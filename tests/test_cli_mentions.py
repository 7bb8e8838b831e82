"""`newsclaims mentions FILE` on the real misspelled article, checked against its mentions.csv."""
import csv
import json

import pytest
from click.testing import CliRunner

from newsclaims.cli import cli
from tests.conftest import MISSPELLED


def _expected():
    with open(MISSPELLED / "mentions.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("name", ["worcester-coppinger.txt", "worcester-coppinger.html"])
def test_every_annotated_mention_with_its_offsets_and_flag(name, nlp):
    result = CliRunner().invoke(cli, ["mentions", str(MISSPELLED / name), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [r for r in json.loads(result.stdout) if r["field"] == "text"]
    expected = _expected()
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected):
        start = int(want["phrase_char_offset"]) if want["usage"] == "name-reference" else int(want["char_offset"])
        assert (row["start"], row["end"]) == (start, int(want["char_end"])), (row, want)
        assert row["flagged"] == (want["is_misspelling"] == "true")
        assert row["canonical"].endswith(want["canonical"])
    assert len({r["cluster"] for r in rows}) == 1


def test_table_output_and_bad_file(tmp_path):
    result = CliRunner().invoke(cli, ["mentions", str(MISSPELLED / "worcester-coppinger.txt")])
    assert result.exit_code == 0 and "koppinger" in result.stdout and "Kevin Coppinger" in result.stdout
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 Coppinger".encode("latin-1"))
    result = CliRunner().invoke(cli, ["mentions", str(bad)])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "not UTF-8" in result.output
