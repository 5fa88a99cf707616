/**
 * Writes samples/text/: a few text images from HELD-OUT handwriting families with their ground
 * truth in a .txt beside each (used by `npm run demo`). Seeded: `npx tsx bench/makeTextSamples.ts`
 * rewrites the same files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { familiesOf } from '../training/fonts';
import { Look, greyToPng, renderText, rng, textLine } from './textImages';

const SAMPLES: { name: string; family: string; look: Look; lines: number; seed: number }[] = [
  { name: 'line-patrick-hand-clean', family: 'patrick-hand', look: 'clean', lines: 1, seed: 101 },
  { name: 'line-kalam-camera', family: 'kalam', look: 'camera', lines: 1, seed: 202 },
  { name: 'page-indie-flower-clean', family: 'indie-flower', look: 'clean', lines: 3, seed: 303 },
  { name: 'page-shadows-into-light-camera', family: 'shadows-into-light', look: 'camera', lines: 3, seed: 404 },
];

const outDir = path.join(process.cwd(), 'samples', 'text');
fs.mkdirSync(outDir, { recursive: true });
for (const s of SAMPLES) {
  const family = familiesOf('heldout').find((f) => f.id === s.family);
  if (!family) throw new Error(`${s.family} is not a held-out family`);
  const r = rng(s.seed);
  const text = Array.from({ length: s.lines }, () => textLine(r, 3)).join('\n');
  const image = renderText(text, family, { look: s.look, seed: s.seed, fontPx: 40 });
  fs.writeFileSync(path.join(outDir, `${s.name}.png`), greyToPng(image));
  fs.writeFileSync(path.join(outDir, `${s.name}.txt`), `${text}\n`);
  console.log(`${s.name}.png ${image.width}x${image.height}: ${JSON.stringify(text)}`);
}
