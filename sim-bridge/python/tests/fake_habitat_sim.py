"""A stand-in for the ``habitat_sim`` module, for testing how the Habitat backend maps the protocol
onto habitat_sim's API without habitat_sim installed. It records every configuration and call,
and simulates just enough (a flat 10 m x 10 m floor, straight-line paths, moving agent) for the
backend to run an episode. It says nothing about whether real habitat-sim behaves this way.
"""

import math
import random
import types

import numpy as np

FLOOR_MIN, FLOOR_MAX = 0.0, 10.0


class Record:
    """Plain attribute bag standing in for habitat's config structs."""

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


class Quaternion:
    def __init__(self, w, x, y, z):
        self.w, self.x, self.y, self.z = w, x, y, z


def quat_from_angle_axis(theta, axis):
    s = math.sin(theta / 2)
    return Quaternion(math.cos(theta / 2), axis[0] * s, axis[1] * s, axis[2] * s)


class GreedyFollowerError(Exception):
    pass


class ActuationSpec:
    def __init__(self, amount, constraint=None):
        self.amount = amount
        self.constraint = constraint


class ActionSpec:
    def __init__(self, name, actuation=None):
        self.name = name
        self.actuation = actuation


class AgentState:
    def __init__(self):
        self.position = np.zeros(3, dtype=np.float32)
        self.rotation = Quaternion(1.0, 0.0, 0.0, 0.0)


class NavMeshSettings:
    def __init__(self):
        self.defaults_set = False
        self.agent_radius = None
        self.agent_height = None

    def set_defaults(self):
        self.defaults_set = True


class ShortestPath:
    def __init__(self):
        self.requested_start = None
        self.requested_end = None
        self.points = []
        self.geodesic_distance = math.inf


class MultiGoalShortestPath:
    def __init__(self):
        self.requested_start = None
        self.requested_ends = []
        self.points = []
        self.geodesic_distance = math.inf
        self.closest_end_point_index = -1


class PathFinder:
    def __init__(self, loaded):
        self.is_loaded = loaded
        self.seeds = []
        self.topdown_calls = []
        self._rng = random.Random(0)

    def _on_floor(self, p):
        return FLOOR_MIN <= p[0] <= FLOOR_MAX and FLOOR_MIN <= p[2] <= FLOOR_MAX and abs(p[1]) < 0.5

    def is_navigable(self, p, max_y_delta=0.5):
        return self._on_floor(np.asarray(p))

    def snap_point(self, p):
        p = np.asarray(p, dtype=np.float32)
        if not np.all(np.isfinite(p)):
            return np.array([np.nan] * 3, dtype=np.float32)
        return np.array([min(max(p[0], FLOOR_MIN), FLOOR_MAX), 0.0, min(max(p[2], FLOOR_MIN), FLOOR_MAX)],
                        dtype=np.float32)

    def find_path(self, path):
        start = np.asarray(path.requested_start, dtype=np.float32)
        if isinstance(path, MultiGoalShortestPath):
            ends = [np.asarray(e) for e in path.requested_ends if self._on_floor(np.asarray(e))]
            if not self._on_floor(start) or not ends:
                return False
            distances = [float(np.linalg.norm(e - start)) for e in ends]
            best = int(np.argmin(distances))
            path.closest_end_point_index = best
            path.geodesic_distance = distances[best]
            path.points = [start, ends[best]]
            return True
        end = np.asarray(path.requested_end, dtype=np.float32)
        if not (self._on_floor(start) and self._on_floor(end)):
            return False
        path.points = [start, end]
        path.geodesic_distance = float(np.linalg.norm(end - start))
        return True

    def seed(self, n):
        self.seeds.append(n)
        self._rng = random.Random(n)

    def get_random_navigable_point(self, max_tries=10):
        return np.array([self._rng.uniform(1, 9), 0.0, self._rng.uniform(1, 9)], dtype=np.float32)

    def get_bounds(self):
        return np.array([FLOOR_MIN, -0.1, FLOOR_MIN], dtype=np.float32), np.array([FLOOR_MAX, 3.0, FLOOR_MAX],
                                                                                 dtype=np.float32)

    def get_topdown_view(self, meters_per_pixel, height):
        self.topdown_calls.append((meters_per_pixel, height))
        n = int(round((FLOOR_MAX - FLOOR_MIN) / meters_per_pixel))
        view = np.ones((n, n), dtype=bool)
        view[:, -1] = False
        return view


def _semantic_object(instance_id, category, center, sizes, room):
    return Record(semantic_id=instance_id, id=f"0_{room}_{instance_id}",
                  category=Record(name=lambda mapping="", c=category: c),
                  aabb=Record(center=np.array(center, dtype=np.float32), sizes=np.array(sizes, dtype=np.float32)),
                  region=Record(category=Record(name=lambda mapping="", r=room: r)))


DEFAULT_OBJECTS = [
    None,  # MP3D leaves holes in the object list
    _semantic_object(1, "wall", (5, 1.3, 0.05), (10, 2.6, 0.1), "hallway"),
    _semantic_object(7, "chair", (3, 0.45, 3), (0.5, 0.9, 0.5), "kitchen"),
    _semantic_object(8, "sofa", (7, 0.4, 6), (2.0, 0.8, 0.9), "living room"),
    _semantic_object(9, "tv", (8, 0.8, 2), (1.2, 1.0, 0.3), "living room"),
]


