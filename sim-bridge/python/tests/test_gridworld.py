"""The grid world keeps the simulator contract the Java side relies on: GOAT Stretch actions, no
sliding, step and subtask bookkeeping, success/SPL judged at view points, path queries that agree
with each other, and sensors whose ids and depths mean what the protocol says."""

import math

import numpy as np
import pytest

from memnav_bridge.api import Pose, SensorSpec
from memnav_bridge.backend import BackendError
from memnav_bridge.gridworld import GridWorldBackend
from memnav_bridge.gridworld.scene import CELL_M, generate

SCENE = "gridworld:rooms?seed=3"


@pytest.fixture
def sim():
    # A small camera keeps the hundreds of steps some tests take quick; rendering is not what they check.
    backend = GridWorldBackend(sensor=SensorSpec(32, 24, 90))
    backend.load_scene(SCENE)
    return backend


def test_the_same_seed_gives_the_same_scene_episode_and_pixels():
    a, b = GridWorldBackend(), GridWorldBackend()
    assert a.load_scene(SCENE) == b.load_scene(SCENE)
    ea, eb = a.new_episode(11, 4), b.new_episode(11, 4)
    assert ea.spec.to_json() == eb.spec.to_json()
    np.testing.assert_array_equal(ea.observation.rgb, eb.observation.rgb)
    assert generate(3).wall.tobytes() != generate(4).wall.tobytes()


def test_unknown_scene_refs_and_calls_before_a_scene_fail_with_the_accepted_form():
    sim = GridWorldBackend()
    with pytest.raises(BackendError, match="no scene loaded"):
        sim.navigability_map()
    with pytest.raises(BackendError, match=r"gridworld:rooms\?seed=N"):
        sim.load_scene("procedural:apartment?seed=7")


def test_scene_objects_have_categories_rooms_and_boxes_inside_the_map(sim):
    info = sim.load_scene(SCENE)
    grid = sim.navigability_map()
    assert len(info.objects) >= 6
    for o in info.objects:
        assert o.category and o.room and o.size[1] > 0
        assert 0 < o.center[0] < grid.cells.shape[1] * CELL_M and 0 < o.center[2] < grid.cells.shape[0] * CELL_M


def test_an_episode_starts_on_navigable_ground_at_step_zero_with_its_goals(sim):
    start = sim.new_episode(7, 5)
    assert len(start.spec.goals) == 5
    assert start.observation.step == 0 and start.observation.pose == start.spec.start
    assert sim.snap_point(start.spec.start.position) == start.spec.start.position
    status = start.observation.status
    assert (status.subtask_index, status.subtask_count, status.actions_in_subtask, status.episode_over) == (0, 5, 0, False)
    for g in start.spec.goals:
        assert g.modality in ("object", "description", "image")
        assert (g.instance_id == -1) == (g.modality == "object")
        assert (g.image is not None) == (g.modality == "image")


def test_turns_are_thirty_degrees_and_looking_does_not_move(sim):
    start = sim.new_episode(7, 2).observation.pose
    left = sim.step("turn_left").pose
    assert math.isclose(Pose(left.position, 0).yaw, 0) and left.position == start.position
    assert math.isclose(math.remainder(left.yaw - start.yaw, 2 * math.pi), math.radians(30), abs_tol=1e-9)
    right = sim.step("turn_right").pose
    assert math.isclose(math.remainder(right.yaw - start.yaw, 2 * math.pi), 0, abs_tol=1e-9)
    looked = sim.step("look_up")
    assert looked.pose == right and not looked.collided and looked.step == 3


def test_forward_moves_a_quarter_metre_or_collides_without_sliding(sim):
    sim.new_episode(7, 1)
    moved = blocked = 0
    for _ in range(60):
        before = sim.agent_pose()
        obs = sim.step("move_forward")
        if obs.collided:
            blocked += 1
            assert obs.pose == before, "a blocked step leaves the agent where it was"
        else:
            moved += 1
            dx, dz = before.forward()
            assert obs.pose.position == pytest.approx((before.position[0] + 0.25 * dx, 0.0, before.position[2] + 0.25 * dz))
    assert moved > 0 and blocked > 0, "walking straight ahead 60 times meets a wall in a room of a few metres"


def test_subtask_stop_judges_the_subtask_and_moves_on(sim):
    start = sim.new_episode(7, 2)
    for _ in range(3):
        sim.step("turn_left")
    obs = sim.step("subtask_stop")
    o = obs.status.last_outcome
    assert o is not None and o.subtask_index == 0 and o.goal == start.spec.goals[0]
    assert o.actions == 3 and o.path_length_m == 0 and not o.budget_exhausted
    assert o.shortest_path_m == pytest.approx(o.final_distance_m)
    assert o.success == (o.final_distance_m <= 1.0)
    assert obs.status.subtask_index == 1 and obs.status.actions_in_subtask == 0 and not obs.status.episode_over
    assert sim.step("turn_left").status.last_outcome is None


