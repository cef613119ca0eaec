"""``python -m memnav_bridge.fixedframe --port P --width 640 --height 480``: a server for benchmarking the
Python side of the bridge. Not a simulator: every step answers with the same pre-made RGB + depth
images (seeded noise), so ``memnav bench bridge --python`` measures the wire path (numpy blobs
sent without copies, sockets, the Java client's decoding), not rendering.
"""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional

import numpy as np

from .api import (ACTIONS, AgentConfig, Capabilities, EpisodeSpec, EpisodeStart, EpisodeStatus, Goal, NavigabilityMap,
                  Observation, Point, Pose, SceneInfo, SensorSpec)
from .backend import SimulatorBackend
from .cli import run_server, server_arguments
from .server import BackendSource


class FixedFrameBackend(SimulatorBackend):
    def __init__(self, width: int, height: int):
        rng = np.random.default_rng(42)
        self._sensor = SensorSpec(width, height, 90.0)
        self._rgb = rng.integers(0, 256, size=(height, width, 3), dtype=np.uint8)
        self._depth = (0.5 + 5 * rng.random((height, width))).astype(np.float32)
        self._pose = Pose((0.0, 0.0, 0.0), 0.0)
        self._status = EpisodeStatus(0, 1, 0, False, None)
        self._step = 0

    def capabilities(self) -> Capabilities:
        return Capabilities("fixed-frame benchmark backend (python)", AgentConfig(), self._sensor, ("rgb", "depth"), ACTIONS)

    def load_scene(self, scene_ref: str) -> SceneInfo:
        return SceneInfo(scene_ref, ())

    def new_episode(self, seed: int, subtasks: int) -> EpisodeStart:
        self._step = 0
        spec = EpisodeSpec("bench", "bench", seed, self._pose, (Goal("object", "chair", "find a chair"),))
        return EpisodeStart(spec, self._observation())

    def step(self, action: str) -> Observation:
        self._step += 1
        return self._observation()

    def _observation(self) -> Observation:
        return Observation(self._step, self._pose, False, self._status, self._rgb, self._depth)

    def agent_pose(self) -> Pose:
        return self._pose

    def set_agent_pose(self, pose: Pose) -> None:
        self._pose = pose

    def geodesic_distance(self, start: Point, end: Point) -> float:
        return float(np.hypot(end[0] - start[0], end[2] - start[2]))

    def shortest_path(self, start: Point, end: Point) -> List[Point]:
        return [start, end]

    def snap_point(self, point: Point) -> Point:
        return point

    def navigability_map(self) -> NavigabilityMap:
        return NavigabilityMap(0.0, 0.0, 1.0, np.ones((1, 1), dtype=np.uint8))


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m memnav_bridge.fixedframe", description=(
        "Serve pre-made RGB + depth frames over the sim-bridge protocol, for benchmarking the wire path "
        "(memnav bench bridge --python). Not a simulator."))
    server_arguments(parser)
    parser.add_argument("--width", type=int, default=640, help="frame width (default: 640)")
    parser.add_argument("--height", type=int, default=480, help="frame height (default: 480)")

    def make_source(args: argparse.Namespace):
        if args.width < 1 or args.height < 1:
            raise ValueError(f"frames must be at least 1x1, got {args.width}x{args.height}")
        backend = FixedFrameBackend(args.width, args.height)
        return BackendSource.shared(backend), f"fixed {args.width}x{args.height} frames"

    return run_server("memnav-fixedframe", argv, parser, make_source, "memnav-bridge-python (fixed frames)")


if __name__ == "__main__":
    sys.exit(main())
