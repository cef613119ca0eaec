"""Export the patch encoder to ONNX, write its manifest and the Java test fixtures.

Run with Debian's torch (not the pyenv python on PATH):

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 inference/training/export_encoder.py
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 inference/training/export_encoder.py --checkpoint run/encoder.pt

Without --checkpoint the weights are seeded-random (torch.manual_seed), so the export is
reproducible byte for byte. A checkpoint is either a bare state_dict or a dict
{"config": {EncoderConfig fields}, "state_dict": ..., "training": {"data": ..., "seed": ...,
"steps": ...}}; its config and training record win over the command line.

Outputs (paths relative to inference/):
  models/encoder_vit_tiny.onnx, models/encoder_vit_tiny.json          the shipped model
  src/test/resources/fixtures/encoder_parity.json + *.rgb + *.f32     PyTorch reference outputs
  src/test/resources/fixtures/nan_encoder.onnx + .json                a model that emits NaN
"""

import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import TensorProto, helper

from vit_encoder import IMAGE_MEAN, IMAGE_STD, EncoderConfig, PatchEncoder, parameter_count

OPSET = 17  # torch 1.13's exporter fails at 18
INPUT_NAME = "rgb"
OUTPUT_NAME = "patch_tokens"
INFERENCE_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = INFERENCE_DIR.parent
SCRIPT_PATH = Path(__file__).resolve()


def parse_args() -> argparse.Namespace:
    defaults = EncoderConfig()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoint", type=Path, help="trained weights (.pt); seeded-random when absent")
    parser.add_argument("--seed", type=int, default=0, help="torch.manual_seed for random weights")
    parser.add_argument("--name", default="encoder_vit_tiny")
    parser.add_argument("--dim", type=int, default=defaults.dim)
    parser.add_argument("--depth", type=int, default=defaults.depth)
    parser.add_argument("--heads", type=int, default=defaults.heads)
    parser.add_argument("--models-dir", type=Path, default=INFERENCE_DIR / "models")
    parser.add_argument("--fixtures-dir", type=Path, default=INFERENCE_DIR / "src/test/resources/fixtures")
    parser.add_argument("--skip-fixtures", action="store_true", help="export the model and manifest only")
    return parser.parse_args()


def load_model(args: argparse.Namespace) -> tuple[PatchEncoder, dict]:
    """Returns the model in eval mode and the manifest's training record."""
    torch.manual_seed(args.seed)
    config = EncoderConfig(dim=args.dim, depth=args.depth, heads=args.heads)
    training = {
        "script": relative_to_repo(SCRIPT_PATH),
        "seed": args.seed,
        "data": "none: seeded-random weights",
        "trained": False,
    }
    if args.checkpoint is None:
        model = PatchEncoder(config)
    else:
        checkpoint = torch.load(args.checkpoint, map_location="cpu")
        state_dict = checkpoint
        if isinstance(checkpoint, dict) and "state_dict" in checkpoint:
            state_dict = checkpoint["state_dict"]
            config = EncoderConfig(**checkpoint.get("config", config.as_dict()))
            recorded = checkpoint.get("training", {})
            training.update({k: v for k, v in recorded.items() if k != "trained"})
        model = PatchEncoder(config)
        model.load_state_dict(state_dict)  # strict: a mismatched architecture must fail here
        training["trained"] = True
        training["checkpoint"] = args.checkpoint.name
    training["commit"] = git_commit()
    # the script that made the weights: this one for random weights, the training script for a checkpoint
    training["script_at_commit"] = script_matches_commit(REPO_ROOT / training["script"])
    return model.eval(), training


