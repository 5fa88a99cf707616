/**
 * Case and digits that agree within a word and a line, after each character was decoded with its
 * neighbours: a word written in capitals reads in capitals ("BuTToN" -> "BUTTON", a y in "READy"), a
 * line of capitals too, and a number reads as digits ("2oo9" -> "2009"). A change is made only to an
 * alternative the classifier itself offered for that character, and never breaks camelCase: a word
 * with a small letter whose shape shows its case (a, b, d, e, ...) is left as it is.
 */
import { isDigit } from '../labels';
import { CharReading, offered, offeredProbability } from './charReading';
import { divisionBetweenNumbers, operandDigits, operatorsBetweenOperands, statementSemicolon } from './codeStatements';
import { pairedQuotes } from './quotePairs';
import { pairedBrackets, unmatchedBrackets } from './bracketPairs';
import { isIdentifierChar } from './lexicon';

export type { CharReading } from './charReading';

/** Letters whose capital and small forms differ in shape: they show which case a word is in. */
const CASE_EVIDENT = new Set('aAbBdDeEfFgGhHnNqQrRtT');
/** What a small letter means in a word of capitals (l is the twin of capital I). */
const CAPITAL_OF: Record<string, string> = { l: 'I' };
/** Letters that are a 0's ring or a 1's bar. */
const RING_OR_BAR = 'oOlI';
/** Letters a number's digits are mistaken for, and the digit each stands for. */
const DIGIT_TWIN: Record<string, string> = { o: '0', O: '0', D: '0', l: '1', I: '1', i: '1', z: '2', Z: '2', s: '5', S: '5', q: '9', g: '9', b: '6', B: '8' };
/**
 * Capitals that end an identifier after a small letter only as a digit's twin: saveKey1 read saveKeyI,
 * getData5 read getDataS, max0 read maxO. (B, D and Z stay: nodeB, posZ are names.)
 */
const TRAILING_DIGIT_TWIN: Record<string, string> = { I: '1', O: '0', S: '5' };
/**
 * Digits that open a word of small letters only as a letter's twin (0scar read for Oscar, 5tring for
 * String): no word or identifier starts with a digit and goes on in letters. 1 stays: 1st, 1px.
 */
const LEADING_LETTER_TWIN: Record<string, string> = { '0': 'O', '5': 'S' };
/** Hex digits (case as written: 0x1f and 0x1F are both code). */
const HEX_DIGIT = /^[0-9a-fA-F]$/;
/** What a hex literal's digits are misread as when they are not hex digits themselves: a digit's letter twins, and bars for 1. */
const HEX_TWIN: Record<string, string> = { o: '0', O: '0', l: '1', I: '1', i: '1', '|': '1', '/': '1', '\\': '1', z: '2', Z: '2', s: '5', S: '5', q: '9', g: '9' };
/**
 * A bar in a hex literal is its 1 even when the classifier did not offer 1: no other hex digit is a single
 * stroke, and no letter i stands in one (a 1 whose flag reads as a dot: the-girl-next-door's `oxiF`).
 */
const HEX_BARS = new Set(['|', 'l', 'I', 'i']);
/**
 * Symbols a letter is mistaken for when it leans or hooks (a slanted l reads /, a capital I reads |,
 * a J reads ], an l leaning back reads (), and the letters they stand for in a word of letters. Only
 * these, and ( only at a word's end: [ ! . , ' and the rest sit beside letters in code every day
 * (f(a, a[i], !done, a.b).
 */
const LETTER_TWINS: Record<string, string> = { '|': 'lI', '/': 'lI', '\\': 'lI', ']': 'Jj', '(': 'lI' };
/** Twins of a name's first letter in a word of code, and what may follow the name there. */
const BAR_TWINS = new Set(['|', '/', '\\']);
const NAME_ENDS = new Set(['(', '.', '[']);
/** Twins only at a word's start: a J with a flat top opens a word, while y]; closes an index. */
const OPENING_TWINS = new Set([']']);
/**
 * Twins only at a word's end: an l leaning back reads ( ("schoo(", "tota("), while f(a, (x and
 * foo(bar open their brackets before more of the word.
 */
