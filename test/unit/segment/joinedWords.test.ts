import { strict as assert } from 'node:assert';
import { shippedRecognizer } from '../runtime/fixtures';
import { harderSamples } from './helpers';

describe('segment: words written joined up', () => {
  // bench:text's fresh-school line (seed 20261126). A seven-letter word joined throughout has more thin
  // columns than eight; with only the eight thinnest tried, all fell in "ning" and "evening" read ",".
  it('tries cuts along the whole of a long joined word', async function () {
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const sample = harderSamples().find((s) => s.id === 'playwrite-it-moderna-style-0')!;
    assert.ok(sample.text.split(' ').includes('evening'), sample.text);
    const text = recognizer.recognizeText(sample.image).text;
    assert.ok(text.split(' ').includes('evening'), text);
  });
});
