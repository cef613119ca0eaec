"""``python -m memnav_bridge.habitat --scene X.glb --port P [--gpu-device-id -1]``: serves Habitat-Sim
over the sim-bridge protocol. One simulator for the whole process (Habitat-Sim holds one GL
context), shared by all connections one call at a time.

``--self-test`` instead drives one episode with habitat's greedy geodesic follower and prints
each subtask's outcome: a quick check that an installation, a scene and its annotations work.

NOT RUN HERE: habitat-sim cannot be installed on the project's machines; see ../../README.md.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Any, List, Optional

from ..api import AgentConfig, SensorSpec
from ..cli import run_server, server_arguments
from ..server import BackendSource
from .backend import HabitatBackend
from .config import HabitatSettings

PROG = "memnav-habitat"
INSTALL_HINT = ("install Habitat-Sim into this Python with conda, e.g. "
                "'conda install habitat-sim withbullet headless -c conda-forge -c aihabitat' "
                "(see sim-bridge/python/README.md)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m memnav_bridge.habitat", description=(
        "Serve Habitat-Sim over the MemNav sim-bridge protocol. Connect the workbench with: "
        "./memnav run --sim tcp://HOST:PORT --scene SCENE (SCENE as given here, or another scene file on this machine)."))
    server_arguments(parser)
    parser.add_argument("--scene", required=True, help="scene to load first: a .glb/.ply file, or a scene id of the "
                                                        "dataset given with --dataset-config")
    parser.add_argument("--dataset-config", metavar="FILE", help="a *.scene_dataset_config.json (HM3D, MP3D...)")
    parser.add_argument("--gpu-device-id", type=int, default=0,
                        help="CUDA device to render on; -1 renders on the CPU (habitat-sim >= 0.3.2). Default: 0")
    parser.add_argument("--width", type=int, default=256, help="sensor width in pixels (default: 256)")
    parser.add_argument("--height", type=int, default=256, help="sensor height in pixels (default: 256)")
    parser.add_argument("--hfov", type=float, default=90.0, help="horizontal field of view in degrees (default: 90)")
    parser.add_argument("--no-semantic", action="store_true", help="no semantic sensor (scenes without annotations)")
    parser.add_argument("--seed", type=int, default=0, help="simulator random seed (default: 0)")
    parser.add_argument("--self-test", action="store_true",
                        help="drive one episode with habitat's greedy follower, print the outcomes and exit")
    return parser


def import_habitat_sim() -> Any:
    try:
        return importlib.import_module("habitat_sim")
    except ImportError as e:
        raise RuntimeError(f"habitat_sim is not importable in {sys.executable} ({e}); {INSTALL_HINT}") from None


def settings_from(args: argparse.Namespace) -> HabitatSettings:
    return HabitatSettings(scene=args.scene, dataset_config=args.dataset_config, gpu_device_id=args.gpu_device_id,
                           seed=args.seed, semantic_sensor=not args.no_semantic, agent=AgentConfig(),
                           sensor=SensorSpec(args.width, args.height, args.hfov))


def drive_with_greedy_follower(backend: HabitatBackend, seed: int = 0, subtasks: int = 3) -> List:
    """One episode driven by the greedy follower; the outcome of every subtask."""
    backend.load_scene(backend.scene)
    start = backend.new_episode(seed, subtasks)
    outcomes = []
    status = start.observation.status
    while not status.episode_over:
        goal = backend.nearest_goal_point(status.subtask_index)
        observation = backend.step(backend.oracle_action(goal))
        status = observation.status
        if status.last_outcome is not None:
            outcomes.append(status.last_outcome)
    return outcomes


def main(argv: Optional[List[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.self_test:
        try:
            backend = HabitatBackend(import_habitat_sim(), settings_from(args))
            outcomes = drive_with_greedy_follower(backend)
        except Exception as e:  # noqa: BLE001 - one line for the user
            print(f"{PROG}: self-test failed: {e}", file=sys.stderr)
            return 1
        for o in outcomes:
            print(f"subtask {o.subtask_index + 1}: {o.goal.description:40s} success={o.success} spl={o.spl:.2f} "
                  f"actions={o.actions}")
        backend.close()
        return 0 if outcomes else 1

    def make_source(parsed: argparse.Namespace):
        backend = HabitatBackend(import_habitat_sim(), settings_from(parsed))
        return BackendSource.shared(backend), f"Habitat-Sim ({parsed.scene})"

    return run_server(PROG, argv, parser, make_source, "memnav-bridge-python (habitat-sim)")


if __name__ == "__main__":
    sys.exit(main())
