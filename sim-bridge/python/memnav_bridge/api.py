"""The shared objects of PROTOCOL.md section 8 as Python values, with their exact JSON shapes.

Every field listed in the protocol is written (the Java peer requires all of them); JSON that
comes in is checked field by field so a malformed request gets ``bad_message`` naming the field.
"""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

import numpy as np

Point = Tuple[float, float, float]

ACTIONS: Tuple[str, ...] = ("move_forward", "turn_left", "turn_right", "look_up", "look_down", "stop",
                            "subtask_stop")
GOAL_MODALITIES: Tuple[str, ...] = ("object", "description", "image")


class MessageError(ValueError):
    """A request's params do not fit the method (the server answers ``bad_message``)."""


def wrap_angle(a: float) -> float:
    """Wraps an angle to (-pi, pi], as the Java Pose.wrap does."""
    r = math.remainder(a, 2 * math.pi)
    return r + 2 * math.pi if r <= -math.pi else r


# --- reading JSON values -----------------------------------------------------------------------

_NON_FINITE = {"Infinity": math.inf, "-Infinity": -math.inf, "NaN": math.nan}


def read_number(value: object, where: str) -> float:
    """A JSON number; the strings "Infinity", "-Infinity", "NaN" are accepted too (PROTOCOL.md section 5)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise MessageError(f"{where} must be a number, got {_show(value)}")
    if isinstance(value, str):
        if value not in _NON_FINITE:
            raise MessageError(f"{where} must be a number, got {_show(value)}")
        return _NON_FINITE[value]
    return float(value)


def read_int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise MessageError(f"{where} must be an integer, got {_show(value)}")
    return value


def read_str(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise MessageError(f"{where} must be a string, got {_show(value)}")
    return value


def read_point(value: object, where: str) -> Point:
    if not isinstance(value, list) or len(value) != 3:
        raise MessageError(f"{where}: a point is a JSON array [x, y, z] of 3 numbers, got {_show(value)}")
    return tuple(read_number(v, f"{where}[{i}]") for i, v in enumerate(value))  # type: ignore[return-value]


def field_of(obj: object, name: str, where: str) -> object:
    if not isinstance(obj, dict):
        raise MessageError(f"{where} must be a JSON object, got {_show(obj)}")
    if name not in obj or obj[name] is None:
        raise MessageError(f"{where}: '{name}' is missing or null")
    return obj[name]


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def point_json(p: Sequence[float]) -> List[float]:
    return [float(p[0]), float(p[1]), float(p[2])]


# --- the objects -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Pose:
    position: Point
    yaw: float

    def to_json(self) -> dict:
        return {"position": point_json(self.position), "yaw": float(self.yaw)}

    @staticmethod
    def from_json(obj: object, where: str = "pose") -> "Pose":
        return Pose(read_point(field_of(obj, "position", where), f"{where}.position"),
                    read_number(field_of(obj, "yaw", where), f"{where}.yaw"))

    def forward(self) -> Tuple[float, float]:
        """Unit vector (dx, dz) the agent faces; yaw 0 looks along -z."""
        return -math.sin(self.yaw), -math.cos(self.yaw)


@dataclass(frozen=True)
class AgentConfig:
    """GOAT-Bench's Stretch settings by default (shared/DESIGN.md, "Contracts")."""

    forward_step_m: float = 0.25
    turn_deg: float = 30.0
    look_deg: float = 30.0
    radius_m: float = 0.17
    height_m: float = 1.41
    camera_height_m: float = 1.31
    max_actions_per_subtask: int = 500
    success_distance_m: float = 1.0

    def to_json(self) -> dict:
        return {"forward_step_m": self.forward_step_m, "turn_deg": self.turn_deg, "look_deg": self.look_deg,
                "radius_m": self.radius_m, "height_m": self.height_m, "camera_height_m": self.camera_height_m,
                "max_actions_per_subtask": self.max_actions_per_subtask,
                "success_distance_m": self.success_distance_m}


@dataclass(frozen=True)
class SensorSpec:
    """One resolution and field of view for the rgb, depth and semantic sensors."""

    width: int = 256
    height: int = 256
    hfov_deg: float = 90.0

    def to_json(self) -> dict:
        return {"width": self.width, "height": self.height, "hfov_deg": self.hfov_deg}


@dataclass(frozen=True)
class Capabilities:
    simulator: str
    agent: AgentConfig
    sensor: SensorSpec
    sensors: Tuple[str, ...] = ("rgb", "depth", "semantic")
    actions: Tuple[str, ...] = ACTIONS

    def to_json(self, protocol_version: str) -> dict:
        return {"protocol_version": protocol_version, "simulator": self.simulator, "agent": self.agent.to_json(),
                "sensor": self.sensor.to_json(), "sensors": list(self.sensors), "actions": list(self.actions)}


