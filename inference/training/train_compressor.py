"""Train the token compressors (rates 1x, 4x, 16x, 64x) and the goal encoders against the
downstream goal-matching objective, with the encoder frozen; export them to ONNX.

Objective, per frame and goal (all from simulator ground truth): does the goal appear in this
frame (binary cross-entropy on a goal-conditioned attention score over the frame's compressed
tokens), and where is it relative to the frame's pose (smooth-L1 on metres forward/right).
Goals are object categories (learned embedding), language descriptions of one instance (MiniLM
sentence embedding -> TextGoalEncoder) and image goals (another frame dominated by one instance,
through the same compressor's image-goal output). All four rates train together against shared
goal encoders, so every rate lives in one goal space; each rate has its own FrameScorer, which
train_policy.py starts from.

    OPENBLAS_NUM_THREADS=1 nice -n 10 /usr/bin/python3 inference/training/train_compressor.py \
        --data .memnav/dataset/shard0 .memnav/dataset/shard1 --encoder .memnav/training/encoder.pt \
        --out .memnav/training/compressor.pt

Writes inference/models/{compressor_r1,compressor_r4,compressor_r16,compressor_r64,goal_category,goal_text}.onnx
with manifests, and parity fixtures under inference/src/test/resources/fixtures/.
"""

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

import memnav_data
import model_export
from memory_models import (ENCODER_DIM, GOAL_DIM, RATES, SENTENCE_DIM, TOKEN_DIM, CategoryGoalEncoder, FrameScorer,
                           TextGoalEncoder, TokenCompressor, blocks_for_rate)
from vit_encoder import IMAGE_MEAN, IMAGE_STD, EncoderConfig, PatchEncoder

DOMINANT_FRACTION = 0.10   # an image goal is a frame whose largest instance covers >= 10 % of the view


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, nargs="+", required=True)
    p.add_argument("--encoder", type=Path, required=True,
                   help="encoder checkpoint from train_encoder.py, or a TorchScript encoder (export_dinov3.py --torchscript)")
    p.add_argument("--out", type=Path, help="checkpoint to write (.pt), read by train_policy.py (required unless --evaluate)")
    p.add_argument("--cache", type=Path, default=Path(".memnav/training/cache"))
    p.add_argument("--steps", type=int, default=500)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--val-scenes", type=int, default=8)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--token-dropout", type=float, default=0.0,
                   help="dropout on the frozen encoder's tokens while training (regularises the goal heads)")
    p.add_argument("--text-dropout", type=float, default=0.0, help="dropout on the MiniLM sentence embeddings while training")
    p.add_argument("--align-weight", type=float, default=0.0,
                   help="weight of the loss that makes language and image goals name their object's category")
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--val-every", type=int, default=0,
                   help="score the held-back scenes every N steps and keep the weights that score best there (0: keep the last)")
    p.add_argument("--no-export", action="store_true")
    p.add_argument("--evaluate", type=Path, metavar="CHECKPOINT",
                   help="train nothing: print the held-back metrics (per goal kind, with ROC AUC) of a saved checkpoint")
    args = p.parse_args()
    if args.out is None and args.evaluate is None:
        p.error("--out is required (or --evaluate CHECKPOINT)")
    return args


def load_encoder(path: Path) -> tuple[torch.nn.Module, str]:
    """Our ViT from a train_encoder.py checkpoint, or any TorchScript encoder with the same I/O contract."""
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    try:
        return torch.jit.load(str(path), map_location="cpu").eval(), digest
    except RuntimeError:
        pass
    checkpoint = torch.load(path, map_location="cpu")
    model = PatchEncoder(EncoderConfig(**checkpoint["config"]))
    model.load_state_dict(checkpoint["state_dict"])
    return model.eval(), digest


def frozen_encoder_data(args: argparse.Namespace):
    """The dataset (--data), the frozen encoder (--encoder) and its cached tokens of every frame (--cache):
    where the compressor, policy and probe scripts all start."""
    data = memnav_data.load(args.data)
    encoder, digest = load_encoder(args.encoder)
    return data, encoder, encoder_tokens(data, encoder, digest, args.cache, args.data)


