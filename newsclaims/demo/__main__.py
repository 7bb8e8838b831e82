"""``python -m newsclaims.demo``: render the whole demo site (which validates corpus.toml) and, with
``--write-truth``, regenerate data/demo/truth.json.

    python -m newsclaims.demo --write-truth   # after any change to data/demo/corpus.toml
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsclaims.demo.corpus import DEFAULT_SOURCE
from newsclaims.demo.site import build_site
from newsclaims.demo.truth import DEFAULT_TRUTH, truth_json


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the fictional Fernhollow demo corpus.")
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--write-truth", action="store_true", help=f"write {DEFAULT_TRUTH}")
    ap.add_argument("--truth-out", type=Path, default=DEFAULT_TRUTH)
    args = ap.parse_args(argv)
    site = build_site(args.source)
    if args.write_truth:
        args.truth_out.write_text(truth_json(args.source), encoding="utf-8")
        print(f"wrote {args.truth_out}")
    else:
        n = sum(len(p) for p in site.values())
        print(f"{n} pages on {len(site)} sites; use --write-truth to regenerate {DEFAULT_TRUTH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