class Agent:
    def __init__(self, config):
        self.config = config
        self.state = AgentState()
        self.set_state_calls = 0

    def get_state(self):
        s = AgentState()
        s.position = np.array(self.state.position, dtype=np.float32)
        s.rotation = self.state.rotation
        return s

    def set_state(self, state, reset_sensors=True, infer_sensor_states=True, is_initial=False):
        self.set_state_calls += 1
        self.state = AgentState()
        self.state.position = np.array(state.position, dtype=np.float32)
        self.state.rotation = state.rotation


class Follower:
    def __init__(self, sim, kwargs):
        self.sim = sim
        self.kwargs = kwargs
        self.fail = False

    def next_action_along(self, goal):
        if self.fail:
            raise GreedyFollowerError("no way")
        state = self.sim.agent.state
        pos = state.position
        to_goal = np.asarray(goal) - pos
        if math.hypot(to_goal[0], to_goal[2]) <= self.kwargs["goal_radius"]:
            return self.kwargs["stop_key"]
        yaw = 2 * math.atan2(state.rotation.y, state.rotation.w)
        want = math.atan2(-to_goal[0], -to_goal[2])
        err = math.remainder(want - yaw, 2 * math.pi)
        if abs(err) > math.radians(16):
            return self.kwargs["left_key"] if err > 0 else self.kwargs["right_key"]
        return self.kwargs["forward_key"]


class Simulator:
    # Set per fake module by make_module: what the "scene" holds.
    navmesh_loaded = False
    objects = DEFAULT_OBJECTS

    def __init__(self, configuration):
        self.configurations = [configuration]
        self.config = configuration
        agent_cfg = configuration.agents[0]
        self.agent = Agent(agent_cfg)
        self.pathfinder = PathFinder(loaded=self.navmesh_loaded)
        self.semantic_scene = Record(objects=list(self.objects))
        self.previous_step_collided = False
        self.steps = []
        self.recomputed = []
        self.followers = []
        self.closed = False
        self.sensor_reads = 0

    def get_agent(self, agent_id):
        assert agent_id == 0
        return self.agent

    def recompute_navmesh(self, pathfinder, settings):
        self.recomputed.append(settings)
        pathfinder.is_loaded = True
        return True

    def reconfigure(self, configuration):
        self.configurations.append(configuration)
        self.config = configuration

    def step(self, action):
        self.steps.append(action)
        spec = self.config.agents[0].action_space[action]
        state = self.agent.state
        yaw = 2 * math.atan2(state.rotation.y, state.rotation.w)
        self.previous_step_collided = False
        if action == "move_forward":
            target = state.position + spec.actuation.amount * np.array([-math.sin(yaw), 0, -math.cos(yaw)],
                                                                       dtype=np.float32)
            if self.pathfinder.is_navigable(target):
                state.position = target.astype(np.float32)
            else:
                self.previous_step_collided = True
        elif action in ("turn_left", "turn_right"):
            sign = 1 if action == "turn_left" else -1
            state.rotation = quat_from_angle_axis(yaw + sign * math.radians(spec.actuation.amount), (0, 1, 0))
        return self.get_sensor_observations()

    def get_sensor_observations(self):
        self.sensor_reads += 1
        h, w = self.config.agents[0].sensor_specifications[0].resolution
        pos = self.agent.state.position
        rgba = np.zeros((h, w, 4), dtype=np.uint8)
        rgba[..., 0] = int(pos[0] * 10) % 256
        rgba[..., 1] = int(pos[2] * 10) % 256
        rgba[..., 2] = 77
        rgba[..., 3] = 255
        obs = {"rgb": rgba, "depth": np.full((h, w), 2.5, dtype=np.float32)}
        if any(s.uuid == "semantic" for s in self.config.agents[0].sensor_specifications):
            obs["semantic"] = np.full((h, w), 7, dtype=np.uint32)
        return obs

    def make_greedy_follower(self, agent_id=None, goal_radius=None, **kwargs):
        follower = Follower(self, dict(kwargs, agent_id=agent_id, goal_radius=goal_radius))
        self.followers.append(follower)
        return follower

    def close(self):
        self.closed = True


def make_module(navmesh_loaded=False, objects=None):
    """A fresh fake ``habitat_sim`` module whose scenes hold these objects and maybe a navmesh."""
    scene_simulator = type("Simulator", (Simulator,), {
        "navmesh_loaded": navmesh_loaded, "objects": DEFAULT_OBJECTS if objects is None else list(objects)})
    hs = types.ModuleType("habitat_sim")
    hs.__version__ = "0.3.2-fake"
    hs.SensorType = Record(COLOR="COLOR", DEPTH="DEPTH", SEMANTIC="SEMANTIC")
    hs.SensorSubType = Record(PINHOLE="PINHOLE", ORTHOGRAPHIC="ORTHOGRAPHIC")
    hs.SimulatorConfiguration = Record
    hs.CameraSensorSpec = Record
    hs.Configuration = lambda sim_cfg, agents: Record(sim_cfg=sim_cfg, agents=agents)
    hs.Simulator = scene_simulator
    hs.agent = types.SimpleNamespace(AgentConfiguration=Record, ActionSpec=ActionSpec, ActuationSpec=ActuationSpec,
                                     AgentState=AgentState)
    hs.nav = types.SimpleNamespace(NavMeshSettings=NavMeshSettings, ShortestPath=ShortestPath,
                                   MultiGoalShortestPath=MultiGoalShortestPath)
    hs.utils = types.SimpleNamespace(common=types.SimpleNamespace(quat_from_angle_axis=quat_from_angle_axis))
    hs.errors = types.SimpleNamespace(GreedyFollowerError=GreedyFollowerError)
    return hs
