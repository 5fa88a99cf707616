import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The shipped model and samples through the real command line, as a user runs it after `npm ci`:
 * default model path (resolved from the package, not the working directory), --json output.
 */
const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'inkwell.js');
const CHARS = path.join(ROOT, 'samples', 'chars');
const TEXT = path.join(ROOT, 'samples', 'text');

/**
 * Share of the shipped character samples that must be read exactly. The 62-class release model read 39/39 (issue 2);
 * the 94-class code model reads 38/39: a looped q of nothing-you-could-do now reads l (its symbols compete
 * for the bar-like shapes). The floor stays at 38/39 so that any further loss fails here.
 */
const FLOOR_SAMPLES = 38 / 39;

/** samples/chars/<digit|lower|upper>-<char>-<family>[-pen].png -> the character. */
function labelOf(file: string): string {
  const m = /^(digit|lower|upper)-([0-9A-Za-z])-/.exec(file);
  if (!m) throw new Error(`Unexpected sample name ${file}`);
  return m[2];
}

function inkwell(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: path.parse(ROOT).root, encoding: 'utf8', timeout: 120000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('runtime: shipped model reads the shipped samples (CLI, end to end)', function () {
  this.timeout(120000);

  it('reads samples/chars with --mode char --json', () => {
    const files = fs.readdirSync(CHARS).filter((f) => f.endsWith('.png')).sort();
    assert.ok(files.length >= 30, `only ${files.length} samples`);
    const r = inkwell(['recognize', '--mode', 'char', '--json', ...files.map((f) => path.join(CHARS, f))]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; text: string; confidence: number });
    assert.equal(lines.length, files.length);
    const wrong = lines.filter((l) => l.text !== labelOf(path.basename(l.file)));
    console.log(`      samples/chars: ${files.length - wrong.length}/${files.length} read exactly${wrong.length ? `; misread: ${wrong.map((w) => `${path.basename(w.file)} as ${w.text}`).join(', ')}` : ''}`);
    assert.ok((files.length - wrong.length) / files.length >= FLOOR_SAMPLES, `misread: ${wrong.map((w) => path.basename(w.file)).join(', ')}`);
  });

  it('reads the digit samples exactly with --charset digits', () => {
    const files = fs.readdirSync(CHARS).filter((f) => f.startsWith('digit-') && f.endsWith('.png'));
    const r = inkwell(['recognize', '--charset', 'digits', '--json', ...files.map((f) => path.join(CHARS, f))]);
    assert.equal(r.code, 0, r.stderr);
    for (const line of r.stdout.trim().split('\n')) {
      const p = JSON.parse(line) as { file: string; text: string };
      assert.equal(p.text, labelOf(path.basename(p.file)), p.file);
    }
  });

  it('reads every samples/text image with --mode text (non-empty text, exit 0)', () => {
    const files = fs.readdirSync(TEXT).filter((f) => f.endsWith('.png')).sort();
    assert.ok(files.length > 0);
    const r = inkwell(['recognize', '--mode', 'text', '--json', ...files.map((f) => path.join(TEXT, f))]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string });
    assert.equal(lines.length, files.length);
    for (const l of lines) assert.ok(l.text.trim().length > 0);
  });
});
