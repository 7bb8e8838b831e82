"""`people merge|split`: the user corrects the clustering, in the story config where it is kept.

The decision is written into the story's TOML (`[names] same` / `distinct`) with tomlkit, so the
user's comments and layout survive and the config stays the one place a story's truth lives; it is
applied at the next `analyse` as must-link / cannot-link and shown in reports as the user's decision.
"""
from __future__ import annotations

import click

from newsclaims.cli.common import _fail_cleanly, cli
from newsclaims.config import load_story, story_path
from newsclaims.errors import ConfigError


@cli.group()
def people():
    """Correct who is who: merge names into one person, or split them apart."""


@people.command("merge")
@click.argument("story")
@click.argument("names", nargs=-1, required=True)
@_fail_cleanly
def people_merge(story, names):
    """Make NAMES one person in STORY (written to [names] same; applied at the next analyse).

    Example:

        newsclaims people merge demo "Dale Cathcart" "D. C. Cathcart"
    """
    click.echo(_add(story, "same", names))


@people.command("split")
@click.argument("story")
@click.argument("names", nargs=-1, required=True)
@_fail_cleanly
def people_split(story, names):
    """Keep NAMES apart as different people in STORY (written to [names] distinct).

    Example:

        newsclaims people split demo "Thomas Brennan" "Tomas Brennan"
    """
    click.echo(_add(story, "distinct", names))


def _add(story: str, key: str, names: tuple[str, ...]) -> str:
    import tomlkit

    if len(set(names)) < 2:
        raise click.UsageError("give at least two different names")
    load_story(story)  # the config must be valid before it is changed
    path = story_path(story)
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    section = document.setdefault("names", tomlkit.table())
    groups = section.setdefault(key, tomlkit.array())
    if list(names) in [list(g) for g in groups]:
        return f"{path}: [names] {key} already has {list(names)}"
    groups.append(list(names))
    text = tomlkit.dumps(document)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write: {exc.strerror}") from None
    load_story(path)  # what was written still loads
    return f"{path}: [names] {key} += {list(names)}; run `newsclaims analyse {story}` to apply it"
