/**
 * Contact sheets for vetting font families by eye: one PNG per family showing A-Z, a-z and 0-9
 * (`npx tsx training/contactSheets.ts [outDir]`, default /tmp/sheets). Families that draw lowercase
 * as capitals or are illegible are dropped from training/fonts.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { FONT_FAMILIES } from './fonts';
import { registerFamily } from './dataset';

const outDir = process.argv[2] ?? '/tmp/sheets';
fs.mkdirSync(outDir, { recursive: true });
const rows = ['ABCDEFGHIJKLM', 'NOPQRSTUVWXYZ', 'abcdefghijklm', 'nopqrstuvwxyz', '0123456789'];
for (const family of FONT_FAMILIES) {
  registerFamily(family);
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
console.log(`Wrote ${FONT_FAMILIES.length} sheets to ${outDir}`);