@dataclass(frozen=True)
class Goal:
    """A subtask's goal. Category goals have instance_id -1; image goals carry a uint8 [H, W, 3] picture."""

    modality: str
    category: str
    description: Optional[str]
    instance_id: int = -1
    image: Optional[np.ndarray] = field(default=None, compare=False)

    def to_json(self) -> dict:
        image = None
        if self.image is not None:
            rgb = np.ascontiguousarray(self.image, dtype=np.uint8)
            if rgb.ndim != 3 or rgb.shape[2] != 3:
                raise ValueError(f"a goal image is uint8 [H, W, 3], got {rgb.dtype} {list(rgb.shape)}")
            image = {"width": int(rgb.shape[1]), "height": int(rgb.shape[0]),
                     "data": base64.b64encode(rgb.tobytes()).decode("ascii")}
        return {"modality": self.modality, "category": self.category, "description": self.description,
                "instance_id": self.instance_id, "image": image}


@dataclass(frozen=True)
class EpisodeSpec:
    episode_id: str
    scene_id: str
    seed: int
    start: Pose
    goals: Tuple[Goal, ...]

    def to_json(self) -> dict:
        return {"episode_id": self.episode_id, "scene_id": self.scene_id, "seed": self.seed,
                "start": self.start.to_json(), "goals": [g.to_json() for g in self.goals]}


@dataclass(frozen=True)
class SceneObject:
    instance_id: int
    category: str
    room: Optional[str]
    center: Point
    size: Point

    def to_json(self) -> dict:
        return {"instance_id": self.instance_id, "category": self.category, "room": self.room,
                "center": point_json(self.center), "size": point_json(self.size)}


@dataclass(frozen=True)
class SceneInfo:
    scene_id: str
    objects: Tuple[SceneObject, ...]

    def to_json(self) -> dict:
        return {"scene_id": self.scene_id, "objects": [o.to_json() for o in self.objects]}


@dataclass(frozen=True)
class SubtaskOutcome:
    subtask_index: int
    goal: Goal
    success: bool
    spl: float
    shortest_path_m: float
    path_length_m: float
    actions: int
    final_distance_m: float
    budget_exhausted: bool
    # True when the goal's instances overlap an earlier subtask's: the agent has been sent there before.
    revisit: bool = False

    def to_json(self) -> dict:
        return {"subtask_index": self.subtask_index, "goal": self.goal.to_json(), "success": self.success,
                "spl": self.spl, "shortest_path_m": self.shortest_path_m, "path_length_m": self.path_length_m,
                "actions": self.actions, "final_distance_m": self.final_distance_m,
                "budget_exhausted": self.budget_exhausted, "revisit": self.revisit}


@dataclass(frozen=True)
class EpisodeStatus:
    subtask_index: int
    subtask_count: int
    actions_in_subtask: int
    episode_over: bool
    last_outcome: Optional[SubtaskOutcome]

    def to_json(self) -> dict:
        return {"subtask_index": self.subtask_index, "subtask_count": self.subtask_count,
                "actions_in_subtask": self.actions_in_subtask, "episode_over": self.episode_over,
                "last_outcome": None if self.last_outcome is None else self.last_outcome.to_json()}


@dataclass(frozen=True)
class Observation:
    """JSON fields plus the image blobs: rgb uint8 [H, W, 3], depth float32 [H, W], semantic int32 [H, W] or None."""

    step: int
    pose: Pose
    collided: bool
    status: EpisodeStatus
    rgb: np.ndarray = field(compare=False)
    depth: np.ndarray = field(compare=False)
    semantic: Optional[np.ndarray] = field(default=None, compare=False)

    def fields_json(self) -> dict:
        return {"step": self.step, "pose": self.pose.to_json(), "collided": self.collided,
                "status": self.status.to_json()}

    def blobs(self) -> dict:
        blobs = {"rgb": np.asarray(self.rgb, dtype=np.uint8), "depth": np.asarray(self.depth, dtype=np.float32)}
        if self.semantic is not None:
            blobs["semantic"] = np.asarray(self.semantic, dtype=np.int32)
        return blobs


@dataclass(frozen=True)
class EpisodeStart:
    spec: EpisodeSpec
    observation: Observation


@dataclass(frozen=True)
class NavigabilityMap:
    """cells[row, col] is 1 where the agent's centre may stand; cell (col, row) covers
    x in [origin_x + col*cell, origin_x + (col+1)*cell) and z likewise with rows."""

    origin_x: float
    origin_z: float
    cell_size_m: float
    cells: np.ndarray = field(compare=False)

    def grid_json(self) -> dict:
        return {"origin_x": float(self.origin_x), "origin_z": float(self.origin_z),
                "cell_size_m": float(self.cell_size_m)}
