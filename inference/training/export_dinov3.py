"""Export a DINOv3 ViT-B/16 as a workbench encoder: same I/O contract as encoder_vit_tiny.

NOT RUN ON OUR MACHINES: DINOv3's weights are not obtainable here (no Hugging Face / download
access), and its code needs a recent PyTorch. This script is for users who have both:

    python3 inference/training/export_dinov3.py --repo ~/src/dinov3 \
        --weights ~/weights/dinov3_vitb16_pretrain_lvd1689m.pth --image-size 256 256

Contract (what PatchEncoder.java and the manifest check):
  input  `rgb`           float32 [1, 3, H, W], RGB in [0, 1] normalised with ImageNet mean/std
  output `patch_tokens`  float32 [1, (H/16)*(W/16), 768], patch tokens only (no class or register
                         tokens), row-major over the grid
Writes inference/models/encoder_dinov3_vitb16.{onnx,json} (kind "encoder", trained: true with the
weights file named in `training.data`) and, with --torchscript, a TorchScript copy that
train_compressor.py --encoder-torchscript uses to train compressors and policies for this encoder
(a compressor is tied to its encoder's grid and token width; the shipped ones fit encoder_vit_tiny).

Use it:  ./memnav run --encoder inference/models/encoder_dinov3_vitb16.json  together with a
models folder (-Dmemnav.models.dir) holding compressors and policies trained for it.
"""

import argparse
import json
import sys
from pathlib import Path

import torch
from torch import nn

import model_export

IMAGE_MEAN = (0.485, 0.456, 0.406)
IMAGE_STD = (0.229, 0.224, 0.225)
PATCH = 16


class PatchTokensOnly(nn.Module):
    """Wraps a DINOv3 backbone so that it returns normalised patch tokens only."""

    def __init__(self, backbone: nn.Module):
        super().__init__()
        self.backbone = backbone

    def forward(self, rgb: torch.Tensor) -> torch.Tensor:
        features = self.backbone.forward_features(rgb)
        if isinstance(features, dict) and "x_norm_patchtokens" in features:
            return features["x_norm_patchtokens"]
        # older/other builds: last layer, normalised, without class and register tokens
        return self.backbone.get_intermediate_layers(rgb, n=1, reshape=False, norm=True)[0]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--repo", type=Path, required=True, help="local clone of facebookresearch/dinov3 (torch.hub source)")
    p.add_argument("--weights", type=Path, required=True, help="the ViT-B/16 checkpoint (.pth)")
    p.add_argument("--hub-name", default="dinov3_vitb16")
    p.add_argument("--image-size", type=int, nargs=2, default=[256, 256], metavar=("H", "W"))
    p.add_argument("--name", default="encoder_dinov3_vitb16")
    p.add_argument("--torchscript", type=Path, help="also write a TorchScript copy for train_compressor.py")
    args = p.parse_args()
    h, w = args.image_size
    if h % PATCH or w % PATCH:
        raise SystemExit(f"image size {h}x{w} must be a multiple of the patch size {PATCH}")
    backbone = torch.hub.load(str(args.repo), args.hub_name, source="local", weights=str(args.weights))
    model = PatchTokensOnly(backbone).eval()
    example = torch.zeros(1, 3, h, w)
    with torch.no_grad():
        tokens = model(example)
    grid = (h // PATCH, w // PATCH)
    if tokens.shape[1] != grid[0] * grid[1]:
        raise SystemExit(f"the backbone returned {tokens.shape[1]} tokens, expected {grid[0] * grid[1]} for a {grid} grid")
    dim = int(tokens.shape[2])
    path = model_export.MODELS_DIR / f"{args.name}.onnx"
    model_export.export(model, (example,), path, ["rgb"], ["patch_tokens"])
    manifest = {
        "name": args.name,
        "file": path.name,
        "kind": "encoder",
        "inputs": [model_export.tensor("rgb", "float32", [1, 3, h, w])],
        "outputs": [model_export.tensor("patch_tokens", "float32", [1, grid[0] * grid[1], dim])],
        "patch_size": PATCH,
        "grid": list(grid),
        "token_dim": dim,
        "image_size": [h, w],
        "mean": list(IMAGE_MEAN),
        "std": list(IMAGE_STD),
        "parameters": model_export.parameter_count(model),
        "training": model_export.provenance(Path(__file__), {
            "trained": True, "seed": None, "data": f"DINOv3 weights {args.weights.name} (Meta, LVD-1689M)"}),
        "sha256": model_export.sha256(path),
    }
    path.with_suffix(".json").write_text(json.dumps(manifest, indent=2) + "\n")
    if args.torchscript:
        torch.jit.trace(model, example).save(str(args.torchscript))
    print(f"{path}: grid {grid}, token_dim {dim}; manifest {path.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
