/**
 * Worker thread that generates and packs one epoch's training samples, so the next epoch's data is
 * drawn on the second core while the current epoch trains. Same seeds, same data as in-process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generateCharacterSamples, GenerateOptions } from './dataset';
import { packSamples } from './packed';

interface Job {
  options: GenerateOptions;
  labels: string[];
}

const job = workerData as Job;
const index = new Map(job.labels.map((l, i) => [l, i]));
const set = packSamples(generateCharacterSamples(job.options), index);
// Copy into standalone buffers so they can be transferred without copying again.
const pixels = set.pixels.slice();
const geometry = set.geometry.slice();
const labels = set.labels.slice();
parentPort!.postMessage({ count: set.count, pixels, geometry, labels, sources: set.sources }, [pixels.buffer, geometry.buffer, labels.buffer]);
