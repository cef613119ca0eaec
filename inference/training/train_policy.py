"""Train the memory policy (one per compression rate) by imitation of a privileged oracle, and export it.

A training example is a decision point of a recorded episode: the goal, the memory (the last L
frames written before it, L drawn from 1, 10, 25, 50 and 100, each with its pose relative to the
agent and its compressed tokens from the frozen compressor) and the frontier candidates the agent
was offered there (FrontierCandidates.java, recorded by the exporter). The oracle knows the
ground truth: if the goal is visible in a remembered frame it picks that frame (the one where the
goal covers most of the view), otherwise the frontier with the shortest geodesic route to the goal
(agent -> frontier -> nearest goal view point). Loss: cross-entropy over all candidates (memory
frames and frontiers) against the oracle's choice, plus per-frame "goal seen" BCE and the goal's
offset from the frame (smooth-L1), which turns a chosen frame into a target point.

    OPENBLAS_NUM_THREADS=1 nice -n 10 /usr/bin/python3 inference/training/train_policy.py \
        --data .memnav/dataset/shard0 .memnav/dataset/shard1 --encoder .memnav/training/encoder.pt \
        --compressor .memnav/training/compressor.pt --out .memnav/training/policy.pt

Writes inference/models/policy_r{1,4,16,64}.onnx with manifests and parity fixtures.
"""

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

import memnav_data
import model_export
from memory_models import GOAL_DIM, POSE_SCALE_M, RATES, TOKEN_DIM, MemoryPolicy
from train_compressor import Labels, Models, frozen_encoder_data, picture_tokens

MEMORY_LENGTHS = (1, 10, 25, 50, 100)
MAX_FRONTIERS = 8
CELLS_SCALE = 50.0


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, nargs="+", required=True)
    p.add_argument("--encoder", type=Path, required=True)
    p.add_argument("--compressor", type=Path, required=True, help="checkpoint from train_compressor.py")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--cache", type=Path, default=Path(".memnav/training/cache"))
    p.add_argument("--rates", type=int, nargs="+", default=list(RATES))
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--val-scenes", type=int, default=3, help="last N episodic scenes held back")
    p.add_argument("--scorer-lr-factor", type=float, default=0.1, help="learning-rate factor for the pretrained frame scorer")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--no-export", action="store_true")
    return p.parse_args()


def relative_pose(meta: np.ndarray, agent_row: int, rows: np.ndarray) -> np.ndarray:
    """[len(rows), 4]: each frame's position in the agent's frame (forward, right)/5 m, cos/sin of the yaw difference."""
    agent = meta[agent_row]
    dx, dz = meta[rows, 5] - agent[5], meta[rows, 6] - agent[6]
    yaw = agent[7]
    forward = -np.sin(yaw) * dx - np.cos(yaw) * dz
    right = np.cos(yaw) * dx - np.sin(yaw) * dz
    d = meta[rows, 7] - yaw
    return np.stack([forward / POSE_SCALE_M, right / POSE_SCALE_M, np.cos(d), np.sin(d)], 1).astype(np.float32)


