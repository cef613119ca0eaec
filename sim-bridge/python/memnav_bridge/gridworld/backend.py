"""The numpy grid world as a ``SimulatorBackend``: same contract as the Java ``SimBackend`` and the
embedded simulator (GOAT Stretch actions, no sliding, 500 actions per subtask, success =
subtask_stop within 1.0 m geodesic of a goal view point, SPL from the subtask's start), on a
seeded four-room grid apartment rendered by a raycaster. It needs only numpy, so the Python
server's wire code can be exercised for real anywhere.
"""

from __future__ import annotations

import math
import random
import time
from typing import Dict, List, Optional, Tuple

import numpy as np

from ..api import (ACTIONS, AgentConfig, Capabilities, EpisodeSpec, EpisodeStart, Goal, NavigabilityMap,
                   Observation, Point, Pose, SceneInfo, SceneObject, SensorSpec, wrap_angle)
from ..backend import BackendError, SimulatorBackend
from ..episodes import EpisodeTracker
from .navigation import GridNavigator, navigable_cells
from .raycaster import Camera, Raycaster
from .scene import CELL_M, GridObject, GridScene, generate, parse_scene_ref

SIMULATOR_NAME = "memnav-gridworld"
MAX_PITCH = math.radians(60)
GOAL_IMAGE_SIZE = 128


