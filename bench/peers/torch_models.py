"""PyTorch twins of LatentDraw's models (src/engine/models), layer for layer.

Used as peers by the quality bench (bench/quality/run.ts via quality_peer.py) and by the
training-speed benchmarks. Mirrors, on purpose:
- Keras/tfjs initialisation: Glorot-uniform kernels, zero biases;
- TF 'same' padding (strided convs pad bottom/right only, transposed convs crop bottom/right);
- the loss: BCE with probabilities clipped to [1e-7, 1 - 1e-7], summed over pixels, mean over
  the batch, plus beta * KL (mean over the batch);
- the full-covariance posterior of cvae-prior: L filled row by row, softplus diagonal + 1e-5.
Images go in and come out flattened, [N, S*S], like the tfjs models.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

BCE_EPSILON = 1e-7
SCALE_DIAG_SHIFT = 1e-5
KINDS = ("conv-ae", "strided-ae", "mlp-vae", "conv-vae", "cvae", "cvae-prior")


def keras_init(module: nn.Module) -> None:
    for m in module.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.xavier_uniform_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)


class SameConv(nn.Module):
    """Conv2d with TF 'same' padding: total pad k-1 (stride 1) or as TF computes it, extra on bottom/right."""

    def __init__(self, cin: int, cout: int, k: int, stride: int = 1, act: str | None = "relu"):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, stride=stride)
        self.k, self.stride, self.act = k, stride, act

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        size = x.shape[-1]
        out = math.ceil(size / self.stride)
        total = max((out - 1) * self.stride + self.k - size, 0)
        before = total // 2
        x = F.pad(x, (before, total - before, before, total - before))
        x = self.conv(x)
        if self.act == "relu":
            return F.relu(x)
        if self.act == "sigmoid":
            return torch.sigmoid(x)
        return x


class SameConvTranspose(nn.Module):
    """Conv2DTranspose with TF 'same' padding: full transposed conv, cropped to size*stride."""

    def __init__(self, cin: int, cout: int, k: int, stride: int):
        super().__init__()
        self.conv = nn.ConvTranspose2d(cin, cout, k, stride=stride)
        self.k, self.stride = k, stride

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        size = x.shape[-1]
        out = size * self.stride
        total = max((size - 1) * self.stride + self.k - out, 0)
        before = total // 2
        y = self.conv(x)
        return F.relu(y[:, :, before : before + out, before : before + out])


class MlpVae(nn.Module):
    """pixels -> Dense(hidden, relu) -> (mu, logvar); z -> Dense(hidden, relu) -> Dense(S*S, sigmoid)."""

    posterior = "diagonal"
    conditional = False

    def __init__(self, image_size: int = 28, latent: int = 2, hidden: int = 512, num_classes: int = 0):
        super().__init__()
        px = image_size * image_size
        self.latent = latent
        self.enc_hidden = nn.Linear(px, hidden)
        self.z_mean = nn.Linear(hidden, latent)
        self.z_log_var = nn.Linear(hidden, latent)
        self.dec_hidden = nn.Linear(latent, hidden)
        self.reconstruction = nn.Linear(hidden, px)

    def encode(self, x, onehot=None):
        h = F.relu(self.enc_hidden(x))
        return self.z_mean(h), self.z_log_var(h)

    def decode(self, z, onehot=None):
        return torch.sigmoid(self.reconstruction(F.relu(self.dec_hidden(z))))


class Cvae(nn.Module):
    """Cookbook CVAE: one-hot concatenated to the pixels and to z."""

    posterior = "diagonal"
    conditional = True

    def __init__(self, image_size: int = 28, latent: int = 2, hidden: int = 512, num_classes: int = 10):
        super().__init__()
        px = image_size * image_size
        self.latent = latent
        self.enc_hidden = nn.Linear(px + num_classes, hidden)
        self.z_mean = nn.Linear(hidden, latent)
        self.z_log_var = nn.Linear(hidden, latent)
        self.dec_hidden = nn.Linear(latent + num_classes, hidden)
        self.reconstruction = nn.Linear(hidden, px)

    def encode(self, x, onehot=None):
        h = F.relu(self.enc_hidden(torch.cat([x, onehot], 1)))
        return self.z_mean(h), self.z_log_var(h)

    def decode(self, z, onehot=None):
        return torch.sigmoid(self.reconstruction(F.relu(self.dec_hidden(torch.cat([z, onehot], 1)))))


class ConvVae(nn.Module):
    """Deep Learning with Python ch. 8.4 conv VAE."""

    posterior = "diagonal"
    conditional = False

    def __init__(self, image_size: int = 28, latent: int = 2, hidden: int = 512, num_classes: int = 0):
        super().__init__()
        self.s = image_size
        self.half = image_size // 2
        self.latent = latent
        self.conv1 = SameConv(1, 32, 3)
        self.conv2 = SameConv(32, 64, 3, stride=2)
        self.conv3 = SameConv(64, 64, 3)
        self.conv4 = SameConv(64, 64, 3)
        self.enc_hidden = nn.Linear(self.half * self.half * 64, 32)
        self.z_mean = nn.Linear(32, latent)
        self.z_log_var = nn.Linear(32, latent)
        self.dec_hidden = nn.Linear(latent, self.half * self.half * 64)
        self.deconv = SameConvTranspose(64, 32, 3, 2)
        self.to_pixels = SameConv(32, 1, 3, act="sigmoid")

    def encode(self, x, onehot=None):
        t = x.view(-1, 1, self.s, self.s)
        t = self.conv4(self.conv3(self.conv2(self.conv1(t))))
        h = F.relu(self.enc_hidden(t.flatten(1)))
        return self.z_mean(h), self.z_log_var(h)

    def decode(self, z, onehot=None):
        d = F.relu(self.dec_hidden(z)).view(-1, 64, self.half, self.half)
        return self.to_pixels(self.deconv(d)).flatten(1)


class CvaePrior(nn.Module):
    """Learned per-class prior mean (one-hot -> Dense(2k) -> Dense(k)), full-covariance posterior."""

    posterior = "full"
    conditional = False

    def __init__(self, image_size: int = 28, latent: int = 2, hidden: int = 512, num_classes: int = 10):
        super().__init__()
        px = image_size * image_size
        self.latent = latent
        self.enc_hidden = nn.Linear(px, hidden)
        self.z_mean = nn.Linear(hidden, latent)
        self.z_scale_tril = nn.Linear(hidden, latent * (latent + 1) // 2)
        self.dec_hidden = nn.Linear(latent, hidden)
        self.reconstruction = nn.Linear(hidden, px)
        self.prior_hidden = nn.Linear(num_classes, 2 * latent)
        self.prior_mean = nn.Linear(2 * latent, latent)
        rows, cols = torch.tril_indices(latent, latent)
        # tril_indices is row by row, the same order as the tfjs model's parameters
        self.register_buffer("rows", rows, persistent=False)
        self.register_buffer("cols", cols, persistent=False)

    def encode(self, x, onehot=None):
        h = F.relu(self.enc_hidden(x))
        return self.z_mean(h), self.z_scale_tril(h)

    def decode(self, z, onehot=None):
        return torch.sigmoid(self.reconstruction(F.relu(self.dec_hidden(z))))

    def prior(self, onehot):
        return self.prior_mean(self.prior_hidden(onehot))

    def scale_tril(self, params):
        n, k = params.shape[0], self.latent
        L = params.new_zeros(n, k, k)
        L[:, self.rows, self.cols] = params
        diag = F.softplus(torch.diagonal(L, dim1=1, dim2=2)) + SCALE_DIAG_SHIFT
        return torch.tril(L, -1) + torch.diag_embed(diag)


class ConvAe(nn.Module):
    """Deep Learning Cookbook ch. 13 cat autoencoder on 32x32 (128-d code).

    Sizes that are not a multiple of 16 (28) pool as TF's 'same' does (28 -> 14 -> 7 -> 4 -> 2:
    ceil_mode, the window past the edge sees only what is inside) and the decoder, which
    upsamples back to 16 * ceil(S / 16), crops the border it added, as the tfjs model does.
    """

    posterior = "deterministic"
    conditional = False

    def __init__(self, image_size: int = 32, latent: int = 128, hidden: int = 512, num_classes: int = 0):
        super().__init__()
        self.s = image_size
        self.side = math.ceil(image_size / 16)
        extra = self.side * 16 - image_size
        self.crop = (extra // 2, extra - extra // 2)
        self.latent = self.side * self.side * 32
        downs, ch, cin = [], 2, 1
        for _ in range(4):
            ch *= 2
            downs.append(nn.ModuleList([SameConv(cin, ch, 3), SameConv(cin, ch, 2)]))
            cin = 2 * ch
        self.downs = nn.ModuleList(downs)
        self.code_dense = nn.Linear(cin, ch)
        self.ups = nn.ModuleList([SameConv(c_in, c_out, 3) for c_in, c_out in [(32, 32), (32, 16), (16, 8), (8, 4)]])
        self.to_pixels = SameConv(4, 1, 3, act="sigmoid")

    def encode(self, x, onehot=None):
        t = x.view(-1, 1, self.s, self.s)
        for left, right in self.downs:
            t = F.max_pool2d(torch.cat([left(t), right(t)], 1), 2, ceil_mode=True)
        t = self.code_dense(t.permute(0, 2, 3, 1))  # per-position Dense, channels last like Keras
        return t.flatten(1), None

    def decode(self, z, onehot=None):
        d = z.view(-1, self.side, self.side, 32).permute(0, 3, 1, 2)
        for conv in self.ups:
            d = F.interpolate(conv(d), scale_factor=2, mode="nearest")
        d = self.to_pixels(d)
        before, after = self.crop
        d = d[:, :, before : d.shape[2] - after, before : d.shape[3] - after]
        return d.flatten(1)


class StridedAe(nn.Module):
    """Plain conv autoencoder: Conv 32 s2 -> Conv 64 s2 -> Dense(latent); Dense -> (S/4)^2 x 64 ->
    ConvT 64 s2 -> ConvT 32 s2 -> Conv 1 sigmoid (src/engine/models/strided-ae.ts)."""

    posterior = "deterministic"
    conditional = False

    def __init__(self, image_size: int = 28, latent: int = 128, hidden: int = 512, num_classes: int = 0):
        super().__init__()
        self.s, self.quarter = image_size, image_size // 4
        self.down1 = SameConv(1, 32, 3, stride=2)
        self.down2 = SameConv(32, 64, 3, stride=2)
        self.code = nn.Linear(self.quarter * self.quarter * 64, latent)
        self.from_code = nn.Linear(latent, self.quarter * self.quarter * 64)
        self.up1 = SameConvTranspose(64, 64, 3, 2)
        self.up2 = SameConvTranspose(64, 32, 3, 2)
        self.to_pixels = SameConv(32, 1, 3, act="sigmoid")

    def encode(self, x, onehot=None):
        t = self.down2(self.down1(x.view(-1, 1, self.s, self.s)))
        # Keras flattens channels last
        return self.code(t.permute(0, 2, 3, 1).flatten(1)), None

    def decode(self, z, onehot=None):
        d = F.relu(self.from_code(z)).view(-1, self.quarter, self.quarter, 64).permute(0, 3, 1, 2)
        return self.to_pixels(self.up2(self.up1(d))).flatten(1)


MODELS = {"conv-ae": ConvAe, "strided-ae": StridedAe, "mlp-vae": MlpVae, "conv-vae": ConvVae, "cvae": Cvae, "cvae-prior": CvaePrior}


def build(kind: str, image_size: int = 28, latent: int = 2, hidden: int = 512, num_classes: int = 10) -> nn.Module:
    model = MODELS[kind](image_size=image_size, latent=latent, hidden=hidden, num_classes=num_classes)
    keras_init(model)
    return model


def bce_sum(target: torch.Tensor, probs: torch.Tensor) -> torch.Tensor:
    p = probs.clamp(BCE_EPSILON, 1 - BCE_EPSILON)
    return -(target * torch.log(p) + (1 - target) * torch.log(1 - p)).sum(1)


def kl_diagonal(mu, log_var):
    return 0.5 * (log_var.exp() + mu.square() - 1 - log_var).sum(1)


def kl_full(mu, L, prior_mean):
    k = mu.shape[1]
    trace = L.square().sum((1, 2))
    dist = (mu - prior_mean).square().sum(1)
    log_det = 2 * torch.log(torch.diagonal(L, dim1=1, dim2=2)).sum(1)
    return 0.5 * (trace + dist - k - log_det)


def loss_terms(model: nn.Module, x_in: torch.Tensor, target: torch.Tensor, onehot: torch.Tensor | None, eps: torch.Tensor):
    """(reconstruction, kl): batch means, as the tfjs training loop computes them."""
    a, b = model.encode(x_in, onehot)
    if model.posterior == "deterministic":
        z, kl = a, torch.zeros((), device=x_in.device)
    elif model.posterior == "diagonal":
        z = a + torch.exp(0.5 * b) * eps
        kl = kl_diagonal(a, b).mean()
    else:
        L = model.scale_tril(b)
        z = a + (L @ eps.unsqueeze(2)).squeeze(2)
        kl = kl_full(a, L, model.prior(onehot)).mean()
    probs = model.decode(z, onehot)
    return bce_sum(target, probs).mean(), kl


def make_optimizer(name: str, params, lr: float) -> torch.optim.Optimizer:
    """Keras/tfjs defaults (adam eps 1e-7, rmsprop rho 0.9)."""
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, eps=1e-7)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-7)
    return torch.optim.SGD(params, lr=lr)
