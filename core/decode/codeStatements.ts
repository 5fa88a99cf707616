/**
 * A line of code read as code, after its words were decoded and made consistent: a lone bar or ring after
 * an operator is a digit (`x -= l` -> `x -= 1`), a word between two operands is an operator (`a dd b` ->
 * `a && b`), a bar between two numbers divides them (`3 | 4` -> `3 / 4`), and a statement's last mark read
 * `:` or `,` is its `;`. Each change only to an alternative the
 * classifier offered (but a bar's 1 or |: a plain bar is l, I, | or 1 alike), on lines whose operators show
 * they are code.
 */
import { bracketsClose } from './bracketPairs';
import { CharReading, offered, offeredProbability } from './charReading';

/** Assignments written as a word of their own: a line with one that ends in , ends a statement (`cost = ~mask,`). */
const ASSIGNMENTS = ['=', '+=', '-=', '*=', '/=', '%='];
/** Comparisons and logical operators written as a word of their own. */
const COMPARISONS = ['==', '===', '!=', '!==', '<=', '>=', '&&', '||', '??'];
/** Operators written as a word of their own, after which an operand follows (`x -= 1`, `idx = 0;`). */
const OPERATORS = new Set([...ASSIGNMENTS, ...COMPARISONS, '<', '>', '+', '-', '*', '/', '%']);
/**
 * A bar or a ring standing alone after an operator, and the digit it is: a name l, I or o is rare there
 * (PEP 8 forbids l, I, O), and a lone / is no operand at all (a 1 that leans: `x -= /`, `= /`).
 */
const OPERAND_DIGIT: Record<string, string> = { l: '1', I: '1', '|': '1', '/': '1', o: '0', O: '0' };
/** What may close an operand in its word: `0;`, `1)`, `0],`. */
const CLOSING_MARKS = /^[;,)\]]*$/;

/**
 * A word after an operator that is a lone bar or ring (and closing marks) is the digit 1 or 0: `x -= l`,
 * `= I`, `idx = o;`, `= /`, whether or not the classifier offered the digit: a plain bar is l, I, | or 1 alike,
 * a ring o, O or 0, and the word's geometry may have taken the digit off the candidates (a small 0).
 */
export function operandDigits(words: readonly (readonly CharReading[])[], texts: string[][], allowed: (label: string) => boolean): string[][] {
  return texts.map((t, w) => {
    const digit = OPERAND_DIGIT[t[0]];
    if (w === 0 || !digit || !allowed(digit) || !OPERATORS.has(texts[w - 1].join('')) || !CLOSING_MARKS.test(t.slice(1).join(''))) return t;
    return [digit, ...t.slice(1)];
  });
}

