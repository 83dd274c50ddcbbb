/**
 * "Export for PyTorch": model.py (an nn.Module rebuilding the exact architecture and
 * likelihood), weights.npz (the model file's tensors, TensorFlow layouts, under their names) and
 * evaluate.py (the test ELBO on MNIST-style IDX files). Everything is generated from the model
 * file; model.py converts layouts on load so the npz stays the app's own tensors.
 */
import type { LoadedModel } from '../checkpoint/modelFile';
import { likelihoodMeta } from '../likelihoods/metas';
import { convAxis, transposeCrop } from '../model/conv/geometry';
import { convVaePlan } from '../model/conv/plan';
import { npz } from './npy';
import { pythonLikelihood } from './pythonLikelihoods';
import { namedTensors } from './tensors';
import { utf8, type ZipEntry } from './zip';
import { EVALUATE_PY } from './evaluatePy';

const KERNEL = 3;
const py = (v: unknown) => JSON.stringify(v).replace(/true/g, 'True').replace(/false/g, 'False').replace(/null/g, 'None');

function mlpSource(m: LoadedModel, P: number, D: number): string {
  const c = m.file.config;
  const enc = [D, ...c.hidden, 2 * c.latentDim];
  const dec = [c.latentDim, ...[...c.hidden].reverse(), P * D];
  return `ENCODER_WIDTHS = ${py(enc)}  # relu between layers; the last gives mu then logvar
DECODER_WIDTHS = ${py(dec)}  # relu between layers; the last gives the likelihood's parameters


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.ModuleList(nn.Linear(a, b) for a, b in zip(ENCODER_WIDTHS, ENCODER_WIDTHS[1:]))
        self.decoder = nn.ModuleList(nn.Linear(a, b) for a, b in zip(DECODER_WIDTHS, DECODER_WIDTHS[1:]))

    @staticmethod
    def _mlp(layers, h):
        for i, layer in enumerate(layers):
            h = layer(h)
            if i < len(layers) - 1:
                h = F.relu(h)
        return h

    def encode(self, x):
        """x: [n, D] pixels in [0, 1] -> (mu, logvar), each [n, LATENT_DIM]."""
        return self._mlp(self.encoder, x).chunk(2, dim=1)

    def decode(self, z):
        """z: [n, LATENT_DIM] -> the likelihood's parameters [n, PARAMS_PER_PIXEL * D]."""
        return self._mlp(self.decoder, z)

    def load_npz(self, weights):
        """The app's dense kernels are [in, out]; nn.Linear keeps [out, in]."""
        for net, layers in (("encoder", self.encoder), ("decoder", self.decoder)):
            for i, layer in enumerate(layers):
                layer.weight.data = torch.from_numpy(weights[f"{net}/dense_{i}/kernel"]).T.contiguous()
                layer.bias.data = torch.from_numpy(weights[f"{net}/dense_{i}/bias"])
`;
}

function convSource(m: LoadedModel, P: number): string {
  const c = m.file.config;
  const [h, w, ch] = m.file.dataset.shape;
  const plan = convVaePlan({ inputShape: [h, w, ch], channels: c.convChannels, latentDim: c.latentDim, seed: 0, paramsPerPixel: P });
  // TensorFlow's 'same' padding at stride 2 may put one more row below than above: padded explicitly.
  const pads = (size: [number, number]) => {
    const [a, b] = [convAxis(size[0], KERNEL, 2, 'same'), convAxis(size[1], KERNEL, 2, 'same')];
    const total = (ax: typeof a) => Math.max((ax.out - 1) * 2 + KERNEL - ax.in, 0);
    return [b.before, total(b) - b.before, a.before, total(a) - a.before];
  };
  const enc = plan.encoder.map((l) => ({ in: l.in, out: l.out, pad: pads(l.from) }));
  const dec = plan.decoder.map((l) => ({ in: l.in, out: l.out, size: l.to, crop: [transposeCrop(l.to[0], KERNEL, 2).crop[0], transposeCrop(l.to[1], KERNEL, 2).crop[0]], relu: l.relu }));
  return `KERNEL = ${KERNEL}
# Encoder: stride-2 convs with relu, TensorFlow 'same' padding as (left, right, top, bottom).
ENCODER_CONVS = ${py(enc.map((e) => [e.in, e.out, e.pad]))}
FLAT = ${plan.flat}  # the last feature map ${py(plan.bottom)} (h, w, c), flattened channels-last
BOTTOM = ${py(plan.bottom)}
# Decoder: stride-2 transposed convs to exactly these sizes (cropped from the full output at the
# given offsets, as TensorFlow's 'same' transposed conv does), relu but the last.
DECODER_CONVS = ${py(dec.map((d) => [d.in, d.out, d.size, d.crop, d.relu]))}


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder_convs = nn.ModuleList(nn.Conv2d(i, o, KERNEL, stride=2) for i, o, _ in ENCODER_CONVS)
        self.encoder_head = nn.Linear(FLAT, 2 * LATENT_DIM)
        self.decoder_dense = nn.Linear(LATENT_DIM, FLAT)
        self.decoder_convs = nn.ModuleList(nn.ConvTranspose2d(i, o, KERNEL, stride=2) for i, o, *_ in DECODER_CONVS)

    def encode(self, x):
        """x: [n, D] pixels in [0, 1] (channels last, as in the IDX files) -> (mu, logvar)."""
        n = x.shape[0]
        a = x.reshape(n, *IMAGE_SHAPE).permute(0, 3, 1, 2)
        for conv, (_, _, pad) in zip(self.encoder_convs, ENCODER_CONVS):
            a = F.relu(conv(F.pad(a, pad)))
        flat = a.permute(0, 2, 3, 1).reshape(n, FLAT)
        return self.encoder_head(flat).chunk(2, dim=1)

    def decode(self, z):
        """z: [n, LATENT_DIM] -> the likelihood's parameters [n, PARAMS_PER_PIXEL * D], parameter-major."""
        n = z.shape[0]
        a = F.relu(self.decoder_dense(z)).reshape(n, *BOTTOM).permute(0, 3, 1, 2)
        for conv, (_, _, size, crop, relu) in zip(self.decoder_convs, DECODER_CONVS):
            a = conv(a)[:, :, crop[0]:crop[0] + size[0], crop[1]:crop[1] + size[1]]
            if relu:
                a = F.relu(a)
        h, w, c = IMAGE_SHAPE
        # Channels are (parameter, channel) per pixel; the likelihood wants parameter-major blocks.
        a = a.permute(0, 2, 3, 1).reshape(n, h * w, PARAMS_PER_PIXEL, c).transpose(1, 2)
        return a.reshape(n, PARAMS_PER_PIXEL * h * w * c)

    def load_npz(self, weights):
        """TensorFlow keeps conv filters [k, k, in, out] and transposed ones [k, k, out, in]."""
        def put(layer, name, perm):
            layer.weight.data = torch.from_numpy(weights[f"{name}/kernel"]).permute(*perm).contiguous()
            layer.bias.data = torch.from_numpy(weights[f"{name}/bias"])
        for i, conv in enumerate(self.encoder_convs):
            put(conv, f"encoder/conv_{i}", (3, 2, 0, 1))
        put(self.encoder_head, "encoder/head", (1, 0))
        put(self.decoder_dense, "decoder/dense_0", (1, 0))
        for i, conv in enumerate(self.decoder_convs):
            put(conv, f"decoder/conv_t_{i}", (3, 2, 0, 1))
`;
}

