"""Every command documents itself, with an example, as sqlite-utils' test_docs does."""
import click
import pytest

from newsclaims.cli import cli


def _commands(group, prefix=()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


@pytest.mark.parametrize("path, command", list(_commands(cli)), ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_command_has_help_with_an_example(path, command):
    assert command.help and "Example:" in command.help, f"newsclaims {' '.join(path)} needs help text with an example"


def test_readme_mentions_every_command():
    from newsclaims import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path, _ in _commands(cli):
        assert f"newsclaims {' '.join(path)}" in readme, f"README does not show `newsclaims {' '.join(path)}`"
