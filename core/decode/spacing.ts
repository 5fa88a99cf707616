/**
 * Spaces that code and prose never write, whatever the gap: after an opening bracket, before a closing
 * one, a comma or a semicolon, inside a two-character operator, inside a string's quotes, before a
 * closing brace whose opening one has none after it, before the stop that ends a line and before a ; or ,
 * that stands alone (`b[j] ;`). Hands and fonts leave room around brackets, quotes and between the
 * strokes of != or ||; the gap alone made them spaces (`f (g( h ( 1 ) ) )`, `a ! = b`, `b | | c`, `" done"`).
 * And the other way, the space a binary operator misses on one side when it has one on the other (`x= f`).
 * Judged on each character's best class, and only where it is sure.
 */

import { DIGITS, isDigit, isLetterOrDigit, labelIndex, MERGED_LOWERCASE, QUOTE_MARKS } from '../labels';
import { argmax } from '../stats';

/** No space follows these... */
const OPENING_BRACKETS = '([';
/** ...and none comes before these... */
const HUGS_ITS_LEFT = ')],;';
/**
 * ...unless, for these, a letter follows in the same word: then it is more likely a letter misread (a J
 * read ], "Linda ]ohn") than a bracket that opens a word.
 */
const LETTER_LOOKALIKES = ')]';
/**
 * Written without a space between their two characters. Not >= here: a generic's > is followed by a
 * written space and = (`Vec<u8> = []`); unwrittenSpaces joins >= only after a space.
 */
