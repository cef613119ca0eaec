"""The learned parts of the memory pipeline after the encoder, shared by the training and export scripts.

- TokenCompressor: AstraNav-Memory's compression head. The patch grid is padded to a multiple of
  2^N, then N blocks of PixelUnshuffle(2) -> Conv3x3 -> BatchNorm -> SiLU cut the token count by
  4^N (rates 4x, 16x, 64x). Rate 1x has no unshuffle: one Conv3x3 -> BatchNorm -> SiLU block keeps
  the grid, so every rate's tokens are trained by the same objective. A second output pools the
  compressed tokens into an image-goal vector (image goal = same encoder + compressor).
- CategoryGoalEncoder (learned embedding per category) and TextGoalEncoder (projects a 384-d
  all-MiniLM-L6-v2 sentence embedding): goal vectors in the same GOAL_DIM space.
- FrameScorer: goal-conditioned attention over one frame's tokens -> "goal seen here" logit and the
  goal's offset from the frame's pose (metres forward, right).
- MemoryPolicy: FrameScorer over every remembered frame plus the frame poses, and a small scorer
  for frontier candidates; the agent takes the best-scoring candidate.
"""

import math

import torch
import torch.nn.functional as F
from torch import nn

ENCODER_DIM = 128
TOKEN_DIM = 64
GOAL_DIM = 64
KEY_DIM = 32
VALUE_DIM = 64
SENTENCE_DIM = 384
RATES = (1, 4, 16, 64)
POSE_SCALE_M = 5.0


def blocks_for_rate(rate: int) -> int:
    n = round(math.log(rate, 4))
    if 4 ** n != rate:
        raise ValueError(f"rate {rate} is not a power of 4")
    return n


