"""Navigation on the grid world's occupancy grid: where the agent's centre may stand (free cells
farther than the agent radius from walls and furniture, largest connected island only), snapping,
line of sight for forward steps, and geodesic distance fields (8-connected Dijkstra, no corner
cutting) from which shortest paths are read and then pulled taut.
"""

from __future__ import annotations

import heapq
import math
from collections import OrderedDict, deque
from typing import Iterable, List, Tuple

import numpy as np

from .scene import CELL_M, GridScene

_SQRT2 = math.sqrt(2.0)
_NEIGHBOURS = [(-1, -1, _SQRT2), (-1, 0, 1.0), (-1, 1, _SQRT2), (0, -1, 1.0), (0, 1, 1.0), (1, -1, _SQRT2),
               (1, 0, 1.0), (1, 1, _SQRT2)]
_FIELD_CACHE_SIZE = 48


def navigable_cells(scene: GridScene, radius_m: float) -> np.ndarray:
    """Free cells whose centre is farther than ``radius_m`` from any blocked cell, largest island only."""
    blocked = scene.wall | (scene.object_id > 0)
    reach = int(math.ceil(radius_m / CELL_M))
    inflated = blocked.copy()
    rows, cols = blocked.shape
    for dr in range(-reach, reach + 1):
        for dc in range(-reach, reach + 1):
            # a blocked cell's nearest point is half a cell closer than its centre
            if math.hypot(dr, dc) * CELL_M - CELL_M / 2 >= radius_m:
                continue
            shifted = np.zeros_like(blocked)
            shifted[max(0, dr):rows + min(0, dr), max(0, dc):cols + min(0, dc)] = \
                blocked[max(0, -dr):rows + min(0, -dr), max(0, -dc):cols + min(0, -dc)]
            inflated |= shifted
    return _largest_island(~inflated)


def _largest_island(free: np.ndarray) -> np.ndarray:
    rows, cols = free.shape
    label = np.zeros(free.shape, dtype=np.int32)
    sizes = [0]
    for start in zip(*np.nonzero(free)):
        if label[start]:
            continue
        current = len(sizes)
        label[start] = current
        queue = deque([start])
        size = 0
        while queue:
            r, c = queue.popleft()
            size += 1
            for dr, dc, _ in _NEIGHBOURS:
                nr, nc = r + dr, c + dc
                if 0 <= nr < rows and 0 <= nc < cols and free[nr, nc] and not label[nr, nc]:
                    if dr and dc and not (free[r, nc] and free[nr, c]):
                        continue
                    label[nr, nc] = current
                    queue.append((nr, nc))
        sizes.append(size)
    if len(sizes) == 1:
        return np.zeros_like(free)
    return label == int(np.argmax(sizes))


