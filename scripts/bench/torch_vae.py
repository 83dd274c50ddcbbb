#!/usr/bin/env python3
"""Reference for `npm run bench`: the app's default MLP VAE trained with PyTorch on the CPU.

Same model, data and optimiser as the app's default: encoder 784-400-(20, 20), decoder 20-400-784,
ReLU hidden layers, Glorot-uniform weights, Bernoulli likelihood on logits (grey levels in [0, 1] as
targets, no binarization) plus the analytic Gaussian KL, Adam 1e-3, batch 128, MNIST from
public/datasets/mnist (gzip'd raw uint8, 60,000 x 784, see scripts/pack-datasets.mjs).

Times images/s of training steps (after a warm-up) at 1 thread and at all cores, and prints one JSON
line. Debian's PyTorch (apt-get install -y python3-torch libopenblas0-pthread) imports under
/usr/bin/python3.
Usage: torch_vae.py [seconds per thread count] [dataset dir]
"""
import gzip
import json
import os
import sys
import time

import torch
import torch.nn.functional as F

SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 8.0
ROOT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', '..', 'public', 'datasets', 'mnist')
BATCH = 128


def load_images():
    with open(os.path.join(ROOT, 'train-images.u8gz'), 'rb') as f:
        raw = gzip.decompress(f.read())
    x = torch.frombuffer(bytearray(raw), dtype=torch.uint8).reshape(-1, 784)
    return x.float() / 255.0


class VAE(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = torch.nn.Linear(784, 400)
        self.mu = torch.nn.Linear(400, 20)
        self.logvar = torch.nn.Linear(400, 20)
        self.dec1 = torch.nn.Linear(20, 400)
        self.dec2 = torch.nn.Linear(400, 784)
        for m in self.modules():
            if isinstance(m, torch.nn.Linear):
                torch.nn.init.xavier_uniform_(m.weight)
                torch.nn.init.zeros_(m.bias)

    def loss(self, x):
        h = F.relu(self.enc(x))
        mu, logvar = self.mu(h), self.logvar(h)
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        logits = self.dec2(F.relu(self.dec1(z)))
        recon = F.binary_cross_entropy_with_logits(logits, x, reduction='sum') / x.shape[0]
        kl = -0.5 * torch.sum(1 + logvar - mu * mu - torch.exp(logvar)) / x.shape[0]
        return recon + kl


def images_per_sec(data, threads):
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = VAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    order = torch.randperm(data.shape[0])
    steps_per_epoch = data.shape[0] // BATCH

    def step(i):
        idx = order[(i % steps_per_epoch) * BATCH:(i % steps_per_epoch + 1) * BATCH]
        opt.zero_grad(set_to_none=True)
        loss = model.loss(data[idx])
        loss.backward()
        opt.step()
        return loss

    for i in range(20):  # warm-up
        step(i)
    steps = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < SECONDS:
        loss = step(steps)
        steps += 1
    loss.item()  # CPU tensors are ready at once; kept so the timing counts finished work
    seconds = time.perf_counter() - t0
    return {'threads': threads, 'steps': steps, 'seconds': round(seconds, 3), 'imagesPerSec': round(steps * BATCH / seconds, 1), 'loss': round(float(loss), 2)}


def main():
    data = load_images()
    cores = os.cpu_count() or 1
    counts = [1] if cores == 1 else [1, cores]
    runs = [images_per_sec(data, n) for n in counts]
    best = max(runs, key=lambda r: r['imagesPerSec'])
    print(json.dumps({'torch': torch.__version__, 'cores': cores, 'runs': runs, 'best': best}))


if __name__ == '__main__':
    main()
