"""`python -m newsclaims` is the `newsclaims` command."""
from newsclaims.cli import cli

# Guarded: extraction workers are spawned, and a spawned process imports the main module again.
if __name__ == "__main__":
    cli(prog_name="newsclaims")
