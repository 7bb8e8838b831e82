"""Text reuse: which article versions copied which (see the modules: shingles, candidates)."""