export function modelPy(m: LoadedModel): string {
  const f = m.file;
  const c = f.config;
  const [h, w, ch] = f.dataset.shape;
  const D = h * w * ch;
  const P = likelihoodMeta(c.likelihood).outputsPerPixel({ variance: c.variance, bins: c.bins });
  const lik = pythonLikelihood(c);
  const net = c.architecture === 'conv' ? `conv, channels ${c.convChannels.join('-')}` : `MLP, hidden ${c.hidden.length ? c.hidden.join('-') : 'none'}`;
  return `"""${f.name.replace(/"""/g, "'''")}: a VAE exported by VAE Playground at step ${f.progress.step}.

Architecture: ${net}, latent dimension ${c.latentDim}; images ${h}x${w}x${ch} (dataset "${f.dataset.id}").
Likelihood p(x | z): ${lik.label}.
Objective it was trained with: ${c.objective}.

    from model import load
    vae = load("weights.npz")
    mu, logvar = vae.encode(x)   # x: [n, ${D}] float32 pixels in [0, 1]
"""
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

IMAGE_SHAPE = ${py([h, w, ch])}  # height, width, channels
LATENT_DIM = ${c.latentDim}
PARAMS_PER_PIXEL = ${P}
OBJECTIVE = ${py(c.objective)}
BINARIZE = ${py(c.binarize)}  # "dynamic": pixels were drawn as 0/1 with probability = intensity

${lik.source}

${c.architecture === 'conv' ? convSource(m, P) : mlpSource(m, P, D)}
    def log_prob(self, x, params):
        return log_prob(x, params)

    def elbo(self, x, eps=None):
        """Per-image ELBO in nats (log p(x|z) at one z ~ q(z|x), minus the analytic KL to N(0, I)).
        eps: [n, LATENT_DIM] standard normal draws, or None to draw them. The autoencoder
        objective scores z = mu, as the app does."""
        mu, logvar = self.encode(x)
        if OBJECTIVE == "autoencoder":
            z = mu
        else:
            z = mu + torch.exp(0.5 * logvar) * (torch.randn_like(mu) if eps is None else eps)
        kl = -0.5 * (1 + logvar - mu ** 2 - torch.exp(logvar)).sum(1)
        return self.log_prob(x, self.decode(z)), kl


def load(path="weights.npz"):
    vae = VAE()
    with np.load(path) as weights:
        vae.load_npz(weights)
    return vae.eval()
`;
}

const README = (base: string) => `PyTorch export of "${base}" from VAE Playground.

model.py     the nn.Module (architecture and likelihood), and load()
weights.npz  the weights under their names (TensorFlow layouts; model.py converts on load)
evaluate.py  prints the test ELBO: python3 evaluate.py t10k-images-idx3-ubyte.gz

    from model import load
    vae = load("weights.npz")
    mu, logvar = vae.encode(torch.rand(1, 784))
`;

/** Why a model cannot go to PyTorch, or null. */
export function pytorchRefusal(m: LoadedModel): string | null {
  const extra = m.file.weightSpecs.find((s) => s.name.startsWith('likelihood/'));
  return extra ? `This model's likelihood learns its own variable ("${extra.name}"), which the PyTorch export does not know how to rebuild.` : null;
}

export function pytorchExport(m: LoadedModel, base: string): ZipEntry[] {
  const refused = pytorchRefusal(m);
  if (refused) throw new Error(refused);
  const tensors = [...namedTensors(m).values()].map((t) => ({ name: t.name, values: t.values, shape: t.shape }));
  return [
    { path: 'README.txt', data: utf8(README(base)) },
    { path: 'model.py', data: utf8(modelPy(m)) },
    { path: 'evaluate.py', data: utf8(EVALUATE_PY) },
    { path: 'weights.npz', data: npz(tensors) },
  ];
}
