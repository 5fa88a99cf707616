/**
 * Picks the tfjs backend for a webview: WebGL (GPU) when it starts, else the plain-JS CPU
 * backend. Only tfjs-core and these two backends are bundled (never the umbrella package); the
 * wasm backend is the command line's (Node) and is not shipped to webviews.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
import { BackendPreference } from '../../protocol/messages';

export interface BackendChoice {
  readonly name: string;
  /** Why the preferred backend is not the one running, if it is not. */
  readonly note?: string;
}

let prodModeSet = false;

export async function selectBackend(preference: BackendPreference): Promise<BackendChoice> {
  if (!prodModeSet) {
    // Skips per-op NaN checks and debug bookkeeping.
    tf.enableProdMode();
    // Shapes as uniforms: one compiled shader serves every batch size, so a word of 7 characters
    // does not wait for new shaders after the warm-up compiled them for 1.
    tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
    prodModeSet = true;
  }
  const order = preference === 'cpu' ? ['cpu'] : ['webgl', 'cpu'];
  const failures: string[] = [];
  for (const name of order) {
    if (tf.getBackend() === name) return { name, note: noteFor(preference, name, failures) };
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        return { name, note: noteFor(preference, name, failures) };
      }
      failures.push(`${name} did not start`);
    } catch (err) {
      failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  throw new Error(`No TensorFlow.js backend could start (${failures.join('; ')}).`);
}

function noteFor(preference: BackendPreference, running: string, failures: string[]): string | undefined {
  if (preference === running) return undefined;
  if (preference === 'wasm') return `the webview has no wasm backend; running on ${running}`;
  return `${preference} unavailable (${failures.join('; ') || 'not supported'}); running on ${running}`;
}