const CLOSING_TWINS = new Set(['(']);
/** A bar that opens a number is its 1 (|917 -> 1917); only there, as 1|2 is code. */
const OPENING_DIGIT_TWIN: Record<string, string> = { '|': '1' };
/** A symbol becomes a letter only when the classifier gave that letter at least this much: a clear a/b stays. */
const MIN_TWIN_OFFERED = 0.05;

const isLetter = (c: string) => /^[A-Za-z]$/.test(c);
const isUpper = (c: string) => isLetter(c) && c === c.toUpperCase();

/** True when a line's letters are capitals: at least three that show their case, none of them small. */
export function isCapitalsLine(words: readonly (readonly CharReading[])[]): boolean {
  let upper = 0;
  for (const w of words) for (const c of w) {
    if (!CASE_EVIDENT.has(c.text)) continue;
    if (!isUpper(c.text)) return false;
    upper++;
  }
  return upper >= 3;
}

/**
 * The characters of one word with case and digits made to agree (see the module comment);
 * `capitalsLine`: the rest of its line is written in capitals.
 */
export function consistentWord(word: readonly CharReading[], capitalsLine: boolean, allowed: (label: string) => boolean = () => true): string[] {
  const hex = hexLiteral(word, allowed);
  if (hex) return hex;
  word = closingSemicolon(symbolsAsLetters(word, allowed), allowed);
  const texts = word.map((c) => c.text);
  const digits = texts.filter(isDigit).length;
  const letters = texts.filter(isLetter);
  // A bar opening a number (a year, a count) is its 1.
  const opening = OPENING_DIGIT_TWIN[texts[0]];
  if (opening && texts.length >= 3 && texts.slice(1).every(isDigit) && offered(word[0], opening, allowed)) return [opening, ...texts.slice(1)];
  // A number with letters in it that are digits' twins: all of them digits, or none changed. After a
  // leading digit, a ring or bar alone is enough (`size >= 1o`): no name starts with a digit.
  const ringsAndBars = isDigit(texts[0]) && letters.length > 0 && letters.every((c) => RING_OR_BAR.includes(c));
  if ((digits >= 2 || ringsAndBars) && letters.length > 0 && digits >= letters.length) {
    const asDigits = word.map((c) => (isLetter(c.text) ? DIGIT_TWIN[c.text] : c.text));
    if (asDigits.every((t, i) => t !== undefined && (t === texts[i] || offered(word[i], t, allowed)))) return asDigits as string[];
  }
  const evidentSmall = letters.some((c) => CASE_EVIDENT.has(c) && !isUpper(c));
  // A word that opens with a digit's twin and goes on in three or more letters, one of them plainly small.
  // (0x, 0b and 0o open numbers written in code: 0xfF is a misread 0x1F, not Oxff.)
  const leading = texts[0] === '0' && /^[xXbBoO]$/.test(texts[1] ?? '') ? undefined : LEADING_LETTER_TWIN[texts[0]];
  if (leading && evidentSmall && texts.length >= 4 && digits === 1 && letters.length === texts.length - 1 && offered(word[0], leading, allowed)) {
    return withTrailingDigit(word, [leading, ...texts.slice(1)], allowed);
  }
  if (evidentSmall) return smallAtEnd(word, withTrailingDigit(word, smallBeforeNumber(word, doubleSmallL(word, texts, allowed), allowed), allowed), allowed);
  const upper = letters.filter(isUpper).length;
  const capitals = (upper >= 2 && upper > letters.length - upper) || (capitalsLine && letters.length > 0);
  if (!capitals) return texts;
  return word.map((c) => {
    if (!isLetter(c.text) || isUpper(c.text)) return c.text;
    const capital = CAPITAL_OF[c.text] ?? c.text.toUpperCase();
    return offered(c, capital, allowed) ? capital : c.text;
  });
}

