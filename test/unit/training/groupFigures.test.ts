import * as assert from 'node:assert/strict';
import { groupLabel, isUnseen, summarise, unseenOnly } from '../../../training/groupFigures';
import { familiesOf, FRESH_GROUPS, HERSHEY_FONTS, GROUPS_THE_SHIPPED_MODEL_SAW, HELDOUT_GROUPS, STYLE_GROUPS, validationSources } from '../../../training/fonts';

describe('training/groupFigures: the held-out style groups as benches report them', () => {
  it('gives the mean and the worst group, worst meaning highest for error rates and lowest for accuracies', () => {
    const values = [{ group: 'a', value: 0.02 }, { group: 'b', value: 0.08 }, { group: 'c', value: 0.05 }];
    const errors = summarise(values, true);
    assert.ok(Math.abs(errors.mean - 0.05) < 1e-12, String(errors.mean));
    assert.deepEqual(errors.worst, { group: 'b', value: 0.08 });
    assert.deepEqual(summarise(values, false).worst, { group: 'a', value: 0.02 });
    assert.throws(() => summarise([], true), /No groups/);
  });

  it('counts as unseen only the groups no shipped model was trained on, and marks the others', () => {
    const rows = STYLE_GROUPS.map((group) => ({ group }));
    const unseen = unseenOnly(rows).map((r) => r.group);
    assert.ok(unseen.includes('earlier') && FRESH_GROUPS.every((g) => unseen.includes(g)));
    for (const g of GROUPS_THE_SHIPPED_MODEL_SAW) {
      assert.ok(!isUnseen(g));
      assert.equal(groupLabel(g), `${g} (seen)`);
    }
    assert.equal(groupLabel('fresh-marker'), 'fresh-marker');
  });

  it('keeps the fresh groups held out, out of training and out of the validation that picks epochs', () => {
    assert.ok(FRESH_GROUPS.length >= 5);
    const train = new Set(familiesOf('train').map((f) => f.id));
    const validation = new Set(validationSources());
    for (const g of FRESH_GROUPS) {
      for (const id of HELDOUT_GROUPS[g]) {
        assert.ok(!train.has(id), `${id} is trained on`);
        assert.ok(!validation.has(id), `${id} picks epochs`);
      }
    }
    assert.ok(HELDOUT_GROUPS.earlier.every((id) => validation.has(id)));
    assert.ok(HERSHEY_FONTS.filter((h) => h.split === 'heldout').every((h) => validation.has(h.id)));
  });
});
