"""Settings are read once and checked: a bad value is one line naming the setting and its valid range."""
from __future__ import annotations

import subprocess
import sys

import pytest

from analysis.settings import RANGES, AnalysisSettings
from newsclaims.errors import SettingsError
from newsclaims.settings import NUMERIC, analysis_settings, number


@pytest.mark.parametrize("name", sorted(NUMERIC))
@pytest.mark.parametrize("bad", ["abc", "", "nan", "-1e9", "1e12"])
def test_every_numeric_setting_refuses_values_outside_its_range(name, bad):
    with pytest.raises(SettingsError) as caught:
        number({name: bad}, name)
    kind, low, high = NUMERIC[name]
    assert str(caught.value) == f"{name} must be {'a whole number' if kind is int else 'a number'} from {low:g} to {high:g}, got {bad!r}"


def test_the_analysis_record_comes_from_the_settings_it_names():
    values = {name: str(low) for name, _kind, low, _high in RANGES.values()}
    record = analysis_settings(values)
    assert record == AnalysisSettings(**{field: RANGES[field][2] for field in RANGES})
    assert record.as_dict() == {field: RANGES[field][1](RANGES[field][2]) for field in RANGES}


def test_a_bad_setting_on_the_command_line_is_one_line_and_exit_2(tmp_path):
    result = subprocess.run([sys.executable, "-m", "newsclaims", "report", "demo", "--db", str(tmp_path / "x.db"),
                             "-s", "NEWSCLAIMS_REPORT_MIN_N=abc"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == ["Error: NEWSCLAIMS_REPORT_MIN_N must be a whole number from 1 to 100000, got 'abc'"], result.stderr