/**
 * A hex literal (0x1F, 0xff00) whose digits were read as their letter or bar twins (0x|F, 0xlF, OxIF):
 * after 0x only hex digits follow, so each twin becomes the digit the classifier also offered, and a
 * capital X or a letter O of the prefix its usual 0x. Taken only when the word is plainly a number:
 * it opens with a 0 as decoded, or a digit or a capital A-F follows the x ("oxide" stays a word), and every
 * character after the x is a hex digit or becomes one; otherwise undefined.
 */
function hexLiteral(word: readonly CharReading[], allowed: (label: string) => boolean): string[] | undefined {
  const texts = word.map((c) => c.text);
  if (texts.length < 3 || !/^[0oO]$/.test(texts[0]) || !/^[xX]$/.test(texts[1])) return undefined;
  const rest = texts.slice(2);
  if (texts[0] !== '0' && !rest.some((t) => isDigit(t) || /^[A-F]$/.test(t))) return undefined;
  // Already read as written: the word's other rules still apply (a capitals line may make its x an X).
  if (rest.every((t) => HEX_DIGIT.test(t)) && texts[0] === '0' && texts[1] === 'x') return undefined;
  const digits = rest.map((t, i) => {
    const twin = HEX_TWIN[t];
    return HEX_DIGIT.test(t) ? t : twin && (offered(word[i + 2], twin, allowed) || (HEX_BARS.has(t) && allowed(twin))) ? twin : undefined;
  });
  if (digits.some((d) => d === undefined)) return undefined;
  // Its digits are hex digits now, so the ring before the x is the 0 of 0x whatever the classifier offered.
  const zero = allowed('0') ? '0' : texts[0];
  const x = texts[1] === 'x' || offered(word[1], 'x', allowed) ? 'x' : texts[1];
  return [zero, x, ...(digits as string[])];
}

/**
 * In a word with small letters, a pair of capital L or I right after a small letter is a double l, if
 * the classifier offered l for one of them (nuLL -> null, heLLo -> hello: a hand whose l has a foot):
 * two capitals after small letters open an acronym (toURL), and LL or II opens none.
 */
function doubleSmallL(word: readonly CharReading[], texts: string[], allowed: (label: string) => boolean): string[] {
  const out = [...texts];
  for (let i = 1; i + 1 < texts.length; i++) {
    const pair = /^[LI]$/.test(texts[i]) && /^[LI]$/.test(texts[i + 1]);
    if (!pair || !isLetter(texts[i - 1]) || isUpper(texts[i - 1]) || isUpper(texts[i + 2] ?? '')) continue;
    // One of the two offered l is enough: the same hand's second l is often read surely as L.
    if (allowed('l') && (offered(word[i], 'l', allowed) || offered(word[i + 1], 'l', allowed))) out[i] = out[i + 1] = 'l';
  }
  return out;
}

/** Capitals whose small letter has the same shape: only their size tells them apart. */
const SAME_SHAPE_CAPITALS = new Set('CMOPSUVWXYZ');

/**
 * In a word with small letters, a same-shape capital between a small letter and the digits that end
 * the word is its small letter, if the classifier offered it (idX2 -> idx2, itemS3 -> items3): a
 * camelCase hump goes on in small letters, and one capital alone before a number starts none.
 */
function smallBeforeNumber(word: readonly CharReading[], texts: string[], allowed: (label: string) => boolean): string[] {
  let end = texts.length;
  while (end > 0 && isDigit(texts[end - 1])) end--;
  const at = end - 1;
  if (end === texts.length || at < 1 || !SAME_SHAPE_CAPITALS.has(texts[at])) return texts;
  const before = texts[at - 1];
  const small = texts[at].toLowerCase();
  if (!isLetter(before) || isUpper(before) || !offered(word[at], small, allowed)) return texts;
  return [...texts.slice(0, at), small, ...texts.slice(end)];
}