def picture_tokens(data: memnav_data.Dataset, encoder) -> np.ndarray:
    """Frozen encoder tokens of the episodes' goal pictures, float32 [G, P, D] (few: computed each run)."""
    mean = torch.tensor(IMAGE_MEAN).view(1, 3, 1, 1)
    std = torch.tensor(IMAGE_STD).view(1, 3, 1, 1)
    out = []
    with torch.no_grad():
        for start in range(0, len(data.goal_images), 32):
            x = torch.from_numpy(data.goal_images[start:start + 32]).permute(0, 3, 1, 2).float() / 255.0
            out.append(encoder((x - mean) / std).numpy())
    return np.concatenate(out) if out else np.zeros((0, 256, ENCODER_DIM), np.float32)


def encoder_tokens(data: memnav_data.Dataset, encoder: PatchEncoder, digest: str, cache: Path, shards) -> np.ndarray:
    """Frozen encoder tokens of every frame, float16 [N, 256, 128], cached per encoder and dataset."""
    key = hashlib.sha256((digest + "|" + "|".join(str(Path(s).resolve()) for s in shards) + f"|{data.frames}").encode()).hexdigest()[:16]
    path = cache / f"encoder_tokens_{key}.npy"
    if path.exists():
        return np.load(path, mmap_mode="r")
    cache.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        probe = encoder(torch.zeros(1, 3, 256, 256))
    out = np.lib.format.open_memmap(path.with_suffix(".tmp.npy"), mode="w+", dtype=np.float16,
                                    shape=(data.frames, probe.shape[1], probe.shape[2]))
    mean = torch.tensor(IMAGE_MEAN).view(1, 3, 1, 1)
    std = torch.tensor(IMAGE_STD).view(1, 3, 1, 1)
    started = time.perf_counter()
    with torch.no_grad():
        for start in range(0, data.frames, 32):
            rows = np.arange(start, min(start + 32, data.frames))
            x = torch.from_numpy(data.rgb_of(rows)).permute(0, 3, 1, 2).float() / 255.0
            out[rows] = encoder((x - mean) / std).numpy().astype(np.float16)
            if start % 1024 == 0:
                print(f"encoding frames: {start}/{data.frames} ({time.perf_counter() - started:.0f} s)", flush=True)
    out.flush()
    del out
    path.with_suffix(".tmp.npy").rename(path)
    return np.load(path, mmap_mode="r")


class Labels:
    """Ground-truth visibility and offsets for every frame."""

    def __init__(self, data: memnav_data.Dataset):
        self.data = data
        c = len(data.vocabulary)
        self.visible = memnav_data.visibility_table(data)
        self.category_visible = np.zeros((data.frames, c), np.float32)
        self.category_offset = np.zeros((data.frames, c, 2), np.float32)
        self.category_pixels = np.zeros((data.frames, c), np.int32)
        self.dominant = np.zeros(data.frames, np.int64)
        for row, vis in enumerate(self.visible):
            best = {}
            for inst, count in vis.items():
                k = data.objects[inst]["category_index"]
                if count > best.get(k, (0, 0))[0]:
                    best[k] = (count, inst)
            for k, (count, inst) in best.items():
                self.category_visible[row, k] = 1
                self.category_pixels[row, k] = count
                self.category_offset[row, k] = self.offset(row, inst)
            if vis:
                inst, count = max(vis.items(), key=lambda kv: kv[1])
                if count >= DOMINANT_FRACTION * memnav_data.LABEL_SIZE ** 2:
                    self.dominant[row] = inst
        self.descriptions_of = {}
        for d, (inst, _) in enumerate(data.descriptions):
            self.descriptions_of.setdefault(inst, []).append(d)

    def offset(self, row: int, inst: int) -> tuple[float, float]:
        o = self.data.objects[inst]
        return memnav_data.local_offset(self.data.meta[row], o["x"], o["z"])


