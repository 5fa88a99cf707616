/**
 * Picks the tfjs backend for a webview. Only tfjs-core and its backends are bundled, never the
 * umbrella package: WebGL (GPU), WebAssembly (SIMD where the browser has it) and plain-JS CPU as
 * the last resort.
 *
 * `webgl` is the default preference, but a software-emulated WebGL (SwiftShader, llvmpipe: what
 * headless Chromium and GPU-less machines give) is far slower than wasm for this small CNN, so
 * there the preference moves to wasm and the status line says so.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { BackendPreference } from '../../protocol/messages';

export interface BackendChoice {
  readonly name: string;
  /** Why the preferred backend is not the one running, if it is not. */
  readonly note?: string;
}

/** The .wasm binaries build.mjs copies next to the webview bundles. */
export const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'] as const;

let configured = false;

function configure(wasmDir: string): void {
  if (configured) return;
  configured = true;
  // Skips per-op NaN checks and debug bookkeeping.
  tf.enableProdMode();
  // Shapes as uniforms: fewer shader variants to compile under WebGL.
  tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
  const base = new URL(wasmDir.endsWith('/') ? wasmDir : `${wasmDir}/`, location.href);
  const url = (file: string) => new URL(file, base).toString();
  // Webviews are not cross-origin isolated, so the threaded binary is never chosen; map it anyway.
  setWasmPaths({
    'tfjs-backend-wasm.wasm': url(WASM_FILES[0]),
    'tfjs-backend-wasm-simd.wasm': url(WASM_FILES[1]),
    'tfjs-backend-wasm-threaded-simd.wasm': url(WASM_FILES[1]),
  });
}

/** True when WebGL exists but is drawn by the CPU (no usable GPU). */
export function webglIsSoftware(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
  } catch {
    return false;
  }
}

export async function selectBackend(preference: BackendPreference, wasmDir: string): Promise<BackendChoice> {
  configure(wasmDir);
  const notes: string[] = [];
  let order: string[];
  if (preference === 'cpu') order = ['cpu'];
  else if (preference === 'wasm') order = ['wasm', 'webgl', 'cpu'];
  else if (webglIsSoftware()) {
    notes.push('WebGL is software-rendered here, wasm is faster');
    order = ['wasm', 'webgl', 'cpu'];
  } else order = ['webgl', 'wasm', 'cpu'];
  for (const name of order) {
    try {
      if (tf.getBackend() === name || (await tf.setBackend(name))) {
        await tf.ready();
        return { name, note: name === preference ? undefined : notes.join('; ') || undefined };
      }
      notes.push(`${name} did not start`);
    } catch (err) {
      notes.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  throw new Error(`No TensorFlow.js backend could start (${notes.join('; ')}).`);
}