/**
 * Same-shape capitals that end a word only as their small letter: a camelCase hump goes on in small
 * letters, and a name that ends in one capital ends in a coordinate (posX, offsetY, getZ) or a digit's
 * twin (withTrailingDigit), not in a C, M, P, U, V or W ("neW", "jumpS" are a tall new, jumps).
 */
const SMALL_AT_END = new Set('CMPSUVW');

/**
 * In a word with small letters, a same-shape capital that ends it right after a small letter is its
 * small letter, if the classifier offered it (see SMALL_AT_END). Applied after withTrailingDigit, so an
 * S whose digit the classifier also offered has already become that digit (getData5).
 */
function smallAtEnd(word: readonly CharReading[], texts: string[], allowed: (label: string) => boolean): string[] {
  const n = texts.length;
  if (n < 2) return texts;
  const last = texts[n - 1], before = texts[n - 2];
  if (!SMALL_AT_END.has(last) || !isLetter(before) || isUpper(before)) return texts;
  const small = last.toLowerCase();
  return offered(word[n - 1], small, allowed) ? [...texts.slice(0, n - 1), small] : texts;
}

/**
 * A word in small letters (camelCase included) that ends in a capital I, O or S right after a small
 * letter ends in that capital's digit, if the classifier offered it: no word or name ends so, while
 * identifiers often end in a digit.
 */
function withTrailingDigit(word: readonly CharReading[], texts: string[], allowed: (label: string) => boolean): string[] {
  const n = texts.length;
  if (n < 3) return texts;
  const last = texts[n - 1], before = texts[n - 2];
  const digit = TRAILING_DIGIT_TWIN[last];
  if (!digit || !isLetter(before) || isUpper(before) || !offered(word[n - 1], digit, allowed)) return texts;
  return [...texts.slice(0, n - 1), digit];
}

/**
 * In a word of letters (two or more, and nothing but letters and LETTER_TWINS), each twin symbol
 * reads as the letter the classifier offered for it ("tota/" -> "total", "]umps" -> "jumps"); case
 * is settled afterwards with the rest of the word. In a word of code, a bar before two letters or more
 * and then a `(`, `.` or `[` (a name called, or its member or index taken) is that name's first letter
 * (nanum-pen-script's `n = |en(rows) // 2` in an image); a bar anywhere else there is code's own.
 */
function symbolsAsLetters(word: readonly CharReading[], allowed: (label: string) => boolean): readonly CharReading[] {
  // ...or before a capital that humps a camelCase name, after two letters or more (`came(Case`: an l read
  // ( at 0.3-0.6 beside l at 0.2-0.4 in seven lines of bench:pad-accuracy's slanted, bold and narrow groups).
  const beforeHump = (i: number) => i >= 2 && i + 1 < word.length && isUpper(word[i + 1].text);
  const twinAt = (c: CharReading, i: number) =>
    c.text in LETTER_TWINS && (i === 0 || !OPENING_TWINS.has(c.text)) && (i === word.length - 1 || !CLOSING_TWINS.has(c.text) || beforeHump(i));
  const letters = word.filter((c) => isLetter(c.text)).length;
  let upTo = word.length;
  if (letters < 2 || letters === word.length || !word.every((c, i) => isLetter(c.text) || twinAt(c, i))) {
    // A name that opens a call, a member or an index (`|en(rows)`, `/ist.push`): only a bar that opens it.
    let end = 1;
    while (end < word.length && isLetter(word[end].text)) end++;
    if (!BAR_TWINS.has(word[0].text) || end < 3 || (end < word.length && !NAME_ENDS.has(word[end].text))) return word;
    upTo = 1;
  }
  return word.map((c, i) => {
    if (i >= upTo || !twinAt(c, i)) return c;
    const letter = offeredTwin(c, LETTER_TWINS[c.text], allowed);
    return letter ? { ...c, text: letter } : c;
  });
}