class GridNavigator:
    def __init__(self, navigable: np.ndarray):
        self.navigable = navigable
        self.rows, self.cols = navigable.shape
        self._cell_rows, self._cell_cols = np.nonzero(navigable)
        if self._cell_rows.size == 0:
            raise ValueError("the scene has no navigable cell")
        self._fields: "OrderedDict[Tuple[int, ...], np.ndarray]" = OrderedDict()

    # --- cells and points ----------------------------------------------------------------------

    @staticmethod
    def cell_of(x: float, z: float) -> Tuple[int, int]:
        return int(math.floor(z / CELL_M)), int(math.floor(x / CELL_M))

    @staticmethod
    def centre_of(row: int, col: int) -> Tuple[float, float]:
        return (col + 0.5) * CELL_M, (row + 0.5) * CELL_M

    def is_navigable(self, x: float, z: float) -> bool:
        row, col = self.cell_of(x, z)
        return 0 <= row < self.rows and 0 <= col < self.cols and bool(self.navigable[row, col])

    def nearest_cell(self, x: float, z: float) -> Tuple[int, int]:
        if self.is_navigable(x, z):
            return self.cell_of(x, z)
        cx = (self._cell_cols + 0.5) * CELL_M
        cz = (self._cell_rows + 0.5) * CELL_M
        i = int(np.argmin((cx - x) ** 2 + (cz - z) ** 2))
        return int(self._cell_rows[i]), int(self._cell_cols[i])

    def snap(self, x: float, z: float) -> Tuple[float, float]:
        """The point itself when navigable, else the centre of the nearest navigable cell."""
        if self.is_navigable(x, z):
            return x, z
        return self.centre_of(*self.nearest_cell(x, z))

    def line_of_sight(self, x0: float, z0: float, x1: float, z1: float) -> bool:
        """Whether the straight segment stays on navigable cells (sampled every quarter cell)."""
        n = max(2, int(math.ceil(math.hypot(x1 - x0, z1 - z0) / (CELL_M / 4))) + 1)
        t = np.linspace(0.0, 1.0, n)
        rows = np.floor((z0 + t * (z1 - z0)) / CELL_M).astype(np.int64)
        cols = np.floor((x0 + t * (x1 - x0)) / CELL_M).astype(np.int64)
        inside = (rows >= 0) & (rows < self.rows) & (cols >= 0) & (cols < self.cols)
        if not inside.all():
            return False
        return bool(self.navigable[rows, cols].all())

    # --- distance fields -----------------------------------------------------------------------

    def distance_field(self, sources: Iterable[Tuple[int, int]]) -> np.ndarray:
        """Geodesic metres from the nearest source cell to every cell (inf where unreachable); cached."""
        key = tuple(sorted(set(sources)))
        field = self._fields.get(key)
        if field is not None:
            self._fields.move_to_end(key)
            return field
        field = self._dijkstra(key)
        self._fields[key] = field
        if len(self._fields) > _FIELD_CACHE_SIZE:
            self._fields.popitem(last=False)
        return field

    def _dijkstra(self, sources: Tuple[Tuple[int, int], ...]) -> np.ndarray:
        rows, cols = self.rows, self.cols
        nav = self.navigable
        dist = np.full((rows, cols), np.inf)
        heap = []
        for r, c in sources:
            dist[r, c] = 0.0
            heap.append((0.0, r, c))
        heapq.heapify(heap)
        while heap:
            d, r, c = heapq.heappop(heap)
            if d > dist[r, c]:
                continue
            for dr, dc, step in _NEIGHBOURS:
                nr, nc = r + dr, c + dc
                if not (0 <= nr < rows and 0 <= nc < cols) or not nav[nr, nc]:
                    continue
                if dr and dc and not (nav[r, nc] and nav[nr, c]):
                    continue
                nd = d + step * CELL_M
                if nd < dist[nr, nc]:
                    dist[nr, nc] = nd
                    heapq.heappush(heap, (nd, nr, nc))
        return dist

    def _descend(self, field: np.ndarray, row: int, col: int) -> List[Tuple[int, int]]:
        """Cells from (row, col) down the field to a source (field 0)."""
        cells = [(row, col)]
        nav = self.navigable
        while field[row, col] > 0:
            best = None
            best_value = field[row, col]
            for dr, dc, step in _NEIGHBOURS:
                nr, nc = row + dr, col + dc
                if not (0 <= nr < self.rows and 0 <= nc < self.cols) or not nav[nr, nc]:
                    continue
                if dr and dc and not (nav[row, nc] and nav[nr, col]):
                    continue
                if field[nr, nc] < best_value - 1e-9:
                    best_value = field[nr, nc]
                    best = (nr, nc)
            if best is None:
                break
            row, col = best
            cells.append(best)
        return cells

    # --- queries -------------------------------------------------------------------------------

    def shortest_path(self, start: Tuple[float, float], end: Tuple[float, float]) -> List[Tuple[float, float]]:
        """Taut path from ``start`` to ``end``, both included; [] when unreachable, which includes an end
        that is not navigable itself (as the embedded simulator answers; snap points first)."""
        (sx, sz), (ex, ez) = start, end
        if not (self.is_navigable(sx, sz) and self.is_navigable(ex, ez)):
            return []
        start_cell = self.cell_of(sx, sz)
        end_cell = self.cell_of(ex, ez)
        field = self.distance_field([end_cell])
        if not math.isfinite(field[start_cell]):
            return []
        cells = self._descend(field, *start_cell)
        points = [(sx, sz)] + [self.centre_of(r, c) for r, c in cells[1:-1]] + [(ex, ez)]
        return self._pull_taut(points)

    def distance_down_field(self, field: np.ndarray, x: float, z: float) -> float:
        """Length of the taut path from (x, z) down ``field`` to its nearest source (inf when unreachable):
        the same measure as ``shortest_path``, so metrics and path queries agree."""
        row, col = self.cell_of(x, z)
        if not self.is_navigable(x, z) or not math.isfinite(field[row, col]):
            return math.inf
        cells = self._descend(field, row, col)
        points = [(x, z)] + [self.centre_of(r, c) for r, c in cells[1:]]
        return self.length(self._pull_taut(points))

    def _pull_taut(self, points: List[Tuple[float, float]]) -> List[Tuple[float, float]]:
        """Drops every corner the path can cut in a straight line (greedy, one pass forward)."""
        if len(points) <= 2:
            return points
        taut = [points[0]]
        i = 0
        while i < len(points) - 1:
            j = i + 1
            while j + 1 < len(points) and self.line_of_sight(*points[i], *points[j + 1]):
                j += 1
            taut.append(points[j])
            i = j
        return taut

    @staticmethod
    def length(points: List[Tuple[float, float]]) -> float:
        if not points:
            return math.inf
        return sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(points, points[1:]))