const COMPOUND_OPERATORS = new Set(['==', '!=', '<=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '&&', '||', '++', '--', '=>', '->', '//']);
/** How sure the classifier must be of a character for it to take a space away (an l read '(' at 0.5 keeps its space: "total +="). */
export const SURE_SPACING = 0.9;

/**
 * Whether a space between characters read `left` and `right` (each '' when not read surely) is one no
 * one writes; `next`: the best class of the character after `right` in its word ('' at a word's end).
 */
export function spaceUnwritten(left: string, right: string, next: string): boolean {
  if (left.length === 1 && OPENING_BRACKETS.includes(left)) return true;
  // A stop that opens a name (`map .get`) or stands between digits (`5 .99`); `x = .5` keeps its space.
  if (right === '.' && (/^[A-Za-z_]$/.test(next) || (isDigit(left) && isDigit(next)))) return true;
  if (right.length === 1 && HUGS_ITS_LEFT.includes(right)) return !(LETTER_LOOKALIKES.includes(right) && isLetterOrDigit(next));
  return COMPOUND_OPERATORS.has(left + right);
}

/** What comes before each character of a line or grouping: nothing, a space, or a line break. */
export type Break = 'none' | 'space' | 'line';

/** The Break before each of `count` characters: a line break where `line(i)`, else a space where `space(i)`. */
export function breaksOf(count: number, space: (i: number) => boolean, line: (i: number) => boolean = () => false): Break[] {
  return Array.from({ length: count }, (_, i): Break => (line(i) ? 'line' : space(i) ? 'space' : 'none'));
}

/**
 * Which spaces in a run of characters no one writes (spaceUnwritten), from each character's class
 * probabilities (undefined for a blank): the indices i whose space before them goes. A character counts
 * as read surely when its best class reaches SURE_SPACING and `mayBeSure(i)` allows it; a line break is
 * never taken away, and ends a word as a space does.
 */
export function unwrittenSpaces(
  readings: readonly (Float32Array | undefined)[],
  labels: readonly string[],
  before: readonly Break[],
  mayBeSure: (i: number) => boolean = () => true,
): Set<number> {
  const best = readings.map((p) => (p ? argmax(p) : -1));
  const label = best.map((b) => labels[b] ?? '');
  const sure = readings.map((p, i) => (p && p[best[i]] >= SURE_SPACING && mayBeSure(i) ? label[i] : ''));
  const nextInWord = (i: number) => (i + 1 < label.length && before[i + 1] === 'none' ? label[i + 1] : '');
  const stopMass = classMass(labels, LINE_END_MARKS);
  const separatorMass = classMass(labels, LONE_SEPARATORS);
  const barMass = classMass(labels, BARS);
  const readAsBar = (i: number) => (label[i] === '|' || label[i] === '/') && mayBeSure(i) && barMass(readings[i]!) >= SURE_BAR;
  const out = new Set<number>();
  for (let i = 1; i < readings.length; i++) {
    if (before[i] !== 'space') continue;
    const p = readings[i];
    const atLineEnd = i + 1 === readings.length || before[i + 1] === 'line';
    if (
      spaceUnwritten(sure[i - 1], sure[i], nextInWord(i)) ||
      // A stop written right after a letter and before a small letter joins two names (`stdio. h`,
      // `host. com`, `user. age`): a sentence's next word opens with a capital.
      (sure[i - 1] === '.' && i >= 2 && before[i - 1] === 'none' && /^[A-Za-z]$/.test(label[i - 2]) && /^[a-z]$/.test(label[i])) ||
      // A ~ that opens a word is the unary not and holds on to its operand (`cost = ~ mask`).
      (sure[i - 1] === '~' && (i === 1 || before[i - 1] !== 'none' || (label[i - 2].length === 1 && OPENING_BRACKETS.includes(label[i - 2]))) && /^[A-Za-z_(]$/.test(label[i])) ||
      // A mark standing alone as a word ends the word before it: a ; or , anywhere (`b[j] ;`, `(a , b)`),
      // any stop at the line's end (`count++ ;`, `else :`). Sure it is one of them is enough, not which,
      // and less sure than beside a letter: alone, it is no letter's piece.
      (p !== undefined && (atLineEnd || before[i + 1] !== 'none') && mayBeSure(i) && (atLineEnd ? stopMass(p) : separatorMass(p)) >= SURE_LONE_STOP) ||
      // >= as an operator: its > stands after a space ("size >= 10"), a generic's closes a name (Vec<u8> = []).
      (sure[i - 1] === '>' && sure[i] === '=' && (i === 1 || before[i - 1] !== 'none')) ||
      // || or // whose strokes are surely bars but not surely | or / rather than l, I or 1 (`b | | c`,
      // `len(rows) / / 2`); each a word of its own, as an operator stands: the l's of "total let" read |
      // are no operator.
      (readAsBar(i - 1) && label[i] === label[i - 1] && readAsBar(i) && (i === 1 || before[i - 1] !== 'none') && (i + 1 === label.length || before[i + 1] !== 'none'))
    ) {
      out.add(i);
    }
  }
  for (const i of quotedSpaces(readings, labels, label, before)) out.add(i);
  for (const i of braceSpaces(sure, before)) out.add(i);
  return out;
}

/**
 * The space before a closing brace whose opening brace has none after it: braces are spaced alike on
 * both sides, `{ id: 7 }` or `{name}` (an f-string's, a template's `${a}`), and the gap before a } of
 * a narrow hand is often wide (`{name }`, `${a }`). Braces pair innermost first on each line, by their
 * sure readings (`sure`: '' where not sure).
 */
function braceSpaces(sure: readonly string[], before: readonly Break[]): number[] {
  const out: number[] = [];
  const open: boolean[] = [];
  for (let i = 0; i < sure.length; i++) {
    if (before[i] === 'line') open.length = 0;
    if (sure[i] === '{') open.push(i + 1 < sure.length && before[i + 1] === 'none');
    else if (sure[i] === '}' && open.length > 0 && open.pop() && before[i] === 'space') out.push(i);
  }
  return out;
}

/** The probability a reading puts on any of `chars` (the classes among `labels`). */
function classMass(labels: readonly string[], chars: string): (p: Float32Array) => number {
  const indices = labels.flatMap((l, k) => (chars.includes(l) ? [k] : []));
  return (p) => indices.reduce((s, k) => s + p[k], 0);
}

/**
 * How sure each of two neighbouring characters both read | (or both /) must be that it is a bar of some
 * kind (| l I 1 / \) for the space between them to go: two bars side by side are || (or //) whichever
 * bar each one is.
 */
const SURE_BAR = 0.8;
/** A plain upright bar: which of them a hand drew is told apart less surely than a bar from the rest. */
const BARS = '|lI1/\\';

/** Marks that end a line with no space before them (;  ,  .  :), told apart less surely than from a letter. */
const LINE_END_MARKS = ';,.:';
/** Marks that never stand alone between words in code or prose (a : does: `a ? b : c`). */
const LONE_SEPARATORS = ';,';
/**
 * How much of a lone mark's reading must be on those marks for it to join the word before it: 0.6 (oooh-baby's
 * `b[j] ;` read ; at 0.70, , at 0.17). npx tsx bench/code.ts --training-families: one pad line better, none worse.
 */
const SURE_LONE_STOP = 0.6;

/** What a string's opening quote may follow in its word: an opening bracket, an assignment, a separator. */
const BEFORE_OPENING = '([{=,:';
/** Letters that prefix a string in code: Python's f, r, b and u (f"{name}"). */
const STRING_PREFIXES = 'frbuFRBU';
/** What a string's closing quote may be followed by in its word. */
const AFTER_CLOSING = ')]},;:.';

/**
 * The spaces inside a quoted string's quotes: after its opening quote and before its closing one (`" done"`,
 * `' tick '`): a narrow tick high on the line leaves a wide gap beside the letters. A character is a quote
 * when its probability on the quote classes reaches SURE_SPACING; quotes pair left to right on each line,
 * an opening one starting its word (or after an opening bracket, = , :) and a closing one ending its word
 * (or before a closing bracket or punctuation). A quote between two letters is an apostrophe (it's) and pairs with none.
 */
function quotedSpaces(readings: readonly (Float32Array | undefined)[], labels: readonly string[], best: readonly string[], before: readonly Break[]): number[] {
  // Quote marks of any kind: a hand's " ' and ` are told apart less surely than a quote from a letter.
  const quoteMass = classMass(labels, QUOTE_MARKS);
  const isQuote = (i: number) => {
    const p = readings[i];
    return p !== undefined && quoteMass(p) >= SURE_SPACING;
  };
  const letter = (i: number) => i >= 0 && i < best.length && isLetterOrDigit(best[i]);
  // A string's prefix letter (f"...", r'...') that opens its word or follows what a string may follow.
  const stringPrefix = (p: number) => STRING_PREFIXES.includes(best[p]) && (p === 0 || before[p] !== 'none' || BEFORE_OPENING.includes(best[p - 1]));
  const out: number[] = [];
  let open = false;
  for (let q = 0; q < readings.length; q++) {
    if (before[q] === 'line') open = false;
    if (!isQuote(q)) continue;
    const joinedLeft = q > 0 && before[q] === 'none';
    const joinedRight = q + 1 < readings.length && before[q + 1] === 'none';
    if (joinedLeft && joinedRight && letter(q - 1) && letter(q + 1)) continue;
    const startsWord = !joinedLeft || BEFORE_OPENING.includes(best[q - 1]) || stringPrefix(q - 1);
    const endsWord = !joinedRight || AFTER_CLOSING.includes(best[q + 1]);
    if (!open && startsWord) {
      if (q + 1 < readings.length && before[q + 1] === 'space') out.push(q + 1);
      open = true;
    } else if (open && endsWord) {
      if (q > 0 && before[q] === 'space') out.push(q);
      open = false;
    }
  }
  return out;
}

/** Operators that are always binary, spaced alike on both sides in code (not - + * & !, which may be unary, nor < >, which close generics). */
export const BINARY_OPERATORS: ReadonlySet<string> = new Set(['=', '==', '===', '!=', '!==', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '=>', '??', '&&', '||', '^', '|']);
/** Characters an operator is made of. */
const OPERATOR_CHARS = '=!<>+-*/%&|^?~';

/** Whether `label` is one of the characters an operator is made of. */
export function isOperatorChar(label: string): boolean {
  return label.length === 1 && OPERATOR_CHARS.includes(label);
}
/**
 * Letters written alike in both cases but for their size (labels.ts MERGED_LOWERCASE), less the bars i j l
 * and the ring o: read surely as either case, they are the letter.
 */
const CASE_TWINS = MERGED_LOWERCASE.replace(/[ijlo]/g, '');
/** How sure each of an operator's characters must be of its class for the operator to be spaced on both sides. */
const SURE_OPERATOR = 0.8;

/**
 * Spaces a binary operator misses on one side when it has one on the other (`x= f`, `i<= 42`, `a!= b`,
 * `== 'a'` read `=='a'`, `age> 18`): whoever spaces one side of `=` spaces both, and a gap under the word
 * gap beside it is a narrow hand's, not a choice. Returns the indices i that get a space before them. An operator is
 * a maximal run of characters read as operator characters inside a word (BINARY_OPERATORS), each read at
 * least SURE_OPERATOR (an unsure - beside = leaves -= as it stands), as is the character joined to it.
 */
export function operatorSpaces(readings: readonly (Float32Array | undefined)[], labels: readonly string[], before: readonly Break[]): Set<number> {
  const best = readings.map((p) => (p ? argmax(p) : -1));
  const label = best.map((b) => labels[b] ?? '');
  const isOperator = label.map(isOperatorChar);
  const sure = readings.map((p, i) => p !== undefined && p[best[i]] >= SURE_OPERATOR);
  // An operand joined to the operator may be sure of its letter, not its case (an x at 0.76 beside X 0.09);
  // not of a ring (o O 0), which a dot's reading also is (the pad's `!=` written as `'.=`).
  const sureOperand = readings.map((p, i) => {
    if (p === undefined || sure[i] || label[i].length !== 1 || !CASE_TWINS.includes(label[i].toLowerCase())) return sure[i];
    const twin = labelIndex(labels, label[i] === label[i].toLowerCase() ? label[i].toUpperCase() : label[i].toLowerCase());
    return twin >= 0 && p[best[i]] + p[twin] >= SURE_OPERATOR;
  });
  const out = new Set<number>();
  // A lone < or > is a comparison, spaced as the others, where its line holds no partner for it (a
  // generic's `Vec<u8>`) and no operator stands beside it (a generic whose < was lost: `Vec u8> = []`).
  const lineOf: number[] = [];
  before.forEach((b, i) => lineOf.push(i === 0 ? 0 : lineOf[i - 1] + (b === 'line' ? 1 : 0)));
  const comparison = (op: string, start: number) =>
    !isOperator[start + 1] && !isOperator[start - 1] &&
    ((op === '>' && !label.some((l, j) => l === '<' && j < start && lineOf[j] === lineOf[start])) ||
      (op === '<' && !label.some((l, j) => l === '>' && j > start && lineOf[j] === lineOf[start])));
  for (const [start, end] of runsOf(isOperator, (i) => before[i] === 'none')) {
    const op = sure.slice(start, end + 1).every(Boolean) ? label.slice(start, end + 1).join('') : '';
    const spacedBefore = start > 0 && before[start] === 'space';
    const spacedAfter = end + 1 < readings.length && before[end + 1] === 'space';
    // The character joined to it must be read surely too: a ! misread P beside its = is no name (`a P= b`).
    const joinedBefore = start > 0 && before[start] === 'none' && sureOperand[start - 1];
    const joinedAfter = end + 1 < readings.length && before[end + 1] === 'none' && sureOperand[end + 1];
    if (BINARY_OPERATORS.has(op) || ((op === '<' || op === '>') && comparison(op, start))) {
      if (spacedBefore && joinedAfter) out.add(end + 1);
      if (spacedAfter && joinedBefore) out.add(start);
    }
  }
  return out;
}

/** Operators of one character that stand between two operands, spaced alike on both sides when spaced. */
const LONE_OPERATORS = '=^|%&+*';
/** What an operand ends with, before an operator... */
const OPERAND_END = /^[A-Za-z0-9_)\]"'`]$/;
/** ...and begins with, after one (a sign or ~ too: `= -1`, `= ~mask`). */
const OPERAND_START = /^[A-Za-z0-9_(\["'`$~-]$/;
/** A gap at least this share of the body height on both sides of a lone operator is a space. */
const OPERATOR_GAP = 0.3;

/**
 * Spaces on both sides of a lone operator between two operands where both its gaps are wide for letters,
 * though the word-gap rule (segment/words.ts) took them for gaps inside a word: a narrow hand spaces
 * `y = x % 8` by a third of its x-height, and a line of one-letter names and operators has no gap inside
 * a word to tell its spaces from (`y=x%8;`). Meant for images, whose gaps are measured on the ink. The operator
 * (LONE_OPERATORS) is read at least SURE_OPERATOR, the characters beside it best as operands (an x at 0.76
 * beside its X is an operand either way). `gaps[i]` is the gap after character i; returns the indices i
 * that get a space before them.
 */
export function lonelyOperatorSpaces(readings: readonly (Float32Array | undefined)[], labels: readonly string[], gaps: readonly number[], bodyHeight: number, before: readonly Break[]): Set<number> {
  const read = (i: number, sure = 0) => {
    const p = readings[i];
    const best = p ? argmax(p) : -1;
    return p && p[best] >= sure ? labels[best] ?? '' : '';
  };
  const out = new Set<number>();
  for (let i = 1; i + 1 < readings.length; i++) {
    const op = read(i, SURE_OPERATOR);
    if (before[i] !== 'none' || before[i + 1] !== 'none' || op.length !== 1 || !LONE_OPERATORS.includes(op)) continue;
    if (!OPERAND_END.test(read(i - 1)) || !OPERAND_START.test(read(i + 1))) continue;
    if (gaps[i - 1] >= OPERATOR_GAP * bodyHeight && gaps[i] >= OPERATOR_GAP * bodyHeight) out.add(i).add(i + 1);
  }
  return out;
}

/** The maximal runs [start, end] of indices whose `member` is true, each index after a run's first also `joined` to the one before. */
function runsOf(member: readonly boolean[], joined: (i: number) => boolean = () => true): [number, number][] {
  const runs: [number, number][] = [];
  for (let start = 0; start < member.length; ) {
    if (!member[start]) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < member.length && member[end + 1] && joined(end + 1)) end++;
    runs.push([start, end]);
    start = end + 1;
  }
  return runs;
}

/**
 * A number's digits spaced evenly but widely (many hands and fonts give digits a wider cell than
 * letters: "1 9 72" for 1972) are one number. Within each run of at least three characters read as
 * digits, a break whose gap is at most NUMBER_GAP_RATIO times the median of the run's other gaps is
 * no space; two numbers side by side ("1999 2026") keep theirs. Returns the breaks to drop.
 */
export function evenlySpacedNumbers(gaps: readonly number[], breaks: ReadonlySet<number>, digit: readonly boolean[]): Set<number> {
  const drop = new Set<number>();
  for (const [start, end] of runsOf(digit)) {
    // Characters start..end are digits; gaps start..end-1 lie between them. A digit that ends or starts
    // a word of letters belongs to that word ("Index4 613" is a name and a number).
    const from = start > 0 && !breaks.has(start - 1) ? start + 1 : start;
    const to = end + 1 < digit.length && !breaks.has(end) ? end - 1 : end;
    if (to - from >= 2) {
      for (let g = from; g < to; g++) {
        if (!breaks.has(g)) continue;
        const others = gaps.slice(from, to).filter((_, k) => from + k !== g);
        const typical = others.sort((a, b) => a - b)[Math.floor((others.length - 1) / 2)];
        if (typical > 0 && gaps[g] <= NUMBER_GAP_RATIO * typical) drop.add(g);
      }
    }
  }
  return drop;
}

/**
 * How much wider than its number's other gaps a gap between digits must be to stay a space: twice.
 * bench:text page clean 2.4 -> 2.1% CER (words 14.4 -> 11.4% wrong), upside down 2.0 -> 1.8%, tight
 * pages 2.8 -> 2.7%, no group worse; pages of the training families (seed 4242) as before.
 */
const NUMBER_GAP_RATIO = 2;

/**
 * A character counts as a digit, for a number's spacing, when at least this share of its probability is
 * on digits: a 0 the classifier calls O at 0.6 still counts (Hershey scriptc's "2026" on the pad, 0 at
 * 0.41). 0.35 against 0.5: bench:text page camera 2.3 -> 2.2%, bench:pad-accuracy scriptc 10.1 -> 9.4%,
 * every other group and the training families' pages as before.
 */
const DIGIT_SHARE = 0.35;

/** Whether a character's class probabilities (undefined for a blank) read as a digit, for evenlySpacedNumbers. */
export function readsAsDigit(probs: Float32Array | undefined, labels: readonly string[]): boolean {
  return probs !== undefined && classMass(labels, DIGITS)(probs) >= DIGIT_SHARE;
}