class Examples:
    """Samples decision points with their oracle labels."""

    def __init__(self, data: memnav_data.Dataset, labels: Labels, rows: np.ndarray):
        self.data, self.labels = data, labels
        self.rows = rows
        meta = data.meta
        self.episode_start = {}
        for r in range(data.frames):
            self.episode_start.setdefault(int(meta[r, 1]), r)
        order = np.argsort(data.frontiers[:, 0], kind="stable")
        self.frontier_rows = {}
        for i in order:
            self.frontier_rows.setdefault(int(data.frontiers[i, 0]), []).append(int(i))
        self.instances_of_scene = {}
        for inst, o in data.objects.items():
            self.instances_of_scene.setdefault(o["scene"], []).append(inst)
        # image goals: frames dominated by one instance, by scene
        self.image_frames = {}
        for r in np.nonzero(labels.dominant > 0)[0]:
            self.image_frames.setdefault(int(meta[r, 0]), []).append(int(r))
        self.pictures_of_scene = {}
        for g, inst in enumerate(data.goal_image_instances):
            self.pictures_of_scene.setdefault(data.objects[int(inst)]["scene"], []).append(g)

    def sample(self, rng: np.random.Generator, memory_length: int | None = None):
        data, labels = self.data, self.labels
        while True:
            r = int(rng.choice(self.rows))
            scene = int(data.meta[r, 0])
            length = memory_length or int(rng.choice(MEMORY_LENGTHS))
            start = max(self.episode_start[int(data.meta[r, 1])], r - length + 1)
            memory = np.arange(start, r + 1)
            goal = self.sample_goal(rng, r, scene)
            if goal is None:
                continue
            kind, value, category, instance = goal
            if instance is None:
                visible = labels.category_visible[memory, category] > 0
                pixels = labels.category_pixels[memory, category]
                offsets = labels.category_offset[memory, category]
            else:
                visible = np.array([instance in labels.visible[m] for m in memory])
                pixels = np.array([labels.visible[m].get(instance, 0) for m in memory])
                offsets = np.array([labels.offset(m, instance) if v else (0.0, 0.0) for m, v in zip(memory, visible)], np.float32)
            fr = self.frontier_rows.get(r, [])[:MAX_FRONTIERS]
            frontiers = np.zeros((len(fr), 4), np.float32)
            oracle_cost = np.full(len(fr), np.inf)
            for j, i in enumerate(fr):
                _, x, z, geo, cells = data.frontiers[i]
                f, rt = memnav_data.local_offset(data.meta[r], x, z)
                frontiers[j] = (f / POSE_SCALE_M, rt / POSE_SCALE_M, geo / POSE_SCALE_M, cells / CELLS_SCALE)
                to_goal = data.frontier_goal_dist[i, category]
                if to_goal >= 0:
                    oracle_cost[j] = geo + to_goal
            if visible.any():
                best = np.flatnonzero(pixels == pixels.max())[-1]
                label = int(best)
            elif len(fr) and np.isfinite(oracle_cost).any():
                label = len(memory) + int(np.argmin(oracle_cost))
            else:
                continue
            return {"kind": kind, "goal_value": value, "memory": memory, "poses": relative_pose(data.meta, r, memory),
                    "frontiers": frontiers, "label": label, "visible": visible.astype(np.float32),
                    "offsets": np.asarray(offsets, np.float32), "length": length}

    def sample_goal(self, rng, row: int, scene: int):
        """(kind, value, category index, instance or None): the subtask's goal, another category of the scene,
        a language description or an image of one instance."""
        data = self.data
        u = rng.random()
        if u < 0.4:
            category = int(data.meta[row, 4])
            return ("category", category, category, None) if category >= 0 else None
        instances = self.instances_of_scene[scene]
        if u < 0.7:
            category = data.objects[int(rng.choice(instances))]["category_index"]
            return "category", category, category, None
        if u < 0.85:
            inst = int(rng.choice(instances))
            descs = self.labels.descriptions_of.get(inst)
            if not descs:
                return None
            return "text", int(rng.choice(descs)), data.objects[inst]["category_index"], inst
        pictures = self.pictures_of_scene.get(scene)
        if pictures and rng.random() < 0.6:
            g = int(rng.choice(pictures))
            inst = int(data.goal_image_instances[g])
            return "picture", g, data.objects[inst]["category_index"], inst
        frames = self.image_frames.get(scene)
        if not frames:
            return None
        frame = int(rng.choice(frames))
        inst = int(self.labels.dominant[frame])
        return "image", frame, data.objects[inst]["category_index"], inst


