"""What a simulator must offer to be served: the Python twin of the Java ``SimBackend`` interface.

A backend is single-threaded; the server serialises calls into it. Any exception a method raises
reaches the client as ``backend_error`` carrying ``str(exception)``, and the connection stays open,
so messages should say what went wrong in the simulator's own terms.
"""

from __future__ import annotations

import abc
from typing import List

from .api import Capabilities, EpisodeStart, NavigabilityMap, Observation, Point, Pose, SceneInfo


class BackendError(RuntimeError):
    """A simulator call failed for a reason the client should read (no scene loaded, bad pose...)."""


class SimulatorBackend(abc.ABC):
    """One simulator. Method for method the protocol's requests (PROTOCOL.md section 9)."""

    @abc.abstractmethod
    def capabilities(self) -> Capabilities:
        """Sent in the hello result."""

    @abc.abstractmethod
    def load_scene(self, scene_ref: str) -> SceneInfo:
        """Loads a scene; an episode must be started afterwards."""

    @abc.abstractmethod
    def new_episode(self, seed: int, subtasks: int) -> EpisodeStart:
        """A seeded lifelong episode in the loaded scene and its first observation."""

    @abc.abstractmethod
    def step(self, action: str) -> Observation:
        """One action by wire name (one of ``capabilities().actions``)."""

    @abc.abstractmethod
    def agent_pose(self) -> Pose:
        ...

    @abc.abstractmethod
    def set_agent_pose(self, pose: Pose) -> None:
        """Teleports the agent; raises when the pose is not navigable."""

    @abc.abstractmethod
    def geodesic_distance(self, start: Point, end: Point) -> float:
        """Shortest navigable path length in metres; ``math.inf`` when unreachable."""

    @abc.abstractmethod
    def shortest_path(self, start: Point, end: Point) -> List[Point]:
        """Points from start to end inclusive; empty when unreachable."""

    @abc.abstractmethod
    def snap_point(self, point: Point) -> Point:
        """The nearest navigable point."""

    @abc.abstractmethod
    def navigability_map(self) -> NavigabilityMap:
        ...

    def close(self) -> None:
        """Releases the simulator; the default has nothing to release."""
