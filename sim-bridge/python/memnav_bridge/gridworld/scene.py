"""Seeded grid apartments for the numpy grid world: four rooms behind thin walls with doors, and
furniture against the walls. Everything is a 0.1 m occupancy grid plus object heights, which is
all the raycaster and the path finder need. Same seed, same scene.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import numpy as np

CELL_M = 0.1
WALL_HEIGHT_M = 2.6
SCENE_PREFIX = "gridworld:rooms"

# category -> (width along the wall, depth away from it, height) in metres, and an RGB colour
CATEGORIES: Dict[str, Tuple[Tuple[float, float, float], Tuple[int, int, int]]] = {
    "sofa": ((2.0, 0.9, 0.8), (112, 128, 144)),
    "tv": ((1.2, 0.4, 1.1), (40, 40, 48)),
    "armchair": ((0.8, 0.8, 0.9), (160, 82, 45)),
    "plant": ((0.4, 0.4, 1.2), (46, 139, 87)),
    "fridge": ((0.8, 0.7, 1.8), (230, 230, 235)),
    "oven": ((0.7, 0.6, 0.9), (90, 90, 95)),
    "sink": ((0.8, 0.6, 0.9), (176, 196, 222)),
    "chair": ((0.5, 0.5, 0.9), (205, 133, 63)),
    "bed": ((1.6, 2.0, 0.6), (219, 112, 147)),
    "wardrobe": ((1.2, 0.6, 2.0), (139, 69, 19)),
    "nightstand": ((0.5, 0.4, 0.55), (188, 143, 143)),
    "toilet": ((0.4, 0.7, 0.8), (245, 245, 245)),
    "bathtub": ((0.8, 1.7, 0.6), (224, 255, 255)),
    "desk": ((1.4, 0.7, 0.75), (160, 120, 80)),
    "bookshelf": ((1.0, 0.35, 1.9), (101, 67, 33)),
    "cabinet": ((1.0, 0.45, 1.0), (128, 100, 70)),
    "dining table": ((1.6, 0.9, 0.75), (150, 110, 70)),
}

ROOM_FURNITURE: Dict[str, Tuple[str, ...]] = {
    "living room": ("sofa", "tv", "armchair", "plant"),
    "kitchen": ("fridge", "oven", "sink", "chair"),
    "bedroom": ("bed", "wardrobe", "nightstand", "plant"),
    "bathroom": ("toilet", "bathtub", "sink"),
    "study": ("desk", "bookshelf", "chair", "plant"),
    "dining room": ("dining table", "cabinet", "chair", "plant"),
}

ROOM_FLOOR_COLOURS: Dict[str, Tuple[int, int, int]] = {
    "living room": (181, 155, 120), "kitchen": (200, 200, 190), "bedroom": (170, 140, 110),
    "bathroom": (190, 210, 215), "study": (165, 150, 130), "dining room": (185, 160, 125),
}


@dataclass(frozen=True)
class GridObject:
    instance_id: int
    category: str
    room: str
    # footprint in cells: rows [row0, row1), cols [col0, col1)
    row0: int
    row1: int
    col0: int
    col1: int
    height_m: float
    colour: Tuple[int, int, int]

    @property
    def center_xz(self) -> Tuple[float, float]:
        return (self.col0 + self.col1) * CELL_M / 2, (self.row0 + self.row1) * CELL_M / 2

    @property
    def size_xz(self) -> Tuple[float, float]:
        return (self.col1 - self.col0) * CELL_M, (self.row1 - self.row0) * CELL_M


@dataclass
class GridScene:
    """wall[row, col] / object_id[row, col] / room_index[row, col]; cell (col, row) spans
    x in [col*CELL_M, (col+1)*CELL_M) and z in [row*CELL_M, (row+1)*CELL_M)."""

    scene_id: str
    seed: int
    wall: np.ndarray
    object_id: np.ndarray
    room_index: np.ndarray
    rooms: List[str]
    objects: List[GridObject]

    @property
    def rows(self) -> int:
        return self.wall.shape[0]

    @property
    def cols(self) -> int:
        return self.wall.shape[1]

    def object(self, instance_id: int) -> GridObject:
        for o in self.objects:
            if o.instance_id == instance_id:
                return o
        raise KeyError(instance_id)

    def object_heights(self) -> np.ndarray:
        heights = np.zeros(len(self.objects) + 1, dtype=np.float64)
        for o in self.objects:
            heights[o.instance_id] = o.height_m
        return heights

    def object_colours(self) -> np.ndarray:
        colours = np.zeros((len(self.objects) + 1, 3), dtype=np.float64)
        for o in self.objects:
            colours[o.instance_id] = o.colour
        return colours


def parse_scene_ref(ref: str) -> int:
    """The seed of ``gridworld:rooms?seed=N``; ValueError naming the accepted form otherwise."""
    match = re.fullmatch(r"gridworld:rooms(?:\?seed=(-?\d+))?", ref.strip())
    if match is None:
        raise ValueError(f"unknown scene '{ref}': this grid-world server knows {SCENE_PREFIX}?seed=N")
    return int(match.group(1) or 0)


def _cells(metres: float) -> int:
    return int(round(metres / CELL_M))


def generate(seed: int) -> GridScene:
    rng = random.Random(f"memnav-gridworld:{seed}")
    cols = _cells(rng.uniform(8.0, 11.0))
    rows = _cells(rng.uniform(6.5, 9.0))
    wall = np.zeros((rows, cols), dtype=bool)
    wall[0, :] = wall[-1, :] = True
    wall[:, 0] = wall[:, -1] = True

    split_col = int(cols * rng.uniform(0.42, 0.58))
    split_left = int(rows * rng.uniform(0.4, 0.6))
    split_right = int(rows * rng.uniform(0.4, 0.6))
    wall[:, split_col] = True
    wall[split_left, :split_col] = True
    wall[split_right, split_col:] = True

    door = _cells(0.9)
    doors: List[Tuple[slice, slice]] = []

    def open_door(rs: slice, cs: slice) -> None:
        wall[rs, cs] = False
        doors.append((rs, cs))

    # Top and bottom rooms on each side, then one or two doors through the middle wall.
    c = rng.randint(2, split_col - door - 2)
    open_door(slice(split_left, split_left + 1), slice(c, c + door))
    c = rng.randint(split_col + 2, cols - door - 2)
    open_door(slice(split_right, split_right + 1), slice(c, c + door))
    top_span = min(split_left, split_right)
    r = rng.randint(2, max(2, top_span - door - 2))
    open_door(slice(r, r + door), slice(split_col, split_col + 1))
    if rng.random() < 0.5:
        bottom_start = max(split_left, split_right) + 2
        r = rng.randint(bottom_start, max(bottom_start, rows - door - 2))
        open_door(slice(r, r + door), slice(split_col, split_col + 1))

    room_types = rng.sample(sorted(ROOM_FURNITURE), 4)
    room_index = np.full((rows, cols), -1, dtype=np.int32)
    bounds = [(1, split_left, 1, split_col), (split_left + 1, rows - 1, 1, split_col),
              (1, split_right, split_col + 1, cols - 1), (split_right + 1, rows - 1, split_col + 1, cols - 1)]
    for i, (r0, r1, c0, c1) in enumerate(bounds):
        room_index[r0:r1, c0:c1] = i
    room_index[wall] = -1
    for rs, cs in doors:  # a doorway's floor belongs to the room above it or left of it
        if rs.stop - rs.start == 1:
            room_index[rs, cs] = room_index[rs.start - 1:rs.start, cs]
        else:
            room_index[rs, cs] = room_index[rs, cs.start - 1:cs.start]

    keep_clear = np.zeros_like(wall)
    margin = _cells(0.8)
    for rs, cs in doors:
        keep_clear[max(0, rs.start - margin):rs.stop + margin, max(0, cs.start - margin):cs.stop + margin] = True

    object_id = np.zeros((rows, cols), dtype=np.int32)
    objects: List[GridObject] = []
    for room_no, (room, (r0, r1, c0, c1)) in enumerate(zip(room_types, bounds)):
        wanted = list(ROOM_FURNITURE[room])
        rng.shuffle(wanted)
        for category in wanted[:rng.randint(2, len(wanted))]:
            placed = _place_against_wall(rng, category, (r0, r1, c0, c1), object_id, keep_clear)
            if placed is None:
                continue
            row0, row1, col0, col1 = placed
            instance_id = len(objects) + 1
            (_, _, height), colour = CATEGORIES[category]
            object_id[row0:row1, col0:col1] = instance_id
            objects.append(GridObject(instance_id, category, room, row0, row1, col0, col1, height, colour))
    return GridScene(f"{SCENE_PREFIX}?seed={seed}", seed, wall, object_id, room_index, room_types, objects)


def _place_against_wall(rng: random.Random, category: str, room: Tuple[int, int, int, int], object_id: np.ndarray,
                        keep_clear: np.ndarray) -> Optional[Tuple[int, int, int, int]]:
    r0, r1, c0, c1 = room
    (width, depth, _), _ = CATEGORIES[category]
    w, d = max(1, _cells(width)), max(1, _cells(depth))
    gap = _cells(0.3)
    for _ in range(30):
        side = rng.randrange(4)
        if side in (0, 1):  # against the top or bottom wall: width runs along x
            if c1 - c0 < w + 2:
                continue
            col0 = rng.randint(c0, c1 - w)
            row0 = r0 if side == 0 else r1 - d
            box = (row0, row0 + d, col0, col0 + w)
        else:  # against the left or right wall: width runs along z
            if r1 - r0 < w + 2:
                continue
            row0 = rng.randint(r0, r1 - w)
            col0 = c0 if side == 2 else c1 - d
            box = (row0, row0 + w, col0, col0 + d)
        b0, b1, a0, a1 = box
        if b0 < r0 or b1 > r1 or a0 < c0 or a1 > c1:
            continue
        near = (slice(max(0, b0 - gap), b1 + gap), slice(max(0, a0 - gap), a1 + gap))
        if object_id[near].any() or keep_clear[b0:b1, a0:a1].any():
            continue
        return box
    return None