def collate(examples, tokens_r: np.ndarray, models: Models, image_goal_r: np.ndarray, picture_goal_r: np.ndarray):
    b = len(examples)
    t = max(len(e["memory"]) for e in examples)
    f = max(max(len(e["frontiers"]) for e in examples), 1)
    k = tokens_r.shape[1]
    mem = np.zeros((b, t, k, TOKEN_DIM), np.float32)
    poses = np.zeros((b, t, 4), np.float32)
    mmask = np.zeros((b, t), bool)
    fronts = np.zeros((b, f, 4), np.float32)
    fmask = np.zeros((b, f), bool)
    visible = np.zeros((b, t), np.float32)
    offsets = np.zeros((b, t, 2), np.float32)
    labels = np.zeros(b, np.int64)
    goals = []
    with torch.no_grad():
        for i, e in enumerate(examples):
            n = len(e["memory"])
            mem[i, :n] = tokens_r[e["memory"]]
            poses[i, :n] = e["poses"]
            mmask[i, :n] = True
            visible[i, :n] = e["visible"]
            offsets[i, :n] = e["offsets"]
            nf = len(e["frontiers"])
            fronts[i, :nf] = e["frontiers"]
            fmask[i, :nf] = True
            labels[i] = e["label"] if e["label"] < n else t + (e["label"] - n)
            if e["kind"] == "category":
                goals.append(models.category(torch.tensor([e["goal_value"]]))[0])
            elif e["kind"] == "text":
                goals.append(models.text(torch.from_numpy(models_text_input(e["goal_value"])))[0])
            elif e["kind"] == "picture":
                goals.append(torch.from_numpy(picture_goal_r[e["goal_value"]].astype(np.float32)))
            else:
                goals.append(torch.from_numpy(image_goal_r[e["goal_value"]].astype(np.float32)))
    return (torch.stack(goals), torch.from_numpy(mem), torch.from_numpy(poses), torch.from_numpy(mmask),
            torch.from_numpy(fronts), torch.from_numpy(fmask), torch.from_numpy(labels), torch.from_numpy(visible),
            torch.from_numpy(offsets))


_SENTENCES = {}


def models_text_input(desc_row: int) -> np.ndarray:
    return _SENTENCES["embeddings"][desc_row:desc_row + 1]


def policy_loss(policy: MemoryPolicy, batch):
    goals, mem, poses, mmask, fronts, fmask, labels, visible, offsets = batch
    memory_scores, frontier_scores, offset = policy(goals, mem, poses, fronts, mmask)
    frontier_scores = frontier_scores.masked_fill(~fmask, -1e4)
    scores = torch.cat([memory_scores, frontier_scores], 1)
    ce = F.cross_entropy(scores, labels)
    presence, _, _ = policy.scorer(goals.unsqueeze(1), mem)
    presence = presence[..., 0]
    bce = (F.binary_cross_entropy_with_logits(presence, visible, reduction="none", pos_weight=torch.tensor(3.0)) * mmask).sum() / mmask.sum()
    pos = (visible > 0) & mmask
    reg = F.smooth_l1_loss(offset[pos], offsets[pos]) if pos.any() else ce.new_zeros(())
    with torch.no_grad():
        choice = scores.argmax(1)
        t = mem.shape[1]
        correct = (choice == labels).float().mean().item()
        mode_ok = ((choice < t) == (labels < t)).float().mean().item()
        chosen_mem = (choice < t) & (labels < t)
        err = (offset[chosen_mem, choice[chosen_mem]] - offsets[chosen_mem, choice[chosen_mem]]).norm(dim=-1) if chosen_mem.any() else None
        err = err.median().item() if err is not None and len(err) else float("nan")
    return ce + 0.5 * bce + 0.3 * reg, {"ce": ce.item(), "choice_acc": correct, "mode_acc": mode_ok, "offset_err_m": err}


