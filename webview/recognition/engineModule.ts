/**
 * The recognition engine ships as its own script (dist/webview/engine.js, tfjs and the core), loaded
 * after the view's small script: the pad's canvas takes ink as soon as its own script has run, while
 * the engine still downloads and parses. This module (no tfjs in it) is the hand-over between the two.
 */
import type { EngineUrls, RecognitionEngine } from './engine';
import type { BackendPreference, WebviewToHost } from '../../protocol/messages';
import type { WriterProfile } from '../../core/profile/profile';

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
function engineModule(): Promise<EngineModule> {
  return new Promise((resolve, reject) => {
    if (window.inkwellEngine) return resolve(window.inkwellEngine);
    window.addEventListener(LOADED, () => (window.inkwellEngine ? resolve(window.inkwellEngine) : reject(new Error('the recognition engine did not start'))), { once: true });
    document.querySelector('script[data-engine]')?.addEventListener('error', () => reject(new Error('the recognition engine (engine.js) could not be loaded')), { once: true });
  });
}

/**
 * The engine for a view, once loaded, reading with the writer's profile: the host hears how the load
 * went (modelStatus, for its log and the tests), and the page is marked ready (data-ready, data-backend,
 * the 'inkwell:ready' mark bench:pad reads). Rejects, after telling the host, when it cannot load.
 */
export async function startEngine(
  client: { post(message: WebviewToHost): void },
  urls: EngineUrls,
  backend: BackendPreference,
  profile: WriterProfile,
): Promise<RecognitionEngine> {
  client.post({ type: 'modelStatus', state: 'loading' });
  try {
    const engine = await (await engineModule()).start(urls, backend);
    engine.setProfile(profile);
    client.post({ type: 'modelStatus', state: 'ready', backend: engine.backend, loadMs: engine.loadMs, message: [engine.loadPhases, engine.backendNote].filter(Boolean).join('; ') });
    document.body.dataset.backend = engine.backend;
    document.body.dataset.ready = 'true';
    performance.mark('inkwell:ready');
    return engine;
  } catch (err) {
    client.post({ type: 'modelStatus', state: 'error', message: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}
