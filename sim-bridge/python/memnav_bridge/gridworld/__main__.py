"""``python -m memnav_bridge.gridworld --port P``: serves the numpy grid world over the sim-bridge protocol.

Each connection gets its own grid world (cheap to build), so clients never see each other's episodes.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from typing import List, Optional

from ..api import SensorSpec
from ..cli import run_server, server_arguments
from ..server import BackendSource
from .backend import GridWorldBackend

PROG = "memnav-gridworld"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m memnav_bridge.gridworld", description=(
        "Serve the numpy grid world (seeded four-room apartments, scenes 'gridworld:rooms?seed=N') over the "
        "MemNav sim-bridge protocol. Connect the workbench with: ./memnav run --sim tcp://HOST:PORT "
        "--scene 'gridworld:rooms?seed=3'"))
    server_arguments(parser)
    parser.add_argument("--width", type=int, default=256, help="sensor width in pixels (default: 256)")
    parser.add_argument("--height", type=int, default=256, help="sensor height in pixels (default: 256)")
    parser.add_argument("--hfov", type=float, default=90.0, help="horizontal field of view in degrees (default: 90)")
    parser.add_argument("--no-semantic", action="store_true", help="switch the semantic (instance id) sensor off")
    faults = parser.add_argument_group("fault injection (for testing clients)")
    faults.add_argument("--step-delay-s", type=float, default=0.0, metavar="S",
                        help="make every step take at least S seconds (a slow simulator)")
    faults.add_argument("--crash-after-steps", type=int, default=0, metavar="N",
                        help="kill this server process with SIGKILL when the N-th step request (over all "
                             "connections) arrives, before answering it (a simulator that dies mid-run)")
    return parser


class _CrashingGridWorld(GridWorldBackend):
    """Kills the whole process, as an external SIGKILL would, on the N-th step request."""

    def __init__(self, counter: "_StepCounter", **kwargs):
        super().__init__(**kwargs)
        self._counter = counter

    def step(self, action: str):
        if self._counter.arrive():
            sys.stdout.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        return super().step(action)


class _StepCounter:
    def __init__(self, limit: int):
        self._limit = limit
        self._count = 0
        self._lock = threading.Lock()

    def arrive(self) -> bool:
        with self._lock:
            self._count += 1
            return self._count >= self._limit


def main(argv: Optional[List[str]] = None) -> int:
    parser = _parser()

    def make_source(args: argparse.Namespace):
        if args.width < 1 or args.height < 1 or not 1 <= args.hfov < 180:
            raise ValueError(f"sensor must be at least 1x1 pixels with 1 <= hfov < 180, got "
                             f"{args.width}x{args.height}, hfov {args.hfov}")
        options = dict(sensor=SensorSpec(args.width, args.height, args.hfov), semantic_sensor=not args.no_semantic,
                       step_delay_s=args.step_delay_s)
        if args.crash_after_steps > 0:
            counter = _StepCounter(args.crash_after_steps)
            return BackendSource.per_connection(lambda: _CrashingGridWorld(counter, **options)), \
                f"the grid world (crashing after {args.crash_after_steps} steps)"
        return BackendSource.per_connection(lambda: GridWorldBackend(**options)), "the grid world"

    return run_server(PROG, argv, parser, make_source, "memnav-bridge-python (grid world)")


if __name__ == "__main__":
    sys.exit(main())
