"""Habitat-Sim as a ``SimulatorBackend``: the protocol mapped onto habitat_sim's public API.

- load_scene: ``Simulator.reconfigure`` with ``scene_id`` = a .glb/.ply file or a scene of the
  dataset given with --dataset-config; a navmesh is recomputed (``NavMeshSettings`` sized for the
  agent, ``recompute_navmesh``) when the scene ships none.
- step: ``Simulator.step`` with the action amounts announced in hello; ``previous_step_collided``;
  RGBA -> RGB uint8, depth float32 metres, semantic uint32 -> int32.
- get/set_agent_state: ``AgentState`` position and a yaw quaternion about +y.
- geodesic_distance / shortest_path / snap_point / navigability_map: ``pathfinder.find_path``
  (``ShortestPath``), ``snap_point``, ``get_topdown_view`` at the agent's floor.
- episodes and metrics: the shared ``EpisodeTracker``; goal distance = ``MultiGoalShortestPath``
  to the goal's view points. ``oracle_action`` drives with habitat's greedy geodesic follower.

NOT RUN AGAINST REAL HABITAT-SIM HERE: habitat-sim cannot be installed on the project's machines
(conda-only, no CPU Linux wheel for our Python). pytest drives this class with a fake habitat_sim
module that records calls, which checks the mapping, not habitat-sim itself.
"""

from __future__ import annotations

import math
import os
import random
from dataclasses import replace
from typing import Any, List, Optional

import numpy as np

from ..api import (ACTIONS, Capabilities, EpisodeSpec, EpisodeStart, NavigabilityMap, Observation, Point, Pose,
                   SceneInfo, wrap_angle)
from ..backend import BackendError, SimulatorBackend
from ..episodes import EpisodeTracker
from .config import HabitatSettings, build_configuration, navmesh_settings
from .goals import AnnotatedObject, STRUCTURE_CATEGORIES, sample_goals, scene_objects, view_points

PHYSICAL_ACTIONS = ("move_forward", "turn_left", "turn_right", "look_up", "look_down")
NAV_MAP_CELL_M = 0.05
GOAL_IMAGE_MAX_SIDE = 128
SCENE_FILE_SUFFIXES = (".glb", ".gltf", ".ply", ".obj", ".stage_config.json", ".scene_instance.json")
_UP = np.array([0.0, 1.0, 0.0])


def yaw_of(rotation: Any) -> float:
    """Yaw about +y of a rotation given as a numpy-quaternion (w, x, y, z attributes), a magnum
    Quaternion (scalar, vector) or coefficients [x, y, z, w]; assumes a pure yaw rotation, as agents have."""
    if hasattr(rotation, "w") and hasattr(rotation, "y"):
        w, y = float(rotation.w), float(rotation.y)
    elif hasattr(rotation, "scalar"):
        w, y = float(rotation.scalar), float(rotation.vector[1])
    else:
        x_, y, z_, w = (float(v) for v in rotation)
    return wrap_angle(2 * math.atan2(y, w))


