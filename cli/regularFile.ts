/**
 * Reading a file named on the command line: only a regular file, and only up to a size, checked before
 * a byte is read (a FIFO would block forever, /dev/zero never ends, a huge file would fill memory).
 * Every failure is an Error with a one-line message.
 */
import * as fs from 'node:fs';

/** `kind` names what the file should hold ('image', 'profile') in the messages. */
export function readRegularFile(file: string, maxBytes: number, kind: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`File not found: ${file}`);
    if (code) throw new Error(`Cannot read ${file}: ${code}`);
    throw err;
  }
  if (stat.isDirectory()) throw new Error(`${file} is a directory, not ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} file.`);
  if (!stat.isFile()) throw new Error(`${file} is not a regular file (${specialKind(stat)}): only ${kind} files are read.`);
  if (stat.size > maxBytes) throw new Error(`File is too large (${(stat.size / 1048576).toFixed(0)} MB; at most ${maxBytes / 1048576} MB).`);
  return fs.readFileSync(file);
}

function specialKind(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a plain file';
}