def goal_batch(labels: Labels, rows: np.ndarray, rng: np.random.Generator, text_goals: int):
    """Instance goals for a batch: descriptions of instances seen in the batch (positives) and of other
    instances of the same scenes (hard negatives); returns description rows and their instance ids."""
    data = labels.data
    seen = sorted({inst for r in rows for inst in labels.visible[r]})
    scenes = set(data.meta[rows, 0].astype(int))
    others = [i for i, o in data.objects.items() if o["scene"] in scenes and i not in seen]
    pool = seen + others
    chosen = [seen[i] for i in rng.permutation(len(seen))[:text_goals // 2]] if seen else []
    while len(chosen) < text_goals and pool:
        chosen.append(pool[int(rng.integers(len(pool)))])
    desc_rows = [int(rng.choice(labels.descriptions_of[i])) for i in chosen if i in labels.descriptions_of]
    insts = [data.descriptions[d][0] for d in desc_rows]
    return np.array(desc_rows, np.int64), np.array(insts, np.int64)


def instance_targets(labels: Labels, rows: np.ndarray, insts: np.ndarray):
    vis = np.zeros((len(rows), len(insts)), np.float32)
    off = np.zeros((len(rows), len(insts), 2), np.float32)
    for a, r in enumerate(rows):
        for b, inst in enumerate(insts):
            if inst in labels.visible[r]:
                vis[a, b] = 1
                off[a, b] = labels.offset(r, inst)
    return vis, off


class Models(torch.nn.Module):
    """Compressors and scorers per rate for an encoder of grid x grid tokens of width in_dim, and the goal heads."""

    def __init__(self, categories: int, grid: int = 16, in_dim: int = ENCODER_DIM):
        super().__init__()
        self.grid, self.in_dim = grid, in_dim
        self.compressors = torch.nn.ModuleDict({str(r): TokenCompressor(r, grid, grid, in_dim) for r in RATES})
        self.scorers = torch.nn.ModuleDict({str(r): FrameScorer(self.compressors[str(r)].out_rows,
                                                                self.compressors[str(r)].out_cols) for r in RATES})
        self.category = CategoryGoalEncoder(categories)
        self.text = TextGoalEncoder()


GOAL_KINDS = ("category", "language", "image", "picture")
ALIGN_TEMPERATURE = 0.1


def category_alignment(goals: torch.Tensor, categories: torch.Tensor, table: torch.Tensor) -> torch.Tensor:
    """Cross-entropy of 'which category does this goal vector name' (cosine to each category goal).

    Meant to give language and image goals of unseen scenes a part that transfers (their held-back
    presence scores are badly calibrated). Off by default (--align-weight 0): with it the held-back
    AUC held up but the agent navigated worse, see inference/training/README.md, Measured."""
    if len(goals) == 0:
        return goals.new_zeros(())
    logits = F.normalize(goals, dim=-1) @ F.normalize(table, dim=-1).T / ALIGN_TEMPERATURE
    return F.cross_entropy(logits, categories)


def rate_loss(models, rate, enc, cat_goals, text_goals, batch, align_weight: float = 0.0):
    """Goal-matching loss and diagnostics of one rate on one batch (diagnostics per goal kind too)."""
    compressor = models.compressors[str(rate)]
    tokens, image_goal = compressor(enc)
    img_idx = batch["image_rows"]
    picture_goals = compressor(batch["pictures"])[1] if len(batch["pictures"]) else image_goal[:0]
    goals = torch.cat([cat_goals, text_goals, image_goal[img_idx], picture_goals], 0)     # [G, D]
    align = goals.new_zeros(())
    if align_weight > 0:
        named = goals[len(cat_goals):]
        align = category_alignment(named, batch["goal_categories"], cat_goals)
    presence, offset, _ = models.scorers[str(rate)](goals, tokens.unsqueeze(1))
    presence, offset = presence[:, 0], offset[:, 0]                                       # [B, G], [B, G, 2]
    target = batch["visible"]
    mask = batch["mask"]
    bce = F.binary_cross_entropy_with_logits(presence, target, reduction="none", pos_weight=torch.tensor(4.0))
    bce = (bce * mask).sum() / mask.sum()
    pos = (target > 0) & (mask > 0)
    reg = F.smooth_l1_loss(offset[pos], batch["offset"][pos]) if pos.any() else presence.new_zeros(())
    loss = bce + 0.3 * reg + align_weight * align
    with torch.no_grad():
        pred = presence > 0
        t = target > 0
        m = mask > 0
        tp = (pred & t & m).sum().item()
        recall = tp / max((t & m).sum().item(), 1)
        precision = tp / max((pred & m).sum().item(), 1)
        err = (offset[pos] - batch["offset"][pos]).norm(dim=-1).median().item() if pos.any() else float("nan")
        stats = {"bce": bce.item(), "recall": recall, "precision": precision, "offset_err_m": err}
        if models.training:   # per-kind figures only when evaluating, not on every training step
            return loss, stats
        bounds = np.cumsum([0, len(cat_goals), len(text_goals), len(img_idx), len(picture_goals)])
        for kind, lo, hi in zip(GOAL_KINDS, bounds[:-1], bounds[1:]):
            kt, km, kp = t[:, lo:hi], m[:, lo:hi], pred[:, lo:hi]
            per = F.binary_cross_entropy_with_logits(presence[:, lo:hi], target[:, lo:hi], reduction="none")
            stats[kind] = {"tp": (kp & kt & km).sum().item(), "positives": (kt & km).sum().item(),
                           "predicted": (kp & km).sum().item(), "bce_sum": (per * mask[:, lo:hi]).sum().item(),
                           "pairs": km.sum().item(), "logits": presence[:, lo:hi][km].numpy(), "targets": kt[km].numpy()}
        stats["category"]["pixels"] = batch["category_pixels"][m[:, :len(cat_goals)]].numpy()
    return loss, stats


def make_batch(labels: Labels, tokens: np.ndarray, rows: np.ndarray, rng, text_goals: int = 32,
               pictures: np.ndarray = None, picture_goals: int = 8):
    data = labels.data
    c = len(data.vocabulary)
    desc_rows, insts = goal_batch(labels, rows, rng, text_goals)
    img_rows = np.nonzero(labels.dominant[rows] > 0)[0]
    img_insts = labels.dominant[rows][img_rows]
    # the episodes' goal pictures of instances in the batch's scenes (real image goals, as the simulator takes them)
    scenes = set(data.meta[rows, 0].astype(int))
    pool = [g for g, i in enumerate(data.goal_image_instances) if data.objects[int(i)]["scene"] in scenes]
    pic_rows = np.array(sorted(rng.choice(pool, min(picture_goals, len(pool)), replace=False)) if pool else [], np.int64)
    pic_insts = data.goal_image_instances[pic_rows] if len(pic_rows) else np.zeros(0, np.int64)
    category_of = lambda ids: np.array([data.objects[int(i)]["category_index"] for i in ids], np.int64)
    t_vis, t_off = instance_targets(labels, rows, insts)
    i_vis, i_off = instance_targets(labels, rows, img_insts)
    p_vis, p_off = instance_targets(labels, rows, pic_insts)
    visible = np.concatenate([labels.category_visible[rows], t_vis, i_vis, p_vis], 1)
    offset = np.concatenate([labels.category_offset[rows], t_off, i_off, p_off], 1)
    mask = np.ones_like(visible)
    for a, b in enumerate(img_rows):           # an image goal is not scored against its own frame
        mask[b, c + len(insts) + a] = 0
    return {
        "enc": torch.from_numpy(tokens[rows].astype(np.float32)),
        "text": torch.from_numpy(data.description_embeddings[desc_rows]),
        "image_rows": torch.from_numpy(img_rows),
        "pictures": torch.from_numpy(pictures[pic_rows].astype(np.float32)) if len(pic_rows)
        else torch.zeros(0, tokens.shape[1], tokens.shape[2]),
        "visible": torch.from_numpy(visible),
        "offset": torch.from_numpy(offset),
        "category_pixels": torch.from_numpy(labels.category_pixels[rows]),
        "mask": torch.from_numpy(mask),
        # the category each language, image and picture goal names, in the order the goals are stacked
        "goal_categories": torch.from_numpy(np.concatenate([category_of(insts), category_of(img_insts),
                                                            category_of(pic_insts)]).astype(np.int64)),
    }


def step_models(models, batch, rates=RATES, token_dropout: float = 0.0, text_dropout: float = 0.0,
                align_weight: float = 0.0):
    c = models.category.table.num_embeddings
    cat_goals = models.category(torch.arange(c))
    text = F.dropout(batch["text"], text_dropout, training=text_dropout > 0)
    text_goals = models.text(text) if len(batch["text"]) else cat_goals[:0]
    enc = F.dropout(batch["enc"], token_dropout, training=token_dropout > 0)
    total, stats = 0, {}
    for rate in rates:
        loss, s = rate_loss(models, rate, enc, cat_goals, text_goals, batch, align_weight)
        total = total + loss
        stats[rate] = s
    return total, stats


@torch.no_grad()
def evaluate(models, labels, tokens, rows, rng, pictures) -> dict:
    """Held-back metrics per rate: overall (mean over batches, as logged in training) and per goal
    kind (pooled counts: recall, precision, BCE). Batches are random rows of the held-back scenes,
    so that no kind is dominated by one episode's consecutive frames."""
    models.eval()
    rows = rng.permutation(rows)
    sums = {r: {"bce": [], "recall": [], "precision": [], "offset_err_m": []} for r in RATES}
    kinds = {r: {k: {} for k in GOAL_KINDS} for r in RATES}
    for start in range(0, len(rows), 64):
        batch = make_batch(labels, tokens, np.sort(rows[start:start + 64]), rng, pictures=pictures)
        _, stats = step_models(models, batch)
        for r, s in stats.items():
            for k in sums[r]:
                sums[r][k].append(s[k])
            for kind in GOAL_KINDS:
                for k, v in s[kind].items():
                    if isinstance(v, np.ndarray):
                        kinds[r][kind].setdefault(k, []).append(v)
                    else:
                        kinds[r][kind][k] = kinds[r][kind].get(k, 0) + v
    models.train()
    out = {}
    for r in RATES:
        entry = {k: round(float(np.nanmean(v)), 4) for k, v in sums[r].items()}
        for kind, c in kinds[r].items():
            entry[kind] = {"recall": round(c["tp"] / max(c["positives"], 1), 4),
                           "precision": round(c["tp"] / max(c["predicted"], 1), 4),
                           "bce": round(c["bce_sum"] / max(c["pairs"], 1), 4), "positives": int(c["positives"]),
                           "auc": round(roc_auc(np.concatenate(c.get("logits", [np.zeros(0)])),
                                                np.concatenate(c.get("targets", [np.zeros(0, bool)]))), 4)}
        category = kinds[r]["category"]
        entry["category_auc_by_view_fraction"] = auc_by_size(np.concatenate(category["logits"]),
                                                             np.concatenate(category["targets"]),
                                                             np.concatenate(category["pixels"]))
        out[f"{r}x"] = entry
    return out


SIZE_BINS = (0.0, 0.01, 0.04, 0.16, 1.01)   # fraction of the view the category's largest instance covers


def auc_by_size(logits: np.ndarray, targets: np.ndarray, pixels: np.ndarray) -> dict:
    """Category presence AUC with the positives split by how much of the view the category's largest visible
    instance covers (every
    negative in each bin): where compression should lose first, small and distant objects."""
    fraction = pixels / memnav_data.LABEL_SIZE ** 2
    targets = targets.astype(bool)
    out = {}
    for lo, hi in zip(SIZE_BINS[:-1], SIZE_BINS[1:]):
        keep = ~targets | ((fraction >= lo) & (fraction < hi))
        out[f"{lo:.0%}-{min(hi, 1):.0%}"] = {"auc": round(roc_auc(logits[keep], targets[keep]), 4),
                                             "positives": int((targets & keep).sum())}
    return out


def roc_auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney; ties share their rank): how well the presence score ranks
    frames with the goal above frames without, whatever the threshold. Recall and precision above are at
    logit 0, which says as much about calibration as about recognition."""
    positive = positive.astype(bool)
    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    _, index, counts = np.unique(scores, return_inverse=True, return_counts=True)
    first = np.cumsum(counts) - counts
    ranks = (first + (counts - 1) / 2)[index]   # 0-based ranks, ties averaged
    return float((ranks[positive].sum() - n_pos * (n_pos - 1) / 2) / (n_pos * n_neg))


def selection_score(metrics: dict) -> float:
    """Mean held-back BCE over rates and goal kinds, each kind weighted alike (lower is better)."""
    return float(np.mean([m[kind]["bce"] for m in metrics.values() for kind in GOAL_KINDS]))


def main() -> int:
    args = parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    started = time.perf_counter()
    data, encoder, tokens = frozen_encoder_data(args)
    pictures = picture_tokens(data, encoder)
    labels = Labels(data)
    scenes = data.meta[:, 0].astype(int)
    _, val_rows, train_rows = memnav_data.held_back_split(data, args.val_scenes)
    print(f"data: {data.frames} frames, {len(train_rows)} for training, {len(val_rows)} held back "
          f"({time.perf_counter() - started:.0f} s)", flush=True)

    grid = int(round(tokens.shape[1] ** 0.5))
    if grid * grid != tokens.shape[1]:
        raise SystemExit(f"encoder gives {tokens.shape[1]} tokens: only square patch grids are supported here")
    models = Models(len(data.vocabulary), grid, tokens.shape[2])
    if args.evaluate:
        checkpoint = torch.load(args.evaluate, map_location="cpu")
        models.load_state_dict(checkpoint["state_dict"])
        print(json.dumps({"checkpoint": str(args.evaluate),
                          "held_back": evaluate(models, labels, tokens, val_rows, np.random.default_rng(1), pictures)}))
        return 0
    optimiser = torch.optim.AdamW(models.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=args.lr, total_steps=args.steps, pct_start=0.1)
    log = []
    # model selection on a fixed sample of the held-back scenes; the eval's held-out scenes are never seen here
    select_rows = np.sort(np.random.default_rng(2).choice(val_rows, min(768, len(val_rows)), replace=False)) \
        if len(val_rows) else val_rows
    best = (float("inf"), -1, None)
    for step in range(args.steps):
        rows = np.sort(rng.choice(train_rows, args.batch, replace=False))
        loss, stats = step_models(models, make_batch(labels, tokens, rows, rng, pictures=pictures),
                                  token_dropout=args.token_dropout, text_dropout=args.text_dropout,
                                  align_weight=args.align_weight)
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(models.parameters(), 1.0)
        optimiser.step()
        schedule.step()
        if step % 25 == 0 or step == args.steps - 1:
            entry = {"step": step, "loss": round(loss.item(), 4), "elapsed_s": round(time.perf_counter() - started, 1),
                     **{f"{r}x": {k: round(v, 3) for k, v in s.items() if k not in GOAL_KINDS} for r, s in stats.items()}}
            log.append(entry)
            print(json.dumps(entry), flush=True)
        if len(select_rows) and args.val_every > 0 and ((step + 1) % args.val_every == 0 or step == args.steps - 1):
            score = selection_score(evaluate(models, labels, tokens, select_rows, np.random.default_rng(3), pictures))
            print(json.dumps({"step": step, "held_back_selection_bce": round(score, 4)}), flush=True)
            if score < best[0]:
                best = (score, step, {k: v.detach().clone() for k, v in models.state_dict().items()})
    if best[2] is not None:
        models.load_state_dict(best[2])
        print(json.dumps({"kept_step": best[1], "held_back_selection_bce": round(best[0], 4)}), flush=True)
    metrics = evaluate(models, labels, tokens, val_rows, np.random.default_rng(1), pictures) if len(val_rows) else {}
    print(json.dumps({"held_back": metrics}), flush=True)
    training = {
        "trained": True,
        "seed": args.seed,
        "data": f"memnav dataset export: {data.frames} frames of {len(np.unique(scenes))} training scenes",
        "steps": args.steps,
        "kept_step": best[1] if best[2] is not None else args.steps - 1,
        "objective": "goal matching with the encoder frozen: presence BCE + offset smooth-L1 over category, "
                     "language and image goals"
                     + (f", + category alignment of language and image goals (weight {args.align_weight})" if args.align_weight else "")
                     + (f"; token dropout {args.token_dropout}, sentence dropout {args.text_dropout}"
                        if args.token_dropout or args.text_dropout else "")
                     + (f"; weight decay {args.weight_decay}" if args.weight_decay != 0.01 else "")
                     + ("; weights kept from the step that scored best on the held-back training scenes" if best[2] is not None else ""),
        "encoder_checkpoint": args.encoder.name,
        "metrics_held_back": metrics,
        "wall_s": round(time.perf_counter() - started, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"state_dict": models.state_dict(), "vocabulary": data.vocabulary, "grid": models.grid, "in_dim": models.in_dim,
                "training": training, "log": log}, args.out)
    if not args.no_export:
        export_all(models, data.vocabulary, training)
    print(f"done in {time.perf_counter() - started:.0f} s -> {args.out}")
    return 0


def export_all(models: Models, vocabulary: list[str], training: dict) -> None:
    models.eval()
    script = Path(__file__)
    record = model_export.provenance(script, training)
    rng = np.random.default_rng(7)
    p, d = models.grid * models.grid, models.in_dim
    fixture_input = rng.standard_normal((1, p, d)).astype(np.float32)
    model_export.FIXTURES_DIR.mkdir(parents=True, exist_ok=True)
    shared_input = "compressor_parity.patch_tokens.bin"
    (model_export.FIXTURES_DIR / shared_input).write_bytes(fixture_input.astype("<f4").tobytes())
    for rate in RATES:
        comp = models.compressors[str(rate)]
        path = model_export.MODELS_DIR / f"compressor_r{rate}.onnx"
        model_export.export(comp, (torch.zeros(1, p, d),), path, ["patch_tokens"], ["tokens", "image_goal"])
        k = comp.tokens_out
        model_export.write_manifest(
            path, "compressor",
            [model_export.tensor("patch_tokens", "float32", [1, p, d])],
            [model_export.tensor("tokens", "float32", [1, k, TOKEN_DIM]), model_export.tensor("image_goal", "float32", [1, GOAL_DIM])],
            comp, record,
            {"rate": rate, "blocks": blocks_for_rate(rate), "input_grid": [models.grid, models.grid],
             "padded_grid": [comp.padded_rows, comp.padded_cols],
             "output_grid": [comp.out_rows, comp.out_cols], "input_dim": d, "token_dim": TOKEN_DIM,
             "goal_dim": GOAL_DIM, "encoder": training.get("encoder_name", "encoder_vit_tiny")})
        with torch.no_grad():
            out_tokens, out_goal = comp(torch.from_numpy(fixture_input))
        fixture = model_export.write_parity_fixture(f"compressor_r{rate}", path, {}, {"tokens": out_tokens.numpy(), "image_goal": out_goal.numpy()})
        index = json.loads(fixture.read_text())
        index["inputs"] = [{"name": "patch_tokens", "dtype": "float32", "shape": [1, p, d], "file": shared_input}]
        fixture.write_text(json.dumps(index, indent=2) + "\n")
    path = model_export.MODELS_DIR / "goal_category.onnx"
    model_export.export(models.category, (torch.zeros(1, dtype=torch.int64),), path, ["category"], ["goal"])
    model_export.write_manifest(path, "goal_category", [model_export.tensor("category", "int64", [1])],
                                [model_export.tensor("goal", "float32", [1, GOAL_DIM])], models.category, record,
                                {"vocabulary": vocabulary, "goal_dim": GOAL_DIM})
    with torch.no_grad():
        cats = torch.tensor([0], dtype=torch.int64)
        model_export.write_parity_fixture("goal_category", path, {"category": cats.numpy()}, {"goal": models.category(cats).numpy()})
    path = model_export.MODELS_DIR / "goal_text.onnx"
    model_export.export(models.text, (torch.zeros(1, SENTENCE_DIM),), path, ["sentence_embedding"], ["goal"])
    model_export.write_manifest(path, "goal_text", [model_export.tensor("sentence_embedding", "float32", [1, SENTENCE_DIM])],
                                [model_export.tensor("goal", "float32", [1, GOAL_DIM])], models.text, record,
                                {"sentence_model": "all-MiniLM-L6-v2", "sentence_dim": SENTENCE_DIM, "goal_dim": GOAL_DIM})
    sentence = rng.standard_normal((1, SENTENCE_DIM)).astype(np.float32)
    sentence /= np.linalg.norm(sentence)
    with torch.no_grad():
        model_export.write_parity_fixture("goal_text", path, {"sentence_embedding": sentence},
                                          {"goal": models.text(torch.from_numpy(sentence)).numpy()})
    export_padding_fixture(record)
    export_nan_compressor_fixture(record)
    print("exported compressors", [f"compressor_r{r}" for r in RATES], "goal_category, goal_text", flush=True)


def export_nan_compressor_fixture(record: dict) -> None:
    """A stand-in for compressor_r16 with the shipped shapes whose outputs are always NaN (sqrt of a negative
    number): the app's tests swap it in to check that a run stops with the model and tensor named and its
    recording intact."""
    from onnx import TensorProto, helper
    nodes = [
        helper.make_node("Abs", ["patch_tokens"], ["abs"]),
        helper.make_node("Neg", ["abs"], ["neg"]),
        helper.make_node("Sub", ["neg", "one"], ["negative"]),
        helper.make_node("Sqrt", ["negative"], ["nan"]),
        helper.make_node("Slice", ["nan", "starts", "ends", "axes"], ["tokens"]),
        helper.make_node("Slice", ["nan", "starts", "goal_ends", "axes"], ["goal3"]),
        helper.make_node("Reshape", ["goal3", "goal_shape"], ["image_goal"]),
    ]
    init = [helper.make_tensor("one", TensorProto.FLOAT, [], [1.0]),
            helper.make_tensor("starts", TensorProto.INT64, [2], [0, 0]),
            helper.make_tensor("ends", TensorProto.INT64, [2], [16, TOKEN_DIM]),
            helper.make_tensor("goal_ends", TensorProto.INT64, [2], [1, GOAL_DIM]),
            helper.make_tensor("axes", TensorProto.INT64, [2], [1, 2]),
            helper.make_tensor("goal_shape", TensorProto.INT64, [2], [1, GOAL_DIM])]
    graph = helper.make_graph(nodes, "nan_compressor", [helper.make_tensor_value_info("patch_tokens", TensorProto.FLOAT, [1, 256, ENCODER_DIM])],
                              [helper.make_tensor_value_info("tokens", TensorProto.FLOAT, [1, 16, TOKEN_DIM]),
                               helper.make_tensor_value_info("image_goal", TensorProto.FLOAT, [1, GOAL_DIM])], initializer=init)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", model_export.OPSET)], producer_name="train_compressor.py")
    model.ir_version = 8
    import onnx
    onnx.checker.check_model(model)
    folder = model_export.FIXTURES_DIR / "nan_compressor"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "compressor_r16.onnx"
    path.write_bytes(model.SerializeToString())
    manifest = {"name": "compressor_r16", "file": path.name, "kind": "compressor",
                "inputs": [model_export.tensor("patch_tokens", "float32", [1, 256, ENCODER_DIM])],
                "outputs": [model_export.tensor("tokens", "float32", [1, 16, TOKEN_DIM]),
                            model_export.tensor("image_goal", "float32", [1, GOAL_DIM])],
                "parameters": 0,
                "compressor": {"rate": 16, "blocks": 2, "input_grid": [16, 16], "padded_grid": [16, 16], "output_grid": [4, 4],
                               "input_dim": ENCODER_DIM, "token_dim": TOKEN_DIM, "goal_dim": GOAL_DIM, "encoder": "encoder_vit_tiny"},
                "training": dict(record, data="none: test fixture that always outputs NaN", trained=False),
                "sha256": model_export.sha256(path)}
    (folder / "compressor_r16.json").write_text(json.dumps(manifest, indent=2) + "\n")


def export_padding_fixture(record: dict) -> None:
    """A tiny seeded rate-4 compressor over a 5x3 grid (padded to 6x4 -> 3x2 tokens), so the Java
    tests check padding and token arithmetic against PyTorch on a grid that is not a multiple of 2."""
    torch.manual_seed(3)
    comp = TokenCompressor(4, grid_rows=5, grid_cols=3, in_dim=8, out_dim=6).eval()
    path = model_export.FIXTURES_DIR / "compressor_pad5x3_r4.onnx"
    model_export.export(comp, (torch.zeros(1, 15, 8),), path, ["patch_tokens"], ["tokens", "image_goal"])
    model_export.write_manifest(
        path, "compressor", [model_export.tensor("patch_tokens", "float32", [1, 15, 8])],
        [model_export.tensor("tokens", "float32", [1, 6, 6]), model_export.tensor("image_goal", "float32", [1, GOAL_DIM])],
        comp, dict(record, data="none: seeded-random test fixture", trained=False),
        {"rate": 4, "blocks": 1, "input_grid": [5, 3], "padded_grid": [6, 4], "output_grid": [3, 2], "input_dim": 8,
         "token_dim": 6, "goal_dim": GOAL_DIM, "encoder": "test"})
    x = np.random.default_rng(5).standard_normal((1, 15, 8)).astype(np.float32)
    with torch.no_grad():
        t, g = comp(torch.from_numpy(x))
    model_export.write_parity_fixture("compressor_pad5x3_r4", path, {"patch_tokens": x}, {"tokens": t.numpy(), "image_goal": g.numpy()})


if __name__ == "__main__":
    sys.exit(main())
