/**
 * Contact sheets for vetting font families by eye (`npx tsx training/contactSheets.ts [--symbols] [outDir]`,
 * default /tmp/sheets):
 * - letters: one PNG per family showing A-Z, a-z and 0-9; families that draw lowercase as capitals or
 *   are illegible are dropped from training/fonts.ts (DROPPED_FAMILIES);
 * - `--symbols`: one PNG per split, a row per family with its 32 symbols on a baseline; a symbol the
 *   family lacks (drawn by a fallback face: the same pixels as a font that does not exist) is red.
 *   Symbols a family lacks or draws as something else go into SYMBOL_EXCLUSIONS.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { SYMBOLS } from '../core/labels';
import { FONT_FAMILIES, FontFamily, registerFamily } from './fonts';

const args = process.argv.slice(2);
const symbols = args.includes('--symbols');
const outDir = args.find((a) => !a.startsWith('--')) ?? '/tmp/sheets';
fs.mkdirSync(outDir, { recursive: true });

function letterSheet(family: FontFamily): void {
  const rows = ['ABCDEFGHIJKLM', 'NOPQRSTUVWXYZ', 'abcdefghijklm', 'nopqrstuvwxyz', '0123456789'];
  const canvas = createCanvas(13 * 40 + 20, rows.length * 48 + 30);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#888';
  ctx.font = '14px sans-serif';
  ctx.fillText(`${family.id} (${family.split}, ${family.kind})`, 10, 18);
  ctx.fillStyle = '#000';
  ctx.font = `32px "inkwell-${family.id}"`;
  rows.forEach((row, r) => [...row].forEach((ch, i) => ctx.fillText(ch, 10 + i * 40, 60 + r * 48)));
  fs.writeFileSync(path.join(outDir, `${family.id}.png`), canvas.toBuffer('image/png'));
}

/** A symbol rendered by a face that lacks it comes from the fallback: the same pixels as a missing font's. */
function lacks(familyId: string, ch: string): boolean {
  const probe = createCanvas(60, 60).getContext('2d');
  const render = (font: string) => {
    probe.clearRect(0, 0, 60, 60);
    probe.font = font;
    probe.fillStyle = '#000';
    probe.fillText(ch, 10, 40);
    return Buffer.from(probe.getImageData(0, 0, 60, 60).data).toString('base64');
  };
  return render(`30px "inkwell-${familyId}"`) === render('30px "inkwell-no-such-face"');
}

function symbolSheet(split: 'train' | 'heldout'): void {
  const families = FONT_FAMILIES.filter((f) => f.split === split);
  const W = 34, H = 44;
  const canvas = createCanvas(140 + SYMBOLS.length * W, 10 + families.length * H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  families.forEach((family, r) => {
    registerFamily(family);
    const y = 10 + r * H + 32;
    ctx.fillStyle = '#888';
    ctx.font = '11px sans-serif';
    ctx.fillText(family.id.slice(0, 22), 4, y - 4);
    [...SYMBOLS].forEach((ch, i) => {
      ctx.strokeStyle = '#ddd';
      ctx.beginPath();
      ctx.moveTo(140 + i * W, y);
      ctx.lineTo(140 + i * W + W - 4, y);
      ctx.stroke();
      ctx.fillStyle = lacks(family.id, ch) ? '#f00' : '#000';
      ctx.font = `28px "inkwell-${family.id}"`;
      ctx.fillText(ch, 140 + i * W + 8, y);
    });
  });
  fs.writeFileSync(path.join(outDir, `symbols-${split}.png`), canvas.toBuffer('image/png'));
}

if (symbols) {
  symbolSheet('train');
  symbolSheet('heldout');
  console.log(`Wrote symbols-train.png and symbols-heldout.png to ${outDir}`);
} else {
  for (const family of FONT_FAMILIES) {
    registerFamily(family);
    letterSheet(family);
  }
  console.log(`Wrote ${FONT_FAMILIES.length} sheets to ${outDir}`);
}