def test_stopping_at_a_view_point_succeeds_with_spl_from_the_subtask_start(sim):
    start = sim.new_episode(7, 1)
    field = sim._goal_fields[0]  # noqa: SLF001 - the goal's distance field names its view points
    rows, cols = np.nonzero(field == 0)
    goal = ((cols[0] + 0.5) * CELL_M, 0.0, (rows[0] + 0.5) * CELL_M)
    path = sim.shortest_path(start.spec.start.position, goal)
    assert path[0] == start.spec.start.position and path[-1] == goal
    sim.set_agent_pose(Pose(goal, 0.0))
    obs = sim.step("subtask_stop")
    o = obs.status.last_outcome
    assert o.success and o.final_distance_m == 0 and o.spl == 1.0  # teleporting costs no path length
    assert obs.status.episode_over
    with pytest.raises(BackendError, match="episode is over"):
        sim.step("turn_left")


def test_stop_ends_the_episode_and_the_budget_ends_a_subtask(sim):
    sim.new_episode(3, 3)
    assert sim.step("stop").status.episode_over
    sim.new_episode(3, 2)
    last = None
    for _ in range(500):
        last = sim.step("turn_left")
    o = last.status.last_outcome
    assert o is not None and o.budget_exhausted and not o.success and o.actions == 500
    assert last.status.subtask_index == 1


def test_path_queries_agree_with_each_other_and_with_geometry(sim):
    start = sim.new_episode(9, 1).spec.start.position
    grid = sim.navigability_map()
    rows, cols = np.nonzero(grid.cells)
    far = ((cols[-1] + 0.5) * CELL_M, 0.0, (rows[-1] + 0.5) * CELL_M)
    path = sim.shortest_path(start, far)
    length = sum(math.dist(a, b) for a, b in zip(path, path[1:]))
    assert sim.geodesic_distance(start, far) == pytest.approx(length)
    assert length >= math.dist(start, far) - 1e-9
    for a, b in zip(path, path[1:]):  # every leg of the taut path is walkable
        assert sim._nav.line_of_sight(a[0], a[2], b[0], b[2])  # noqa: SLF001
    assert sim.geodesic_distance(start, start) == 0
    outside = (-50.0, 0.0, -50.0)
    assert sim.geodesic_distance(start, outside) == math.inf and sim.shortest_path(start, outside) == []


def test_snap_point_lands_on_navigable_cells_and_set_pose_refuses_walls(sim):
    sim.new_episode(1, 1)
    grid = sim.navigability_map()
    snapped = sim.snap_point((0.0, 1.0, 0.0))  # a corner of the outer wall
    assert grid.cells[int(snapped[2] / CELL_M), int(snapped[0] / CELL_M)] == 1
    assert sim.snap_point(snapped) == snapped
    with pytest.raises(BackendError, match="not navigable"):
        sim.set_agent_pose(Pose((0.05, 0.0, 0.05), 0.0))


def test_semantic_ids_are_scene_objects_and_depth_is_metres(sim):
    info = sim.load_scene(SCENE)
    sim.new_episode(7, 1)
    ids = {o.instance_id for o in info.objects}
    seen = set()
    for _ in range(12):
        obs = sim.step("turn_left")
        assert obs.depth.dtype == np.float32 and obs.depth.min() > 0 and obs.depth.max() < 20
        seen |= set(np.unique(obs.semantic).tolist()) - {0}
    assert seen and seen <= ids


def test_without_the_semantic_sensor_no_semantic_image_is_sent():
    sim = GridWorldBackend(semantic_sensor=False)
    assert "semantic" not in sim.capabilities().sensors
    sim.load_scene(SCENE)
    assert "semantic" not in sim.new_episode(1, 1).observation.blobs()


def test_revisit_marks_goals_whose_instances_an_earlier_subtask_already_named(sim):
    info = sim.load_scene(SCENE)
    by_category = {}
    for o in info.objects:
        by_category.setdefault(o.category, set()).add(o.instance_id)
    start = sim.new_episode(7, 8)
    seen, expected = set(), []
    for g in start.spec.goals:
        instances = by_category[g.category] if g.modality == "object" else {g.instance_id}
        expected.append(bool(seen & instances))
        seen |= instances
    outcomes = [sim.step("subtask_stop").status.last_outcome for _ in start.spec.goals]
    assert [o.revisit for o in outcomes] == expected
    assert True in expected and False in expected, "seed 7 has first visits and revisits"
