import assert from 'node:assert/strict';
import { PadDocument, PadPoint } from '../../../webview/pad/document';

const line = (x: number): PadPoint[] => [
  { x, y: 0, t: 0, pressure: 0.5 },
  { x, y: 10, t: 1, pressure: 0.5 },
];

/** Two strokes, and a candidate picked for the character of the first one. */
function twoStrokesAndAChoice(choice: string): PadDocument {
  const doc = new PadDocument();
  doc.addStroke(line(1));
  doc.addStroke(line(2));
  doc.choose('1', choice);
  return doc;
}

describe('pad document: strokes, undo, redo, clear, saved state', () => {
  it('undo and redo walk strokes back and forth; a new stroke drops the redo branch', () => {
    const doc = new PadDocument();
    doc.addStroke(line(1));
    doc.addStroke(line(2));
    assert.deepEqual(doc.strokes.map((s) => s.points[0].x), [1, 2]);
    assert.ok(doc.undo());
    assert.deepEqual(doc.strokes.map((s) => s.points[0].x), [1]);
    assert.ok(doc.redo());
    assert.deepEqual(doc.strokes.map((s) => s.points[0].x), [1, 2]);
    doc.undo();
    doc.addStroke(line(3));
    assert.equal(doc.canRedo, false);
    assert.deepEqual(doc.strokes.map((s) => s.points[0].x), [1, 3]);
  });

  it('clear is one undoable step that forgets candidate choices, and undo brings strokes and choices back', () => {
    const doc = twoStrokesAndAChoice('l');
    doc.clear();
    assert.ok(doc.isEmpty);
    assert.deepEqual(doc.snapshot.choices, {});
    assert.ok(doc.undo());
    assert.equal(doc.strokes.length, 2);
    assert.deepEqual(doc.snapshot.choices, { '1': 'l' }, 'the choice comes back with the ink');
    // Then, one step each: the choice, the second stroke, the first.
    assert.ok(doc.undo());
    assert.deepEqual(doc.snapshot.choices, {});
    assert.equal(doc.strokes.length, 2);
    assert.equal(doc.undo() && doc.undo(), true);
    assert.ok(doc.isEmpty);
    assert.equal(doc.undo(), false);
  });

  it('one history: a candidate choice is undone before the stroke written before it, and redone', () => {
    const doc = new PadDocument();
    doc.addStroke(line(1));
    doc.choose('1', 'I');
    doc.choose('1', 'l');
    assert.ok(doc.undo());
    assert.deepEqual(doc.snapshot.choices, { '1': 'I' }, 'the earlier pick is back');
    assert.ok(doc.undo());
    assert.deepEqual(doc.snapshot.choices, {});
    assert.equal(doc.strokes.length, 1, 'the stroke is still there');
    assert.ok(doc.redo() && doc.redo());
    assert.deepEqual(doc.snapshot.choices, { '1': 'l' });
    doc.choose('1', 'l');
    assert.equal(doc.canRedo, false);
    assert.equal(doc.snapshot.undo.length, 3, 'picking the chosen candidate again adds no step');
  });

  it('erasing removes strokes as one step; undo puts them back in writing order', () => {
    const doc = new PadDocument();
    for (const x of [1, 2, 3]) doc.addStroke(line(x));
    const [a, b, c] = doc.strokes.map((s) => s.id);
    assert.ok(doc.erase([a, c]));
    assert.deepEqual(doc.strokes.map((s) => s.id), [b]);
    assert.equal(doc.erase([a]), false, 'nothing left to erase there');
    assert.ok(doc.undo());
    assert.deepEqual(doc.strokes.map((s) => s.id), [a, b, c]);
    assert.ok(doc.redo());
    assert.deepEqual(doc.strokes.map((s) => s.id), [b]);
    const restored = new PadDocument(JSON.parse(JSON.stringify(doc.snapshot)));
    assert.deepEqual(restored.snapshot, doc.snapshot, 'erase and choose edits survive saved state');
  });

  it('stroke ids stay unique across undo, so candidate choices keep their character', () => {
    const doc = new PadDocument();
    doc.addStroke(line(1));
    doc.undo();
    doc.addStroke(line(2));
    doc.addStroke(line(3));
    const ids = doc.strokes.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(!ids.includes(1));
  });

  it('round-trips through saved state (getState/setState) unchanged', () => {
    const doc = twoStrokesAndAChoice('I');
    doc.undo();
    doc.undo();
    const restored = new PadDocument(JSON.parse(JSON.stringify(doc.snapshot)));
    assert.deepEqual(restored.snapshot, doc.snapshot);
    // (A choice is an edit now, so it is undone and redone in order with the strokes.)
    assert.ok(restored.redo() && restored.redo());
    assert.equal(restored.strokes.length, 2);
    assert.deepEqual(restored.snapshot.choices, { '1': 'I' });
  });

  it('starts empty from a missing, stale or hostile saved state', () => {
    for (const saved of [undefined, null, 7, 'x', {}, { version: 2 }, { version: 1, strokes: [{ id: 1, points: [{ x: 'a', y: 0 }] }], undo: [], redo: [], choices: {}, nextId: 2 }, { version: 1, strokes: [], undo: [{ kind: 'rm' }], redo: [], choices: {}, nextId: 1 }]) {
      const doc = new PadDocument(saved);
      assert.ok(doc.isEmpty);
      assert.equal(doc.canUndo, false);
    }
  });

  it('takes back the state the host kept when the pad was closed, and refuses anything else', () => {
    const kept = twoStrokesAndAChoice('l').snapshot;
    const doc = new PadDocument();
    assert.equal(doc.restore(JSON.parse(JSON.stringify(kept))), true);
    assert.deepEqual(doc.snapshot, kept);
    for (const hostile of [undefined, null, 'x', { version: 2 }, { ...kept, strokes: [{ id: 'a', points: [] }] }]) {
      assert.equal(new PadDocument().restore(hostile), false);
    }
  });
});