/** Operators that stand between two operands. */
const BINARY_OPERATORS = new Set([...OPERATORS, '^', '&', '|', '<<', '>>', '**', '//']);
/** Those that show a line is code, not prose: prose writes - + * / & % < > between words too ("rock - n roll"). */
const CODE_OPERATORS = new Set([...BINARY_OPERATORS].filter((op) => !['-', '+', '*', '/', '&', '%', '<', '>'].includes(op)));
/** Words (any case) beside which, or as which, a word between two operands is a name or keyword: `for l in lines`, `a AND b`. */
const NAME_KEYWORDS = new Set([
  'for', 'in', 'of', 'if', 'elif', 'else', 'then', 'unless', 'and', 'or', 'not', 'is', 'as', 'return', 'let', 'var', 'const',
  'def', 'fn', 'func', 'pub', 'int', 'void', 'new', 'await', 'typeof', 'instanceof', 'lambda', 'yield', 'del', 'print',
  'from', 'import', 'with', 'where', 'select',
]);
const isKeyword = (word: string) => NAME_KEYWORDS.has(word.toLowerCase());
/** An operand's last character, and an operand's first. */
const OPERAND_END = /[A-Za-z0-9_)\]]$/;
const OPERAND_START = /^[A-Za-z0-9_(]/;

/**
 * A word between two operands, on a line with an operator prose does not write (= == && ^ ...), is an
 * operator (no name stands between two operands without one): a lone l is `|` (a plain bar is l or |
 * alike: `x ^ y l z & w`), a lone I `|` where the classifier offered it (a bar decoded I once a lone l
 * was ruled out), any other word the operator of its length whose every character the classifier
 * offered, the likeliest (`ok = a dd b || c`, `a 44 b`: `&&`). Not beside or as a keyword
 * (`for l in lines`, `x AND y`), never a lone 1, nor an I the classifier saw no bar in, which prose
 * writes between words ("so I think").
 */
export function operatorsBetweenOperands(words: readonly (readonly CharReading[])[], texts: string[][], allowed: (label: string) => boolean): string[][] {
  const joined = texts.map((t) => t.join(''));
  return texts.map((t, w) => {
    const word = joined[w];
    if (w === 0 || w === texts.length - 1 || BINARY_OPERATORS.has(word) || isKeyword(word) || word === '1') return t;
    const before = joined[w - 1], after = joined[w + 1];
    if (!OPERAND_END.test(before) || !OPERAND_START.test(after) || isKeyword(before) || isKeyword(after)) return t;
    if (!joined.some((j, k) => k !== w && CODE_OPERATORS.has(j))) return t;
    if (word === 'l') return allowed('|') ? ['|'] : t;
    const chars = words[w];
    // A lone I is prose's word ("so I think") unless the classifier saw a bar in it too.
    if (word === 'I') return chars.length === 1 && offeredProbability(chars[0], '|', allowed) > 0 ? ['|'] : t;
    if (chars.length !== t.length) return t;
    let best: string | undefined, bestP = 0;
    for (const op of BINARY_OPERATORS) {
      if (op.length !== t.length) continue;
      let p = 1;
      for (let i = 0; i < op.length && p > 0; i++) p *= offeredProbability(chars[i], op[i], allowed);
      if (p > bestP) [best, bestP] = [op, p];
    }
    return best ? [...best] : t;
  });
}

/** A number as a word of its own (`3`, `0.5`), after an opening bracket (`(100`), and before closing marks (`4)`, `2;`). */
const NUMBER_BEFORE = /^[([]*\d[\d.]*$/;
const NUMBER_AFTER = /^\d[\d.]*[;,)\]]*$/;
/** A lone bar's readings: a plain bar is | or l alike. */
const LONE_BARS = new Set(['|', 'l']);

/**
 * A lone bar between two numbers is a division where the classifier offered `/`: a steep slash reads as a
 * bar, and numbers are divided far more often than or-ed, while the n-gram, learned largely from
 * declaration files whose type unions are full of `|`, leans the other way (`ratio = 3 | 4`).
 */
export function divisionBetweenNumbers(words: readonly (readonly CharReading[])[], texts: string[][], allowed: (label: string) => boolean): string[][] {
  const joined = texts.map((t) => t.join(''));
  return texts.map((t, w) => {
    if (w === 0 || w === texts.length - 1 || !LONE_BARS.has(joined[w]) || words[w].length !== 1) return t;
    if (!NUMBER_BEFORE.test(joined[w - 1]) || !NUMBER_AFTER.test(joined[w + 1])) return t;
    return offered(words[w][0], '/', allowed) ? ['/'] : t;
  });
}

/** Words that open a line ending in a colon in code: Python's blocks, and the cases of a switch. */
const COLON_OPENERS = new Set(['def', 'class', 'if', 'elif', 'else', 'for', 'while', 'try', 'except', 'finally', 'with', 'async', 'match', 'case', 'default', 'lambda']);
/** What shows a line to be a statement, not prose ending in a colon ("as follows:"): an assignment or comparison... */
const STATEMENT_OPERATORS = new Set([...ASSIGNMENTS, ...COMPARISONS, '=>', '->']);
/** ...or a statement's last character before its end: a closing bracket, ++ or --. */
const STATEMENT_ENDS = ')]}+-';

/**
 * A statement's last character read `:` or `,` is its `;` where the classifier offered `;` (a marker's comma
 * reads as a dot: `count++:`, `a->next = head:`; a semicolon's dot a camera lost: `cost = ~mask,`). Not after
 * a word that opens a block or a case (`def f():`, `case 1:`), nor on a line with no operator or statement
 * end to show it is code (`as follows:`); a `,` only on a line with an assignment. A `,` ending an
 * assignment whose brackets all close is its `;` even where the classifier saw no dot at all (a faint
 * one the camera lost: `arr[k] = arr[k - 1],`, `let idx = 0,`); one whose brackets stay open is an
 * argument list going on (`x = f(a,`).
 */
export function statementSemicolon(words: readonly (readonly CharReading[])[], texts: string[][], allowed: (label: string) => boolean): string[][] {
  const w = texts.length - 1;
  const last = texts[w];
  const mark = w < 0 ? '' : last[last.length - 1];
  if ((mark !== ':' && mark !== ',') || COLON_OPENERS.has(texts[0].join('').replace(/:$/, ''))) return texts;
  // A , ends a line of a list or a call as often as a ; a statement: only an assignment tells them apart.
  const assignment = texts.some((t) => ASSIGNMENTS.includes(t.join('')));
  const dotless = mark === ',' && assignment && allowed(';') && bracketsClose(texts.map((t) => t.join('')).join(' '));
  if (!dotless && !offered(words[w][last.length - 1], ';', allowed)) return texts;
  const statement =
    mark === ','
      ? assignment
      : texts.some((t) => STATEMENT_OPERATORS.has(t.join(''))) || (last.length >= 2 && STATEMENT_ENDS.includes(last[last.length - 2]));
  return statement ? [...texts.slice(0, w), [...last.slice(0, -1), ';']] : texts;
}
