"""How the Habitat backend maps the protocol onto habitat_sim's API, checked against a fake module
that records calls (habitat_sim is not installed here). These tests say the backend asks
habitat_sim for the right things; they cannot say that real Habitat-Sim answers as the fake does.
The backend itself is unverified against real Habitat-Sim on this machine."""

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import fake_habitat_sim
from memnav_bridge.api import AgentConfig, Pose, SensorSpec
from memnav_bridge.backend import BackendError
from memnav_bridge.habitat import HabitatBackend, HabitatSettings
from memnav_bridge.habitat.__main__ import drive_with_greedy_follower
from memnav_bridge.habitat.backend import NAV_MAP_CELL_M, yaw_of
from memnav_bridge.habitat.config import build_configuration
from memnav_bridge.server import BackendSource, BridgeServer

from peers import RawPeer

SCENE = "data/scene_datasets/test/apartment_1.glb"


def backend(navmesh_loaded=False, semantic=True, gpu=-1, objects=None):
    hs = fake_habitat_sim.make_module(navmesh_loaded=navmesh_loaded, objects=objects)
    settings = HabitatSettings(scene=SCENE, gpu_device_id=gpu, semantic_sensor=semantic, seed=5,
                               sensor=SensorSpec(64, 48, 79.0))
    return HabitatBackend(hs, settings), hs


def test_configuration_carries_scene_device_sensors_and_the_hello_action_amounts():
    hs = fake_habitat_sim.make_module()
    agent = AgentConfig()
    cfg = build_configuration(hs, HabitatSettings(scene="x.glb", dataset_config="hm3d.scene_dataset_config.json",
                                                  gpu_device_id=-1, seed=9, agent=agent,
                                                  sensor=SensorSpec(640, 480, 79.0)))
    sim = cfg.sim_cfg
    assert (sim.scene_id, sim.scene_dataset_config_file, sim.gpu_device_id, sim.random_seed) == \
        ("x.glb", "hm3d.scene_dataset_config.json", -1, 9)
    assert sim.allow_sliding is False and sim.enable_physics is False and sim.load_semantic_mesh is True
    (agent_cfg,) = cfg.agents
    assert (agent_cfg.height, agent_cfg.radius) == (1.41, 0.17)
    sensors = {s.uuid: s for s in agent_cfg.sensor_specifications}
    assert [sensors[u].sensor_type for u in ("rgb", "depth", "semantic")] == ["COLOR", "DEPTH", "SEMANTIC"]
    for s in sensors.values():
        assert s.resolution == [480, 640] and s.position == [0.0, 1.31, 0.0] and s.hfov == 79.0
        assert s.sensor_subtype == "PINHOLE"
    space = agent_cfg.action_space
    assert space["move_forward"].actuation.amount == agent.forward_step_m
    assert space["turn_left"].actuation.amount == space["turn_right"].actuation.amount == agent.turn_deg
    assert space["look_up"].actuation.amount == agent.look_deg and space["look_down"].actuation.constraint == 60.0
    assert set(space) == {"move_forward", "turn_left", "turn_right", "look_up", "look_down"}


def test_without_the_semantic_sensor_there_is_no_semantic_camera_or_mesh():
    sim, _ = backend(semantic=False)
    agent_cfg = sim.simulator.config.agents[0]
    assert [s.uuid for s in agent_cfg.sensor_specifications] == ["rgb", "depth"]
    assert sim.simulator.config.sim_cfg.load_semantic_mesh is False
    assert sim.capabilities().sensors == ("rgb", "depth")


def test_a_navmesh_is_recomputed_for_the_agent_only_when_the_scene_has_none():
    sim, _ = backend(navmesh_loaded=False)
    (settings,) = sim.simulator.recomputed
    assert settings.defaults_set and settings.agent_radius == 0.17 and settings.agent_height == 1.41
    loaded, _ = backend(navmesh_loaded=True)
    assert loaded.simulator.recomputed == []


def test_capabilities_name_habitat_and_its_version():
    sim, _ = backend()
    caps = sim.capabilities()
    assert caps.simulator == "habitat-sim 0.3.2-fake"
    assert caps.sensor == SensorSpec(64, 48, 79.0) and caps.agent == AgentConfig()


