"""Train the patch encoder (vit_encoder.PatchEncoder) on frames of the embedded simulator.

Supervision comes from the simulator's semantic labels, so that patch features group by object
category and instance (what the workbench's similarity heatmap shows):
- per-patch category classification (35 categories + "structure" for walls/floor/ceiling),
- a supervised-contrastive loss on object patches: patches of the same instance attract,
  patches of other instances repel.
Both heads are training-only; the export keeps the ViT alone.

CPU budget: most steps run on 128x128 crops of the 256x256 frames (an 8x8 window of the 16x16
patch grid, with the matching slice of the position embedding), which costs about a fifth of a
full frame; the last steps run on full frames so that attention sees the whole view.

    OPENBLAS_NUM_THREADS=1 nice -n 10 /usr/bin/python3 inference/training/train_encoder.py \
        --data .memnav/dataset/shard0 .memnav/dataset/shard1 --out .memnav/training/encoder.pt

then export it:  /usr/bin/python3 inference/training/export_encoder.py --checkpoint .memnav/training/encoder.pt
"""

import argparse
import json
import math
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

import memnav_data
from vit_encoder import IMAGE_MEAN, IMAGE_STD, EncoderConfig, PatchEncoder, parameter_count


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, nargs="+", required=True, help="shard folders from `memnav dataset export`")
    p.add_argument("--out", type=Path, required=True, help="checkpoint to write (.pt)")
    p.add_argument("--crop-steps", type=int, default=900)
    p.add_argument("--full-steps", type=int, default=150)
    p.add_argument("--crop-batch", type=int, default=32)
    p.add_argument("--full-batch", type=int, default=12)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--val-scenes", type=int, default=8, help="last N scenes held back to measure the encoder")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--stem", choices=["patch", "conv"], default="conv", help="patch embedding (see vit_encoder.EncoderConfig)")
    p.add_argument("--init", type=Path, help="continue from this checkpoint's encoder weights (heads start afresh)")
    return p.parse_args()


class TrainingHeads(nn.Module):
    """Heads used only while training: per-patch category logits and an instance embedding."""

    def __init__(self, dim: int, categories: int):
        super().__init__()
        self.category = nn.Linear(dim, categories + 1)
        self.instance = nn.Sequential(nn.Linear(dim, dim), nn.GELU(), nn.Linear(dim, 64))


def encode_window(model: PatchEncoder, rgb: torch.Tensor, r0: int, c0: int) -> torch.Tensor:
    """Tokens of a (g*16)-pixel square window whose top-left patch is (r0, c0) of the full grid."""
    x = model.patch_embed(rgb)                       # [B, D, g, g]
    g = x.shape[-1]
    grid = model.config.grid
    pos = model.pos_embed.reshape(1, grid, grid, -1)[:, r0:r0 + g, c0:c0 + g].reshape(1, g * g, -1)
    x = x.flatten(2).transpose(1, 2) + pos
    for block in model.blocks:
        x = block(x)
    return model.norm(x)


def normalise(rgb_uint8: np.ndarray) -> torch.Tensor:
    x = torch.from_numpy(rgb_uint8).permute(0, 3, 1, 2).float() / 255.0
    mean = torch.tensor(IMAGE_MEAN).view(1, 3, 1, 1)
    std = torch.tensor(IMAGE_STD).view(1, 3, 1, 1)
    return (x - mean) / std


