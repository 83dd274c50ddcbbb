/** evaluate.py of the PyTorch export: the same for every model (model.py holds what differs). */
export const EVALUATE_PY = `"""Prints the exported model's test ELBO on MNIST-style IDX files (e.g. t10k-images-idx3-ubyte
or its .gz), as VAE Playground reports it: the mean over images of log p(x|z) - KL(q(z|x) || p(z)),
one z per image drawn from q(z|x).

    python3 evaluate.py t10k-images-idx3-ubyte.gz [--limit 500] [--samples 10] [--eps eps.npy]
"""
import argparse
import gzip
import os
import sys

import numpy as np
import torch

from model import BINARIZE, IMAGE_SHAPE, LATENT_DIM, load


def read_idx(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\\x1f\\x8b":
        raw = gzip.decompress(raw)
    if raw[:3] != b"\\x00\\x00\\x08":
        sys.exit(f"{path}: not an IDX file of unsigned bytes")
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("images", help="IDX file of test images (uint8)")
    p.add_argument("--weights", default=os.path.join(here, "weights.npz"))
    p.add_argument("--limit", type=int, default=None, help="only the first N images")
    p.add_argument("--samples", type=int, default=1, help="z draws per image, averaged")
    p.add_argument("--eps", default=None, help=".npy of standard normal draws [N, d] or [K, N, d] to use instead of drawing")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()

    images = read_idx(args.images)[: args.limit]
    n = images.shape[0]
    d = int(np.prod(IMAGE_SHAPE))
    if images.size != n * d:
        sys.exit(f"{args.images}: images of {images.shape[1:]} do not fit the model's {IMAGE_SHAPE}")
    x = torch.from_numpy(images.reshape(n, d).astype(np.float32) / 255)
    torch.manual_seed(args.seed)
    if BINARIZE == "dynamic":
        x = (torch.rand_like(x) < x).float()
    eps = None
    if args.eps:
        eps = torch.from_numpy(np.load(args.eps).astype(np.float32)).reshape(-1, n, LATENT_DIM)
    draws = eps.shape[0] if eps is not None else args.samples

    vae = load(args.weights)
    recon = torch.zeros(n, dtype=torch.float64)
    kl = torch.zeros(n, dtype=torch.float64)
    with torch.no_grad():
        for k in range(draws):
            for start in range(0, n, 500):
                part = slice(start, min(start + 500, n))
                logp, kl_part = vae.elbo(x[part], None if eps is None else eps[k, part])
                recon[part] += logp.double() / draws
                kl[part] = kl_part.double()
    elbo = (recon - kl).mean().item()
    print(f"test ELBO: {elbo:.4f} nats (nELBO {-elbo:.4f}: reconstruction {-recon.mean().item():.4f} + KL {kl.mean().item():.4f}) over {n} images, {draws} draw(s) each")


if __name__ == "__main__":
    main()
`;
