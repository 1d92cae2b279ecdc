"""Trains one torch_models architecture the way LatentDraw's tfjs loop does, and prints one
JSON line per epoch with validation reconstruction and KL.

Input (written by bench/quality/run.ts): raw float32 images [N, S*S], int32 labels [N], int32
train and validation index lists, and the settings as JSON on the command line.
"""

from __future__ import annotations

import json
import sys
import time

import numpy as np
import torch

from torch_models import build, loss_terms, make_optimizer

EVAL_BATCH = 500


def main() -> None:
    cfg = json.loads(sys.argv[1])
    torch.set_num_threads(int(cfg.get("threads", 1)))
    torch.manual_seed(cfg["seed"])
    size = cfg["imageSize"]
    px = size * size
    images = torch.from_numpy(np.fromfile(cfg["images"], dtype=np.float32).reshape(-1, px))
    labels = torch.from_numpy(np.fromfile(cfg["labels"], dtype=np.int32).astype(np.int64))
    train_idx = torch.from_numpy(np.fromfile(cfg["trainIndex"], dtype=np.int32).astype(np.int64))
    val_idx = torch.from_numpy(np.fromfile(cfg["validationIndex"], dtype=np.int32).astype(np.int64))
    classes = cfg["numClasses"]
    onehot_all = torch.nn.functional.one_hot(labels, classes).float() if classes > 1 else None

    model = build(cfg["kind"], image_size=size, latent=cfg["latentSize"], hidden=cfg["hiddenSize"], num_classes=max(classes, 1))
    opt = make_optimizer(cfg["optimizer"], model.parameters(), cfg["learningRate"])
    beta, bs, k = cfg["beta"], cfg["batchSize"], model.latent
    gen = torch.Generator().manual_seed(cfg["seed"])
    for epoch in range(1, cfg["epochs"] + 1):
        model.train()
        order = train_idx[torch.randperm(len(train_idx), generator=gen)]
        start = time.perf_counter()
        for b in range(0, len(order), bs):
            idx = order[b : b + bs]
            x = images[idx]
            oh = onehot_all[idx] if onehot_all is not None else None
            eps = torch.randn(len(idx), k, generator=gen)
            rec, kl = loss_terms(model, x, x, oh, eps)
            loss = rec + beta * kl
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
        seconds = time.perf_counter() - start
        model.eval()
        vgen = torch.Generator().manual_seed(cfg["seed"] + 7)
        rec_sum = kl_sum = 0.0
        with torch.no_grad():
            for b in range(0, len(val_idx), EVAL_BATCH):
                idx = val_idx[b : b + EVAL_BATCH]
                x = images[idx]
                oh = onehot_all[idx] if onehot_all is not None else None
                rec, kl = loss_terms(model, x, x, oh, torch.randn(len(idx), k, generator=vgen))
                rec_sum += float(rec) * len(idx)
                kl_sum += float(kl) * len(idx)
        n = len(val_idx)
        print(
            json.dumps(
                {
                    "epoch": epoch,
                    "validationReconstruction": rec_sum / n,
                    "validationKl": kl_sum / n,
                    "validationLoss": (rec_sum + beta * kl_sum) / n,
                    "samplesPerSecond": len(order) / seconds,
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