class GridWorldBackend(SimulatorBackend):
    def __init__(self, sensor: SensorSpec = SensorSpec(), agent: AgentConfig = AgentConfig(),
                 semantic_sensor: bool = True, step_delay_s: float = 0.0):
        self._sensor = sensor
        self._agent = agent
        self._semantic = semantic_sensor
        # Fault injection for tests of client timeouts: every step takes at least this long.
        self._step_delay_s = step_delay_s
        self._scene: Optional[GridScene] = None
        self._nav: Optional[GridNavigator] = None
        self._raycaster: Optional[Raycaster] = None
        self._tracker: Optional[EpisodeTracker] = None
        self._goal_fields: List[np.ndarray] = []
        self._x = self._z = 0.0
        self._yaw = 0.0
        self._pitch = 0.0
        self._step = 0

    # --- SimulatorBackend ----------------------------------------------------------------------

    def capabilities(self) -> Capabilities:
        sensors = ("rgb", "depth", "semantic") if self._semantic else ("rgb", "depth")
        return Capabilities(SIMULATOR_NAME, self._agent, self._sensor, sensors, ACTIONS)

    def load_scene(self, scene_ref: str) -> SceneInfo:
        try:
            seed = parse_scene_ref(scene_ref)
        except ValueError as e:
            raise BackendError(str(e)) from None
        scene = generate(seed)
        self._scene = scene
        self._nav = GridNavigator(navigable_cells(scene, self._agent.radius_m))
        self._raycaster = Raycaster(scene)
        self._tracker = None
        return self._scene_info()

    def new_episode(self, seed: int, subtasks: int) -> EpisodeStart:
        scene, nav = self._require_scene()
        rng = random.Random(f"memnav-gridworld-episode:{scene.seed}:{seed}")
        goals, regions, instances = self._sample_goals(rng, subtasks)
        rows, cols = np.nonzero(nav.navigable)
        i = rng.randrange(rows.size)
        self._x, self._z = nav.centre_of(int(rows[i]), int(cols[i]))
        self._yaw = wrap_angle(math.radians(self._agent.turn_deg * rng.randrange(int(round(360 / self._agent.turn_deg)))))
        self._pitch = 0.0
        self._step = 0
        self._goal_fields = [nav.distance_field(cells) for cells in regions]
        self._tracker = EpisodeTracker(goals, self._distance_to_goal, self._agent.success_distance_m,
                                       self._agent.max_actions_per_subtask, self._position(), instances)
        spec = EpisodeSpec(f"{scene.scene_id}#{seed}", scene.scene_id, seed, self.agent_pose(), tuple(goals))
        return EpisodeStart(spec, self._observe(False, None))

    def step(self, action: str) -> Observation:
        if self._step_delay_s > 0:
            time.sleep(self._step_delay_s)
        if self._tracker is None:
            raise BackendError("step before new_episode: start an episode first")
        if self._tracker.over:
            raise BackendError("the episode is over; start a new one")
        if action not in ACTIONS:
            raise BackendError(f"unknown action '{action}'")
        _, nav = self._require_scene()
        self._step += 1
        collided = False
        moved = 0.0
        outcome = None
        if action == "move_forward":
            dx, dz = Pose(self._position(), self._yaw).forward()
            tx, tz = self._x + dx * self._agent.forward_step_m, self._z + dz * self._agent.forward_step_m
            if nav.line_of_sight(self._x, self._z, tx, tz):
                self._x, self._z = tx, tz
                moved = self._agent.forward_step_m
            else:
                collided = True  # no sliding: a blocked step leaves the agent where it was
        elif action == "turn_left":
            self._yaw = wrap_angle(self._yaw + math.radians(self._agent.turn_deg))
        elif action == "turn_right":
            self._yaw = wrap_angle(self._yaw - math.radians(self._agent.turn_deg))
        elif action == "look_up":
            self._pitch = min(MAX_PITCH, self._pitch + math.radians(self._agent.look_deg))
        elif action == "look_down":
            self._pitch = max(-MAX_PITCH, self._pitch - math.radians(self._agent.look_deg))
        elif action == "subtask_stop":
            outcome = self._tracker.finish(self._position())
        elif action == "stop":
            outcome = self._tracker.finish(self._position())
            self._tracker.end_episode()
        if outcome is None:
            outcome = self._tracker.count_action(moved, self._position())
        return self._observe(collided, outcome)

    def agent_pose(self) -> Pose:
        return Pose(self._position(), self._yaw)

    def set_agent_pose(self, pose: Pose) -> None:
        scene, nav = self._require_scene()
        x, _, z = pose.position
        if not nav.is_navigable(x, z):
            raise BackendError(f"pose {list(pose.position)} is not navigable in {scene.scene_id}")
        self._x, self._z = x, z
        self._yaw = wrap_angle(pose.yaw)

    # Path queries between points that are not navigable themselves answer "unreachable", as the
    # embedded simulator does; clients snap_point first.
    def geodesic_distance(self, start: Point, end: Point) -> float:
        _, nav = self._require_scene()
        return nav.length(nav.shortest_path((start[0], start[2]), (end[0], end[2])))

    def shortest_path(self, start: Point, end: Point) -> List[Point]:
        _, nav = self._require_scene()
        return [(x, 0.0, z) for x, z in nav.shortest_path((start[0], start[2]), (end[0], end[2]))]

    def snap_point(self, point: Point) -> Point:
        _, nav = self._require_scene()
        x, z = nav.snap(point[0], point[2])
        return x, 0.0, z

    def navigability_map(self) -> NavigabilityMap:
        _, nav = self._require_scene()
        return NavigabilityMap(0.0, 0.0, CELL_M, nav.navigable.astype(np.uint8))

    # --- internals -----------------------------------------------------------------------------

    def _require_scene(self) -> Tuple[GridScene, GridNavigator]:
        if self._scene is None or self._nav is None:
            raise BackendError("no scene loaded: call load_scene first")
        return self._scene, self._nav

    def _position(self) -> Point:
        return self._x, 0.0, self._z

    def _scene_info(self) -> SceneInfo:
        scene = self._scene
        objects = []
        for o in scene.objects:
            cx, cz = o.center_xz
            sx, sz = o.size_xz
            objects.append(SceneObject(o.instance_id, o.category, o.room, (cx, o.height_m / 2, cz), (sx, o.height_m, sz)))
        return SceneInfo(scene.scene_id, tuple(objects))

    def _distance_to_goal(self, subtask: int, position: Point) -> float:
        _, nav = self._require_scene()
        return nav.distance_down_field(self._goal_fields[subtask], position[0], position[2])

    def _view_cells(self, objects: List[GridObject]) -> List[Tuple[int, int]]:
        """Navigable cells within the success distance of any of the objects' footprints."""
        nav = self._nav
        rows, cols = np.nonzero(nav.navigable)
        cx = (cols + 0.5) * CELL_M
        cz = (rows + 0.5) * CELL_M
        near = np.zeros(rows.size, dtype=bool)
        for o in objects:
            ox = np.clip(cx, o.col0 * CELL_M, o.col1 * CELL_M)
            oz = np.clip(cz, o.row0 * CELL_M, o.row1 * CELL_M)
            near |= np.hypot(cx - ox, cz - oz) <= self._agent.success_distance_m
        return list(zip(rows[near].tolist(), cols[near].tolist()))

    def _sample_goals(self, rng: random.Random, subtasks: int):
        """Goals, per goal its view-point cells, and per goal the instance ids that satisfy it."""
        scene = self._scene
        reachable = [o for o in scene.objects if self._view_cells([o])]
        if not reachable:
            raise BackendError(f"scene {scene.scene_id} has no reachable object to use as a goal")
        categories = sorted({o.category for o in reachable})
        goals: List[Goal] = []
        regions: List[List[Tuple[int, int]]] = []
        instance_sets: List[frozenset] = []
        used: List[str] = []
        for i in range(subtasks):
            # About a third of later goals come back to an earlier category, so memory can pay off.
            fresh = [c for c in categories if c not in used]
            if used and (not fresh or rng.random() < 1 / 3):
                category = rng.choice(used)
            else:
                category = rng.choice(fresh)
            used.append(category)
            instances = [o for o in reachable if o.category == category]
            modality = rng.choice(("object", "object", "description", "image"))
            if modality == "object":
                goals.append(Goal("object", category, f"find a {category}", -1))
                regions.append(self._view_cells(instances))
                instance_sets.append(frozenset(o.instance_id for o in instances))
                continue
            target = rng.choice(instances)
            instance_sets.append(frozenset({target.instance_id}))
            cells = self._view_cells([target])
            regions.append(cells)
            if modality == "description":
                goals.append(Goal("description", category, f"the {category} in the {target.room}", target.instance_id))
            else:
                goals.append(Goal("image", category, f"the {category} in this picture", target.instance_id,
                                  self._goal_picture(rng, target, cells)))
        return goals, regions, instance_sets

    def _goal_picture(self, rng: random.Random, target: GridObject, cells: List[Tuple[int, int]]) -> np.ndarray:
        # Taken from a view point, preferring ones far enough back to frame the whole object.
        def clearance(cell: Tuple[int, int]) -> float:
            x, z = self._nav.centre_of(*cell)
            ox = min(max(x, target.col0 * CELL_M), target.col1 * CELL_M)
            oz = min(max(z, target.row0 * CELL_M), target.row1 * CELL_M)
            return math.hypot(x - ox, z - oz)
        framed = [c for c in cells if clearance(c) >= 0.6] or cells
        row, col = framed[rng.randrange(len(framed))]
        x, z = self._nav.centre_of(row, col)
        ox, oz = target.center_xz
        yaw = math.atan2(-(ox - x), -(oz - z))
        rgb, _, _ = self._raycaster.render(Camera(x, z, self._agent.camera_height_m, yaw, 0.0, GOAL_IMAGE_SIZE,
                                                  GOAL_IMAGE_SIZE, self._sensor.hfov_deg))
        return rgb

    def _observe(self, collided: bool, outcome) -> Observation:
        rgb, depth, semantic = self._raycaster.render(Camera(
            self._x, self._z, self._agent.camera_height_m, self._yaw, self._pitch, self._sensor.width,
            self._sensor.height, self._sensor.hfov_deg))
        return Observation(self._step, self.agent_pose(), collided, self._tracker.status(outcome), rgb, depth,
                           semantic if self._semantic else None)
