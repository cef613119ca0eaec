"""Command-line plumbing shared by ``python -m memnav_bridge.gridworld`` and ``python -m memnav_bridge.habitat``:
--port / --bind / --verbose, the "serving ... on tcp://host:port" line, and a clean stop on
Ctrl-C or SIGTERM. Failures print one line ``<prog>: <reason>`` on stderr and exit 1.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from typing import Callable, List, Optional, Tuple

from .protocol import CURRENT_VERSION
from .server import DEFAULT_BIND_ADDRESS, BackendSource, BridgeServer

DEFAULT_PORT = 5555

# Builds the backend source from the parsed arguments; returns it and a few words naming the simulator.
SourceFactory = Callable[[argparse.Namespace], Tuple[BackendSource, str]]


def server_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"TCP port to listen on; 0 picks a free one (default: {DEFAULT_PORT}). "
                             "The address actually bound is printed on the first line of stdout.")
    parser.add_argument("--bind", default=DEFAULT_BIND_ADDRESS, metavar="ADDR",
                        help=f"address to listen on (default: {DEFAULT_BIND_ADDRESS}, loopback only). The protocol "
                             "has no authentication: bind other interfaces only on a trusted network.")
    parser.add_argument("--verbose", action="store_true", help="log every connection and bad frame on stderr")


def run_server(prog: str, argv: Optional[List[str]], parser: argparse.ArgumentParser, make_source: SourceFactory,
               server_name: str) -> int:
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format=f"{prog}: %(levelname)s %(message)s", stream=sys.stderr)
    if not 0 <= args.port <= 65535:
        print(f"{prog}: --port must be 0..65535, got {args.port}", file=sys.stderr)
        return 1
    try:
        source, label = make_source(args)
        server = BridgeServer(source, args.bind, args.port, name=server_name)
    except Exception as e:  # noqa: BLE001 - one line for the user, not a traceback
        print(f"{prog}: {str(e).splitlines()[0] if str(e) else type(e).__name__}", file=sys.stderr)
        return 1
    stop = threading.Event()

    def request_stop(signum, frame):  # noqa: ARG001 - signal handler signature
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    server.start()
    print(f"{prog}: serving {label} on {server.endpoint} (protocol {CURRENT_VERSION}); Ctrl-C to stop", flush=True)
    while not stop.wait(0.5):
        pass
    server.close()
    print(f"{prog}: stopped", flush=True)
    return 0