/** The likeliest of `twins` the classifier offered for `c` at MIN_TWIN_OFFERED or more, if any. */
function offeredTwin(c: CharReading, twins: string, allowed: (label: string) => boolean): string | undefined {
  let best: { text: string; p: number } | undefined;
  for (const x of c.candidates) if (twins.includes(x.text) && allowed(x.text) && x.p >= MIN_TWIN_OFFERED && (!best || x.p > best.p)) best = x;
  return best?.text;
}

/**
 * A ( that opens a name (two letters or more, then the word's end or what follows a name: `(` `.` `[`) and
 * closes nowhere on its line is the leaning l the classifier also offered (`(et iq = 0,`, `n = (en(rows)`,
 * `(cg("done")`): a bracket opened before a name is closed after it.
 */
function unclosedOpeningLetters(words: readonly (readonly CharReading[])[], texts: string[][], allowed: (label: string) => boolean): string[][] {
  const out = texts.map((t) => [...t]);
  for (const [wi, ci] of unmatchedBrackets(texts, '(', ')').unclosed) {
    const t = texts[wi];
    let end = ci + 1;
    while (end < t.length && isLetter(t[end])) end++;
    if (ci !== 0 || end - ci - 1 < 2 || (end < t.length && !NAME_ENDS.has(t[end]))) continue;
    const letter = offeredTwin(words[wi][ci], LETTER_TWINS['('], allowed);
    if (letter) out[wi][ci] = letter;
  }
  return out;
}

/**
 * A ] that closes nothing on its line, after two letters or more of a name and before a letter, is the
 * hooked l the classifier also offered (`came]Case`), and so is a pair of them there or at the word's
 * end, where one offering l is enough (`nu]]`, `he]]o`: a hand whose l has a foot reads ] surely).
 */
function unopenedClosingLetters(words: readonly (readonly CharReading[])[], texts: string[][], allowed: (label: string) => boolean): string[][] {
  const unopened = new Set(unmatchedBrackets(texts, '[', ']').unopened.map(([wi, ci]) => `${wi}:${ci}`));
  const out = texts.map((t) => [...t]);
  texts.forEach((t, wi) => {
    for (let ci = 2; ci < t.length; ci++) {
      if (!unopened.has(`${wi}:${ci}`) || !isLetter(t[ci - 1]) || !isLetter(t[ci - 2])) continue;
      const pair = unopened.has(`${wi}:${ci + 1}`);
      const after = t[ci + (pair ? 2 : 1)];
      if (after === undefined ? !pair : !isLetter(after)) continue;
      const own = pair ? [ci, ci + 1] : [ci];
      if (!own.some((k) => offeredTwin(words[wi][k], 'l', allowed))) continue;
      for (const k of own) out[wi][k] = 'l';
      ci += own.length;
    }
  });
  return out;
}

/** The small letter of a lone capital must have been offered at least this much (loneNamesSmall). */
const LONE_SMALL_OFFERED = 0.25;

/**
 * A name of one letter (a letter with no letter or digit beside it: `c`, `[x,`, `(x`) read as a
 * same-shape capital (C O S V X Z ...) is small when the line's other one-letter names are all small and
 * the classifier offered the small letter at LONE_SMALL_OFFERED or more: `ok = a && b || C;` -> `c`,
 * `k = (x + y) * Z` -> `z`. Only size tells those capitals from their small letters, and a line's
 * one-letter names are mostly of one case; a capital among capitals (`fit(X, Y)`) stays. A one-letter
 * name called (`F(a, b)`) is small wherever the classifier offered the small letter at all.
 */
