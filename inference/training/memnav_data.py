"""Loads the training data written by `memnav dataset export` and derives the labels every
training script shares.

A dataset is one or more shard folders (each the output of one export run). Arrays are
memory-mapped; shards are concatenated with their scene, episode and frame indices offset so
that they stay unique. See inference/training/README.md for the file layout.

Labels, all from the simulator's ground truth (instance ids at 64x64, depth, poses, object table):
- an instance is *visible* in a frame when it covers at least VISIBLE_MIN_SAMPLES of the 64x64
  id samples and its median depth there is at most VISIBLE_MAX_DEPTH_M;
- a category is visible when one of its instances is;
- an instance's *offset* from a frame is its centre in the frame's local coordinates
  (metres forward, metres right), which is what the policy regresses to turn "I saw it in
  that frame" into a target point.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

VISIBLE_MIN_SAMPLES = 8          # of 4096 id samples: about 0.2 % of the view
VISIBLE_MAX_DEPTH_M = 5.0
LABEL_SIZE = 64
GRID = 16                        # encoder patch grid; a patch covers 4x4 id samples
META = {"scene": 0, "episode": 1, "step": 2, "subtask": 3, "goal_category": 4, "x": 5, "z": 6, "yaw": 7,
        "goal_instance": 8}


@dataclass
class Dataset:
    vocabulary: list[str]
    rgb: list[np.ndarray]                 # per shard, uint8 [n, 256, 256, 3] (memory-mapped)
    ids: np.ndarray                       # int32 [N, 64, 64], instance ids made globally unique
    depth: np.ndarray                     # float32 [N, 64, 64]
    meta: np.ndarray                      # float32 [N, 9], scene/episode indices global
    frontiers: np.ndarray                 # float32 [M, 5]: frame row (global), x, z, geodesic m, cells
    frontier_goal_dist: np.ndarray        # float32 [M, C], -1 = absent/unreachable
    frame_goal_dist: np.ndarray           # float32 [N, C]
    objects: dict = field(default_factory=dict)   # global instance id -> object record (+ "scene")
    descriptions: list = field(default_factory=list)   # (global instance id, text)
    description_embeddings: np.ndarray = None          # float32 [D, 384]
    shard_offsets: list = field(default_factory=list)  # first global frame row of each shard
    goal_images: np.ndarray = None                     # uint8 [G, 256, 256, 3]: the episodes' image-goal pictures
    goal_image_instances: np.ndarray = None            # int64 [G]: global instance id each picture shows

    @property
    def frames(self) -> int:
        return len(self.meta)

    def rgb_of(self, rows: np.ndarray) -> np.ndarray:
        """uint8 [len(rows), 256, 256, 3] for global frame rows."""
        out = np.empty((len(rows), 256, 256, 3), np.uint8)
        for i, row in enumerate(rows):
            shard = np.searchsorted(self.shard_offsets, row, side="right") - 1
            out[i] = self.rgb[shard][row - self.shard_offsets[shard]]
        return out


# Instance ids are unique per scene; globally an instance is scene * ID_STRIDE + id.
ID_STRIDE = 10_000


def load(shards: list[Path]) -> Dataset:
    vocabulary = None
    rgb, ids, depth, meta, frontiers, fgd, agd, emb = [], [], [], [], [], [], [], []
    objects, descriptions, offsets = {}, [], []
    pictures, picture_instances = [], []
    scene_base, episode_base, row_base = 0, 0, 0
    for shard in shards:
        shard = Path(shard)
        vocab = json.loads((shard / "vocabulary.json").read_text())["categories"]
        if vocabulary is None:
            vocabulary = vocab
        elif vocab != vocabulary:
            raise ValueError(f"{shard}: category vocabulary differs from the first shard's")
        m = np.load(shard / "frames_meta.npy").astype(np.float32)
        scenes = json.loads((shard / "scenes.json").read_text())
        local_ids = np.load(shard / "frames_ids.npy").astype(np.int32)
        scene_of_frame = m[:, META["scene"]].astype(np.int32)
        global_ids = np.where(local_ids > 0, (scene_of_frame[:, None, None] + scene_base) * ID_STRIDE + local_ids, 0)
        for s in scenes:
            for o in s["objects"]:
                objects[(s["scene_index"] + scene_base) * ID_STRIDE + o["id"]] = dict(o, scene=s["scene_index"] + scene_base)
        for d in json.loads((shard / "descriptions.json").read_text()):
            descriptions.append(((d["scene_index"] + scene_base) * ID_STRIDE + d["instance_id"], d["text"]))
        emb.append(np.load(shard / "description_embeddings.npy"))
        if (shard / "goal_images.npy").exists():
            pictures.append(np.load(shard / "goal_images.npy"))
            gm = np.load(shard / "goal_images_meta.npy").astype(np.int64)
            picture_instances.append((gm[:, 0] + scene_base) * ID_STRIDE + gm[:, 1])
        f = np.load(shard / "frontiers.npy").astype(np.float32)
        f[:, 0] += row_base
        m[:, META["scene"]] += scene_base
        episodic = m[:, META["episode"]] >= 0          # still views (export --views-per-scene) have episode -1
        m[episodic, META["episode"]] += episode_base
        goal_instance = m[:, META["goal_instance"]]
        m[:, META["goal_instance"]] = np.where(goal_instance > 0, m[:, META["scene"]] * ID_STRIDE + goal_instance, -1)
        rgb.append(np.load(shard / "frames_rgb.npy", mmap_mode="r"))
        ids.append(global_ids)
        depth.append(np.load(shard / "frames_depth.npy").astype(np.float32))
        meta.append(m)
        frontiers.append(f)
        fgd.append(np.load(shard / "frontier_goal_dist.npy"))
        agd.append(np.load(shard / "frames_goal_dist.npy"))
        offsets.append(row_base)
        scene_base += len(scenes)
        if episodic.any():
            episode_base = int(m[episodic, META["episode"]].max()) + 1
        row_base += len(m)
    return Dataset(vocabulary, rgb, np.concatenate(ids), np.concatenate(depth), np.concatenate(meta),
                   np.concatenate(frontiers), np.concatenate(fgd), np.concatenate(agd), objects, descriptions,
                   np.concatenate(emb), offsets,
                   np.concatenate(pictures) if pictures else np.zeros((0, 256, 256, 3), np.uint8),
                   np.concatenate(picture_instances) if picture_instances else np.zeros(0, np.int64))


def held_back_split(data: Dataset, count: int, eligible: np.ndarray | None = None):
    """The last `count` scenes (of the eligible rows) are held back from training: returns their scene ids,
    their rows and the training rows (eligible rows of every other scene)."""
    scenes = data.meta[:, META["scene"]].astype(int)
    eligible = np.ones(len(scenes), bool) if eligible is None else eligible
    held = np.unique(scenes[eligible])[-count:] if count > 0 else np.array([], int)
    held_rows = np.isin(scenes, held)
    return held, np.nonzero(eligible & held_rows)[0], np.nonzero(eligible & ~held_rows)[0]


def visible_instances(data: Dataset, row: int) -> dict[int, int]:
    """Global instance id -> id samples covered, for instances visible in frame `row`."""
    ids = data.ids[row]
    depth = data.depth[row]
    out = {}
    values, counts = np.unique(ids[ids > 0], return_counts=True)
    for v, c in zip(values, counts):
        if c >= VISIBLE_MIN_SAMPLES and np.median(depth[ids == v]) <= VISIBLE_MAX_DEPTH_M:
            out[int(v)] = int(c)
    return out


def visibility_table(data: Dataset) -> list[dict[int, int]]:
    return [visible_instances(data, r) for r in range(data.frames)]


def local_offset(meta_row: np.ndarray, x: float, z: float) -> tuple[float, float]:
    """World point (x, z) in the frame's local coordinates: (metres forward, metres right).

    The simulator's yaw 0 looks along -z; forward = (-sin yaw, -cos yaw), right = (cos yaw, -sin yaw).
    """
    dx, dz = x - meta_row[META["x"]], z - meta_row[META["z"]]
    yaw = meta_row[META["yaw"]]
    forward = -np.sin(yaw) * dx - np.cos(yaw) * dz
    right = np.cos(yaw) * dx - np.sin(yaw) * dz
    return float(forward), float(right)


def instance_lookup(data: Dataset, key: str) -> tuple[np.ndarray, np.ndarray]:
    """(sorted global instance ids, the object field `key` of each) for vectorised lookups."""
    ids = np.array(sorted(data.objects), np.int64)
    return ids, np.array([data.objects[i][key] for i in ids])


def patch_labels(data: Dataset, rows: np.ndarray, lookup: tuple[np.ndarray, np.ndarray], background: int) -> tuple[np.ndarray, np.ndarray]:
    """Per encoder patch (16x16 grid): the majority global instance id (0 for structure) of the
    4x4 id samples under it, and that instance's category index (`background` for structure)."""
    ids = data.ids[rows].reshape(len(rows), GRID, 4, GRID, 4).transpose(0, 1, 3, 2, 4).reshape(len(rows), GRID, GRID, 16)
    votes = (ids[..., :, None] == ids[..., None, :]).sum(-1)
    inst = np.take_along_axis(ids, votes.argmax(-1)[..., None], -1)[..., 0].astype(np.int64)
    keys, categories = lookup
    pos = np.clip(np.searchsorted(keys, inst), 0, len(keys) - 1)
    cat = np.where((inst > 0) & (keys[pos] == inst), categories[pos], background).astype(np.int64)
    return cat, inst
