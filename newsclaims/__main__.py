"""`python -m newsclaims` is the `newsclaims` command."""
from newsclaims.cli import cli

cli(prog_name="newsclaims")
