import { strict as assert } from 'node:assert';
import { Break, spaceUnwritten, SURE_SPACING, unwrittenSpaces } from '../../../core/decode/spacing';
import { renderText } from '../../../bench/textImages';
import { CODE_LINES } from '../../../bench/codeLines';
import { familiesOf } from '../../../training/fonts';
import { shippedRecognizer } from '../runtime/fixtures';
import { harderSamples } from '../segment/helpers';

describe('decode: spaces no one writes', () => {
  it('takes the space after an opening bracket, before a closing one, a comma or a semicolon', () => {
    assert.equal(spaceUnwritten('(', 'a', ''), true, 'f( a');
    assert.equal(spaceUnwritten('b', ')', ''), true, 'b )');
    assert.equal(spaceUnwritten('b', ';', ''), true, 'b ;');
    assert.equal(spaceUnwritten('a', ',', 'b'), true, 'a ,b');
    assert.equal(spaceUnwritten('a', 'b', ''), false, 'two words');
    assert.equal(spaceUnwritten('', ')', ''), true, 'an unsure left character does not matter');
    assert.equal(spaceUnwritten('a', '', ''), false, 'nor does an unsure closing one count');
  });

  it('finds the unwritten spaces of a run from its readings: sure ones only, never a line break', () => {
    const labels = ['f', '(', 'a', ')', 'J', 'o'];
    const sure = (c: string) => Float32Array.from(labels, (l) => (l === c ? SURE_SPACING + 0.05 : (1 - SURE_SPACING - 0.05) / 5));
    const unsure = (c: string) => Float32Array.from(labels, (l) => (l === c ? 0.5 : 0.1));
    // f ( a ) | ( a ) J o : spaces before 1, 2, 3; a line break before 4; spaces before 5 and 7.
    const readings = [sure('f'), sure('('), sure('a'), sure(')'), sure('('), sure('a'), unsure(')'), sure(')'), sure('J'), sure('o')];
    const before: Break[] = ['none', 'space', 'space', 'space', 'line', 'space', 'none', 'space', 'none', 'none'];
    assert.deepEqual([...unwrittenSpaces(readings, labels, before)].sort((a, b) => a - b), [2, 3, 5], 'after "(", before ")"; not before a ) a letter follows');
    assert.deepEqual([...unwrittenSpaces(readings, labels, before, (i) => i !== 1)].sort((a, b) => a - b), [3, 5], 'a character the caller rules out is no sure one');
    assert.equal(unwrittenSpaces([undefined, sure(')')], labels, ['none', 'space']).size, 1, 'a blank says nothing, the sure ) still hugs its left');
  });

  it('keeps the space before a ] or ) that a letter follows in its word: a J misread, not a bracket', () => {
    assert.equal(spaceUnwritten('a', ']', 'o'), false, 'Linda ]ohn');
    assert.equal(spaceUnwritten('a', ']', ''), true, 'a ]');
    assert.equal(spaceUnwritten('a', ']', ';'), true, 'a ];');
  });

  it('takes the space inside a two-character operator, but not between a generic\'s > and =', () => {
    for (const op of ['!=', '==', '<=', '+=', '-=', '&&', '||', '++', '=>', '->']) assert.equal(spaceUnwritten(op[0], op[1], ''), true, op);
    assert.equal(spaceUnwritten('>', '=', ''), false, 'Vec<u8> = []');
    assert.equal(spaceUnwritten('=', '-', ''), false, 'a = -1');
    assert.equal(spaceUnwritten('=', '!', ''), false, 'a = !b');
  });

  it('reads code lines of images without those spaces', async function () {
    // bench:code's images (seed 20261202 + line): before, "a ! = b", "x = f(a, b ) ;", "a = b ; c = d ;".
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const read = (line: string, family: string, look: 'clean' | 'camera') => {
      const f = familiesOf('heldout').find((x) => x.id === family)!;
      const image = renderText(line, f, { look, seed: 20261202 + CODE_LINES.indexOf(line) });
      return recognizer.recognizeText(image, { charset: 'code' }).text;
    };
    assert.equal(read('a != b', 'chewy', 'camera'), 'a != b');
    // (The clean caveat line's ) reads at 0.89 with the clump model, short of sure: its space stays.)
    assert.equal(read('x = f(a, b);', 'caveat', 'camera'), 'x = f(a, b);');
    assert.equal(read('a = b; c = d;', 'happy-monkey', 'clean'), 'a = b; c = d;');
    // bench:text's capitals: the J of JUMPS is read ] surely, and its word keeps its space.
    const caps = harderSamples().find((s) => s.id === 'caveat-caps-0')!;
    assert.equal(recognizer.recognizeText(caps.image).text.split(' ').length, 3);
  });
});
