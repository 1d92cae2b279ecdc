"""Trains the PyTorch twin of one of LatentDraw's conv autoencoders (torch_models: conv-ae or
strided-ae, the settings' "kind") the way the studio's loop trained the shipped cat autoencoder,
then writes its reconstructions of evaluation sets.

Input (written by bench/quality/fidelity/sketch-peer.ts): raw float32 images [N, S*S] in [0, 1],
int32 train and validation index lists, one float32 file per evaluation set, and the settings as
JSON on the command line. Denoising as the studio's loop does it: each batch's input is the image
plus Gaussian noise (noiseStd), clipped to [0, 1]; the target is the clean image. Prints one JSON
line per epoch; exits with NO_TORCH_EXIT when torch or numpy cannot be imported.
"""

from __future__ import annotations

import json
import sys
import time

NO_TORCH_EXIT = 3
EVAL_BATCH = 500

try:
    import numpy as np
    import torch
except ImportError as missing:
    print(f"cannot import {missing.name}: {missing}", file=sys.stderr)
    sys.exit(NO_TORCH_EXIT)

from torch_models import bce_sum, build, make_optimizer


def reconstruct(model, images: torch.Tensor) -> torch.Tensor:
    outs = []
    with torch.no_grad():
        for b in range(0, len(images), EVAL_BATCH):
            z, _ = model.encode(images[b : b + EVAL_BATCH])
            outs.append(model.decode(z))
    return torch.cat(outs) if outs else images.new_zeros(images.shape)


def main() -> None:
    cfg = json.loads(sys.argv[1])
    torch.set_num_threads(1)
    torch.manual_seed(cfg["seed"])
    size = cfg["imageSize"]
    px = size * size
    images = torch.from_numpy(np.fromfile(cfg["images"], dtype=np.float32).reshape(-1, px))
    train_idx = torch.from_numpy(np.fromfile(cfg["trainIndex"], dtype=np.int32).astype(np.int64))
    val_idx = torch.from_numpy(np.fromfile(cfg["validationIndex"], dtype=np.int32).astype(np.int64))

    model = build(cfg["kind"], image_size=size, latent=cfg["latentSize"])
    opt = make_optimizer(cfg["optimizer"], model.parameters(), cfg["learningRate"])
    bs, noise_std = cfg["batchSize"], cfg["noiseStd"] if cfg["denoising"] else 0.0
    gen = torch.Generator().manual_seed(cfg["seed"])
    for epoch in range(1, cfg["epochs"] + 1):
        model.train()
        order = train_idx[torch.randperm(len(train_idx), generator=gen)]
        start = time.perf_counter()
        loss_sum = 0.0
        for b in range(0, len(order), bs):
            x = images[order[b : b + bs]]
            x_in = (x + noise_std * torch.randn(x.shape, generator=gen)).clamp(0, 1) if noise_std > 0 else x
            z, _ = model.encode(x_in)
            loss = bce_sum(x, model.decode(z)).mean()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            loss_sum += float(loss) * len(x)
        seconds = time.perf_counter() - start
        model.eval()
        val = images[val_idx]
        val_loss = float(bce_sum(val, reconstruct(model, val)).mean()) if len(val) else float("nan")
        line = {"epoch": epoch, "trainLoss": loss_sum / len(order), "validationLoss": val_loss, "seconds": seconds}
        print(json.dumps(line), flush=True)

    model.eval()
    for item in cfg["evalSets"]:
        x = torch.from_numpy(np.fromfile(item["input"], dtype=np.float32).reshape(-1, px))
        reconstruct(model, x).numpy().astype(np.float32).tofile(item["output"])


if __name__ == "__main__":
    main()
