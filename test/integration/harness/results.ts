// The one line the test index prints at the end, so the runner can add mocha's counts to its own.
export interface Counts {
  passed: number;
  failed: number;
  note?: string;
}

export const resultMarker = 'INKWELL_RESULT';

export function formatResultLine(counts: Counts): string {
  return `${resultMarker} ${JSON.stringify({ passed: counts.passed, failed: counts.failed })}`;
}

export function parseResultLine(text: string): Counts | undefined {
  const at = text.indexOf(resultMarker);
  if (at < 0) return undefined;
  try {
    const value: unknown = JSON.parse(text.slice(at + resultMarker.length).trim());
    if (typeof value === 'object' && value !== null && 'passed' in value && 'failed' in value) {
      const { passed, failed } = value as { passed: unknown; failed: unknown };
      if (typeof passed === 'number' && typeof failed === 'number') return { passed, failed };
    }
  } catch {
    // not our line after all
  }
  return undefined;
}

/**
 * Lines the test index prints (mocha's reporter, measured figures) start with this, so the runner can show
 * them apart from the workbench's own console noise.
 */
export const testOutputMarker = '[inkwell-test]';
