"""Scene annotations and GOAT-style goals from a Habitat scene: the semantic objects as the
protocol's ``SceneObject`` list, goal view points found with the path finder, and a seeded
sequence of goals (object category, description, image) like the grid world's.

NOT RUN AGAINST REAL HABITAT-SIM HERE (it cannot be installed on the project's machines); the
calls follow habitat-sim's public API and are checked with a fake module in pytest.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from ..api import Goal, SceneObject

# Annotations that are part of the building rather than things to find.
STRUCTURE_CATEGORIES = frozenset({
    "", "unknown", "misc", "objects", "void", "wall", "floor", "ceiling", "door", "door frame", "window",
    "window frame", "stairs", "column", "beam", "railing", "frame", "board_panel", "shelving", "lighting",
})
VIEW_POINT_DIRECTIONS = 8


@dataclass(frozen=True)
class AnnotatedObject:
    info: SceneObject
    bottom_y: float


def instance_id_of(obj: Any) -> Optional[int]:
    """The id the semantic sensor reports for this object: ``semantic_id`` (HM3D, habitat-sim >= 0.2.2),
    else the trailing number of ids of the form ``<level>_<region>_<object>`` (MP3D)."""
    semantic_id = getattr(obj, "semantic_id", None)
    if isinstance(semantic_id, (int, np.integer)):
        return int(semantic_id)
    try:
        return int(str(obj.id).rsplit("_", 1)[-1])
    except (AttributeError, ValueError):
        return None


def _name(category: Any) -> str:
    if category is None:
        return ""
    name = category.name()
    return str(name).strip().lower()


def scene_objects(semantic_scene: Any) -> List[AnnotatedObject]:
    """The scene's annotated objects, skipping empty slots (MP3D lists some as None) and unnamed ones."""
    objects = []
    for obj in getattr(semantic_scene, "objects", None) or []:
        if obj is None:
            continue
        instance_id = instance_id_of(obj)
        category = _name(getattr(obj, "category", None))
        if instance_id is None or not category:
            continue
        center = [float(v) for v in obj.aabb.center]
        size = [float(v) for v in obj.aabb.sizes]
        region = getattr(obj, "region", None)
        room = _name(getattr(region, "category", None)) if region is not None else ""
        info = SceneObject(instance_id, category, room or None, tuple(center), tuple(size))
        objects.append(AnnotatedObject(info, center[1] - size[1] / 2))
    return objects


def _footprint_distance(point: Sequence[float], obj: SceneObject) -> float:
    cx, _, cz = obj.center
    hx, _, hz = (s / 2 for s in obj.size)
    dx = max(abs(point[0] - cx) - hx, 0.0)
    dz = max(abs(point[2] - cz) - hz, 0.0)
    return math.hypot(dx, dz)


def view_points(pathfinder: Any, obj: AnnotatedObject, agent_radius_m: float, success_distance_m: float) -> List[np.ndarray]:
    """Navigable points around the object, within the success distance of its footprint, on its floor."""
    cx, _, cz = obj.info.center
    sx, _, sz = obj.info.size
    ring = max(sx, sz) / 2 + agent_radius_m + 0.2
    candidates = [(cx, obj.bottom_y, cz)]
    for k in range(VIEW_POINT_DIRECTIONS):
        a = 2 * math.pi * k / VIEW_POINT_DIRECTIONS
        candidates.append((cx + ring * math.cos(a), obj.bottom_y, cz + ring * math.sin(a)))
    points: List[np.ndarray] = []
    for c in candidates:
        snapped = np.asarray(pathfinder.snap_point(np.array(c, dtype=np.float32)), dtype=np.float32)
        if not np.all(np.isfinite(snapped)) or not pathfinder.is_navigable(snapped):
            continue
        if abs(float(snapped[1]) - obj.bottom_y) > 0.5 or _footprint_distance(snapped, obj.info) > success_distance_m:
            continue
        if all(np.linalg.norm(snapped - p) > 0.1 for p in points):
            points.append(snapped)
    return points


def sample_goals(rng: random.Random, candidates: List[Tuple[AnnotatedObject, List[np.ndarray]]], subtasks: int,
                 picture) -> Tuple[List[Goal], List[List[np.ndarray]], List[frozenset]]:
    """A seeded goal sequence; about a third of later goals return to an earlier category.

    ``candidates`` pairs each reachable object with its view points; ``picture(obj, points)`` renders an
    image goal. Returns the goals and, per goal, the view points that count as reaching it and the
    instance ids that satisfy it.
    """
    categories = sorted({o.info.category for o, _ in candidates})
    goals: List[Goal] = []
    regions: List[List[np.ndarray]] = []
    instance_sets: List[frozenset] = []
    used: List[str] = []
    for _ in range(subtasks):
        fresh = [c for c in categories if c not in used]
        category = rng.choice(used) if used and (not fresh or rng.random() < 1 / 3) else rng.choice(fresh)
        used.append(category)
        instances = [(o, pts) for o, pts in candidates if o.info.category == category]
        modality = rng.choice(("object", "object", "description", "image"))
        if modality == "object":
            goals.append(Goal("object", category, f"find a {category}", -1))
            regions.append([p for _, pts in instances for p in pts])
            instance_sets.append(frozenset(o.info.instance_id for o, _ in instances))
            continue
        target, points = rng.choice(instances)
        instance_sets.append(frozenset({target.info.instance_id}))
        regions.append(points)
        if modality == "description":
            where = f" in the {target.info.room}" if target.info.room else ""
            goals.append(Goal("description", category, f"the {category}{where}", target.info.instance_id))
        else:
            goals.append(Goal("image", category, f"the {category} in this picture", target.info.instance_id,
                              picture(target, points)))
    return goals, regions, instance_sets
