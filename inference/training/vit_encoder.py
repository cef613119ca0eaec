"""A small ViT that turns one RGB frame into a grid of patch tokens.

Shared by export_encoder.py and any training script, so that a checkpoint written by
training loads into exactly the architecture that is exported.

Only patch tokens come out (no class token): the compressor downstream works on the
spatial grid, as the AstraNav-Memory compressor does on DINOv3 patch features.
"""

from dataclasses import asdict, dataclass

import torch
from torch import nn


@dataclass(frozen=True)
class EncoderConfig:
    image_size: int = 256
    patch_size: int = 16
    dim: int = 128
    depth: int = 4
    heads: int = 4
    mlp_ratio: int = 4
    # "patch": one 16x16 convolution per patch (the classic ViT patch embedding);
    # "conv": four stride-2 3x3 convolutions down to the same 16x16 grid (an early-convolution ViT,
    # which trains far faster from scratch on a small data set; the transformer is unchanged)
    stem: str = "patch"

    @property
    def grid(self) -> int:
        return self.image_size // self.patch_size

    def as_dict(self) -> dict:
        return asdict(self)


# ImageNet statistics: the convention of the DINO/ViT encoders a researcher may swap in.
IMAGE_MEAN = (0.485, 0.456, 0.406)
IMAGE_STD = (0.229, 0.224, 0.225)


class Attention(nn.Module):
    def __init__(self, dim: int, heads: int):
        super().__init__()
        if dim % heads != 0:
            raise ValueError(f"dim {dim} is not divisible by heads {heads}")
        self.heads = heads
        self.head_dim = dim // heads
        self.scale = self.head_dim ** -0.5
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, n, d = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        weights = torch.softmax((q * self.scale) @ k.transpose(-2, -1), dim=-1)
        out = (weights @ v).transpose(1, 2).reshape(b, n, d)
        return self.proj(out)


class Block(nn.Module):
    def __init__(self, dim: int, heads: int, mlp_ratio: int):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = nn.Sequential(
            nn.Linear(dim, mlp_ratio * dim),
            nn.GELU(),
            nn.Linear(mlp_ratio * dim, dim),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


def conv_stem(config: EncoderConfig) -> nn.Module:
    """Stride-2 3x3 convolutions (BatchNorm, GELU) from RGB to the patch grid, then a 1x1 projection to dim."""
    if config.patch_size != 16:
        raise ValueError("the conv stem is built for patch size 16")
    widths = [3, 24, 48, 96, config.dim]
    layers = []
    for c_in, c_out in zip(widths[:-1], widths[1:]):
        layers += [nn.Conv2d(c_in, c_out, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(c_out), nn.GELU()]
    layers.append(nn.Conv2d(config.dim, config.dim, 1))
    return nn.Sequential(*layers)


class PatchEncoder(nn.Module):
    """[B, 3, S, S] normalised RGB -> [B, (S/p)^2, dim] patch tokens, row-major over the grid."""

    def __init__(self, config: EncoderConfig):
        super().__init__()
        if config.image_size % config.patch_size != 0:
            raise ValueError("image_size must be a multiple of patch_size")
        self.config = config
        self.patch_embed = conv_stem(config) if config.stem == "conv" else nn.Conv2d(
            3, config.dim, kernel_size=config.patch_size, stride=config.patch_size)
        self.pos_embed = nn.Parameter(torch.zeros(1, config.grid * config.grid, config.dim))
        self.blocks = nn.ModuleList(
            [Block(config.dim, config.heads, config.mlp_ratio) for _ in range(config.depth)]
        )
        self.norm = nn.LayerNorm(config.dim, eps=1e-6)
        self._init_weights()

    def _init_weights(self) -> None:
        nn.init.trunc_normal_(self.pos_embed, std=0.02)
        for module in self.modules():
            if isinstance(module, (nn.Linear, nn.Conv2d)):
                nn.init.trunc_normal_(module.weight, std=0.02)
                if module.bias is not None:
                    nn.init.zeros_(module.bias)

    def forward(self, rgb: torch.Tensor) -> torch.Tensor:
        x = self.patch_embed(rgb).flatten(2).transpose(1, 2)
        x = x + self.pos_embed
        for block in self.blocks:
            x = block(x)
        return self.norm(x)


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
