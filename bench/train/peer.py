"""PyTorch peer of bench/train: the same three models, batch sizes, loss and Adam, one thread.

python3 bench/train/peer.py MODEL BATCH SECONDS [mirrored|idiomatic]
  ->  one JSON line {"samples_per_s": ..., "cpu_ms": CPU time of the median step, ...}
MODEL: mlp-vae | conv-vae | conv-ae.
mirrored (the default) mirrors src/engine/models: sigmoid outputs, BCE summed over pixels with
Keras' clipping, mean over the batch, + KL for the VAEs; Adam 1e-3, eps 1e-7.
idiomatic is what a PyTorch user would write for the same model: the decoder ends in logits and
the loss is binary_cross_entropy_with_logits (the same quantity, without the clipping).
"""
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(1)


class MlpVae(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden, self.mu, self.logvar = nn.Linear(784, 512), nn.Linear(512, 2), nn.Linear(512, 2)
        self.dec = nn.Sequential(nn.Linear(2, 512), nn.ReLU(), nn.Linear(512, 784), nn.Sigmoid())

    def encode(self, x):
        h = F.relu(self.hidden(x))
        return self.mu(h), self.logvar(h)


class ConvVae(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(),
            nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(),
            nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(),
            nn.Flatten(), nn.Linear(14 * 14 * 64, 32), nn.ReLU())
        self.mu, self.logvar = nn.Linear(32, 2), nn.Linear(32, 2)
        self.dec = nn.Sequential(
            nn.Linear(2, 14 * 14 * 64), nn.ReLU(), nn.Unflatten(1, (64, 14, 14)),
            nn.ConvTranspose2d(64, 32, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
            nn.Conv2d(32, 1, 3, padding=1), nn.Sigmoid(), nn.Flatten())

    def encode(self, x):
        h = self.enc(x.view(-1, 1, 28, 28))
        return self.mu(h), self.logvar(h)


class Block(nn.Module):
    """Cookbook ch. 13: Conv 3x3 and Conv 2x2 side by side, concatenated, max-pooled."""

    def __init__(self, cin, c):
        super().__init__()
        self.left, self.right = nn.Conv2d(cin, c, 3, padding='same'), nn.Conv2d(cin, c, 2, padding='same')

    def forward(self, x):
        return F.max_pool2d(torch.cat([F.relu(self.left(x)), F.relu(self.right(x))], 1), 2)


class ConvAe(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(Block(1, 4), Block(8, 8), Block(16, 16), Block(32, 32), nn.Conv2d(64, 32, 1))
        layers, c = [], 32
        for _ in range(4):
            layers += [nn.Conv2d(c if not layers else c * 2, c, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2)]
            c //= 2
        self.dec = nn.Sequential(*layers, nn.Conv2d(4, 1, 3, padding=1), nn.Sigmoid(), nn.Flatten())

    def encode(self, x):
        return (self.enc(x.view(-1, 1, 32, 32)).flatten(1),)


def decode_logits(model, z):
    """The decoder without its final sigmoid."""
    for m in model.dec:
        if not isinstance(m, nn.Sigmoid):
            z = m(z)
    return z


def loss_of(model, x, idiomatic=False):
    out = model.encode(x)
    if len(out) == 1:
        z = out[0].view(-1, 32, 2, 2)
        kl = 0.0
    else:
        mu, logvar = out
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        kl = 0.5 * torch.sum(torch.exp(logvar) + mu * mu - 1 - logvar, 1).mean()
    if idiomatic:
        bce = F.binary_cross_entropy_with_logits(decode_logits(model, z), x, reduction='sum') / x.shape[0]
        return bce + kl
    p = model.dec(z).clamp(1e-7, 1 - 1e-7)
    bce = -(x * torch.log(p) + (1 - x) * torch.log(1 - p)).sum(1).mean()
    return bce + kl


def main():
    name, batch, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    variant = sys.argv[4] if len(sys.argv) > 4 else 'mirrored'
    if variant not in ('mirrored', 'idiomatic'):
        sys.exit(f'peer.py: variant must be mirrored or idiomatic, not {variant!r}')
    model = {'mlp-vae': MlpVae, 'conv-vae': ConvVae, 'conv-ae': ConvAe}[name]()
    pixels = 1024 if name == 'conv-ae' else 784
    x = (torch.rand(batch, pixels) > 0.8).float()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)

    def step():
        opt.zero_grad()
        loss = loss_of(model, x, variant == 'idiomatic')
        loss.backward()
        opt.step()
        return loss.item()

    for _ in range(3):
        step()
    times, cpu = [], []
    start = time.perf_counter()
    while time.perf_counter() - start < seconds or len(times) < 5:
        t0, c0 = time.perf_counter(), time.process_time()
        step()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    times.sort()
    cpu.sort()
    median = times[len(times) // 2]
    print(json.dumps({'model': name, 'variant': variant, 'samples_per_s': batch / median, 'step_ms': median * 1000,
                      'cpu_ms': cpu[len(cpu) // 2] * 1000, 'steps': len(times)}))


if __name__ == '__main__':
    main()
