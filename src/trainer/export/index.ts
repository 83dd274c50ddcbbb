/** A model file as a zip for another framework. */
import type { ExportTarget } from '../../protocol';
import type { LoadedModel } from '../checkpoint/modelFile';
import { layersExport } from './layers';
import { pytorchExport } from './pytorch';
import { storedZip, utf8 } from './zip';

const LAYERS_README = `TF.js Layers models exported by VAE Playground.

encoder/model.json: [n, D] pixels in [0, 1] -> [n, 2d]: mu, then log sigma^2.
decoder/model.json: [n, d] latent -> [n, P*D]: the likelihood's parameters, parameter-major
(for Bernoulli, the logits of every pixel).

In JavaScript:  const enc = await tf.loadLayersModel('encoder/model.json');
For Keras:      tensorflowjs_converter --input_format=tfjs_layers_model \\
                  --output_format=keras encoder/model.json encoder.h5
`;

export function exportArchive(m: LoadedModel, target: ExportTarget, base: string): { fileName: string; data: Uint8Array<ArrayBuffer> } {
  if (target === 'tfjs') {
    return { fileName: `${base}-tfjs.zip`, data: storedZip([{ path: 'README.txt', data: utf8(LAYERS_README) }, ...layersExport(m)]) };
  }
  return { fileName: `${base}-pytorch.zip`, data: storedZip(pytorchExport(m, base)) };
}