def compressed_grid(rows: int, cols: int, rate: int) -> tuple[int, int, int, int]:
    """(padded rows, padded cols, output rows, output cols) for a rows x cols patch grid."""
    n = blocks_for_rate(rate)
    m = 2 ** n
    pr, pc = -(-rows // m) * m, -(-cols // m) * m
    return pr, pc, pr // m, pc // m


class TokenCompressor(nn.Module):
    def __init__(self, rate: int, grid_rows: int = 16, grid_cols: int = 16, in_dim: int = ENCODER_DIM,
                 out_dim: int = TOKEN_DIM):
        super().__init__()
        self.rate = rate
        self.grid_rows, self.grid_cols = grid_rows, grid_cols
        self.in_dim, self.out_dim = in_dim, out_dim
        n = blocks_for_rate(rate)
        self.padded_rows, self.padded_cols, self.out_rows, self.out_cols = compressed_grid(grid_rows, grid_cols, rate)
        layers = []
        if n == 0:
            layers += [nn.Conv2d(in_dim, out_dim, 3, padding=1), nn.BatchNorm2d(out_dim), nn.SiLU()]
        channels = in_dim
        for _ in range(n):
            layers += [nn.PixelUnshuffle(2), nn.Conv2d(4 * channels, out_dim, 3, padding=1), nn.BatchNorm2d(out_dim), nn.SiLU()]
            channels = out_dim
        self.blocks = nn.Sequential(*layers)
        self.goal_score = nn.Linear(out_dim, 1)
        self.goal_proj = nn.Sequential(nn.Linear(out_dim, 128), nn.GELU(), nn.Linear(128, GOAL_DIM))

    @property
    def tokens_out(self) -> int:
        return self.out_rows * self.out_cols

    def forward(self, patch_tokens: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        b = patch_tokens.shape[0]
        x = patch_tokens.transpose(1, 2).reshape(b, self.in_dim, self.grid_rows, self.grid_cols)
        pad_r, pad_c = self.padded_rows - self.grid_rows, self.padded_cols - self.grid_cols
        if pad_r or pad_c:
            x = F.pad(x, (0, pad_c, 0, pad_r))  # zeros on the bottom and right, as the Java side documents
        tokens = self.blocks(x).flatten(2).transpose(1, 2)               # [B, K, out_dim]
        return tokens, self.image_goal(tokens)

    def image_goal(self, tokens: torch.Tensor) -> torch.Tensor:
        weights = torch.softmax(self.goal_score(tokens).squeeze(-1), dim=-1)
        return self.goal_proj((weights.unsqueeze(-1) * tokens).sum(1))


class CategoryGoalEncoder(nn.Module):
    def __init__(self, categories: int):
        super().__init__()
        self.table = nn.Embedding(categories, GOAL_DIM)
        nn.init.normal_(self.table.weight, std=0.5)

    def forward(self, category: torch.Tensor) -> torch.Tensor:
        return self.table(category)


class TextGoalEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(SENTENCE_DIM, 256), nn.GELU(), nn.Linear(256, GOAL_DIM))

    def forward(self, sentence_embedding: torch.Tensor) -> torch.Tensor:
        return self.mlp(sentence_embedding)


def token_xy(rows: int, cols: int) -> torch.Tensor:
    """Token centre coordinates in [-1, 1] (x right, y down), row-major: [rows*cols, 2]."""
    ys = (torch.arange(rows, dtype=torch.float32) + 0.5) / rows * 2 - 1
    xs = (torch.arange(cols, dtype=torch.float32) + 0.5) / cols * 2 - 1
    return torch.stack([xs.repeat(rows), ys.repeat_interleave(cols)], dim=1)


class FrameScorer(nn.Module):
    """Scores goals against frames: presence logit [.., G] and goal offset [.., G, 2] per frame."""

    def __init__(self, rows: int, cols: int):
        super().__init__()
        self.q = nn.Linear(GOAL_DIM, KEY_DIM)
        self.k = nn.Linear(TOKEN_DIM, KEY_DIM)
        self.v = nn.Linear(TOKEN_DIM, VALUE_DIM)
        self.g = nn.Linear(GOAL_DIM, VALUE_DIM)
        self.register_buffer("xy", token_xy(rows, cols))
        self.presence = nn.Sequential(nn.Linear(2 + VALUE_DIM + 2, 64), nn.GELU(), nn.Linear(64, 1))
        self.offset = nn.Sequential(nn.Linear(VALUE_DIM * 2 + 2, 64), nn.GELU(), nn.Linear(64, 2))
        self.features = VALUE_DIM + 4

    def forward(self, goals: torch.Tensor, tokens: torch.Tensor):
        """goals [B, G, GOAL_DIM] (or [G, GOAL_DIM] shared), tokens [B, T, K, TOKEN_DIM] ->
        presence [B, T, G], offset [B, T, G, 2], features [B, T, G, features]."""
        if goals.dim() == 2:
            goals = goals.unsqueeze(0).expand(tokens.shape[0], -1, -1)
        q = self.q(goals)                                            # [B, G, k]
        k = self.k(tokens)                                           # [B, T, K, k]
        v = self.v(tokens)                                           # [B, T, K, v]
        logits = torch.einsum("btkd,bgd->btgk", k, q) / math.sqrt(KEY_DIM)    # [B, T, G, K]
        attention = torch.softmax(logits, dim=-1)
        pooled = torch.einsum("btgk,btkd->btgd", attention, v)      # [B, T, G, v]
        where = torch.einsum("btgk,kc->btgc", attention, self.xy)    # [B, T, G, 2]
        peak = logits.max(dim=-1).values
        spread = torch.logsumexp(logits, dim=-1) - math.log(logits.shape[-1])
        gv = self.g(goals).unsqueeze(1).expand(-1, tokens.shape[1], -1, -1)   # [B, T, G, v]
        matched = pooled * gv
        presence = self.presence(torch.cat([peak.unsqueeze(-1), spread.unsqueeze(-1), matched, where], -1)).squeeze(-1)
        offset = self.offset(torch.cat([pooled, gv, where], -1))
        features = torch.cat([matched, where, peak.unsqueeze(-1), spread.unsqueeze(-1)], -1)
        return presence, offset, features


class MemoryPolicy(nn.Module):
    """ONNX policy: goal [1, GOAL_DIM], memory_tokens [1, T, K, TOKEN_DIM], memory_poses [1, T, 4]
    (frame pose relative to the agent: forward/5 m, right/5 m, cos and sin of the yaw difference),
    frontiers [1, F, 4] (forward/5 m, right/5 m, geodesic/5 m, cells/50) ->
    memory_scores [1, T], frontier_scores [1, F], memory_offsets [1, T, 2] (metres forward, right
    of each frame's pose). The agent takes the best-scoring candidate over memory and frontiers."""

    def __init__(self, scorer: FrameScorer):
        super().__init__()
        self.scorer = scorer
        self.memory_head = nn.Sequential(nn.Linear(scorer.features + 4, 64), nn.GELU(), nn.Linear(64, 1))
        self.frontier_head = nn.Sequential(nn.Linear(4 + 2, 64), nn.GELU(), nn.Linear(64, 64), nn.GELU(), nn.Linear(64, 1))

    def forward(self, goal, memory_tokens, memory_poses, frontiers, memory_mask=None):
        presence, offset, features = self.scorer(goal.unsqueeze(1), memory_tokens)    # [B, T, 1] ...
        presence, offset, features = presence[..., 0], offset[..., 0, :], features[..., 0, :]
        memory_scores = presence + self.memory_head(torch.cat([features, memory_poses], -1)).squeeze(-1)
        if memory_mask is not None:
            memory_scores = memory_scores.masked_fill(~memory_mask, -1e4)
            seen = presence.masked_fill(~memory_mask, -1e4).max(dim=1).values
        else:
            seen = presence.max(dim=1).values
        context = torch.stack([seen, torch.sigmoid(seen)], -1).unsqueeze(1).expand(-1, frontiers.shape[1], -1)
        frontier_scores = self.frontier_head(torch.cat([frontiers, context], -1)).squeeze(-1)
        return memory_scores, frontier_scores, offset
