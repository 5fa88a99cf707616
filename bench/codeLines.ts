/**
 * Held-out lines of code for the code bench (bench/code.ts), written here for it: no corpus, and none
 * of it is in the n-gram's training text. Together the lines are one "document": its identifiers are
 * the lexicon the editor would send (core/decode lexicon), so the bench can read with and without it.
 * Every line uses only printable ASCII; tokens are separated by single spaces, as they are written.
 */
export const CODE_LINES: readonly string[] = [
  'x = f(a, b);',
  'let idx = 0;',
  'if (idx < n) {',
  'return a[i] + b[j];',
  'total += price * qty;',
  'const url = "/api/v2";',
  'items.push(next);',
  'while (!done) {',
  'ok = a && b || c;',
  'map.get(key) ?? 0',
  'y = x % 8;',
  'arr[k] = arr[k - 1];',
  'if (s === "") return;',
  'count++;',
  'def area(w, h):',
  'print(f"{name}")',
  'n = len(rows) // 2',
  'x -= 1',
  '#include <stdio.h>',
  'a->next = head;',
  'fn main() {}',
  'let v: Vec<u8> = [];',
  'path = "C:\\tmp"',
  'email@host.com',
  'price = $5.99',
  'x ^ y | z & w',
  'cost = ~mask;',
  'a != b',
  'items.map(x => x * 2)',
  'obj = { id: 7 };',
  'str[0] == \'a\'',
  'val = `${a}-${b}`',
  'size >= 10',
  'i <= 42;',
  'ratio = 3 / 4',
  'name_2 = "_"',
  'user.age > 18 ?',
  'dict["key"] = 1',
  'list(range(10))',
  '# TODO: fix it!',
  'a = b; c = d;',
  'k = (x + y) * z',
  'f(g(h(1)))',
  'return [x, y];',
  '@Override',
  'log("done.")',
  'grid[i][j] = 0;',
  'emit(\'tick\', t);',
];

/** The identifiers of the document (the lines above): what the editor would send as the lexicon. */
export function documentIdentifiers(lines: readonly string[] = CODE_LINES): string[] {
  const seen = new Set<string>();
  for (const line of lines) for (const m of line.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) seen.add(m[0]);
  return [...seen];
}
