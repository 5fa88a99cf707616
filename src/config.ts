/**
 * Typed access to the `inkwell.*` settings. Defaults live here and in package.json's
 * `contributes.configuration`; a unit-less or out-of-range value falls back to the default.
 */
import * as vscode from 'vscode';
import { BACKENDS, BackendPreference, CHARSETS, CharsetName, InsertMode, SETTING_RANGES, WebviewSettings } from '../protocol/messages';

export const CONFIG_SECTION = 'inkwell';

export interface InkwellSettings extends WebviewSettings {
  readonly insertMode: InsertMode;
  /** A character the writer corrected on the pad (or in the importer) and then inserted teaches the profile. */
  readonly learnFromCorrections: boolean;
}

export const DEFAULT_SETTINGS: InkwellSettings = {
  insertMode: 'cursor',
  learnFromCorrections: true,
  autoInsert: false,
  autoInsertDelayMs: 1500,
  candidateCount: 5,
  backend: 'webgl',
  inkWidth: 4,
  charset: 'code',
};

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

function clampNumber(value: unknown, { min, max, integer }: { min: number; max: number; integer: boolean }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const v = Math.min(max, Math.max(min, value));
  return integer ? Math.round(v) : v;
}

export function readSettings(): InkwellSettings {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const d = DEFAULT_SETTINGS;
  return {
    insertMode: pick<InsertMode>(c.get('insertMode'), ['cursor', 'replaceSelection'], d.insertMode),
    learnFromCorrections: typeof c.get('learnFromCorrections') === 'boolean' ? (c.get('learnFromCorrections') as boolean) : d.learnFromCorrections,
    autoInsert: typeof c.get('autoInsert') === 'boolean' ? (c.get('autoInsert') as boolean) : d.autoInsert,
    autoInsertDelayMs: clampNumber(c.get('autoInsertDelayMs'), SETTING_RANGES.autoInsertDelayMs, d.autoInsertDelayMs),
    candidateCount: clampNumber(c.get('candidateCount'), SETTING_RANGES.candidateCount, d.candidateCount),
    backend: pick<BackendPreference>(c.get('backend'), BACKENDS, d.backend),
    inkWidth: clampNumber(c.get('inkWidth'), SETTING_RANGES.inkWidth, d.inkWidth),
    charset: pick<CharsetName>(c.get('charset'), CHARSETS, d.charset),
  };
}

export function webviewSettings(s: InkwellSettings): WebviewSettings {
  const { insertMode: _host, learnFromCorrections: _learn, ...rest } = s;
  return rest;
}

/** Fires when any inkwell.* setting changes. */
export function onSettingsChanged(listener: (s: InkwellSettings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(CONFIG_SECTION)) listener(readSettings());
  });
}