def test_load_scene_lists_annotated_objects_and_reconfigures_only_for_another_scene(tmp_path):
    sim, _ = backend()
    info = sim.load_scene(SCENE)
    assert info.scene_id == SCENE and len(sim.simulator.configurations) == 1
    assert [(o.instance_id, o.category, o.room) for o in info.objects] == \
        [(1, "wall", "hallway"), (7, "chair", "kitchen"), (8, "sofa", "living room"), (9, "tv", "living room")]
    assert info.objects[1].center == pytest.approx((3, 0.45, 3)) and info.objects[1].size == pytest.approx((0.5, 0.9, 0.5))
    other = tmp_path / "other.glb"
    other.write_bytes(b"glTF")
    assert sim.load_scene(str(other)).scene_id == str(other)
    assert sim.simulator.configurations[-1].sim_cfg.scene_id == str(other)
    with pytest.raises(BackendError, match="not found on the simulator's machine"):
        sim.load_scene(str(tmp_path / "missing.glb"))
    with pytest.raises(BackendError, match="another simulator"):
        sim.load_scene("procedural:apartment?seed=7")


def test_a_new_episode_seeds_the_pathfinder_places_the_agent_and_skips_structure_goals():
    sim, _ = backend()
    sim.load_scene(SCENE)
    start = sim.new_episode(42, 6)
    assert sim.simulator.pathfinder.seeds == [42]
    assert start.observation.pose == start.spec.start == sim.agent_pose()
    assert {g.category for g in start.spec.goals} <= {"chair", "sofa", "tv"}
    for g in start.spec.goals:
        if g.modality == "image":
            assert g.image.dtype == np.uint8 and g.image.shape[2] == 3 and max(g.image.shape[:2]) <= 128
    obs = start.observation
    assert obs.rgb.shape == (48, 64, 3) and obs.rgb[0, 0, 2] == 77, "RGBA reduced to RGB"
    assert obs.depth.dtype == np.float32 and obs.depth.shape == (48, 64)
    assert obs.semantic.dtype == np.int32 and obs.semantic[0, 0] == 7
    again, _ = backend()
    again.load_scene(SCENE)
    assert again.new_episode(42, 6).spec.to_json() == start.spec.to_json(), "same seed, same episode"


def test_a_scene_without_annotations_cannot_make_object_goals():
    sim, _ = backend(objects=[])
    sim.load_scene(SCENE)
    with pytest.raises(BackendError, match="semantic annotations"):
        sim.new_episode(1, 2)


def test_steps_go_to_habitat_and_report_its_collisions_while_stops_are_judged_here():
    sim, _ = backend()
    sim.load_scene(SCENE)
    sim.new_episode(3, 2)
    sim.set_agent_pose(Pose((9.9, 0.0, 5.0), -math.pi / 2))  # facing +x, against the floor's edge
    obs = sim.step("move_forward")
    assert sim.simulator.steps == ["move_forward"] and obs.collided and obs.pose.position == pytest.approx((9.9, 0, 5))
    turned = sim.step("turn_left")
    assert turned.pose.yaw == pytest.approx(-math.pi / 2 + math.radians(30)) and not turned.collided
    reads = sim.simulator.sensor_reads
    stopped = sim.step("subtask_stop")
    assert sim.simulator.steps == ["move_forward", "turn_left"], "subtask_stop never reaches habitat"
    assert sim.simulator.sensor_reads == reads + 1
    o = stopped.status.last_outcome
    assert o.subtask_index == 0 and o.actions == 2 and o.path_length_m == 0
    assert o.final_distance_m > 1.0 and not o.success and stopped.step == 3


def test_the_action_budget_ends_a_subtask():
    sim, _ = backend()
    sim.load_scene(SCENE)
    sim.new_episode(3, 1)
    for _ in range(499):
        assert sim.step("turn_left").status.last_outcome is None
    last = sim.step("turn_left")
    assert last.status.last_outcome.budget_exhausted and last.status.episode_over


def test_agent_state_round_trips_through_a_yaw_quaternion_and_refuses_unnavigable_poses():
    sim, _ = backend()
    sim.load_scene(SCENE)
    sim.set_agent_pose(Pose((2.0, 0.0, 3.0), 2.5))
    state = sim.simulator.agent.state
    assert list(state.position) == pytest.approx([2, 0, 3])
    assert (state.rotation.w, state.rotation.y) == pytest.approx((math.cos(1.25), math.sin(1.25)))
    assert sim.agent_pose() == Pose(pytest.approx((2.0, 0.0, 3.0)), pytest.approx(2.5))
    with pytest.raises(BackendError, match="not navigable"):
        sim.set_agent_pose(Pose((20.0, 0.0, 3.0), 0.0))


