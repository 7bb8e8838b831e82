"""The functional core: pure functions over plain records (no files, sockets, databases or settings)."""

# The version of the rules that turn mentions into clusters, decisions and flags. Stored with every
# analysis run, so a result can be traced to the rules that produced it; bump it when output changes.
RULESET_VERSION = "2026.12.206"
