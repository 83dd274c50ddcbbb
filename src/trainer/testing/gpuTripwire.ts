import * as tf from '../tf';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';

type DataId = Parameters<MathBackendCPU['readSync']>[0];

/**
 * The CPU backend under a GPU backend's name, for Node tests of the GPU path: the app sees 'webgl'
 * and defers its reads (session.ts, gpuBackendActive), and every synchronous read of a tensor
 * (dataSync, arraySync, bufferSync: what would stall, answer early or lose the device on a real GPU,
 * shared/TFJS.md) is recorded with the stack that asked. Awaited reads and the CPU kernels' own
 * access to their inputs are not reads from a GPU and are not recorded.
 */
export class TripwireBackend extends MathBackendCPU {
  readonly syncReads: string[] = [];
  private internal = 0;

  override readSync(dataId: DataId) {
    if (this.internal === 0) this.syncReads.push(new Error('synchronous read on a GPU backend').stack ?? '');
    return super.readSync(dataId);
  }

  override async read(dataId: DataId) {
    return this.quietly(() => super.readSync(dataId));
  }

  override bufferSync<R extends tf.Rank, D extends tf.DataType>(t: tf.TensorInfo) {
    return this.quietly(() => super.bufferSync<R, D>(t));
  }

  private quietly<T>(f: () => T): T {
    this.internal++;
    try {
      return f();
    } finally {
      this.internal--;
    }
  }
}

/** Registers the tripwire backend as `name` with every CPU kernel, makes it current and returns it. */
export async function useTripwireBackend(name: 'webgl' | 'webgpu' = 'webgl'): Promise<TripwireBackend> {
  if (!tf.findBackend(name)) {
    tf.registerBackend(name, () => new TripwireBackend());
    for (const k of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...k, backendName: name });
  }
  await tf.setBackend(name);
  await tf.ready();
  const backend = tf.backend();
  if (!(backend instanceof TripwireBackend)) throw new Error(`backend ${name} is not the tripwire`);
  return backend;
}
