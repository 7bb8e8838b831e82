"""``python -m newsclaims.demo.serve [--story demo] [--free-ports]``: serve the demo corpus by hand.

Prints one JSON line (slug -> origin) and serves until SIGTERM or Ctrl-C. A module of its own, apart
from `newsclaims.demo.server`, so that ``-m`` does not run a module the package has already imported.
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from newsclaims.config import load_story
from newsclaims.demo.server import DemoServer, PortInUse, demo_ports
from newsclaims.demo.site import build_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Serve a site of pages on 127.0.0.1, one port per outlet, so crawls run against real HTTP.")
    parser.add_argument("--story", default="demo", help="story config whose ports to use (default: demo)")
    parser.add_argument("--free-ports", action="store_true", help="bind free ports instead of the config's")
    args = parser.parse_args(argv)
    ports = None if args.free_ports else demo_ports(load_story(args.story))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        with DemoServer(build_site(), ports) as server:
            print(json.dumps(server.origins), flush=True)
            try:
                stop.wait()
            except KeyboardInterrupt:
                pass
    except PortInUse as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
