#!/usr/bin/env python3
"""Does token compression lose goal presence when a view carries more? A controlled probe.

The shipped compressors rank goals as well at 64x (4 tokens) as at 1x (256 tokens): a view of our
procedural scenes shows a median of 2 object categories. This probe trains category-presence
compressors and scorers (the shipped architecture, encoder frozen) under two conditions with the same
steps, batch and seed, and reports held-back category ROC AUC per rate for each:

- *single views*: the training frames as they are;
- *mosaics*: 2x2 mosaics of four views of one scene, each at half resolution, so that a view holds about
  four times the objects, each a quarter of the size.

If compression loses what the goal heads need once views carry more, 64x falls behind 1x on mosaics and
not on single views. Trains nothing that ships; about 15 minutes on 2 CPU cores. Prints a table and, last,
one JSON object.

    /usr/bin/python3 inference/training/probe_compression.py --data .memnav/dataset/views0 \\
        .memnav/dataset/views1 .memnav/dataset/shard0 .memnav/dataset/shard1 --encoder .memnav/training/encoder.pt
"""

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
import memnav_data  # noqa: E402
from memory_models import RATES  # noqa: E402
from train_compressor import (IMAGE_MEAN, IMAGE_STD, SIZE_BINS, Labels, Models, auc_by_size,  # noqa: E402
                              frozen_encoder_data, roc_auc)


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, nargs="+", required=True)
    p.add_argument("--encoder", type=Path, required=True, help="train_encoder.py checkpoint (frozen)")
    p.add_argument("--cache", type=Path, default=Path(".memnav/training/cache"))
    p.add_argument("--steps", type=int, default=1500, help="training steps per condition (the shipped compressors: 1,500)")
    p.add_argument("--batch", type=int, default=48)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--mosaics", type=int, default=6000, help="training mosaics (held-back ones: an eighth of this)")
    p.add_argument("--val-scenes", type=int, default=8)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=2)
    return p.parse_args()


def mosaic_rows(rows: np.ndarray, scenes: np.ndarray, count: int, rng: np.random.Generator) -> np.ndarray:
    """count x 4 frame rows, the four of a mosaic from one scene (scenes drawn in proportion to their frames)."""
    by_scene = {}
    for r in rows:
        by_scene.setdefault(int(scenes[r]), []).append(int(r))
    usable = [s for s, rs in by_scene.items() if len(rs) >= 4]
    weights = np.array([len(by_scene[s]) for s in usable], np.float64)
    picks = rng.choice(len(usable), count, p=weights / weights.sum())
    return np.array([rng.choice(by_scene[usable[i]], 4, replace=False) for i in picks], np.int64)


def encode_mosaics(data, encoder, quads: np.ndarray, label: str) -> np.ndarray:
    """Frozen encoder tokens of the mosaics, float16 [len(quads), P, D] (four half-size views, row-major)."""
    mean = torch.tensor(IMAGE_MEAN).view(1, 3, 1, 1)
    std = torch.tensor(IMAGE_STD).view(1, 3, 1, 1)
    out, started = [], time.perf_counter()
    with torch.no_grad():
        for start in range(0, len(quads), 16):
            chunk = quads[start:start + 16]
            x = torch.from_numpy(data.rgb_of(chunk.reshape(-1))).permute(0, 3, 1, 2).float() / 255.0
            x = F.avg_pool2d(x, 2).view(len(chunk), 2, 2, 3, 128, 128)
            x = x.permute(0, 3, 1, 4, 2, 5).reshape(len(chunk), 3, 256, 256)     # [n, 3, (2 128), (2 128)]
            out.append(encoder((x - mean) / std).numpy().astype(np.float16))
            if start % 1024 == 0:
                print(f"encoding {label} mosaics: {start}/{len(quads)} ({time.perf_counter() - started:.0f} s)",
                      file=sys.stderr, flush=True)
    return np.concatenate(out)


