// Case and digits that agree within a word and a line (core/decode/caseConsistency.ts).
import { strict as assert } from 'node:assert';
import { CharReading, consistentLine, consistentWord, isCapitalsLine } from '../../../core/decode/caseConsistency';
import { shippedRecognizer } from '../runtime/fixtures';
import { readBenchCodeImage } from '../segment/helpers';

/** A word as decoded: each character with the alternatives the classifier offered (the twin at 20%). */
function word(text: string, offer: Record<string, string> = {}): CharReading[] {
  return [...text].map((c) => {
    const twin = offer[c] ?? (/[a-z]/.test(c) ? (c === 'l' ? 'I' : c.toUpperCase()) : /[A-Z]/.test(c) ? c.toLowerCase() : undefined);
    return { text: c, candidates: [{ text: c, p: 0.7 }, ...(twin ? [{ text: twin, p: 0.2 }] : [])] };
  });
}

describe('decode: case and digits agree within a word and a line', () => {
  it('a word in capitals reads in capitals', () => {
    assert.equal(consistentWord(word('BuTToN'), false).join(''), 'BUTTON');
    assert.equal(consistentWord(word('READy'), false).join(''), 'READY');
    assert.equal(consistentWord(word('JuNGLE'), false).join(''), 'JUNGLE');
    assert.equal(consistentWord(word('PARlS'), false).join(''), 'PARIS', 'a small l in capitals is a capital I');
  });

  it('camelCase, words and identifiers with a small letter that shows its case stay as written', () => {
    for (const w of ['getDataMax', 'parseNode', 'Berlin', 'idx2', 'x1', 'camelCase', 'HTTPserver', 'hello']) {
      assert.equal(consistentWord(word(w), false).join(''), w, w);
    }
  });

  it('a number reads as digits, all of its letters or none', () => {
    assert.equal(consistentWord(word('2oo9', { o: '0' }), false).join(''), '2009');
    assert.equal(consistentWord(word('7906o', { o: '0' }), false).join(''), '79060');
    assert.equal(consistentWord(word('0x1F'), false).join(''), '0x1F', 'x and F have no digit twin');
    assert.equal(consistentWord(word('8Mo7', { o: '0' }), false).join(''), '8Mo7');
    // After a leading digit, one ring or bar is enough (bench:code images: caveat's `size >= 10` read `1o`).
    assert.equal(consistentWord(word('1o', { o: '0' }), false).join(''), '10');
    assert.equal(consistentWord(word('2l', { l: '1' }), false).join(''), '21');
    assert.equal(consistentWord(word('3D', { D: '0' }), false).join(''), '3D', 'a D is no ring or bar: 3D');
    assert.equal(consistentWord(word('1st', { s: '5' }), false).join(''), '1st', 't has no digit twin');
    assert.equal(consistentWord(word('o1', { o: '0' }), false).join(''), 'o1', 'a name opening with a ring');
  });

  it('an identifier that ends in a capital I, O or S after a small letter ends in a digit, if offered', () => {
    assert.equal(consistentWord(word('saveKeyI', { I: '1' }), false).join(''), 'saveKey1');
    assert.equal(consistentWord(word('getDataS', { S: '5' }), false).join(''), 'getData5');
    assert.equal(consistentWord(word('maxO', { O: '0' }), false).join(''), 'max0');
    assert.equal(consistentWord(word('saveKeyI'), false).join(''), 'saveKeyI', 'the I offered only i');
    for (const w of ['nodeB', 'posZ', 'userID', 'macOS', 'total', 'foo', 'toJSON']) {
      assert.equal(consistentWord(word(w, { B: '8', Z: '2', D: '0', S: '5', O: '0', I: '1', l: '1', o: '0' }), false).join(''), w, w);
    }
  });

  it('a pair of capital L or I after a small letter is a double l, if l was offered for one of them', () => {
    // bench:pad-accuracy, wide group: a hand whose l has a foot read null as nuLL and hello as heLLo.
    const sureSecond: CharReading[] = [...'nuLL'].map((c, i) => ({ text: c, candidates: i === 2 ? [{ text: 'L', p: 0.6 }, { text: 'l', p: 0.37 }] : [{ text: c, p: 0.99 }] }));
    assert.equal(consistentWord(sureSecond, false).join(''), 'null', 'the second L was offered no l');
    assert.equal(consistentWord(word('heLLo'), false).join(''), 'hello');
    assert.equal(consistentWord(word('faIIback', { I: 'l' }), false).join(''), 'fallback');
    for (const w of ['toURL', 'getLength', 'getLLM', 'HELLO', 'ALL', 'nuLL']) {
      assert.equal(consistentWord(word(w, { L: 'K', I: '1' }), false).join(''), w, `${w}: no l offered, or no small letter before the pair, or an acronym`);
    }
  });

  it('a same-shape capital between a small letter and the number ending the word is small, if offered', () => {
    // bench:pad-accuracy: idx2 read idX2 in three hands (the x written as tall as the d).
    assert.equal(consistentWord(word('idX2'), false).join(''), 'idx2');
    assert.equal(consistentWord(word('itemS34'), false).join(''), 'items34');
    assert.equal(consistentWord(word('idX2', { X: 'K' }), false).join(''), 'idX2', 'x not offered');
    for (const w of ['toUTF8', 'getX', 'posXY2', 'vecAx2', 'X2', 'mat4', 'idE2']) assert.equal(consistentWord(word(w), false).join(''), w, w);
  });

  it('a same-shape C, M, P, S, U, V or W ending a word right after a small letter is small, if offered', () => {
    // bench:pad-accuracy: calligraffitti's w reaches above the x-height ("new" read "neW").
    assert.equal(consistentWord(word('neW'), false).join(''), 'new');
    assert.equal(consistentWord(word('valueS'), false).join(''), 'values');
    assert.equal(consistentWord(word('neW', { W: 'M' }), false).join(''), 'neW', 'w not offered');
    assert.equal(consistentWord(word('getDataS', { S: '5' }), false).join(''), 'getData5', 'the digit first, as before');
    // Coordinates, acronyms, one capital alone and a capital after a capital stay as written.
    for (const w of ['posX', 'offsetY', 'getZ', 'toURL', 'getPMW', 'W', 'aW', 'HTTPS']) assert.equal(consistentWord(word(w, { W: 'M' }), false).join(''), w, w);
  });

  it('a 0 or 5 opening a word of small letters is its letter twin, if offered; numbers and units stay', () => {
    assert.equal(consistentWord(word('0scar', { '0': 'O' }), false).join(''), 'Oscar');
    assert.equal(consistentWord(word('5tring', { '5': 'S' }), false).join(''), 'String');
    assert.equal(consistentWord(word('0scar'), false).join(''), '0scar', 'O not offered');
    assert.equal(consistentWord(word('5px', { '5': 'S' }), false).join(''), '5px', 'too short to be a word');
    assert.equal(consistentWord(word('0x1F', { '0': 'O' }), false).join(''), '0x1F', 'a hex number has more digits');
    assert.equal(consistentWord(word('0xfF', { '0': 'O' }), false).join(''), '0xfF', 'a hex prefix stays, even with its 1 misread');
    assert.equal(consistentWord(word('1ndex', { '1': 'I' }), false).join(''), '1ndex', 'a bar could be l or I: left alone');
  });

  it('a hex literal reads in hex digits: its bars and letter twins become the digits, its prefix 0x', () => {
    // bench:pad-accuracy: 0x1F read 0x|F in four hands of nine, 0X|F, oxiF and 0xlF in others.
    assert.equal(consistentWord(word('0x|F'), false).join(''), '0x1F', 'a bar is a 1 even where 1 was not offered');
    assert.equal(consistentWord(word('0xlF', { l: '1' }), false).join(''), '0x1F');
    assert.equal(consistentWord(word('oxiF', { o: '0', i: '1' }), false).join(''), '0x1F', 'a capital hex letter shows the number');
    assert.equal(consistentWord(word('0XIF', { X: 'x' }), false).join(''), '0x1F');
    assert.equal(consistentWord(word('0xSo', { S: '5', o: '0' }), false).join(''), '0x50');
    assert.equal(consistentWord(word('0xSo', { o: '0' }), false).join(''), '0xSo', 'S offered no 5: not all hex, left alone');
    // bench:pad-accuracy, tall-lowercase: the-girl-next-door's 0x1F read oxiF, neither 0 nor 1 offered.
    assert.equal(consistentWord(word('oxiF'), false).join(''), '0x1F', 'an i in a hex literal is its 1, the ring before x its 0');
    assert.equal(consistentWord(word('oxiF'), false, (l) => !/[0-9]/.test(l)).join(''), 'oxiF', 'not where digits are not allowed');
    for (const w of ['oxide', 'Oxford', 'oxes', '0xff', '0x1f', 'ox']) {
      assert.equal(consistentWord(word(w, { o: '0', i: '1', l: '1', s: '5' }), false).join(''), w, w);
    }
  });

  it('a j or i ending a word right after a closing bracket, `count++` or a number is its semicolon, if offered', () => {
    // bench:code: 'x = f(a, b);' read 'x = f(a, b)j' on the pad.
    assert.equal(consistentWord(word('b)j', { j: ';' }), false).join(''), 'b);');
    assert.equal(consistentWord(word('a[i]j', { j: ';' }), false).join(''), 'a[i];');
    // bench:code's images: nanum-pen-script's `count++;` read `count++i`, loved-by-the-king's `i <= 42;` read `42j`.
    assert.equal(consistentWord(word('count++i', { i: ';' }), false).join(''), 'count++;');
    assert.equal(consistentWord(word('42j', { j: ';' }), false).join(''), '42;');
    assert.equal(consistentWord(word('++i', { i: ';' }), false).join(''), '++i', 'a name after a prefix ++');
    assert.equal(consistentWord(word('x2j', { j: ';' }), false).join(''), 'x2j', 'a name ending in a digit and j');
    assert.equal(consistentWord(word('b)j'), false).join(''), 'b)j', 'no semicolon offered');
    assert.equal(consistentWord(word('jaj', { j: ';' }), false).join(''), 'jaj', 'a j after a letter stays');
  });

  it('a bar that opens a number is its 1; elsewhere a bar stays', () => {
    assert.equal(consistentWord(word('|917', { '|': '1' }), false).join(''), '1917');
    assert.equal(consistentWord(word('|917'), false).join(''), '|917', 'the bar offered no 1');
    assert.equal(consistentWord(word('1|2', { '|': '1' }), false).join(''), '1|2', 'a bar between digits is code');
    assert.equal(consistentWord(word('|9', { '|': '1' }), false).join(''), '|9', 'one digit is no number to go by');
  });

  it('a lone bar or ring after an operator is the digit 1 or 0; elsewhere it stays', () => {
    // bench:code's images: `x -= 1` read `x -= l`, `dict["key"] = 1` read `= I`, `let idx = 0;` read `= o;`.
    assert.deepEqual(consistentLine([word('x'), word('-='), word('l')]), ['x', '-=', '1'], 'a bar, 1 offered or not');
    assert.deepEqual(consistentLine([word('a'), word('='), word('I')]), ['a', '=', '1']);
    assert.deepEqual(consistentLine([word('let'), word('idx'), word('='), word('o;', { o: '0' })]), ['let', 'idx', '=', '0;']);
    assert.deepEqual(consistentLine([word('a'), word('='), word('o;')]), ['a', '=', '0;'], 'a ring, 0 offered or not (bench:code pad, indie-flower: `?? o`)');
    // bench:code, pad: edu-tas-beginner's `x -= 1` read `x -= /`, grape-nuts' `dict["key"] = 1` read `= /`.
    assert.deepEqual(consistentLine([word('x'), word('-='), word('/')]), ['x', '-=', '1'], 'a leaning bar');
    assert.deepEqual(consistentLine([word('a'), word('b'), word('/')]), ['a', 'b', '/'], 'no operator before it');
    assert.deepEqual(consistentLine([word('x'), word('l')]), ['x', 'l'], 'no operator before it');
    assert.deepEqual(consistentLine([word('a'), word('='), word('lo')]), ['a', '=', 'lo'], 'a word of letters after an operator stays');
    assert.deepEqual(consistentLine([word('x'), word('-='), word('l')], (l) => l !== '1'), ['x', '-=', 'l'], 'the charset has no 1');
  });

  it('a word between two operands, on a line with another binary operator, is an operator: a lone l |, others as offered', () => {
    // bench:code, images and pad: indie-flower's, kirang-haerang's and unkempt's `x ^ y | z & w` read `y l z`.
    const line = (...texts: string[]) => consistentLine(texts.map((t) => word(t)));
    assert.deepEqual(line('x', '^', 'y', 'l', 'z', '&', 'w'), ['x', '^', 'y', '|', 'z', '&', 'w']);
    assert.deepEqual(line('a', '=', 'b', 'l', 'c'), ['a', '=', 'b', '|', 'c']);
    assert.deepEqual(line('for', 'l', 'in', 'lines'), ['for', 'l', 'in', 'lines'], 'a name beside a keyword');
    assert.deepEqual(line('y', 'l', 'z'), ['y', 'l', 'z'], 'no other operator on the line');
    assert.deepEqual(line('when', 'I', 'go', '=', 'fast'), ['when', 'I', 'go', '=', 'fast'], 'a lone I stays (prose writes it between words)');
    // bench:code images: kirang-haerang's and unkempt's `|` read I once a lone l costs its reading everywhere.
    const bar = (text: string) => word(text, { [text]: '|' });
    assert.deepEqual(consistentLine([word('x'), word('^'), word('y'), bar('I'), word('z'), word('&'), word('w')]), ['x', '^', 'y', '|', 'z', '&', 'w'], 'an I the classifier also saw a bar in');
    assert.deepEqual(consistentLine([word('when'), bar('I'), word('go'), word('='), word('fast')], (l) => l !== '|'), ['when', 'I', 'go', '=', 'fast'], 'the charset has no |');
    assert.deepEqual(line('room', '1', 'floor', '==', 'two'), ['room', '1', 'floor', '==', 'two'], 'a lone 1 stays');
    assert.deepEqual(line('rock', 'l', 'roll', '-', 'n'), ['rock', 'l', 'roll', '-', 'n'], 'a dash is no sign of code');
    assert.deepEqual(line('a', '=', 'b', '+', 'l'), ['a', '=', 'b', '+', '1'], 'after an operator it is an operand (1)');
    assert.deepEqual(consistentLine(['x', '^', 'y', 'l', 'z'].map((t) => word(t)), (l) => l !== '|'), ['x', '^', 'y', 'l', 'z'], 'the charset has no |');
    // bench:code's images: shadows-into-light-two's and sue-ellen-francisco's `ok = a && b || c;` read `a dd b`, `a 44 b`.
    const amp = (text: string) => word(text, { [text[0]]: '&' });
    assert.deepEqual(consistentLine([word('ok'), word('='), word('a'), amp('dd'), word('b'), word('||'), word('c;')]), ['ok', '=', 'a', '&&', 'b', '||', 'c;']);
    assert.deepEqual(consistentLine([word('ok'), word('='), word('a'), word('dd'), word('b'), word('||'), word('c;')]), ['ok', '=', 'a', 'dd', 'b', '||', 'c;'], '& not offered');
    assert.deepEqual(consistentLine([word('x'), word('='), word('a'), amp('AND'), word('b')]), ['x', '=', 'a', 'AND', 'b'], 'a keyword');
  });

  it('a lone bar between two numbers is a division where / was offered', () => {
    // bench:code, pad: caveat-brush's, just-another-hand's and nanum-pen-script's steep slash read `ratio = 3 | 4`.
    const slash = (text: string) => word(text, { [text]: '/' });
    assert.deepEqual(consistentLine([word('ratio'), word('='), word('3'), slash('|'), word('4')]), ['ratio', '=', '3', '/', '4']);
    assert.deepEqual(consistentLine([word('x'), word('='), word('(100'), slash('l'), word('3);')]), ['x', '=', '(100', '/', '3);'], 'in brackets, read l');
    assert.deepEqual(consistentLine([word('ratio'), word('='), word('3'), word('|'), word('4')]), ['ratio', '=', '3', '|', '4'], '/ not offered');
    assert.deepEqual(consistentLine([word('t'), word('='), word('a'), slash('|'), word('b')]), ['t', '=', 'a', '|', 'b'], 'between names it may be an or');
    assert.deepEqual(consistentLine([word('3'), slash('|'), word('4')], (l) => l !== '/'), ['3', '|', '4'], 'the charset has no /');
  });

  it("a statement's last character read : is its ;, if offered; not after a block opener, nor in prose", () => {
    // bench:code's images, kirang-haerang: a marker's comma reads as a dot (`count++:`, `a->next = head:`).
    const end = (text: string) => word(text, { ':': ';' });
    assert.deepEqual(consistentLine([word('x'), end('count++:')]), ['x', 'count++;'], 'after ++');
    assert.deepEqual(consistentLine([end('count++:')]), ['count++;'], 'a line of one word, ending as a statement ends');
    assert.deepEqual(consistentLine([end('outer:')]), ['outer:'], 'a label');
    // The statement's end is settled before its operand: unkempt's `= 0;` read `= O:`.
    assert.deepEqual(consistentLine([word('a'), word('='), end('O:')]), ['a', '=', '0;']);
    assert.deepEqual(consistentLine([end('else:')]), ['else:']);
    assert.deepEqual(consistentLine([word('a->next'), word('='), end('head:')]), ['a->next', '=', 'head;']);
    assert.deepEqual(consistentLine([word('x'), end('y]:')]), ['x', 'y];'], 'after a closing bracket');
    assert.deepEqual(consistentLine([word('def'), end('area(w,'), end('h):')]), ['def', 'area(w,', 'h):'], 'a block opener keeps its colon');
    assert.deepEqual(consistentLine([word('case'), end('1:')]), ['case', '1:']);
    assert.deepEqual(consistentLine([word('as'), end('follows:')]), ['as', 'follows:'], 'prose: no operator, no statement end');
    assert.deepEqual(consistentLine([word('a'), word('='), word('head:')]), ['a', '=', 'head:'], 'no ; offered');
    // A , the same, but only on a line with an assignment: a list's or a call's lines end in , too.
    const comma = (text: string) => word(text, { ',': ';' });
    assert.deepEqual(consistentLine([word('cost'), word('='), comma('~mask,')]), ['cost', '=', '~mask;']);
    assert.deepEqual(consistentLine([word('emit(x,'), comma('t),')]), ['emit(x,', 't),'], 'no assignment: a call going on');
    assert.deepEqual(consistentLine([word('if'), word('a'), word('=='), comma('b,')]), ['if', 'a', '==', 'b,'], 'a comparison is no assignment');
    // Where no dot showed at all (no ; offered), an assignment whose brackets all close still ends in ;.
    assert.deepEqual(consistentLine([word('arr[k]'), word('='), word('arr[k'), word('-'), word('1],')]), ['arr[k]', '=', 'arr[k', '-', '1];']);
    assert.deepEqual(consistentLine([word('let'), word('idx'), word('='), word('0,')]), ['let', 'idx', '=', '0;']);
    assert.deepEqual(consistentLine([word('x'), word('='), word('f(a,')]), ['x', '=', 'f(a,'], 'a bracket left open: the arguments go on');
    assert.deepEqual(consistentLine([word('emit(x,'), word('t),')]), ['emit(x,', 't),'], 'no assignment');
    assert.deepEqual(consistentLine([word('x'), word('='), word('0,')], (l) => l !== ';'), ['x', '=', '0,'], 'the charset has no ;');
  });

  it("reads a line-final ; as ; in bench:code's images where its dot was lost or read as a dot (before: `count++:`, `{ id: 7 },`)", async function () {
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    assert.equal(readBenchCodeImage(recognizer, 'count++;', 'kirang-haerang', 'camera'), 'count++;');
    assert.equal(readBenchCodeImage(recognizer, 'a->next = head;', 'kirang-haerang', 'camera'), 'a->next = head;');
    // sue-ellen-francisco's camera line: the ;'s dot, two pixels wide, is lost and its comma read ,.
    assert.equal(readBenchCodeImage(recognizer, 'obj = { id: 7 };', 'sue-ellen-francisco', 'camera'), 'obj = { id: 7 };');
  });

  it('only what the classifier offered is taken, and only what the charset allows', () => {
    const unoffered = [...'BuTToN'].map((c) => ({ text: c, candidates: [{ text: c, p: 1 }] }));
    assert.equal(consistentWord(unoffered, false).join(''), 'BuTToN');
    assert.equal(consistentWord(word('2oo9'), false).join(''), '2oo9', 'the o offered O, not 0');
    assert.equal(consistentWord(word('BuTToN'), false, (l) => l !== 'U').join(''), 'BuTTON');
  });

  it('a line of capitals makes its words without case evidence capitals too', () => {
    const line = [word('THE'), word('sox'), word('FOX')];
    assert.equal(isCapitalsLine(line), true);
    assert.deepEqual(consistentLine(line), ['THE', 'SOX', 'FOX']);
    const mixed = [word('The'), word('sox'), word('FOX')];
    assert.equal(isCapitalsLine(mixed), false, 'the small letters of The show the line is not capitals');
    assert.deepEqual(consistentLine(mixed), ['The', 'sox', 'FOX']);
  });

  it('a leaning l, a bar I or a flat-topped J read as a symbol in a word of letters is that letter', () => {
    assert.equal(consistentWord(word('tota/', { '/': 'l' }), false).join(''), 'total');
    assert.equal(consistentWord(word('Ber/in', { '/': 'l' }), false).join(''), 'Berlin');
    assert.equal(consistentWord(word('QU|NN', { '|': 'I' }), false).join(''), 'QUINN');
    assert.equal(consistentWord(word(']umps', { ']': 'j' }), false).join(''), 'jumps');
    // bench:text, slanted group: an l leaning back at a word's end read ( ("rowSet schoo( 1962").
    assert.equal(consistentWord(word('schoo(', { '(': 'l' }), false).join(''), 'school');
    // bench:pad-accuracy, seven lines of the slanted, bold and narrow groups: the l before a camelCase hump.
    assert.equal(consistentWord(word('came(Case', { '(': 'l' }), false).join(''), 'camelCase');
  });

  it('a ( that opens a name and closes nowhere on its line is the leaning l offered for it', () => {
    // bench:code images: calligraffitti's `(et iq = 0,`, grape-nuts' `n = (en(rows) // 2`.
    assert.deepEqual(consistentLine([word('(et', { '(': 'l' }), word('iq'), word('='), word('0,')]), ['let', 'iq', '=', '0;']);
    assert.deepEqual(consistentLine([word('n'), word('='), word('(en(rows)', { '(': 'l' }), word('//'), word('2')]), ['n', '=', 'len(rows)', '//', '2']);
    // A bracket that closes, one before a single letter, and one read surely stay.
    assert.deepEqual(consistentLine([word('if'), word('(idx', { '(': 'l' }), word('<'), word('n)'), word('{')]), ['if', '(idx', '<', 'n)', '{']);
    assert.deepEqual(consistentLine([word('(x', { '(': 'l' }), word('+'), word('y')]), ['(x', '+', 'y']);
    const sure: CharReading[] = [...'(idx'].map((c) => ({ text: c, candidates: c === '(' ? [{ text: '(', p: 0.96 }, { text: 'l', p: 0.02 }] : [{ text: c, p: 0.9 }] }));
    assert.deepEqual(consistentLine([sure, word('+'), word('1')]), ['(idx', '+', '1']);
  });

  it('a ] that closes nothing on its line, inside a name or as a pair at its end, is the hooked l offered for it', () => {
    // bench:pad-accuracy: kranky's `HTTP nu]] print`, `42 he]]o Promise`, unkempt's `came]Case`.
    const sureSecond: CharReading[] = [...'nu]]'].map((c, i) => ({ text: c, candidates: i === 2 ? [{ text: ']', p: 0.6 }, { text: 'l', p: 0.3 }] : i === 3 ? [{ text: ']', p: 0.97 }] : [{ text: c, p: 0.9 }] }));
    assert.deepEqual(consistentLine([word('HTTP'), sureSecond, word('print')]), ['HTTP', 'null', 'print'], 'one of the pair offering l is enough');
    assert.deepEqual(consistentLine([word('he]]o', { ']': 'l' })]), ['hello']);
    assert.deepEqual(consistentLine([word('came]Case', { ']': 'l' })]), ['camelCase']);
    // A ] that closes a [ on its line, one after one letter, one at a word's end alone, and one not offered as l stay.
    assert.deepEqual(consistentLine([word('a[b[ij]]', { ']': 'l' })]), ['a[b[ij]]']);
    assert.deepEqual(consistentLine([word('[x,', { ']': 'l' }), word('ab]]', { ']': 'l' })]), ['[x,', 'ab]]'], 'the first closes the [, the second follows no letter');
    assert.deepEqual(consistentLine([word('x]]', { ']': 'l' })]), ['x]]']);
    assert.deepEqual(consistentLine([word('arr]', { ']': 'l' })]), ['arr]']);
    assert.deepEqual(consistentLine([word('nu]]', { ']': 'J' })]), ['nu]]']);
  });

  it("a one-letter name read as a same-shape capital is small when the line's other one-letter names are", () => {
    // bench:code: unkempt's pad `return [X, y];`, sue-ellen-francisco's `k = (x + y) * Z`, unkempt's image `y = X % 8;`.
    const offeredSmall = (text: string): CharReading[] => [...text].map((c) => ({ text: c, candidates: c === 'X' || c === 'Z' ? [{ text: c, p: 0.55 }, { text: c.toLowerCase(), p: 0.4 }] : [{ text: c, p: 0.9 }] }));
    assert.deepEqual(consistentLine([word('return'), offeredSmall('[X,'), word('y];')]), ['return', '[x,', 'y];']);
    assert.deepEqual(consistentLine([word('k'), word('='), word('(x'), word('+'), word('y)'), word('*'), offeredSmall('Z')]), ['k', '=', '(x', '+', 'y)', '*', 'z']);
    // Capitals among capitals, a capital of its own shape (A), one whose small letter was hardly offered, and letters inside names stay.
    assert.deepEqual(consistentLine([word('fit(X,'), word('Y)')]), ['fit(X,', 'Y)']);
    assert.deepEqual(consistentLine([offeredSmall('X'), word('='), word('A'), word('+'), word('b')]), ['X', '=', 'A', '+', 'b']);
    const sureCapital: CharReading[] = [{ text: 'X', candidates: [{ text: 'X', p: 0.85 }, { text: 'x', p: 0.1 }] }];
    assert.deepEqual(consistentLine([sureCapital, word('='), word('y')]), ['X', '=', 'y']);
    assert.deepEqual(consistentLine([offeredSmall('getX(a)')]), ['getX(a)']);
  });

  it('a function of one letter read as a capital is the small letter offered for it', () => {
    // bench:code: long-cang's and nerko-one's `x = F(a, b);`, `F(g(h(1)))` (f offered at 0.05-0.2).
    const fOffered = (text: string, p: number): CharReading[] => [...text].map((c) => ({ text: c, candidates: c === 'F' ? [{ text: 'F', p: 0.9 - p }, { text: 'f', p }] : [{ text: c, p: 0.9 }] }));
    assert.deepEqual(consistentLine([word('x'), word('='), fOffered('F(a,', 0.08), word('b);')]), ['x', '=', 'f(a,', 'b);']);
    assert.deepEqual(consistentLine([fOffered('F(g(h(1)))', 0.15)]), ['f(g(h(1)))']);
    // Not offered, not called, or part of a longer name: stays.
    assert.deepEqual(consistentLine([word('x'), word('='), fOffered('F(a)', 0.01)]), ['x', '=', 'F(a)']);
    assert.deepEqual(consistentLine([fOffered('F', 0.3), word('='), word('1')]), ['F', '=', '1']);
    assert.deepEqual(consistentLine([fOffered('getF(a)', 0.3)]), ['getF(a)']);
  });

  it('symbols that sit beside letters in code stay, and so does a clear slash', () => {
    assert.equal(consistentWord(word('y]', { ']': 'j' }), false).join(''), 'y]', 'a closing bracket after an index');
    assert.equal(consistentWord(word('f(a', { '(': 'l' }), false).join(''), 'f(a', 'an opening bracket before more of the word stays');
    assert.equal(consistentWord(word('foo(bar', { '(': 'l' }), false).join(''), 'foo(bar');
    assert.equal(consistentWord(word('f(Bar', { '(': 'l' }), false).join(''), 'f(Bar', 'one letter before it names a call');
    const clearSlash: CharReading[] = [...'a/b'].map((c) => ({ text: c, candidates: c === '/' ? [{ text: '/', p: 0.96 }, { text: 'l', p: 0.03 }] : [{ text: c, p: 0.9 }] }));
    assert.equal(consistentWord(clearSlash, false).join(''), 'a/b', 'l offered at 3% is not taken');
    assert.equal(consistentWord(word('1/2', { '/': 'l' }), false).join(''), '1/2', 'not a word of letters');
    assert.equal(consistentWord(word('x/', { '/': 'l' }), false).join(''), 'x/', 'one letter is not a word');
  });

  it('a bar that opens a name called, or whose member or index is taken, is its first letter', () => {
    // bench:code images, nanum-pen-script: `n = |en(rows) // 2`.
    assert.equal(consistentWord(word('|en(rows)', { '|': 'l' }), false).join(''), 'len(rows)');
    assert.equal(consistentWord(word('/ist.push(x)', { '/': 'l' }), false).join(''), 'list.push(x)');
    assert.equal(consistentWord(word('|ines[0]', { '|': 'l' }), false).join(''), 'lines[0]');
    // Bars of code stay: before one letter, before a name that no call, member or index follows, inside a word.
    assert.equal(consistentWord(word('|ab-c', { '|': 'l' }), false).join(''), '|ab-c');
    assert.equal(consistentWord(word('|x(1)', { '|': 'l' }), false).join(''), '|x(1)');
    assert.equal(consistentWord(word('|ab,', { '|': 'l' }), false).join(''), '|ab,');
    assert.equal(consistentWord(word('a|bc(x)', { '|': 'l' }), false).join(''), 'a|bc(x)');
  });
});
