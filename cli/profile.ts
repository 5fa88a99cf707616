/**
 * `inkwell profile add|show`: the writer's handwriting profile as a JSON file (the same format the
 * extension exports and imports; core/profile/profile.ts). `inkwell recognize --profile FILE` reads
 * with it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeCharacter } from '../core/preprocess';
import { addSamples, countsByLabel, emptyProfile, isProfileLabel, MAX_PROFILE_BYTES, parseProfile, ProfileSample, sampleFrom, serializeProfile, WriterProfile } from '../core/profile/profile';
import { readImageFile } from './imageFile';
import { readRegularFile } from './regularFile';

export const PROFILE_HELP = `Usage: inkwell profile add PROFILE LABEL IMAGE...
       inkwell profile show PROFILE

  add    adds each image (one handwritten character) as a sample of the character LABEL to the
         profile file PROFILE, creating it if missing. An unreadable image gets one line on stderr
         (the others are still added) and the exit code is 2; so does a bad label or profile.
  show   prints how many samples the profile holds per character.

Read with a profile: inkwell recognize --profile PROFILE IMAGE...
`;

/** Reads a profile file; a missing file is an empty profile only when `missingIsEmpty`. */
export function readProfileFile(file: string, missingIsEmpty = false): WriterProfile {
  if (missingIsEmpty && !fs.existsSync(file)) return emptyProfile();
  let text: string;
  try {
    // Bounded before reading: parseProfile refuses more than 1.5x the profile cap anyway.
    text = readRegularFile(file, MAX_PROFILE_BYTES * 1.5, 'profile').toString('utf8');
  } catch (err) {
    throw new Error(`Cannot read the profile: ${(err as Error).message}`);
  }
  try {
    return parseProfile(text);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}

/** Writes through a temporary file, so an interrupted write never leaves half a profile. */
function writeProfileFile(file: string, profile: WriterProfile): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, serializeProfile(profile));
  fs.renameSync(tmp, file);
}

/** Runs `inkwell profile ...`; returns the exit code. */
export function profileMain(args: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const [action, file, ...rest] = args;
  if (action === undefined || action === 'help' || args.includes('--help') || args.includes('-h')) {
    out.write(PROFILE_HELP);
    return action === undefined ? 1 : 0;
  }
  if ((action !== 'add' && action !== 'show') || file === undefined) {
    err.write(`inkwell: ${action !== 'add' && action !== 'show' ? `unknown profile command '${action}'` : 'no profile file given'}.\nRun 'inkwell profile help' for usage.\n`);
    return 1;
  }
  if (action === 'show') {
    try {
      const profile = readProfileFile(file);
      const counts = countsByLabel(profile);
      out.write(`${file}: ${profile.samples.length} samples of ${counts.size} characters\n`);
      for (const [label, n] of counts) out.write(`${label}\t${n}\n`);
      return 0;
    } catch (e) {
      err.write(`inkwell: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const [label, ...images] = rest;
  if (!isProfileLabel(label)) {
    err.write(`inkwell: the label must be one printable character (not a space), got ${JSON.stringify(label ?? '')}.\n`);
    return 2;
  }
  if (images.length === 0) {
    err.write('inkwell: no image files given.\n');
    return 1;
  }
  let profile: WriterProfile;
  try {
    profile = readProfileFile(file, true);
  } catch (e) {
    err.write(`inkwell: ${(e as Error).message}\n`);
    return 2;
  }
  const added: ProfileSample[] = [];
  let failures = 0;
  for (const image of images) {
    try {
      added.push(sampleFrom(normalizeCharacter(readImageFile(image)), label, 'cli'));
    } catch (e) {
      failures++;
      err.write(`${image}: ${(e as Error).message.replace(/\s+/g, ' ').trim()}\n`);
    }
  }
  if (added.length > 0) {
    const next = addSamples(profile, added);
    writeProfileFile(file, next);
    out.write(`${file}: added ${added.length} sample${added.length === 1 ? '' : 's'} of '${label}' (${countsByLabel(next).get(label) ?? 0} kept, ${next.samples.length} in all)\n`);
  }
  return failures > 0 ? 2 : 0;
}
