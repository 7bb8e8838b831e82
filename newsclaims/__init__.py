"""newsclaims: the shell around the crawler and the analysis core.

`crawler/` (Scrapy) fetches and extracts, `newsclaims.store` owns the SQLite file, `analysis/` holds the
pure functions, and `newsclaims.cli` ties them together as the `newsclaims` command.
"""
from pathlib import Path

__version__ = "0.1.0"

#: The repository root: bundled data (demo corpus, story configs) lives below it.
ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
