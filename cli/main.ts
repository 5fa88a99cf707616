/**
 * `inkwell` command line: reads handwriting from image files, offline, in one process.
 *
 * Exit codes: 0 all files read; 1 usage or model error (nothing read); 2 at least one file could
 * not be read (each such file gets one line on stderr, the others are still read).
 */
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { initNodeBackend } from '../node/nodeBackend';
import { DEFAULT_MODEL_DIR, loadClassifier, loadNgram } from '../node/modelFiles';
import { readImageFile, SUPPORTED_FORMATS } from './imageFile';
import { Recognizer, Recognition } from '../core/recognizer';
import { parseCharset } from '../core/decode/charset';
import { ProfileClassifier } from '../core/profile/adapt';
import { profileMain, readProfileFile } from './profile';
import { readLexiconFile } from './lexiconFile';
import type { Lexicon } from '../core/decode/lexicon';

export const HELP = `Usage: inkwell recognize [options] <image...>
       inkwell profile add|show ...   (the writer's handwriting profile; inkwell profile help)

Reads handwriting from image files (${SUPPORTED_FORMATS.join(', ')}; a GIF's first frame), offline.

Options:
  --mode char|text   char: each file is one character (default);
                     text: each file is handwritten text (lines and words; a photo, scan or screenshot)
  --top K            number of candidates to report (default 3)
  --json             one JSON line per file: {"file","text","confidence","candidates":[{"text","p"}],"ms"}
  --charset SET      code (default: all printable ASCII) | alnum | letters | upper | lower | digits | all | "<characters>"
  --context TEXT     text written just before, to settle ambiguous characters (e.g. "0x")
  --lexicon FILE     words to prefer over near-misses in --mode text, one per line (e.g. the
                     identifiers of the file being written; a new word still reads as written)
  --model DIR        folder with model.json (default: the shipped models/char-cnn)
  --profile FILE     read with the writer's handwriting profile (inkwell profile add, or the
                     extension's "Export Handwriting Profile")
  -h, --help         show this help

Plain output prints "file: text" per file. An unreadable file gets one line on stderr, the other
files are still read, and the exit code is 2. Usage errors exit with 1.
`;

interface CliOptions {
  mode: 'char' | 'text';
  topK: number;
  json: boolean;
  charset?: string;
  context?: string;
  /** --lexicon FILE, read in main (parseCli touches no files). */
  lexiconFile?: string;
  modelDir: string;
  profile?: string;
  files: string[];
}

class UsageError extends Error {}

export function parseCli(argv: readonly string[]): CliOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      mode: { type: 'string' },
      top: { type: 'string' },
      json: { type: 'boolean' },
      charset: { type: 'string' },
      context: { type: 'string' },
      lexicon: { type: 'string' },
      model: { type: 'string' },
      profile: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const [command, ...files] = positionals;
  if (command === undefined) throw new UsageError('No command given.');
  if (command === 'help') return 'help';
  if (command !== 'recognize') throw new UsageError(`Unknown command '${command}'.`);
  if (files.length === 0) throw new UsageError('No image files given.');
  const mode = values.mode ?? 'char';
  if (mode !== 'char' && mode !== 'text') throw new UsageError(`--mode must be char or text, got '${mode}'.`);
  const topK = values.top === undefined ? 3 : Number(values.top);
  if (!Number.isInteger(topK) || topK < 1) throw new UsageError(`--top must be a positive whole number, got '${values.top}'.`);
  if (values.charset !== undefined) {
    try {
      parseCharset(values.charset);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  return {
    mode,
    topK,
    json: values.json ?? false,
    charset: values.charset,
    context: values.context,
    lexiconFile: values.lexicon,
    modelDir: values.model ? path.resolve(values.model) : DEFAULT_MODEL_DIR,
    profile: values.profile,
    files,
  };
}

function recognizeFile(recognizer: Recognizer, file: string, opts: CliOptions, lexicon: Lexicon | undefined): Recognition {
  const image = readImageFile(file);
  const recognizeOpts = { topK: opts.topK, charset: opts.charset, context: opts.context, lexicon };
  return opts.mode === 'char' ? recognizer.recognizeCharacter(image, recognizeOpts) : recognizer.recognizeText(image, recognizeOpts);
}

function formatPlain(file: string, r: Recognition, showCandidates: boolean): string {
  const alternatives = showCandidates && r.candidates.length > 1
    ? `  (${r.candidates.map((c) => `${c.text} ${(c.p * 100).toFixed(1)}%`).join(', ')})`
    : '';
  return `${file}: ${r.text}${alternatives}`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'profile') {
    // Reading images needs no backend; only `recognize` loads the model.
    return profileMain(argv.slice(1), process.stdout, process.stderr);
  }
  let opts: CliOptions | 'help';
  try {
    opts = parseCli(argv);
  } catch (err) {
    process.stderr.write(`inkwell: ${(err as Error).message}\nRun 'inkwell --help' for usage.\n`);
    return 1;
  }
  if (opts === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  let recognizer: Recognizer;
  let lexicon: Lexicon | undefined;
  try {
    // Before the model loads: a bad word list is the user's to fix, and fails fast.
    lexicon = opts.lexiconFile === undefined ? undefined : readLexiconFile(opts.lexiconFile);
    await initNodeBackend();
    const { classifier } = loadClassifier(opts.modelDir);
    classifier.warmUp(); // so the first file's "ms" is not the one-off kernel set-up
    const adapted = opts.profile ? new ProfileClassifier(classifier, readProfileFile(opts.profile)) : classifier;
    recognizer = new Recognizer(adapted, { ngram: loadNgram() });
  } catch (err) {
    process.stderr.write(`inkwell: ${(err as Error).message}\n`);
    return 1;
  }
  let failures = 0;
  for (const file of opts.files) {
    const t0 = performance.now();
    try {
      const r = recognizeFile(recognizer, file, opts, lexicon);
      const ms = performance.now() - t0;
      if (opts.json) {
        const candidates = r.candidates.map((c) => ({ text: c.text, p: round(c.p, 4) }));
        process.stdout.write(`${JSON.stringify({ file, text: r.text, confidence: round(r.confidence, 4), candidates, ms: round(ms, 2) })}\n`);
      } else {
        process.stdout.write(`${formatPlain(file, r, argv.includes('--top'))}\n`);
      }
    } catch (err) {
      failures++;
      const msg = err instanceof Error ? err.message : String(err);
      process.stderr.write(`${file}: ${msg.replace(/\s+/g, ' ').trim()}\n`);
    }
  }
  return failures > 0 ? 2 : 0;
}

/** Entry for bin/inkwell.js and `tsx cli/main.ts`: sets the exit code, never throws. */
export function run(argv: readonly string[]): void {
  // `inkwell ... | head`: a closed pipe ends the program quietly, as for any Unix filter
  // (unhandled, the wasm backend's own exception hook would print its whole minified source).
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`inkwell: unexpected error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) run(process.argv.slice(2));
