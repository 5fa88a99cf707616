/**
 * Internal commands for integration tests, registered only in ExtensionMode.Test (never declared in
 * package.json, so no other extension can call them in a user's editor):
 * - `inkwell.debug.receiveWebviewMessage(raw, view?)` feeds `raw` through the same inbound path
 *   as a real webview message and returns `{ accepted, error? }`;
 * - `inkwell.debug.state()` returns what tests wait on (views open, model state, the lexicon sent,
 *   last result, the profile's samples);
 * - `inkwell.debug.stallWebview(view?)` loads a page into the view that never says ready, as a
 *   webview whose scripts never arrive does (the host must load the view's own page again).
 */
import { ViewKind } from '../../protocol/messages';
import { ImporterPanel } from '../importer/ImporterPanel';
import { PadPanel } from '../pad/PadPanel';
import { TeachPanel } from '../teach/TeachPanel';
import { Services } from '../services';
import { ReceiveOutcome, WebviewConnection } from '../panels/connection';

function connectionFor(services: Services, view: ViewKind): WebviewConnection {
  if (view === 'importer') return (ImporterPanel.instance ?? ImporterPanel.createOrShow(services, true)).connection;
  if (view === 'teach') return (TeachPanel.instance ?? TeachPanel.createOrShow(services)).connection;
  return (PadPanel.instance ?? PadPanel.createOrShow(services)).connection;
}

export function receiveWebviewMessage(services: Services, raw: unknown, view: unknown): ReceiveOutcome & { rejectedTotal: number } {
  const connection = connectionFor(services, view === 'importer' || view === 'teach' ? view : 'pad');
  const outcome = connection.receive(raw);
  return { ...outcome, rejectedTotal: connection.rejected };
}

/** A page with no script: it shows nothing and never says ready. */
const STALLED_PAGE = '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"></head><body></body></html>';

export function stallWebview(services: Services, view: unknown): void {
  connectionFor(services, view === 'importer' || view === 'teach' ? view : 'pad').load(STALLED_PAGE);
}

export interface ViewState {
  readonly model: WebviewConnection['model'];
  readonly rejected: number;
  /** The webview has said ready (and is not hidden). */
  readonly ready: boolean;
  readonly imagesInFlight: number;
  /** Documents loaded again because they had not said ready in time. */
  readonly restarts: number;
  /** The lexicon last sent with the editor context (undefined before the first). */
  readonly lexicon?: readonly string[];
}

export interface DebugState {
  readonly activationMs: number;
  readonly lastResult: string;
  readonly pad?: ViewState;
  readonly importer?: ViewState;
  readonly teach?: ViewState;
  /** The writer's profile: how many samples, and their labels in the order kept. */
  readonly profile: { readonly samples: number; readonly labels: string };
}

export function debugState(services: Services, activationMs: number): DebugState {
  const describe = (c: WebviewConnection | undefined): ViewState | undefined =>
    c ? { model: c.model, rejected: c.rejected, ready: c.isReady, imagesInFlight: c.imagesInFlight, restarts: c.restarts, lexicon: c.lexicon } : undefined;
  return {
    activationMs,
    lastResult: services.lastResult.text,
    pad: describe(PadPanel.instance?.connection),
    importer: describe(ImporterPanel.instance?.connection),
    teach: describe(TeachPanel.instance?.connection),
    profile: { samples: services.profiles.profile.samples.length, labels: services.profiles.profile.samples.map((s) => s.label).join('') },
  };
}
