/**
 * The encoder and decoder as TF.js Layers models (model.json + weights.bin each), loadable by
 * tf.loadLayersModel and so by tensorflowjs_converter into Keras. Written as JSON from the model
 * file: the worker bundles tfjs-core only, not the layers library.
 *
 * The encoder maps [n, D] pixels in [0, 1] to [n, 2·d]: μ then log σ², as the app's head does.
 * The decoder maps [n, d] to [n, P·D], the likelihood's parameters, parameter-major.
 * A transposed conv that doubles its input is a Keras 'same' Conv2DTranspose. Any other output
 * size (e.g. 4 → 7 in a three-layer 28×28 model) is not expressible with 'same' (TF.js has no
 * output_padding), so it becomes a 'valid' Conv2DTranspose then a Cropping2D keeping the rows and
 * columns the app's op keeps (geometry.ts, transposeCrop).
 */
import type { LoadedModel } from '../checkpoint/modelFile';
import { modelWeightNames } from '../checkpoint/weightNames';
import { likelihoodMeta } from '../likelihoods/metas';
import { transposeCrop } from '../model/conv/geometry';
import { convVaePlan, type ConvLayer } from '../model/conv/plan';
import { namedTensors, tensor, type NamedTensor } from './tensors';
import { utf8, type ZipEntry } from './zip';

type Layer = { class_name: string; config: Record<string, unknown> };

const KERNEL = 3;

const dense = (name: string, units: number, relu: boolean, input?: number): Layer => ({
  class_name: 'Dense',
  config: { name, units, activation: relu ? 'relu' : 'linear', use_bias: true, trainable: true, dtype: 'float32', ...(input ? { batch_input_shape: [null, input] } : {}) },
});
const reshape = (name: string, target: number[], input?: number): Layer => ({
  class_name: 'Reshape',
  config: { name, target_shape: target, trainable: true, dtype: 'float32', ...(input ? { batch_input_shape: [null, input] } : {}) },
});
const flatten = (name: string): Layer => ({ class_name: 'Flatten', config: { name, trainable: true, dtype: 'float32' } });
const conv = (cls: 'Conv2D' | 'Conv2DTranspose', name: string, filters: number, relu: boolean, padding: 'same' | 'valid' = 'same'): Layer => ({
  class_name: cls,
  config: {
    name, filters, kernel_size: [KERNEL, KERNEL], strides: [2, 2], padding, data_format: 'channels_last',
    dilation_rate: [1, 1], activation: relu ? 'relu' : 'linear', use_bias: true, trainable: true, dtype: 'float32',
  },
});

/** One of the decoder's transposed convs; relu is elementwise, so cropping after it keeps the app's values. */
function convT(l: ConvLayer, i: number): Layer[] {
  const name = `conv_t_${i}`;
  if (l.to[0] === 2 * l.from[0] && l.to[1] === 2 * l.from[1]) return [conv('Conv2DTranspose', name, l.out, l.relu)];
  const [h, w] = [transposeCrop(l.to[0], KERNEL, l.stride), transposeCrop(l.to[1], KERNEL, l.stride)];
  const cropping = { class_name: 'Cropping2D', config: { name: `crop_${i}`, cropping: [h.crop, w.crop], data_format: 'channels_last', trainable: true, dtype: 'float32' } };
  return [conv('Conv2DTranspose', name, l.out, l.relu, 'valid'), cropping];
}

interface Net {
  layers: Layer[];
  /** The model file's tensor names, in the order of the layers' weights. */
  weights: string[];
}

function nets(m: LoadedModel): { encoder: Net; decoder: Net } {
  const c = m.file.config;
  const [h, w, ch] = m.file.dataset.shape;
  const D = h * w * ch;
  const P = likelihoodMeta(c.likelihood).outputsPerPixel({ variance: c.variance, bins: c.bins });
  const names = modelWeightNames(c, m.file.dataset.shape);
  const enc = names.filter((n) => n.startsWith('encoder/'));
  const dec = names.filter((n) => n.startsWith('decoder/'));
  if (c.architecture !== 'conv') {
    const widths = [...c.hidden, 2 * c.latentDim];
    const back = [...c.hidden].reverse();
    return {
      encoder: { layers: widths.map((u, i) => dense(`dense_${i}`, u, i < c.hidden.length, i === 0 ? D : undefined)), weights: enc },
      decoder: { layers: [...back, P * D].map((u, i) => dense(`dense_${i}`, u, i < back.length, i === 0 ? c.latentDim : undefined)), weights: dec },
    };
  }
  const plan = convVaePlan({ inputShape: [h, w, ch], channels: c.convChannels, latentDim: c.latentDim, seed: 0, paramsPerPixel: P });
  const encoder: Layer[] = [
    reshape('image', [h, w, ch], D),
    ...plan.encoder.map((l, i) => conv('Conv2D', `conv_${i}`, l.out, true)),
    flatten('flatten'),
    dense('head', 2 * c.latentDim, false),
  ];
  // The last transposed conv gives (parameter, channel) per pixel; the app's output is parameter-major.
  const tail: Layer[] =
    P === 1
      ? [flatten('flatten')]
      : [reshape('by_pixel', [h * w, P, ch]), { class_name: 'Permute', config: { name: 'by_param', dims: [2, 1, 3], trainable: true, dtype: 'float32' } }, flatten('flatten')];
  const decoder: Layer[] = [
    dense('dense_0', plan.flat, true, c.latentDim),
    reshape('bottom', plan.bottom),
    ...plan.decoder.flatMap(convT),
    ...tail,
  ];
  return { encoder: { layers: encoder, weights: enc }, decoder: { layers: decoder, weights: dec } };
}

/** model.json's object and the weights.bin bytes of one network. */
export function layersArtifacts(m: LoadedModel, which: 'encoder' | 'decoder') {
  const net = nets(m)[which];
  const t = namedTensors(m);
  const tensors: NamedTensor[] = net.weights.map((n) => tensor(t, n));
  const bin = new Float32Array(tensors.reduce((n, x) => n + x.values.length, 0));
  let at = 0;
  for (const x of tensors) {
    bin.set(x.values, at);
    at += x.values.length;
  }
  // Inside a Layers model a weight is "<layer>/<kernel|bias>": the file's name less its network.
  const weightSpecs = tensors.map((x) => ({ name: x.name.slice(which.length + 1), shape: x.shape, dtype: 'float32' as const }));
  const modelTopology = {
    class_name: 'Sequential',
    config: { name: which, layers: net.layers },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
  const json = {
    format: 'layers-model',
    generatedBy: 'VAE Playground',
    convertedBy: null,
    modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }],
  };
  return { json, modelTopology, weightSpecs, weightData: bin.buffer as ArrayBuffer };
}

/** The zip's entries: encoder/ and decoder/, each model.json + weights.bin. */
export function layersExport(m: LoadedModel): ZipEntry[] {
  return (['encoder', 'decoder'] as const).flatMap((which) => {
    const a = layersArtifacts(m, which);
    return [
      { path: `${which}/model.json`, data: utf8(JSON.stringify(a.json, null, 1)) },
      { path: `${which}/weights.bin`, data: new Uint8Array(a.weightData) },
    ];
  });
}
