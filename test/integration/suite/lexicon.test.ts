// The lexicon the host sends to the pad with the editor context: the identifiers of the document the
// writing goes to and its language's keywords, sent again when that document or its text changes.
// Observed through the test hook's record of what the pad's connection last sent.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, debugState, openEditor, waitFor } from './helpers';

/** The lexicon the pad was last sent, once the pad is open and ready. */
async function padLexicon(): Promise<readonly string[] | undefined> {
  const pad = (await debugState()).pad;
  return pad?.ready ? pad.lexicon : undefined;
}

async function waitForLexicon(what: string, holds: (words: readonly string[]) => boolean): Promise<readonly string[]> {
  let last: readonly string[] | undefined;
  await waitFor(async () => {
    last = await padLexicon();
    return last !== undefined && holds(last);
  }, what, 30_000);
  return last!;
}

describe('lexicon sent with the editor context', () => {
  afterEach(closeAllEditors);

  it("sends the document's identifiers and its language's keywords, and follows edits and other files", async () => {
    const editor = await openEditor('lexicon.ts', 'const rowCount = 3;\nfunction visitRows(tableIndex: number) {\n  return rowCount + tableIndex;\n}\n');
    await vscode.commands.executeCommand('inkwell.openPad');
    const words = await waitForLexicon('the pad to get the TypeScript file\'s lexicon', (w) => w.includes('rowCount'));
    for (const w of ['rowCount', 'visitRows', 'tableIndex', 'const', 'function', 'return', 'interface']) assert.ok(words.includes(w), `'${w}' is in the lexicon`);
    assert.ok(!words.includes('3') && words.every((w) => /^[A-Za-z_][A-Za-z0-9_]+$/.test(w)), 'only identifiers');

    // An edit: the new name arrives after the pause, without a cursor move.
    await editor.edit((b) => b.insert(new vscode.Position(4, 0), 'let freshlyTypedName = 1;\n'));
    await waitForLexicon('the edited name to reach the pad', (w) => w.includes('freshlyTypedName'));

    // Writing into another file: its lexicon replaces the first one.
    await openEditor('other.py', 'def spam_eggs(quantity):\n    return quantity\n');
    const python = await waitForLexicon('the Python file\'s lexicon', (w) => w.includes('spam_eggs'));
    assert.ok(python.includes('quantity') && python.includes('def') && !python.includes('rowCount') && !python.includes('interface'));
  });
});
