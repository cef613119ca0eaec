"""A 2.5D raycaster for the grid world: one ray per image column marched across the occupancy
grid, then per pixel the nearest of floor, ceiling, wall and up to three pieces of furniture
(front faces and tops). Gives RGB, depth along the camera axis in metres, and instance ids, all
in numpy. Looking up or down shears the image (the classic raycaster approximation of pitch), so
depth is measured along the unpitched, horizontal optical axis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Tuple

import numpy as np

from .scene import CELL_M, ROOM_FLOOR_COLOURS, WALL_HEIGHT_M, GridScene

_STEP_M = CELL_M / 4
_SEGMENTS = 3
_WALL_COLOUR = np.array([205.0, 200.0, 190.0])
_CEILING_COLOUR = np.array([236.0, 236.0, 232.0])


@dataclass(frozen=True)
class Camera:
    x: float
    z: float
    eye_height_m: float
    yaw: float
    pitch: float
    width: int
    height: int
    hfov_deg: float


class Raycaster:
    """Renders one scene; build it once per scene (it precomputes colour tables)."""

    def __init__(self, scene: GridScene):
        self._scene = scene
        self._heights = scene.object_heights()
        self._colours = scene.object_colours()
        rooms = [ROOM_FLOOR_COLOURS[r] for r in scene.rooms] + [(120, 120, 120)]
        self._floor_colours = np.array(rooms, dtype=np.float64)  # index -1 = outside any room
        self._max_range = math.hypot(scene.rows, scene.cols) * CELL_M + 1.0

    def render(self, cam: Camera) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rgb uint8 [H, W, 3], depth float32 [H, W], semantic int32 [H, W])."""
        scene = self._scene
        w, h = cam.width, cam.height
        focal = (w / 2) / math.tan(math.radians(cam.hfov_deg) / 2)
        xc = (np.arange(w) + 0.5 - w / 2) / focal  # right of the optical axis is positive
        heading = cam.yaw - np.arctan(xc)
        dx, dz = -np.sin(heading), -np.cos(heading)

        # March every column's ray across the grid.
        t = (np.arange(int(self._max_range / _STEP_M)) + 0.5) * _STEP_M
        px = cam.x + dx[:, None] * t[None, :]
        pz = cam.z + dz[:, None] * t[None, :]
        cols = np.floor(px / CELL_M).astype(np.int64)
        rows = np.floor(pz / CELL_M).astype(np.int64)
        inside = (rows >= 0) & (rows < scene.rows) & (cols >= 0) & (cols < scene.cols)
        rows_c = np.clip(rows, 0, scene.rows - 1)
        cols_c = np.clip(cols, 0, scene.cols - 1)
        wall_hit = ~inside | scene.wall[rows_c, cols_c]
        k_wall = np.where(wall_hit.any(axis=1), wall_hit.argmax(axis=1), t.size - 1)
        column = np.arange(w)
        t_wall, wall_x_face = self._refine_entry(cam, dx, dz, t[k_wall], lambda r, c: scene.wall[r, c])

        ids = np.where(inside, scene.object_id[rows_c, cols_c], 0)
        ids[np.arange(t.size)[None, :] >= k_wall[:, None]] = 0
        before = np.concatenate([np.zeros((w, 1), dtype=ids.dtype), ids[:, :-1]], axis=1)
        starts = (ids > 0) & (ids != before)
        order = np.cumsum(starts, axis=1)

        # Per pixel: the ray's rise per horizontal metre along its column.
        yc = (h / 2 - (np.arange(h) + 0.5)) / focal
        # Pitch shears the image (rows shift by focal * tan(pitch)), which keeps straight edges straight.
        slope = (yc[:, None] + math.tan(cam.pitch)) / np.sqrt(1 + xc[None, :] ** 2)
        eye = cam.eye_height_m
        with np.errstate(divide="ignore", invalid="ignore"):
            t_floor = np.where(slope < 0, eye / -slope, np.inf)
            t_ceiling = np.where(slope > 0, (WALL_HEIGHT_M - eye) / slope, np.inf)
        t_hit = np.minimum(np.minimum(t_floor, t_ceiling), np.broadcast_to(t_wall[None, :], slope.shape))
        kind = np.where(t_hit == t_floor, 0, np.where(t_hit == t_ceiling, 1, 2))  # 0 floor, 1 ceiling, 2 wall
        hit_id = np.zeros(slope.shape, dtype=np.int32)
        object_top = np.zeros(slope.shape, dtype=bool)
        object_x_face = np.zeros(slope.shape, dtype=bool)

        for s in range(1, _SEGMENTS + 1):
            is_start = starts & (order == s)
            present = is_start.any(axis=1)
            if not present.any():
                break
            k_in = is_start.argmax(axis=1)
            seg_id = ids[column, k_in]
            after = (np.arange(t.size)[None, :] > k_in[:, None]) & (ids != seg_id[:, None])
            k_out = np.where(after.any(axis=1), after.argmax(axis=1), k_wall)
            t_in, x_face = self._refine_entry(cam, dx, dz, t[k_in], lambda r, c, sid=seg_id: scene.object_id[r, c] == sid)
            t_out = t[k_out] - _STEP_M / 2
            height = self._heights[seg_id]
            rise_in = eye + slope * t_in[None, :]
            front = present[None, :] & (rise_in >= 0) & (rise_in <= height[None, :])
            with np.errstate(divide="ignore", invalid="ignore"):
                t_top = np.where(slope < 0, (height[None, :] - eye) / slope, np.inf)
            top = present[None, :] & ~front & (rise_in > height[None, :]) & (t_top >= t_in[None, :]) \
                & (t_top <= t_out[None, :])
            t_obj = np.where(front, t_in[None, :], np.where(top, t_top, np.inf))
            nearer = t_obj < t_hit
            t_hit = np.where(nearer, t_obj, t_hit)
            kind = np.where(nearer, 3, kind)
            hit_id = np.where(nearer, seg_id[None, :], hit_id)
            object_top = np.where(nearer, top, object_top)
            object_x_face = np.where(nearer, x_face[None, :], object_x_face)

        return self._shade(cam, dx, dz, slope, t_hit, kind, hit_id, object_top, object_x_face, wall_x_face, xc)

    def _refine_entry(self, cam: Camera, dx: np.ndarray, dz: np.ndarray, t_first_inside: np.ndarray, solid):
        """Bisects each column's ray between the last free sample and the first solid one, then says
        whether the face it crossed is x-facing (a column boundary) or z-facing (a row boundary)."""
        scene = self._scene
        lo = np.maximum(t_first_inside - _STEP_M, 0.0)
        hi = t_first_inside.copy()
        for _ in range(5):
            mid = (lo + hi) / 2
            mx, mz = cam.x + dx * mid, cam.z + dz * mid
            r = np.floor(mz / CELL_M).astype(np.int64)
            c = np.floor(mx / CELL_M).astype(np.int64)
            inside = (r >= 0) & (r < scene.rows) & (c >= 0) & (c < scene.cols)
            hit = ~inside | solid(np.clip(r, 0, scene.rows - 1), np.clip(c, 0, scene.cols - 1))
            hi = np.where(hit, mid, hi)
            lo = np.where(hit, lo, mid)
        hx, hz = cam.x + dx * hi, cam.z + dz * hi
        fx, fz = cam.x + dx * lo, cam.z + dz * lo
        col_changed = np.floor(hx / CELL_M) != np.floor(fx / CELL_M)
        row_changed = np.floor(hz / CELL_M) != np.floor(fz / CELL_M)
        # Through a corner both change; then the nearer grid line decides.
        off_x = np.abs(hx / CELL_M - np.round(hx / CELL_M))
        off_z = np.abs(hz / CELL_M - np.round(hz / CELL_M))
        return hi, np.where(col_changed & row_changed, off_x < off_z, col_changed)

    def _shade(self, cam, dx, dz, slope, t_hit, kind, hit_id, object_top, object_x_face, wall_x_face, xc):
        scene = self._scene
        # Colours.
        hx = cam.x + dx[None, :] * t_hit
        hz = cam.z + dz[None, :] * t_hit
        hit_rows = np.clip(np.floor(hz / CELL_M).astype(np.int64), 0, scene.rows - 1)
        hit_cols = np.clip(np.floor(hx / CELL_M).astype(np.int64), 0, scene.cols - 1)
        rgb = np.empty(slope.shape + (3,), dtype=np.float64)
        floor_colour = self._floor_colours[scene.room_index[hit_rows, hit_cols]]
        tiles = ((np.floor(hx / 0.5) + np.floor(hz / 0.5)) % 2)[..., None]
        rgb[:] = floor_colour * (0.92 + 0.08 * tiles)
        rgb[kind == 1] = _CEILING_COLOUR
        wall_shade = np.where(wall_x_face, 0.82, 1.0)[None, :, None]
        rgb = np.where((kind == 2)[..., None], _WALL_COLOUR * wall_shade, rgb)
        obj_shade = np.where(object_top, 1.12, np.where(object_x_face, 0.8, 0.95))[..., None]
        rgb = np.where((kind == 3)[..., None], self._colours[hit_id] * obj_shade, rgb)
        rgb *= (0.55 + 0.45 * np.exp(-t_hit / 8.0))[..., None]
        rgb_u8 = np.clip(rgb, 0, 255).astype(np.uint8)

        # Depth along the (horizontal, unpitched) optical axis: horizontal run times cos(column offset).
        depth = t_hit / np.sqrt(1 + xc ** 2)[None, :]
        depth = np.where(np.isfinite(depth) & (depth > 0), depth, 0).astype(np.float32)
        semantic = np.where(kind == 3, hit_id, 0).astype(np.int32)
        return rgb_u8, depth, semantic