def photometric(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Per-frame brightness and contrast jitter (no hue change: colour is what language goals name)."""
    x = rgb.astype(np.float32)
    gain = rng.uniform(0.75, 1.25, (len(x), 1, 1, 1))
    mean = x.mean(axis=(1, 2, 3), keepdims=True)
    contrast = rng.uniform(0.8, 1.2, (len(x), 1, 1, 1))
    return np.clip((x - mean) * contrast + mean * gain, 0, 255).astype(np.uint8)


def supervised_contrastive(embeddings: torch.Tensor, labels: torch.Tensor, temperature: float = 0.1) -> torch.Tensor:
    """SupCon over patch embeddings; labels are instance ids (only patches on objects are passed)."""
    z = F.normalize(embeddings, dim=-1)
    sim = z @ z.t() / temperature
    n = len(labels)
    eye = torch.eye(n, dtype=torch.bool)
    sim = sim.masked_fill(eye, -1e9)
    positives = (labels[:, None] == labels[None, :]) & ~eye
    log_prob = sim - torch.logsumexp(sim, dim=1, keepdim=True)
    has_pos = positives.any(1)
    if not has_pos.any():
        return sim.new_zeros(())
    mean_log_prob = (log_prob * positives).sum(1)[has_pos] / positives.sum(1)[has_pos]
    return -mean_log_prob.mean()


def batch_loss(model, heads, data, rows, lookup, background, window, rng, instance_samples=384):
    """Loss and accuracy on frames `rows`, on a window of `window` patches (16 = full frame)."""
    rgb = data.rgb_of(rows)
    cat, inst = memnav_data.patch_labels(data, rows, lookup, background)
    flip = rng.random() < 0.5
    if flip:
        rgb = rgb[:, :, ::-1].copy()
        cat, inst = cat[:, :, ::-1].copy(), inst[:, :, ::-1].copy()
    r0 = int(rng.integers(0, 17 - window))
    c0 = int(rng.integers(0, 17 - window))
    x = normalise(photometric(rgb[:, r0 * 16:(r0 + window) * 16, c0 * 16:(c0 + window) * 16], rng))
    cat = torch.from_numpy(cat[:, r0:r0 + window, c0:c0 + window].reshape(len(rows), -1))
    inst = torch.from_numpy(inst[:, r0:r0 + window, c0:c0 + window].reshape(len(rows), -1))
    tokens = encode_window(model, x, r0, c0)                      # [B, g*g, D]
    logits = heads.category(tokens)
    # Structure patches dominate the view: weight them down so small objects count.
    weights = torch.ones(logits.shape[-1])
    weights[background] = 0.2
    ce = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), cat.reshape(-1), weight=weights)
    on_object = inst.reshape(-1) > 0
    contrast = tokens.new_zeros(())
    if on_object.sum() > 4:
        idx = torch.nonzero(on_object).squeeze(1)
        if len(idx) > instance_samples:
            idx = idx[torch.from_numpy(rng.choice(len(idx), instance_samples, replace=False))]
        contrast = supervised_contrastive(heads.instance(tokens.reshape(-1, tokens.shape[-1])[idx]), inst.reshape(-1)[idx])
    with torch.no_grad():
        pred = logits.argmax(-1)
        obj = cat != background
        acc_obj = (pred[obj] == cat[obj]).float().mean().item() if obj.any() else float("nan")
    return ce + 0.5 * contrast, ce.item(), contrast.item(), acc_obj


@torch.no_grad()
def evaluate(model, heads, data, rows, lookup, background) -> dict:
    """Object-patch category accuracy and instance grouping on held-back scenes (full frames)."""
    model.eval()
    correct = total = 0
    same, other = [], []
    for start in range(0, len(rows), 16):
        chunk = rows[start:start + 16]
        cat, inst = memnav_data.patch_labels(data, chunk, lookup, background)
        tokens = model(normalise(data.rgb_of(chunk)))
        pred = heads.category(tokens).argmax(-1).numpy()
        obj = cat.reshape(len(chunk), -1) != background
        correct += (pred[obj] == cat.reshape(len(chunk), -1)[obj]).sum()
        total += obj.sum()
        # cosine similarity of raw tokens: same instance vs other instance/structure, per frame
        z = F.normalize(tokens, dim=-1)
        for b in range(len(chunk)):
            labels = inst[b].reshape(-1)
            on = np.nonzero(labels > 0)[0]
            if len(on) < 2:
                continue
            s = (z[b, on] @ z[b].t()).numpy()
            mask_same = labels[on][:, None] == labels[None, :]
            np.fill_diagonal(mask_same[:, on], False)
            same.append(s[mask_same].mean() if mask_same.any() else np.nan)
            other.append(s[~(labels[on][:, None] == labels[None, :])].mean())
    model.train()
    return {"object_patch_category_accuracy": float(correct / max(total, 1)),
            "same_instance_cosine": float(np.nanmean(same)), "other_cosine": float(np.nanmean(other))}


def main() -> int:
    args = parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    started = time.perf_counter()
    data = memnav_data.load(args.data)
    background = len(data.vocabulary)
    lookup = memnav_data.instance_lookup(data, "category_index")
    scenes = data.meta[:, memnav_data.META["scene"]].astype(int)
    val_scene_ids, val_rows, train_rows = memnav_data.held_back_split(data, args.val_scenes)
    val_rows = val_rows[::4]
    print(f"data: {data.frames} frames from {len(np.unique(scenes))} scenes; training on {len(train_rows)}, "
          f"measuring on {len(val_rows)} frames of {len(val_scene_ids)} held-back scenes", flush=True)

    config = EncoderConfig(stem=args.stem)
    model = PatchEncoder(config)
    previous_steps = 0
    if args.init:
        start = torch.load(args.init, map_location="cpu")
        model.load_state_dict(start["state_dict"])
        previous_steps = start.get("training", {}).get("steps", 0)
        print(f"continuing from {args.init} ({previous_steps} steps)", flush=True)
    heads = TrainingHeads(config.dim, len(data.vocabulary))
    params = list(model.parameters()) + list(heads.parameters())
    optimiser = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.05)
    total_steps = args.crop_steps + args.full_steps
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / 50) * 0.5 * (1 + math.cos(math.pi * min(s, total_steps) / total_steps)))
    log = []
    for step in range(total_steps):
        crop = step < args.crop_steps
        batch = args.crop_batch if crop else args.full_batch
        rows = np.sort(rng.choice(train_rows, batch, replace=False))
        loss, ce, contrast, acc = batch_loss(model, heads, data, rows, lookup, background, 8 if crop else 16, rng)
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimiser.step()
        schedule.step()
        if step % 25 == 0 or step == total_steps - 1:
            entry = {"step": step, "window": 8 if crop else 16, "loss": round(loss.item(), 4), "category_ce": round(ce, 4),
                     "contrast": round(contrast, 4), "object_acc": round(acc, 3),
                     "elapsed_s": round(time.perf_counter() - started, 1)}
            log.append(entry)
            print(json.dumps(entry), flush=True)
        if (step + 1) % 200 == 0 or step == total_steps - 1:
            save(args, model, config, data, previous_steps + step + 1, log, None)
    metrics = evaluate(model, heads, data, val_rows, lookup, background) if len(val_rows) else {}
    print(json.dumps({"held_back": metrics}), flush=True)
    save(args, model, config, data, previous_steps + total_steps, log, metrics)
    print(f"trained {parameter_count(model)} parameters in {time.perf_counter() - started:.0f} s -> {args.out}")
    return 0


def save(args, model, config, data, steps, log, metrics) -> None:
    args.out.parent.mkdir(parents=True, exist_ok=True)
    training = {
        "script": "inference/training/train_encoder.py",
        "seed": args.seed,
        "data": f"memnav dataset export: {data.frames} frames, {len(np.unique(data.meta[:, 0]))} training scenes "
                f"({', '.join(str(p) for p in args.data)})",
        "steps": steps,
        "objective": "per-patch category cross-entropy + instance supervised contrastive (simulator labels)",
        "metrics": metrics,
    }
    torch.save({"config": config.as_dict(), "state_dict": model.state_dict(), "training": training, "log": log}, args.out)


if __name__ == "__main__":
    sys.exit(main())
