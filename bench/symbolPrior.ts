/**
 * Experiment behind docs/model-experiments.md (`npx tsx bench/symbolPrior.ts [MODEL_DIR]`): the
 * classifier's argmax on held-out letters and symbols when every symbol's probability is scaled by w
 * (a prior against symbols), with and without the line frame. Prints figures; asserts nothing.
 */
import { initNodeBackend } from '../node/nodeBackend';
import { loadClassifier } from '../node/modelFiles';
import { normalizeCharacter, BlankImageError } from '../core/preprocess';
import { SYMBOLS } from '../core/labels';
import { generateCharacterSamples } from '../training/dataset';
import { EARLIER_HELDOUT_SOURCES, familiesInGroup, STYLE_GROUPS } from '../training/fonts';
(async () => {
  await initNodeBackend();
  const { classifier } = loadClassifier(process.argv[2] ?? 'models/char-cnn');
  const labels = classifier.labels;
  const fams = [...EARLIER_HELDOUT_SOURCES, ...STYLE_GROUPS.filter(g => g !== 'earlier').flatMap(g => familiesInGroup(g))];
  const sets = {
    letters: generateCharacterSamples({ split: 'heldout', perClass: 40, seed: 20261126, noFrameRate: 0, families: [...EARLIER_HELDOUT_SOURCES], augmentation: 'v2' }),
    symbols: generateCharacterSamples({ split: 'heldout', perClass: 40, seed: 20261126, noFrameRate: 0, families: fams, labels: SYMBOLS, styles: ['font', 'pen', 'hershey'], augmentation: 'v2' }),
  };
  for (const [name, samples] of Object.entries(sets)) {
    for (const frame of [true, false]) {
      const norm = samples.map((s) => { try { return normalizeCharacter(s.image, { frame: frame ? s.frame : undefined }); } catch (e) { if (e instanceof BlankImageError) return null; throw e; } });
      const ok = norm.filter((n): n is NonNullable<typeof n> => n !== null);
      const probs = classifier.probabilities(ok);
      const truth = samples.filter((_, i) => norm[i] !== null).map((s) => s.label);
      const line = [1, 0.7, 0.5, 0.35, 0.25].map((w) => {
        let right = 0;
        probs.forEach((p, i) => {
          let best = -1, bv = -1;
          p.forEach((v, k) => { const x = SYMBOLS.includes(labels[k]) ? v * w : v; if (x > bv) { bv = x; best = k; } });
          if (labels[best] === truth[i]) right++;
        });
        return `w${w}: ${(100 * right / samples.length).toFixed(2)}%`;
      });
      console.log(name, frame ? 'frame' : 'lone ', `(${samples.length - ok.length} blank)`, line.join('  '));
    }
  }
})();