class HabitatBackend(SimulatorBackend):
    def __init__(self, habitat_sim: Any, settings: HabitatSettings):
        self._hs = habitat_sim
        self._settings = settings
        self._sim = habitat_sim.Simulator(build_configuration(habitat_sim, settings))
        self._ensure_navmesh()
        self._objects: Optional[List[AnnotatedObject]] = None
        self._tracker: Optional[EpisodeTracker] = None
        self._goal_points: List[List[np.ndarray]] = []
        self._follower = None
        self._step = 0

    @property
    def simulator(self) -> Any:
        return self._sim

    @property
    def scene(self) -> str:
        """The scene being served (as given with --scene or the last load_scene)."""
        return self._settings.scene

    # --- SimulatorBackend ----------------------------------------------------------------------

    def capabilities(self) -> Capabilities:
        version = getattr(self._hs, "__version__", "unknown version")
        sensors = ("rgb", "depth", "semantic") if self._settings.semantic_sensor else ("rgb", "depth")
        return Capabilities(f"habitat-sim {version}", self._settings.agent, self._settings.sensor, sensors, ACTIONS)

    def load_scene(self, scene_ref: str) -> SceneInfo:
        ref = scene_ref.strip()
        if ref.startswith("procedural:") or ref.startswith("gridworld:"):
            raise BackendError(f"'{ref}' is a scene of another simulator; this Habitat-Sim server loads scene files "
                               f"(.glb, .ply) or scene ids of its dataset, e.g. '{self._settings.scene}'")
        if ref != self._settings.scene:
            if ref.endswith(SCENE_FILE_SUFFIXES) and not os.path.exists(ref):
                raise BackendError(f"scene file not found on the simulator's machine: {ref}")
            settings = replace(self._settings, scene=ref)
            self._sim.reconfigure(build_configuration(self._hs, settings))
            self._settings = settings
            self._follower = None
            self._ensure_navmesh()
        self._tracker = None
        self._objects = scene_objects(self._sim.semantic_scene)
        return SceneInfo(self._settings.scene, tuple(o.info for o in self._objects))

    def new_episode(self, seed: int, subtasks: int) -> EpisodeStart:
        objects = self._require_scene()
        agent = self._settings.agent
        pathfinder = self._sim.pathfinder
        rng = random.Random(f"memnav-habitat:{self._settings.scene}:{seed}")
        pathfinder.seed(seed & 0x7FFFFFFF)
        start = np.asarray(pathfinder.get_random_navigable_point(), dtype=np.float32)
        candidates = []
        for obj in objects:
            if obj.info.category in STRUCTURE_CATEGORIES:
                continue
            points = view_points(pathfinder, obj, agent.radius_m, agent.success_distance_m)
            if points and math.isfinite(self._multi_goal_distance(start, points)):
                candidates.append((obj, points))
        if not candidates:
            raise BackendError(f"scene {self._settings.scene} has no annotated object reachable from the start to use "
                               f"as a goal; object goals need a scene with semantic annotations (e.g. HM3D-semantics, "
                               f"MP3D) loaded with its dataset config")
        goals, regions, instances = sample_goals(rng, candidates, subtasks, self._goal_picture)
        yaw = wrap_angle(math.radians(agent.turn_deg * rng.randrange(int(round(360 / agent.turn_deg)))))
        self._place_agent(start, yaw)
        self._goal_points = regions
        self._step = 0
        self._tracker = EpisodeTracker(goals, self._distance_to_goal, agent.success_distance_m,
                                       agent.max_actions_per_subtask, self._position(), instances)
        spec = EpisodeSpec(f"{self._settings.scene}#{seed}", self._settings.scene, seed, self.agent_pose(), tuple(goals))
        return EpisodeStart(spec, self._observation(self._sim.get_sensor_observations(), False, None))

    def step(self, action: str) -> Observation:
        if self._tracker is None:
            raise BackendError("step before new_episode: start an episode first")
        if self._tracker.over:
            raise BackendError("the episode is over; start a new one")
        self._step += 1
        collided = False
        moved = 0.0
        outcome = None
        if action in PHYSICAL_ACTIONS:
            before = self._position()
            observations = self._sim.step(action)
            collided = bool(self._sim.previous_step_collided)
            after = self._position()
            moved = math.hypot(after[0] - before[0], after[2] - before[2])
        elif action in ("subtask_stop", "stop"):
            observations = self._sim.get_sensor_observations()
            outcome = self._tracker.finish(self._position())
            if action == "stop":
                self._tracker.end_episode()
        else:
            raise BackendError(f"unknown action '{action}'")
        if outcome is None:
            outcome = self._tracker.count_action(moved, self._position())
        return self._observation(observations, collided, outcome)

    def agent_pose(self) -> Pose:
        state = self._sim.get_agent(0).get_state()
        return Pose(tuple(float(v) for v in state.position), yaw_of(state.rotation))

    def set_agent_pose(self, pose: Pose) -> None:
        position = np.array(pose.position, dtype=np.float32)
        if not self._sim.pathfinder.is_navigable(position):
            raise BackendError(f"pose {list(pose.position)} is not navigable in {self._settings.scene}")
        self._place_agent(position, pose.yaw)

    def geodesic_distance(self, start: Point, end: Point) -> float:
        path = self._find_path(start, end)
        return float(path.geodesic_distance) if path is not None else math.inf

    def shortest_path(self, start: Point, end: Point) -> List[Point]:
        path = self._find_path(start, end)
        return [] if path is None else [tuple(float(v) for v in p) for p in path.points]

    def snap_point(self, point: Point) -> Point:
        snapped = np.asarray(self._sim.pathfinder.snap_point(np.array(point, dtype=np.float32)), dtype=np.float64)
        if snapped.shape != (3,) or not np.all(np.isfinite(snapped)):
            raise BackendError(f"no navigable point near {list(point)} in {self._settings.scene}")
        return tuple(float(v) for v in snapped)

    def navigability_map(self) -> NavigabilityMap:
        pathfinder = self._sim.pathfinder
        lower, _ = pathfinder.get_bounds()
        # habitat samples the navmesh at grid points origin + index * cell; we read each sample as its cell.
        cells = np.asarray(pathfinder.get_topdown_view(NAV_MAP_CELL_M, self._position()[1]), dtype=bool)
        return NavigabilityMap(float(lower[0]), float(lower[2]), NAV_MAP_CELL_M, cells.astype(np.uint8))

    def close(self) -> None:
        self._sim.close()

    # --- greedy follower -----------------------------------------------------------------------

    def oracle_action(self, goal: Point) -> str:
        """Habitat's greedy geodesic follower's next action toward ``goal``; subtask_stop when it
        says stop or cannot find a way (GreedyFollowerError)."""
        if self._follower is None:
            self._follower = self._sim.make_greedy_follower(
                agent_id=0, goal_radius=self._settings.agent.forward_step_m, stop_key="subtask_stop",
                forward_key="move_forward", left_key="turn_left", right_key="turn_right")
        try:
            action = self._follower.next_action_along(np.array(goal, dtype=np.float32))
        except self._hs.errors.GreedyFollowerError:
            return "subtask_stop"
        return action if action in ACTIONS else "subtask_stop"

    def nearest_goal_point(self, subtask: int) -> Point:
        """The view point of that subtask's goal nearest (geodesically) to the agent."""
        path = self._hs.nav.MultiGoalShortestPath()
        path.requested_start = np.array(self._position(), dtype=np.float32)
        path.requested_ends = self._goal_points[subtask]
        if not self._sim.pathfinder.find_path(path) or path.closest_end_point_index < 0:
            raise BackendError(f"no path to goal {subtask}")
        return tuple(float(v) for v in self._goal_points[subtask][path.closest_end_point_index])

    # --- internals -----------------------------------------------------------------------------

    def _ensure_navmesh(self) -> None:
        if not self._sim.pathfinder.is_loaded:
            self._sim.recompute_navmesh(self._sim.pathfinder, navmesh_settings(self._hs, self._settings.agent))
        if not self._sim.pathfinder.is_loaded:
            raise BackendError(f"no navmesh for {self._settings.scene}, and recomputing one failed")

    def _require_scene(self) -> List[AnnotatedObject]:
        if self._objects is None:
            raise BackendError("no scene loaded: call load_scene first")
        return self._objects

    def _position(self) -> Point:
        return tuple(float(v) for v in self._sim.get_agent(0).get_state().position)

    def _place_agent(self, position: np.ndarray, yaw: float) -> None:
        state = self._hs.agent.AgentState()
        state.position = np.asarray(position, dtype=np.float32)
        state.rotation = self._hs.utils.common.quat_from_angle_axis(float(yaw), _UP)
        self._sim.get_agent(0).set_state(state)

    def _find_path(self, start: Point, end: Point):
        path = self._hs.nav.ShortestPath()
        path.requested_start = np.array(start, dtype=np.float32)
        path.requested_end = np.array(end, dtype=np.float32)
        return path if self._sim.pathfinder.find_path(path) else None

    def _multi_goal_distance(self, start: np.ndarray, points: List[np.ndarray]) -> float:
        path = self._hs.nav.MultiGoalShortestPath()
        path.requested_start = np.asarray(start, dtype=np.float32)
        path.requested_ends = points
        return float(path.geodesic_distance) if self._sim.pathfinder.find_path(path) else math.inf

    def _distance_to_goal(self, subtask: int, position: Point) -> float:
        return self._multi_goal_distance(np.array(position, dtype=np.float32), self._goal_points[subtask])

    def _goal_picture(self, target: AnnotatedObject, points: List[np.ndarray]) -> np.ndarray:
        """What the camera sees from the first view point, facing the object (agent put back afterwards)."""
        agent = self._sim.get_agent(0)
        saved = agent.get_state()
        p = points[0]
        cx, _, cz = target.info.center
        self._place_agent(p, math.atan2(-(cx - float(p[0])), -(cz - float(p[2]))))
        rgb = np.asarray(self._sim.get_sensor_observations()["rgb"])[..., :3]
        agent.set_state(saved)
        stride = max(1, math.ceil(max(rgb.shape[0], rgb.shape[1]) / GOAL_IMAGE_MAX_SIDE))
        return np.ascontiguousarray(rgb[::stride, ::stride], dtype=np.uint8)

    def _observation(self, observations: dict, collided: bool, outcome) -> Observation:
        rgb = np.ascontiguousarray(np.asarray(observations["rgb"])[..., :3], dtype=np.uint8)
        depth = np.asarray(observations["depth"], dtype=np.float32)
        if depth.ndim == 3:
            depth = depth[..., 0]
        semantic = None
        if self._settings.semantic_sensor and "semantic" in observations:
            semantic = np.asarray(observations["semantic"]).astype(np.int32)
        return Observation(self._step, self.agent_pose(), collided, self._tracker.status(outcome), rgb,
                           np.ascontiguousarray(depth), semantic)
