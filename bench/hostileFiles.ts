/**
 * The command line on hostile files: each is followed by a good image on the same command line, and
 * the run's exit code, wall time and peak memory are measured with /usr/bin/time -v. Prints figures;
 * asserts nothing (the unit tests assert the refusals).
 *
 *   npx tsx bench/hostileFiles.ts
 */
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gifBomb, jpegClaiming, jpegManyScans, png16 } from '../test/unit/runtime/hostileImages';

const ROOT = path.resolve(__dirname, '..');
const GOOD = path.join(ROOT, 'samples', 'chars', 'digit-7-caveat.png');

function main(): void {
  if (!fs.existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is missing (Debian package "time").');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-hostile-'));
  const files: [string, string][] = [
    ['named pipe (FIFO)', path.join(dir, 'fifo.png')],
    ['/dev/zero', '/dev/zero'],
    ['35-byte GIF claiming 7745x7745', path.join(dir, 'bomb.gif')],
    ['41 KB JPEG claiming 7745x7745', path.join(dir, 'claims-60mp.jpg')],
    ['41 KB JPEG claiming 4000x3000 (decoded, fails)', path.join(dir, 'claims-12mp.jpg')],
    ['466 KB 16-bit PNG, 7745x7745', path.join(dir, 'deep-60mp.png')],
    ['16-bit PNG, 4000x4000', path.join(dir, 'deep-16mp.png')],
    ['progressive JPEG, 10,000 scans', path.join(dir, 'scans.jpg')],
  ];
  execFileSync('mkfifo', [files[0][1]]);
  fs.writeFileSync(files[2][1], gifBomb(7745));
  fs.writeFileSync(files[3][1], jpegClaiming(7745, 7745));
  fs.writeFileSync(files[4][1], jpegClaiming(4000, 3000));
  fs.writeFileSync(files[5][1], png16(7745, 7745));
  fs.writeFileSync(files[6][1], png16(4000, 4000));
  fs.writeFileSync(files[7][1], jpegManyScans(10_000));
  console.log(`${'file'.padEnd(48)} exit  good read  wall s  peak MB  message`);
  for (const [name, file] of files) {
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, path.join(ROOT, 'bin', 'inkwell.js'), 'recognize', file, GOOD], { encoding: 'utf8', timeout: 120_000 });
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
    const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
    const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    const exit = /Exit status: (\d+)/.exec(r.stderr)?.[1] ?? String(r.status);
    const goodRead = r.stdout.includes(`${GOOD}: 7`) ? 'yes' : 'NO';
    const message = r.stderr.split('\n').find((l) => l.startsWith(file))?.slice(file.length + 2) ?? '';
    console.log(`${name.padEnd(48)} ${exit.padStart(4)}  ${goodRead.padStart(9)}  ${seconds.toFixed(2).padStart(6)}  ${rss.toFixed(0).padStart(7)}  ${message.slice(0, 90)}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