def compressed(models: Models, rate: int, enc_tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    comp = models.compressors[str(rate)].eval()
    n = len(enc_tokens)
    out = np.zeros((n, comp.tokens_out, TOKEN_DIM), np.float16)
    goals = np.zeros((n, GOAL_DIM), np.float32)
    with torch.no_grad():
        for s in range(0, n, 256):
            t, g = comp(torch.from_numpy(np.asarray(enc_tokens[s:s + 256], np.float32)))
            out[s:s + 256] = t.numpy().astype(np.float16)
            goals[s:s + 256] = g.numpy()
    return out, goals


@torch.no_grad()
def evaluate(policy, examples, tokens_r, models, image_goal_r, picture_goal_r, rng) -> dict:
    policy.eval()
    out = {}
    for length in (1, 10, 25, 50, 100):
        stats = []
        for _ in range(6):
            batch = collate([examples.sample(rng, length) for _ in range(32)], tokens_r, models, image_goal_r, picture_goal_r)
            stats.append(policy_loss(policy, batch)[1])
        out[f"L{length}"] = {k: round(float(np.nanmean([s[k] for s in stats])), 3) for k in stats[0]}
    policy.train()
    return out


def main() -> int:
    args = parse_args()
    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    data, encoder, enc_tokens = frozen_encoder_data(args)
    _SENTENCES["embeddings"] = data.description_embeddings
    pictures = picture_tokens(data, encoder)
    labels = Labels(data)
    checkpoint = torch.load(args.compressor, map_location="cpu")
    models = Models(len(data.vocabulary), checkpoint.get("grid", 16), checkpoint.get("in_dim", 128))
    models.load_state_dict(checkpoint["state_dict"])
    models.eval()
    for p in models.parameters():
        p.requires_grad_(False)
    scenes = data.meta[:, 0].astype(int)
    # decision points come from recorded episodes only (still views have no trajectory or frontiers);
    # held back: the last episodic scenes
    episodic = data.meta[:, 1] >= 0
    _, val_rows, train_rows = memnav_data.held_back_split(data, args.val_scenes, episodic)
    results, policies = {}, {}
    for rate in args.rates:
        torch.manual_seed(args.seed)
        rng = np.random.default_rng(args.seed)
        tokens_r, image_goal_r = compressed(models, rate, enc_tokens)
        picture_goal_r = compressed(models, rate, pictures)[1] if len(pictures) else np.zeros((0, GOAL_DIM), np.float32)
        train_examples = Examples(data, labels, train_rows)
        policy = MemoryPolicy(models.scorers[str(rate)])
        policy.scorer.load_state_dict(models.scorers[str(rate)].state_dict())
        for p in policy.parameters():
            p.requires_grad_(True)
        policy.train()
        # the goal-matching scorer was trained on many more scenes (still views): fine-tune it gently
        scorer_params = list(policy.scorer.parameters())
        head_params = [p for n, p in policy.named_parameters() if not n.startswith("scorer.")]
        optimiser = torch.optim.AdamW([{"params": head_params, "lr": args.lr},
                                       {"params": scorer_params, "lr": args.lr * args.scorer_lr_factor}], weight_decay=0.01)
        schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=[args.lr, args.lr * args.scorer_lr_factor],
                                                       total_steps=max(args.steps, 2), pct_start=0.1)
        log = []
        for step in range(args.steps):
            batch = collate([train_examples.sample(rng) for _ in range(args.batch)], tokens_r, models, image_goal_r,
                            picture_goal_r)
            loss, stats = policy_loss(policy, batch)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(policy.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            if step % 25 == 0 or step == args.steps - 1:
                entry = {"rate": rate, "step": step, "loss": round(loss.item(), 4), **{k: round(v, 3) for k, v in stats.items()},
                         "elapsed_s": round(time.perf_counter() - started, 1)}
                log.append(entry)
                print(json.dumps(entry), flush=True)
        metrics = {}
        if len(val_rows):
            metrics = evaluate(policy, Examples(data, labels, val_rows), tokens_r, models, image_goal_r, picture_goal_r,
                               np.random.default_rng(1))
            print(json.dumps({"rate": rate, "held_back": metrics}), flush=True)
        results[rate] = {"metrics_held_back": metrics, "log": log}
        policies[rate] = policy
        training = {
            "trained": True,
            "seed": args.seed,
            "data": f"memnav dataset export: {data.frames} frames of {len(np.unique(scenes))} training scenes; "
                    "decision points with oracle labels",
            "steps": args.steps,
            "objective": "imitation of a privileged oracle (remembered frame showing the goal, else the frontier "
                         "on the shortest route to it): cross-entropy over candidates + presence BCE + offset smooth-L1",
            "compressor_checkpoint": args.compressor.name,
            "metrics_held_back": metrics,
            "wall_s": round(time.perf_counter() - started, 1),
        }
        if not args.no_export:
            export_policy(policy, rate, tokens_r.shape[1], training)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        torch.save({str(r): p.state_dict() for r, p in policies.items()}, args.out)
    print(json.dumps({"summary": {f"{r}x": v["metrics_held_back"] for r, v in results.items()}}), flush=True)
    if not args.no_export and len(val_rows) and set(policies) == set(RATES):
        write_choice_fixture(data, labels, models, enc_tokens, policies, val_rows)
    print(f"done in {time.perf_counter() - started:.0f} s")
    return 0


def choice_candidates(data, labels, rows, rng):
    """Clear-cut crafted memories from held-back scenes: a frame where one instance of category c fills
    >= 12 % of the view within 3 m, and two frames of the same episode where no c is visible."""
    out = []
    for r in rng.permutation(rows):
        inst = int(labels.dominant[r])
        if not inst or labels.visible[r][inst] < 0.12 * memnav_data.LABEL_SIZE ** 2:
            continue
        c = data.objects[inst]["category_index"]
        if (labels.category_visible[r] > 0).sum() > 2 or np.hypot(*labels.offset(r, inst)) > 3.0:
            continue
        same = np.nonzero(data.meta[:, 1] == data.meta[r, 1])[0]
        others = [int(o) for o in same if abs(int(o) - int(r)) > 3 and labels.category_visible[o, c] == 0]
        if len(others) < 2:
            continue
        a, b = rng.choice(others, 2, replace=False)
        frames = [int(a), int(r), int(b)]
        seen = set(np.nonzero(labels.category_visible[frames].sum(0))[0])
        absent = [k for k in range(len(data.vocabulary)) if k not in seen]
        out.append((frames, c, int(rng.choice(absent)), inst))
        if len(out) >= 40:
            break
    return out


@torch.no_grad()
def choice_of(policy, models, tokens_r, frames, agent_row, goal_category, data):
    goal = models.category(torch.tensor([goal_category]))
    mem = torch.from_numpy(tokens_r[frames].astype(np.float32)).unsqueeze(0)
    poses = torch.from_numpy(relative_pose(data.meta, agent_row, np.array(frames))).unsqueeze(0)
    fronts = torch.tensor([[[2.0 / POSE_SCALE_M, 0.0, 2.0 / POSE_SCALE_M, 20 / CELLS_SCALE],
                            [0.0, -3.0 / POSE_SCALE_M, 3.0 / POSE_SCALE_M, 20 / CELLS_SCALE]]])
    m, f, off = policy(goal, mem, poses, fronts)
    scores = torch.cat([m[0], f[0]])
    return int(scores.argmax()), off[0].numpy()


def write_choice_fixture(data, labels, models, enc_tokens, policies, val_rows) -> None:
    """Crafted memories for PolicyChoiceTest (Java): three remembered frames, the goal visible in the
    middle one only. Records how often each rate's policy chooses right over all candidates (reported
    in the README), and stores the first candidate every rate gets right as the fixture."""
    from PIL import Image
    rng = np.random.default_rng(5)
    candidates = choice_candidates(data, labels, val_rows, rng)
    tokens = {r: compressed(models, r, enc_tokens)[0] for r in RATES}
    right = {r: 0 for r in RATES}
    chosen = None
    for frames, present, absent, inst in candidates:
        agent_row = frames[2]
        ok_all = True
        for r in RATES:
            pick_present, _ = choice_of(policies[r], models, tokens[r], frames, agent_row, present, data)
            pick_absent, _ = choice_of(policies[r], models, tokens[r], frames, agent_row, absent, data)
            ok = pick_present == 1 and pick_absent >= 3
            right[r] += ok
            ok_all &= ok
        if ok_all and chosen is None:
            chosen = (frames, present, absent, inst)
    summary = {f"{r}x": f"{right[r]}/{len(candidates)}" for r in RATES}
    print(json.dumps({"crafted_memory_choices_right": summary}), flush=True)
    if chosen is None:
        print("no crafted memory that every rate gets right: choice fixture not written", flush=True)
        return
    frames, present, absent, inst = chosen
    files = []
    for i, r in enumerate(frames):
        name = f"policy_choice_frame{i}.png"
        Image.fromarray(data.rgb_of(np.array([r]))[0]).save(model_export.FIXTURES_DIR / name)
        m = data.meta[r]
        files.append({"file": name, "x": float(m[5]), "z": float(m[6]), "yaw": float(m[7])})
    o = data.objects[inst]
    fixture = {
        "description": "Crafted memory for PolicyChoiceTest: three frames of a held-back training-split scene; the goal "
                       "category is visible (large, near) in frame 1 only. The agent stands at frame 2's pose; frontiers "
                       "are 2 m ahead and 3 m to the left. Written by train_policy.py.",
        "frames": files,
        "present_category": data.vocabulary[present],
        "absent_category": data.vocabulary[absent],
        "object_x": o["x"], "object_z": o["z"],
        "frontiers": [{"forward_m": 2.0, "right_m": 0.0, "geodesic_m": 2.0, "cells": 20},
                      {"forward_m": 0.0, "right_m": -3.0, "geodesic_m": 3.0, "cells": 20}],
        "candidates_right": summary,
    }
    (model_export.FIXTURES_DIR / "policy_choice.json").write_text(json.dumps(fixture, indent=2) + "\n")


class ExportedPolicy(torch.nn.Module):
    def __init__(self, policy: MemoryPolicy):
        super().__init__()
        self.policy = policy

    def forward(self, goal, memory_tokens, memory_poses, frontiers):
        return self.policy(goal, memory_tokens, memory_poses, frontiers)


def export_policy(policy: MemoryPolicy, rate: int, k: int, training: dict) -> None:
    wrapper = ExportedPolicy(policy).eval()
    path = model_export.MODELS_DIR / f"policy_r{rate}.onnx"
    example = (torch.zeros(1, GOAL_DIM), torch.zeros(1, 3, k, TOKEN_DIM), torch.zeros(1, 3, 4), torch.zeros(1, 2, 4))
    names_in = ["goal", "memory_tokens", "memory_poses", "frontiers"]
    names_out = ["memory_scores", "frontier_scores", "memory_offsets"]
    dynamic = {"memory_tokens": {1: "frames"}, "memory_poses": {1: "frames"}, "frontiers": {1: "frontiers"},
               "memory_scores": {1: "frames"}, "frontier_scores": {1: "frontiers"}, "memory_offsets": {1: "frames"}}
    model_export.export(wrapper, example, path, names_in, names_out, dynamic)
    record = model_export.provenance(Path(__file__), training)
    model_export.write_manifest(
        path, "policy",
        [model_export.tensor("goal", "float32", [1, GOAL_DIM]), model_export.tensor("memory_tokens", "float32", [1, -1, k, TOKEN_DIM]),
         model_export.tensor("memory_poses", "float32", [1, -1, 4]), model_export.tensor("frontiers", "float32", [1, -1, 4])],
        [model_export.tensor("memory_scores", "float32", [1, -1]), model_export.tensor("frontier_scores", "float32", [1, -1]),
         model_export.tensor("memory_offsets", "float32", [1, -1, 2])],
        policy, record,
        {"rate": rate, "tokens_per_frame": k, "token_dim": TOKEN_DIM, "goal_dim": GOAL_DIM, "pose_scale_m": POSE_SCALE_M,
         "frontier_cells_scale": CELLS_SCALE,
         "memory_pose_features": ["forward_m/scale", "right_m/scale", "cos_dyaw", "sin_dyaw"],
         "frontier_features": ["forward_m/scale", "right_m/scale", "geodesic_m/scale", "cells/cells_scale"],
         "offsets": ["forward_m", "right_m"]})
    rng = np.random.default_rng(11 + rate)
    inputs = {"goal": rng.standard_normal((1, GOAL_DIM)).astype(np.float32),
              "memory_tokens": rng.standard_normal((1, 2, k, TOKEN_DIM)).astype(np.float32),
              "memory_poses": rng.uniform(-1, 1, (1, 2, 4)).astype(np.float32),
              "frontiers": rng.uniform(0, 1, (1, 3, 4)).astype(np.float32)}
    with torch.no_grad():
        outs = wrapper(*[torch.from_numpy(v) for v in inputs.values()])
    model_export.write_parity_fixture(f"policy_r{rate}", path, inputs, dict(zip(names_out, [o.numpy() for o in outs])))


if __name__ == "__main__":
    sys.exit(main())