function loneNamesSmall(words: readonly (readonly CharReading[])[], texts: string[][], allowed: (label: string) => boolean): string[][] {
  const lone: [number, number][] = [];
  texts.forEach((t, wi) =>
    t.forEach((ch, ci) => {
      const beside = (k: number) => isIdentifierChar(t[k] ?? '');
      if (isLetter(ch) && !beside(ci - 1) && !beside(ci + 1)) lone.push([wi, ci]);
    }),
  );
  const out = texts.map((t) => [...t]);
  // A function of one letter is called by its small name (f(a, b), g(x)): a capital read there is the
  // small letter the classifier offered at all (long-cang's and nerko-one's f read F at 0.8-0.9).
  const called = lone.filter(([wi, ci]) => isUpper(texts[wi][ci]) && texts[wi][ci + 1] === '(');
  for (const [wi, ci] of called) if (offeredTwin(words[wi][ci], texts[wi][ci].toLowerCase(), allowed)) out[wi][ci] = texts[wi][ci].toLowerCase();
  const capital = lone.filter(([wi, ci]) => isUpper(out[wi][ci]));
  if (capital.length === 0 || capital.length === lone.length) return out;
  if (capital.some(([wi, ci]) => !SAME_SHAPE_CAPITALS.has(out[wi][ci]))) return out;
  for (const [wi, ci] of capital) {
    const small = out[wi][ci].toLowerCase();
    if (offeredProbability(words[wi][ci], small, allowed) >= LONE_SMALL_OFFERED) out[wi][ci] = small;
  }
  return out;
}

/** The line's letters taken for code's marks or capitals, set right in this order (consistentLine). */
const LETTERS_IN_CODE = [unclosedOpeningLetters, unopenedClosingLetters, loneNamesSmall];

/**
 * A j or i that ends a word right after a closing bracket, `++` or `--`, or a number is the semicolon the
 * classifier also offered (`f(a, b)j` -> `f(a, b);`, `count++i`, `i <= 42j`): no name goes on in a letter
 * there.
 */
function closingSemicolon(word: readonly CharReading[], allowed: (label: string) => boolean): readonly CharReading[] {
  const n = word.length;
  if (n < 2 || !SEMICOLON_LOOKALIKES.includes(word[n - 1].text)) return word;
  const head = word.slice(0, n - 1).map((c) => c.text).join('');
  // `count++` before it, not `++` alone: `++i` is a name after its operator.
  if (!/(?:[)\]]|\w\+\+|\w--|^\d+)$/.test(head)) return word;
  return offered(word[n - 1], ';', allowed) ? [...word.slice(0, n - 1), { ...word[n - 1], text: ';' }] : word;
}
/** The letters a semicolon reads as. */
const SEMICOLON_LOOKALIKES = ['j', 'i'];

/**
 * Every word of a line made consistent, a leaning l read ( where no bracket can open (unclosedOpeningLetters),
 * its code read as code (codeStatements.ts), its strings' quotes paired (quotePairs.ts) and its brackets too
 * (bracketPairs.ts); returns the new texts, one string per word.
 */
export function consistentLine(words: readonly (readonly CharReading[])[], allowed: (label: string) => boolean = () => true): string[] {
  const capitalsLine = isCapitalsLine(words);
  // Letters read as code's marks or capitals, before the statement: a leaning l read ( leaves a bracket
  // open that would keep the statement's `;` from being read, a hooked l read ] closes one.
  const own = LETTERS_IN_CODE.reduce((texts, step) => step(words, texts, allowed), words.map((w) => consistentWord(w, capitalsLine, allowed)));
  // The statement's end first: an operand's closing mark may be a ; read as : (`= O:`).
  const statements = operatorsBetweenOperands(words, operandDigits(words, statementSemicolon(words, own, allowed), allowed), allowed);
  const texts = divisionBetweenNumbers(words, statements, allowed);
  return pairedBrackets(words, pairedQuotes(words, texts, allowed), allowed).map((t) => t.join(''));
}
