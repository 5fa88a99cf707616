/**
 * The recognition engine ships as its own script (dist/webview/engine.js, tfjs and the core), loaded
 * after the view's small script: the pad's canvas takes ink as soon as its own script has run, while
 * the engine still downloads and parses. This module (no tfjs in it) is the hand-over between the two.
 */
import type { RecognitionEngine } from './engine';

export type EngineModule = typeof RecognitionEngine;

const LOADED = 'inkwell:engine-loaded';

declare global {
  interface Window {
    inkwellEngine?: EngineModule;
  }
}

/** Called once by the engine script when it has run. */
export function publishEngine(engine: EngineModule): void {
  window.inkwellEngine = engine;
  window.dispatchEvent(new Event(LOADED));
}

/** The engine, once its script has run; rejects if the script could not load. */
export function engineModule(): Promise<EngineModule> {
  return new Promise((resolve, reject) => {
    if (window.inkwellEngine) return resolve(window.inkwellEngine);
    window.addEventListener(LOADED, () => (window.inkwellEngine ? resolve(window.inkwellEngine) : reject(new Error('the recognition engine did not start'))), { once: true });
    document.querySelector('script[data-engine]')?.addEventListener('error', () => reject(new Error('the recognition engine (engine.js) could not be loaded')), { once: true });
  });
}
