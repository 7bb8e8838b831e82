"""Story configs: the bundled ones load, and bad ones fail with one line naming the field."""
import pytest
from click.testing import CliRunner

from newsclaims.cli import cli
from newsclaims.config import StoryConfigError, load_story

GOOD = '''slug = "s"
title = "A story"

[[outlets]]
slug = "a"
name = "Outlet A"
origin = "http://127.0.0.1:8001"
seeds = ["/"]
'''


def test_bundled_demo_story_loads():
    story = load_story("demo")
    assert story.slug == "demo" and len(story.outlets) >= 2
    assert any(o.authoritative for o in story.outlets)


def test_round_trip_through_toml(tmp_path):
    story = load_story("demo").with_origins({"gazette": "http://127.0.0.1:9999"})
    path = tmp_path / "copy.toml"
    path.write_text(story.to_toml(), encoding="utf-8")
    assert load_story(path) == story


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda t: t.replace('seeds = ["/"]\n', ""), "outlets[0].seeds"),
        (lambda t: t.replace('seeds = ["/"]', 'seeds = []'), "outlets[0].seeds"),
        (lambda t: t + 'colour = "blue"\n', "outlets[0].colour"),
        (lambda t: t.replace('title = "A story"', 'title = "A story"\nsedes = 1'), "sedes"),
        (lambda t: t.replace('seeds = ["/"]', 'seeds = "/"'), "outlets[0].seeds"),
        (lambda t: t.replace('name = "Outlet A"', 'name = "Outlet A"\nauthoritative = "yes"'), "outlets[0].authoritative"),
        (lambda t: t.replace('origin = "http://127.0.0.1:8001"', 'origin = "ftp://x"'), "outlets[0].origin"),
        (lambda t: t.replace('seeds = ["/"]', 'seeds = ["http://127.0.0.1:9/"]'), "outlets[0]"),
        (lambda t: t.replace('slug = "s"', 'slug = "S S"'), "slug"),
        (lambda t: "this is [not toml", "not valid TOML"),
    ],
)
def test_invalid_config_is_one_line_naming_the_field(tmp_path, change, field):
    path = tmp_path / "bad.toml"
    path.write_text(change(GOOD), encoding="utf-8")
    with pytest.raises(StoryConfigError) as raised:
        load_story(path)
    assert field in str(raised.value)
    result = CliRunner().invoke(cli, ["crawl", str(path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and field in lines[0], result.output
    assert not (tmp_path / "x.db").exists()


def test_missing_story_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["analyse", str(tmp_path / "nope.toml"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "no such story config" in result.output


def test_a_loaded_config_flows_down_unparsed(tmp_path, monkeypatch):
    import tomllib

    story = load_story("demo")
    monkeypatch.setattr(tomllib, "loads", lambda *a, **k: pytest.fail("parsed again"))
    assert load_story(story) is story


def test_the_store_gets_the_story_as_plain_values():
    story = load_story("demo")
    record = story.as_record()
    assert record["slug"] == "demo" and load_story("demo").model_validate_json(record["config"]) == story
    assert {o["origin"] for o in record["outlets"]} == {o.origin for o in story.outlets}
    assert all(set(o) == {"origin", "name", "slug", "authoritative"} for o in record["outlets"])
