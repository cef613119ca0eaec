"""Turns one simulator request (every method but hello and close) into its backend call and the
reply's JSON result and blobs. Malformed params become ``bad_message``; whatever the backend
raises becomes ``backend_error`` with the backend's message."""

from __future__ import annotations

import math
from typing import Callable, Dict, Tuple

import numpy as np

from .api import (ACTIONS, MessageError, Pose, field_of, point_json, read_int, read_point, read_str)
from .backend import SimulatorBackend
from .protocol import ErrorCode, ProtocolError

Reply = Tuple[dict, Dict[str, np.ndarray]]

# Every method of protocol 1.0, in the order PROTOCOL.md lists them.
METHODS = ("hello", "load_scene", "new_episode", "step", "get_agent_state", "set_agent_state", "geodesic_distance",
           "shortest_path", "snap_point", "navigability_map", "close")


def backend_message(error: BaseException) -> str:
    text = str(error)
    return text if text.strip() else type(error).__name__


def call_backend(call: Callable[[], object], method: str) -> object:
    """Runs the backend call; any exception is reported to the client, never raised on."""
    try:
        result = call()
    except (MessageError, ProtocolError):
        raise
    except Exception as e:  # noqa: BLE001 - every simulator failure becomes an error frame
        raise ProtocolError(ErrorCode.BACKEND_ERROR, backend_message(e)) from e
    return result


def dispatch(method: str, params: dict, backend: SimulatorBackend) -> Reply:
    """The result and blobs of one request; raises ProtocolError (bad_message, backend_error)."""
    what = f"{method} params"
    try:
        if method == "load_scene":
            scene = read_str(field_of(params, "scene", what), f"{what}: 'scene'")
            info = call_backend(lambda: backend.load_scene(scene), method)
            return info.to_json(), {}
        if method == "new_episode":
            seed = read_int(field_of(params, "seed", what), f"{what}: 'seed'")
            subtasks = read_int(field_of(params, "subtasks", what), f"{what}: 'subtasks'")
            if subtasks < 1:
                raise MessageError(f"{what}: an episode needs at least one subtask, got {subtasks}")
            start = call_backend(lambda: backend.new_episode(seed, subtasks), method)
            return {"spec": start.spec.to_json(), "observation": start.observation.fields_json()}, \
                start.observation.blobs()
        if method == "step":
            action = read_str(field_of(params, "action", what), f"{what}: 'action'")
            if action not in ACTIONS:
                raise MessageError(f"{what}: unknown action '{action}'; expected one of {list(ACTIONS)}")
            obs = call_backend(lambda: backend.step(action), method)
            return obs.fields_json(), obs.blobs()
        if method == "get_agent_state":
            pose = call_backend(backend.agent_pose, method)
            return {"pose": pose.to_json()}, {}
        if method == "set_agent_state":
            pose = Pose.from_json(field_of(params, "pose", what), f"{what}: pose")
            call_backend(lambda: backend.set_agent_pose(pose), method)
            return {}, {}
        if method in ("geodesic_distance", "shortest_path"):
            start = read_point(field_of(params, "from", what), f"{what}: 'from'")
            end = read_point(field_of(params, "to", what), f"{what}: 'to'")
            if method == "geodesic_distance":
                distance = float(call_backend(lambda: backend.geodesic_distance(start, end), method))
                return {"distance_m": distance if not math.isnan(distance) else math.inf}, {}
            points = call_backend(lambda: backend.shortest_path(start, end), method)
            return {"points": [point_json(p) for p in points]}, {}
        if method == "snap_point":
            point = read_point(field_of(params, "point", what), f"{what}: 'point'")
            return {"point": point_json(call_backend(lambda: backend.snap_point(point), method))}, {}
        if method == "navigability_map":
            grid = call_backend(backend.navigability_map, method)
            return grid.grid_json(), {"cells": np.asarray(grid.cells, dtype=np.uint8)}
    except MessageError as e:
        raise ProtocolError(ErrorCode.BAD_MESSAGE, str(e)) from None
    raise ValueError(f"{method} is not a simulator method")
