"""`trace`: how each error travelled, from the report's propagation (who introduced it, who copied it)."""
from __future__ import annotations

import json

import click

from newsclaims.cli.common import _fail_cleanly, _settings, _settings_options, cli
from newsclaims.config import load_story
from newsclaims.errors import InputError

TRACE_FORMATS = ("text", "json", "dot", "graphml")


@cli.command()
@click.argument("story")
@click.option("--error", "form", default=None, help="Only this error form (any case), e.g. Kathcart.")
@click.option("--format", "fmt", type=click.Choice(TRACE_FORMATS), default="text", show_default=True)
@_settings_options
@_fail_cleanly
def trace(story, form, fmt, db, overrides):
    """Print the chains of STORY's errors: where each first appeared, who copied it on, who corrected.

    Text is an indented tree per chain (origin first, copies below what they copied); json is the
    report's `propagation`; dot and graphml are graphs for Graphviz, Gephi or networkx.

    Example:

        newsclaims trace demo --error Kathcart --format dot | dot -Tsvg > kathcart.svg
    """
    from analysis.propagation.trace import as_dot, as_graphml, as_text
    from newsclaims.cli.reporting import _report

    config = load_story(story)
    data = _report(config, _settings(db, overrides))
    entries = [e for e in data["propagation"] or ()
               if form is None or str(e["error"].get("form", "")).lower() == form.lower()]
    if form is not None and not entries:
        known = ", ".join(sorted({str(e["error"].get("form")) for e in data["propagation"] or ()})) or "none"
        raise InputError(f"no error {form!r} in story {config.slug!r}; its errors: {known}")
    uses = {u["url"]: u for e in data["errors"] for u in e["uses"]}
    if fmt == "json":
        click.echo(json.dumps(entries, indent=1, ensure_ascii=False))
        return
    render = {"text": as_text, "dot": as_dot, "graphml": as_graphml}[fmt]
    click.echo("\n\n".join(render(entry, uses) for entry in entries) if entries else "no errors to trace")