def test_yaw_is_read_from_numpy_quaternion_magnum_or_coefficients():
    half = math.radians(40) / 2
    assert yaw_of(fake_habitat_sim.Quaternion(math.cos(half), 0, math.sin(half), 0)) == pytest.approx(math.radians(40))
    magnum_like = type("Q", (), {"scalar": math.cos(half), "vector": (0, math.sin(half), 0)})()
    assert yaw_of(magnum_like) == pytest.approx(math.radians(40))
    assert yaw_of([0, math.sin(half), 0, math.cos(half)]) == pytest.approx(math.radians(40))


def test_path_queries_use_the_pathfinder_and_unreachable_is_infinite_or_empty():
    sim, _ = backend()
    sim.load_scene(SCENE)
    assert sim.geodesic_distance((1, 0, 1), (4, 0, 5)) == pytest.approx(5.0)
    assert sim.shortest_path((1, 0, 1), (4, 0, 5)) == [pytest.approx((1, 0, 1)), pytest.approx((4, 0, 5))]
    assert sim.geodesic_distance((1, 0, 1), (40, 0, 5)) == math.inf
    assert sim.shortest_path((1, 0, 1), (40, 0, 5)) == []
    assert sim.snap_point((12.0, 1.0, -3.0)) == pytest.approx((10.0, 0.0, 0.0))
    with pytest.raises(BackendError, match="no navigable point"):
        sim.snap_point((math.nan, 0.0, 0.0))


def test_the_navigability_map_is_the_topdown_view_at_the_agents_floor():
    sim, _ = backend()
    sim.load_scene(SCENE)
    sim.new_episode(1, 1)
    grid = sim.navigability_map()
    assert sim.simulator.pathfinder.topdown_calls == [(NAV_MAP_CELL_M, pytest.approx(sim.agent_pose().position[1]))]
    assert (grid.origin_x, grid.origin_z, grid.cell_size_m) == (0.0, 0.0, NAV_MAP_CELL_M)
    assert grid.cells.dtype == np.uint8 and grid.cells.shape == (200, 200) and grid.cells[0, -1] == 0


def test_the_greedy_follower_drives_an_episode_to_its_goals():
    sim, _ = backend()
    outcomes = drive_with_greedy_follower(sim, seed=4, subtasks=3)
    (follower,) = sim.simulator.followers
    assert follower.kwargs == {"agent_id": 0, "goal_radius": 0.25, "stop_key": "subtask_stop",
                               "forward_key": "move_forward", "left_key": "turn_left", "right_key": "turn_right",
                               }
    assert len(outcomes) == 3 and all(o.success for o in outcomes)
    assert all(0 < o.spl <= 1 for o in outcomes if o.shortest_path_m > 0)


def test_a_follower_error_becomes_subtask_stop():
    sim, _ = backend()
    sim.load_scene(SCENE)
    sim.new_episode(1, 1)
    sim.oracle_action((5, 0, 5))
    sim.simulator.followers[0].fail = True
    assert sim.oracle_action((5, 0, 5)) == "subtask_stop"


def test_the_mapped_backend_is_served_over_the_wire():
    sim, _ = backend()
    with BridgeServer(BackendSource.shared(sim)) as server, RawPeer(*server.address) as p:
        caps = p.hello().body["capabilities"]
        assert caps["simulator"] == "habitat-sim 0.3.2-fake" and caps["sensor"] == {"width": 64, "height": 48,
                                                                                   "hfov_deg": 79.0}
        assert p.request("load_scene", {"scene": "procedural:apartment?seed=7"}).error["code"] == "backend_error"
        p.request("load_scene", {"scene": SCENE})
        start = p.request("new_episode", {"seed": 2, "subtasks": 2})
        assert start.blobs["rgb"].shape == (48, 64, 3) and start.blobs["semantic"].dtype == np.int32
        far = p.request("geodesic_distance", {"from": [1, 0, 1], "to": [50, 0, 1]})
        assert far.body["distance_m"] == math.inf
        assert p.request("close").body == {}
    assert not sim.simulator.closed, "a shared simulator outlives its connections"


def test_the_command_says_how_to_install_habitat_sim_when_it_is_missing():
    package_root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-m", "memnav_bridge.habitat", "--scene", "x.glb", "--port", "0"],
                            cwd=package_root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("memnav-habitat: habitat_sim is not importable") and "conda" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
