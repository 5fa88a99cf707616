/**
 * TensorFlow.js backend for Node (CLI, benchmarks, tests).
 *
 * `wasm` is ~20x faster than pure-JS `cpu` for this model (shared/notes/training-speed.md);
 * tfjs-node is not used because its install downloads libtensorflow from outside the registry.
 * In Node the wasm package finds its .wasm binaries next to its own dist file, so no
 * setWasmPaths is needed; `cpu` is loaded only if wasm cannot start.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';

export type NodeBackendName = 'wasm' | 'cpu';

let ready: Promise<NodeBackendName> | undefined;

/**
 * Select and initialise the backend once per process. Later calls re-activate it if other code
 * (a training test, say) switched the global backend in between.
 */
export async function initNodeBackend(): Promise<NodeBackendName> {
  ready ??= select();
  const name = await ready;
  if (tf.getBackend() !== name) await tf.setBackend(name);
  return name;
}

async function select(): Promise<NodeBackendName> {
  if (await trySetBackend('wasm')) return 'wasm';
  // Last resort: correct but ~20x slower.
  await import('@tensorflow/tfjs-backend-cpu');
  if (await trySetBackend('cpu')) return 'cpu';
  throw new Error('No TensorFlow.js backend could start (tried wasm, then cpu).');
}

async function trySetBackend(name: NodeBackendName): Promise<boolean> {
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch {
    return false;
  }
}
