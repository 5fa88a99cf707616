/**
 * Handwritten text from images (issue 5): lines, words and characters.
 *
 * Entry point:
 *
 *   readText(image: GreyImage, score: ScoreCrops, labels: readonly string[], options?: ReadTextOptions): TextResult
 *
 * - `image`: any size; it is downscaled to WORKING_MAX_PIXELS first (memory stays bounded),
 *   either ink polarity, uneven light, skew up to ±10°, pages lying at a quarter turn.
 * - `score(crops)`: the classifier, passed in so this module stays model-agnostic. Each crop is
 *   `{ image: GreyImage (dark ink on white), frame?: LineFrame (in the crop's coordinates) }`;
 *   return one Float32Array of class probabilities per crop, in `labels` order. A typical
 *   implementation: `classifier.probabilities(crops.map(c => normalizeCharacter(c.image, { frame: c.frame })))`.
 *   Per orientation tried (normally one) it is called at most twice: once with every character
 *   candidate whole, then with the pieces of the wide or doubtful ones (touching characters).
 * - `labels`: the model's labels (model.json).
 * - `options.decodeWord(charProbs, labels, { context, geometry })`: word decoder (core/decode);
 *   without it each character is its argmax. `options.context`: text before the image.
 *   `options.topK`: alternatives kept per character (default 5). `options.splitTouching: false`
 *   keeps connected candidates whole (no second classifier call); `options.crops: 'binary'`
 *   gives bare binary crops instead of grey-edged ones; `options.maxWorkingPixels` lowers the
 *   working budget.
 *
 * Result: `{ text, confidence, lines: [{ box, text, words: [{ box, text, confidence,
 * chars: [{ box, candidates: [{label, p}] }] }] }], orientation, skewDegrees, workingSize, message? }`.
 * Boxes are in the ORIGINAL image's pixel coordinates. Nothing readable (blank, all ink,
 * noise) gives `text: ''`, `lines: []` and a `message` saying why; it never throws for pixels,
 * only for a malformed GreyImage (RangeError).
 */
export {
  readText,
  WORKING_MAX_PIXELS,
  type ScoreCrops,
  type DecodeWord,
  type DecodeWordOptions,
  type ReadTextOptions,
  type TextResult,
  type TextLine,
  type TextWord,
  type TextChar,
} from './readText';
export type { CharCrop } from './crops';
export { DOUBTFUL_WORD_GAP, doubtfulWordGaps, joinWords } from './joinWords';
export { binarize, detectPolarity, type Binarized, type Polarity } from './binarize';
export { estimateSkew, looksQuarterTurned } from './deskew';