def mosaic_labels(labels: Labels, quads: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Category visible anywhere in the mosaic, and its label pixels scaled to the mosaic (a tile is 1/4)."""
    visible = labels.category_visible[quads].max(axis=1)
    pixels = labels.category_pixels[quads].sum(axis=1) // 4
    return visible, pixels


def presence_by_rate(models, goals: torch.Tensor, enc: torch.Tensor) -> dict:
    """Every rate's presence logits [B, categories]: its compressor, then its scorer."""
    return {rate: models.scorers[str(rate)](goals, models.compressors[str(rate)](enc)[0].unsqueeze(1))[0][:, 0]
            for rate in RATES}


def train_condition(name, tokens, visible, train_idx, val_idx, pixels, categories, args) -> dict:
    """Trains every rate's compressor + scorer and the category table on presence; returns held-back AUC per rate."""
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    grid = int(round(tokens.shape[1] ** 0.5))
    models = Models(categories, grid, tokens.shape[2])
    optimiser = torch.optim.AdamW(models.parameters(), lr=args.lr, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=args.lr, total_steps=args.steps, pct_start=0.1)
    pos_weight = torch.tensor(4.0)
    started = time.perf_counter()
    for step in range(args.steps):
        rows = np.sort(rng.choice(train_idx, args.batch, replace=False))
        enc = torch.from_numpy(tokens[rows].astype(np.float32))
        target = torch.from_numpy(visible[rows])
        goals = models.category(torch.arange(categories))
        loss = sum(F.binary_cross_entropy_with_logits(presence, target, pos_weight=pos_weight)
                   for presence in presence_by_rate(models, goals, enc).values())
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(models.parameters(), 1.0)
        optimiser.step()
        schedule.step()
        if step % 100 == 0 or step == args.steps - 1:
            print(json.dumps({"condition": name, "step": step, "loss": round(loss.item() / len(RATES), 4),
                              "elapsed_s": round(time.perf_counter() - started, 1)}), file=sys.stderr, flush=True)
    models.eval()
    logits = {r: [] for r in RATES}
    with torch.no_grad():
        goals = models.category(torch.arange(categories))
        for start in range(0, len(val_idx), 128):
            rows = val_idx[start:start + 128]
            enc = torch.from_numpy(tokens[rows].astype(np.float32))
            for rate, presence in presence_by_rate(models, goals, enc).items():
                logits[rate].append(presence.numpy())
    targets = visible[val_idx].reshape(-1)
    sizes = pixels[val_idx].reshape(-1)
    out = {}
    for rate in RATES:
        scores = np.concatenate(logits[rate]).reshape(-1)
        out[f"{rate}x"] = {"auc": round(roc_auc(scores, targets), 4), "by_view_fraction": auc_by_size(scores, targets, sizes)}
    return out


def main() -> int:
    args = parse_args()
    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    data, encoder, single = frozen_encoder_data(args)
    labels = Labels(data)
    categories = len(data.vocabulary)
    scenes = data.meta[:, 0].astype(int)
    val_scene_ids, val_rows, train_rows = memnav_data.held_back_split(data, args.val_scenes)

    rng = np.random.default_rng(args.seed + 1)
    train_quads = mosaic_rows(train_rows, scenes, args.mosaics, rng)
    val_quads = mosaic_rows(val_rows, scenes, max(args.mosaics // 8, 64), rng)
    quads = np.concatenate([train_quads, val_quads])
    mosaic_tokens = encode_mosaics(data, encoder, quads, "training and held-back")
    m_visible, m_pixels = mosaic_labels(labels, quads)
    m_train = np.arange(len(train_quads))
    m_val = np.arange(len(train_quads), len(quads))

    per_view = lambda v: float(v.sum(1).mean())
    results = {
        "single_views": train_condition("single_views", single, labels.category_visible, train_rows, val_rows,
                                        labels.category_pixels, categories, args),
        "mosaics": train_condition("mosaics", mosaic_tokens, m_visible, m_train, m_val, m_pixels, categories, args),
    }
    content = {"single_views": per_view(labels.category_visible[val_rows]), "mosaics": per_view(m_visible[m_val])}

    print(f"held-back category presence ROC AUC (steps {args.steps} per condition, batch {args.batch}, seed {args.seed}; "
          f"{len(val_rows)} single views and {len(m_val)} mosaics of {len(val_scene_ids)} held-back scenes)")
    bins = [f"{lo:.0%}-{min(hi, 1):.0%}" for lo, hi in zip(SIZE_BINS[:-1], SIZE_BINS[1:])]
    header = ["condition", "categories_per_view", "rate", "auc", "auc_minus_1x"] + [f"auc_{b}" for b in bins]
    rows = []
    for name, by_rate in results.items():
        base = by_rate["1x"]["auc"]
        for rate, r in by_rate.items():
            rows.append([name, f"{content[name]:.2f}", rate, f"{r['auc']:.3f}", f"{r['auc'] - base:+.3f}"]
                        + [f"{r['by_view_fraction'][b]['auc']:.3f}" for b in bins])
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
    summary = {"steps": args.steps, "batch": args.batch, "seed": args.seed, "wall_s": round(time.perf_counter() - started, 1),
               "categories_per_view_single_views": round(content["single_views"], 3),
               "categories_per_view_mosaics": round(content["mosaics"], 3)}
    for name, by_rate in results.items():
        for rate, r in by_rate.items():
            summary[f"{name}_auc_{rate}"] = r["auc"]
        summary[f"{name}_auc_64x_minus_1x"] = round(by_rate["64x"]["auc"] - by_rate["1x"]["auc"], 4)
    summary["detail"] = results
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