def relative_to_repo(path: Path) -> str:
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def git(*arguments: str) -> str | None:
    """Read-only git query; None when git or the repository is unavailable."""
    try:
        result = subprocess.run(["git", *arguments], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
        return result.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def git_commit() -> str:
    return git("rev-parse", "HEAD") or "uncommitted"


def script_matches_commit(script: Path = SCRIPT_PATH) -> bool:
    """True when `script` is committed unchanged at HEAD, i.e. `commit` fully describes it."""
    committed = git("rev-parse", f"HEAD:{relative_to_repo(script)}")
    return committed is not None and committed == git("hash-object", str(script))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export_onnx(model: PatchEncoder, path: Path) -> None:
    size = model.config.image_size
    example = torch.zeros(1, 3, size, size)
    path.parent.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(
            model,
            example,
            str(path),
            input_names=[INPUT_NAME],
            output_names=[OUTPUT_NAME],
            opset_version=OPSET,
            do_constant_folding=True,
        )
    graph = onnx.load(str(path))
    onnx.checker.check_model(graph)
    if [i.name for i in graph.graph.input] != [INPUT_NAME] or [o.name for o in graph.graph.output] != [OUTPUT_NAME]:
        raise RuntimeError("exported graph has unexpected input/output names")


def write_manifest(model: PatchEncoder, onnx_path: Path, training: dict, name: str) -> Path:
    config = model.config
    grid = config.grid
    manifest = {
        "name": name,
        "file": onnx_path.name,
        "kind": "encoder",
        "inputs": [{"name": INPUT_NAME, "dtype": "float32", "shape": [1, 3, config.image_size, config.image_size]}],
        "outputs": [{"name": OUTPUT_NAME, "dtype": "float32", "shape": [1, grid * grid, config.dim]}],
        "patch_size": config.patch_size,
        "grid": [grid, grid],
        "token_dim": config.dim,
        "image_size": [config.image_size, config.image_size],
        "mean": list(IMAGE_MEAN),
        "std": list(IMAGE_STD),
        "parameters": parameter_count(model),
        "architecture": {"depth": config.depth, "heads": config.heads, "mlp_ratio": config.mlp_ratio, "stem": config.stem},
        "training": training,
        "sha256": sha256(onnx_path),
    }
    path = onnx_path.with_suffix(".json")
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    return path


def procedural_image(seed: int, height: int, width: int) -> np.ndarray:
    """A deterministic scene-like uint8 [H, W, 3] image: gradient, blocks, discs, mild noise."""
    rng = np.random.RandomState(seed)  # legacy generator: stream is stable across numpy versions
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    image = np.empty((height, width, 3), np.float32)
    for c in range(3):
        a, b, base = rng.uniform(-0.4, 0.4), rng.uniform(-0.4, 0.4), rng.uniform(0.3, 0.7)
        image[..., c] = base + a * ys / height + b * xs / width
    for _ in range(6):
        y0, x0 = rng.randint(0, height - 8), rng.randint(0, width - 8)
        h, w = rng.randint(8, height // 2), rng.randint(8, width // 2)
        image[y0:y0 + h, x0:x0 + w] = rng.uniform(0, 1, 3)
    for _ in range(4):
        cy, cx, r = rng.uniform(0, height), rng.uniform(0, width), rng.uniform(6, height / 5)
        image[(ys - cy) ** 2 + (xs - cx) ** 2 < r * r] = rng.uniform(0, 1, 3)
    image += rng.normal(0, 0.02, image.shape).astype(np.float32)
    return (np.clip(image, 0, 1) * 255).round().astype(np.uint8)


def reference_tokens(model: PatchEncoder, image: np.ndarray) -> np.ndarray:
    """The preprocessing the Java encoder implements: [0,1], bilinear (half-pixel, no antialias), mean/std."""
    size = model.config.image_size
    rgb = torch.from_numpy(image).permute(2, 0, 1).unsqueeze(0).float() / 255.0
    if rgb.shape[-2:] != (size, size):
        rgb = F.interpolate(rgb, size=(size, size), mode="bilinear", align_corners=False, antialias=False)
    mean = torch.tensor(IMAGE_MEAN).view(1, 3, 1, 1)
    std = torch.tensor(IMAGE_STD).view(1, 3, 1, 1)
    with torch.no_grad():
        return model((rgb - mean) / std)[0].numpy().astype("<f4")


def write_parity_fixtures(model: PatchEncoder, onnx_path: Path, fixtures_dir: Path) -> list[dict]:
    fixtures_dir.mkdir(parents=True, exist_ok=True)
    cases = []
    # One frame at the model's own size (no resize) and one that exercises the bilinear resize.
    for case_name, seed, height, width in [("native", 11, 256, 256), ("resized", 12, 240, 320)]:
        image = procedural_image(seed, height, width)
        tokens = reference_tokens(model, image)
        image_file = f"encoder_parity_{case_name}_{width}x{height}.rgb"
        tokens_file = f"encoder_parity_{case_name}.tokens.f32"
        (fixtures_dir / image_file).write_bytes(image.tobytes())
        (fixtures_dir / tokens_file).write_bytes(tokens.tobytes())
        cases.append({
            "name": case_name,
            "image": image_file,
            "width": width,
            "height": height,
            "tokens": tokens_file,
            "tokens_shape": list(tokens.shape),
        })
    description = {
        "description": "PyTorch reference outputs of the shipped encoder; images are raw uint8 HWC, "
                       "tokens raw little-endian float32 [tokens, dim]. Regenerate with "
                       "inference/training/export_encoder.py whenever the model changes.",
        "model_sha256": sha256(onnx_path),
        "cases": cases,
    }
    (fixtures_dir / "encoder_parity.json").write_text(json.dumps(description, indent=2) + "\n")
    return cases


def write_nan_encoder_fixture(fixtures_dir: Path) -> None:
    """A 32x32 'encoder' whose output is sqrt of its normalised input.

    Dark pixels normalise below zero, so a black frame yields NaN and a white frame finite
    tokens: the Java test checks the NaN guard with one model both ways. The reshape is not a
    real patch layout; only the tensor shapes matter here.
    """
    tokens, dim = 4, 768
    graph = helper.make_graph(
        nodes=[
            helper.make_node("Reshape", [INPUT_NAME, "token_shape"], ["flat"]),
            helper.make_node("Sqrt", ["flat"], [OUTPUT_NAME]),
        ],
        name="nan_encoder",
        inputs=[helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, [1, 3, 32, 32])],
        outputs=[helper.make_tensor_value_info(OUTPUT_NAME, TensorProto.FLOAT, [1, tokens, dim])],
        initializer=[helper.make_tensor("token_shape", TensorProto.INT64, [3], [1, tokens, dim])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="export_encoder.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    path = fixtures_dir / "nan_encoder.onnx"
    path.write_bytes(model.SerializeToString())
    manifest = {
        "name": "nan_encoder",
        "file": path.name,
        "kind": "encoder",
        "inputs": [{"name": INPUT_NAME, "dtype": "float32", "shape": [1, 3, 32, 32]}],
        "outputs": [{"name": OUTPUT_NAME, "dtype": "float32", "shape": [1, tokens, dim]}],
        "patch_size": 16,
        "grid": [2, 2],
        "token_dim": dim,
        "image_size": [32, 32],
        "mean": list(IMAGE_MEAN),
        "std": list(IMAGE_STD),
        "parameters": 0,
        "training": {"script": relative_to_repo(SCRIPT_PATH), "seed": 0, "data": "none: test fixture",
                     "commit": git_commit(), "trained": False},
        "sha256": sha256(path),
    }
    (fixtures_dir / "nan_encoder.json").write_text(json.dumps(manifest, indent=2) + "\n")


def main() -> int:
    args = parse_args()
    torch.set_num_threads(2)
    started = time.perf_counter()
    model, training = load_model(args)
    onnx_path = args.models_dir / f"{args.name}.onnx"
    export_onnx(model, onnx_path)
    manifest_path = write_manifest(model, onnx_path, training, args.name)
    print(f"{relative_to_repo(onnx_path)}: {onnx_path.stat().st_size} bytes, "
          f"{parameter_count(model)} parameters, config {model.config.as_dict()}")
    print(f"{relative_to_repo(manifest_path)}: trained={training['trained']} commit={training['commit']}")
    if not args.skip_fixtures:
        cases = write_parity_fixtures(model, onnx_path, args.fixtures_dir)
        write_nan_encoder_fixture(args.fixtures_dir)
        print(f"{relative_to_repo(args.fixtures_dir)}: parity cases {[c['name'] for c in cases]}, nan_encoder")
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
