"""The fast Kazakh NER network in PyTorch (training side) and its linear-chain CRF.

The same network runs in NumPy at inference (``extractors/kk_ner_cnn.py``); any
change here must be mirrored there, and ``export`` below writes the weights under the
names that module reads.

Architecture: per word, hashed embeddings (``extractors.kk_features``, two rows per
feature summed) and dense flags, concatenated and projected to ``width`` with a ReLU;
this "word vector" depends on the word alone, so inference caches it per distinct
word. Then residual blocks of a 3-wide dilated convolution, layer norm and ReLU
(dilations 1, 2, 4, 1: each word sees 8 words either side), a linear layer to BIO tag
scores and a CRF over the tag sequence.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch
from torch import nn


class CRF(nn.Module):
    """Linear-chain CRF: transition scores plus start/end scores, mean negative log-likelihood."""

    def __init__(self, n_tags: int) -> None:
        super().__init__()
        self.transitions = nn.Parameter(torch.zeros(n_tags, n_tags))
        self.start = nn.Parameter(torch.zeros(n_tags))
        self.end = nn.Parameter(torch.zeros(n_tags))

    def nll(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """emissions (B, T, K), tags (B, T), mask (B, T) bool with mask[:, 0] all True."""
        batch, length, _ = emissions.shape
        idx = torch.arange(batch)
        # gold path score
        score = self.start[tags[:, 0]] + emissions[idx, 0, tags[:, 0]]
        for t in range(1, length):
            step = self.transitions[tags[:, t - 1], tags[:, t]] + emissions[idx, t, tags[:, t]]
            score = score + step * mask[:, t]
        last = tags[idx, mask.sum(1) - 1]
        score = score + self.end[last]
        # partition function
        alpha = self.start + emissions[:, 0]
        for t in range(1, length):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.transitions + emissions[:, t].unsqueeze(1), dim=1)
            alpha = torch.where(mask[:, t].unsqueeze(1), nxt, alpha)
        log_z = torch.logsumexp(alpha + self.end, dim=1)
        return (log_z - score).mean()


class KazakhNERNet(nn.Module):
    def __init__(
        self,
        vocab_rows: list[int],
        hashed_rows: list[int],
        n_flags: int,
        n_tags: int,
        embed_dim: int = 64,
        width: int = 128,
        dilations: tuple[int, ...] = (1, 2, 4, 1),
        dropout: float = 0.25,
        word_dropout: float = 0.15,
    ) -> None:
        super().__init__()
        self.vocab_tables = nn.ModuleList(nn.Embedding(rows, embed_dim) for rows in vocab_rows)
        self.hashed_tables = nn.ModuleList(nn.Embedding(rows, embed_dim) for rows in hashed_rows)
        for table in (*self.vocab_tables, *self.hashed_tables):
            nn.init.normal_(table.weight, std=0.1)
        n_tables = len(vocab_rows) + len(hashed_rows)
        self.project = nn.Linear(embed_dim * n_tables + n_flags, width)
        self.dilations = dilations
        self.convs = nn.ModuleList(nn.Conv1d(width, width, 3, dilation=d, padding=d) for d in dilations)
        self.norms = nn.ModuleList(nn.LayerNorm(width) for _ in dilations)
        self.output = nn.Linear(width, n_tags)
        self.crf = CRF(n_tags)
        self.drop = nn.Dropout(dropout)
        self.word_dropout = word_dropout

    def word_vectors(
        self, vocab_ids: torch.Tensor, hash_ids: torch.Tensor, flags: torch.Tensor
    ) -> torch.Tensor:
        """vocab_ids (B, T, 2), hash_ids (B, T, F, H), flags (B, T, n_flags) -> (B, T, width)."""
        if self.training and self.word_dropout > 0:
            # unseen-word practice: the whole word (lower and stem) becomes unknown (row 0),
            # or only its surface form does
            both = torch.rand(vocab_ids.shape[:2]) < self.word_dropout
            form = torch.rand(vocab_ids.shape[:2]) < self.word_dropout
            vocab_ids = vocab_ids.clone()
            vocab_ids[:, :, 0] = vocab_ids[:, :, 0].masked_fill(both | form, 0)
            vocab_ids[:, :, 1] = vocab_ids[:, :, 1].masked_fill(both, 0)
        parts = [table(vocab_ids[:, :, f]) for f, table in enumerate(self.vocab_tables)]
        parts += [table(hash_ids[:, :, f, :]).sum(dim=2) for f, table in enumerate(self.hashed_tables)]
        return torch.relu(self.project(self.drop(torch.cat([*parts, flags], dim=2))))

    def emissions(
        self, vocab_ids: torch.Tensor, hash_ids: torch.Tensor, flags: torch.Tensor, mask: torch.Tensor
    ) -> torch.Tensor:
        """Tag scores (B, T, K); padded positions are zeroed before every convolution."""
        m = mask.unsqueeze(2).float()
        h = self.word_vectors(vocab_ids, hash_ids, flags) * m
        for conv, norm in zip(self.convs, self.norms, strict=True):
            y = conv(h.transpose(1, 2)).transpose(1, 2)
            h = (h + self.drop(torch.relu(norm(y)))) * m
        return self.output(h)

    def forward(
        self,
        vocab_ids: torch.Tensor,
        hash_ids: torch.Tensor,
        flags: torch.Tensor,
        tags: torch.Tensor,
        mask: torch.Tensor,
    ) -> torch.Tensor:
        return self.crf.nll(self.emissions(vocab_ids, hash_ids, flags, mask), tags, mask)


def export(
    net: KazakhNERNet,
    path: Path,
    tags: list[str],
    vocabs: list[list[str]],
    lexicon: dict[str, list[str]],
    meta: dict[str, object],
) -> None:
    """Write the weights as float32 arrays in one .npz (names read by extractors.kk_ner_cnn)."""
    arrays: dict[str, np.ndarray] = {}
    with torch.no_grad():
        for f, table in enumerate(net.vocab_tables):
            arrays[f"vocab_embed_{f}"] = table.weight.numpy().astype(np.float16)
        for f, table in enumerate(net.hashed_tables):
            arrays[f"hashed_embed_{f}"] = table.weight.numpy().astype(np.float16)
        arrays["project_w"] = net.project.weight.numpy().T.copy()
        arrays["project_b"] = net.project.bias.numpy().copy()
        for i, (conv, norm) in enumerate(zip(net.convs, net.norms, strict=True)):
            # Conv1d weight (out, in, 3) -> (3 * in, out): rows for the left, centre, right word
            w = conv.weight.numpy()
            arrays[f"conv_{i}_w"] = np.concatenate([w[:, :, k].T for k in range(3)], axis=0)
            arrays[f"conv_{i}_b"] = conv.bias.numpy().copy()
            arrays[f"norm_{i}_g"] = norm.weight.numpy().copy()
            arrays[f"norm_{i}_b"] = norm.bias.numpy().copy()
        arrays["output_w"] = net.output.weight.numpy().T.copy()
        arrays["output_b"] = net.output.bias.numpy().copy()
        arrays["crf_transitions"] = net.crf.transitions.numpy().copy()
        arrays["crf_start"] = net.crf.start.numpy().copy()
        arrays["crf_end"] = net.crf.end.numpy().copy()
    arrays["dilations"] = np.array(net.dilations, dtype=np.int64)
    for f, vocab in enumerate(vocabs):  # row i + 1 of vocab table f is vocab[i]; row 0 is "unknown"
        arrays[f"vocab_{f}"] = np.array(vocab, dtype=str)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)
    (path.parent / "lexicon.json").write_text(
        json.dumps(lexicon, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (path.parent / "meta.json").write_text(
        json.dumps({**meta, "tags": tags}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
