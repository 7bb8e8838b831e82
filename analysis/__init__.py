"""The functional core: pure functions over plain records (no files, sockets, databases or settings)."""
