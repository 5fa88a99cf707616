// An image file of handwriting ends as text at the cursor: `inkwell.recognizeImageFile(uri, { autoInsert })`
// reads the file, the importer webview recognises it with the shipped model, the host inserts the text.
import * as assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import * as vscode from 'vscode';
import { layoutWord, rasterize } from '../glyphs';
import { closeAllEditors, debugState, documentChangesDuring, inEditor, openEditor, report, waitFor, workspaceUri } from './helpers';

/** Drawn with the same strokes as the pad tests; characters a small model reads without doubt. */
export const imageWord = 'LT4';

/** A PNG of `word` in dark ink on white paper, as a scanned or photographed note would give. */
function wordPng(word: string): Uint8Array {
  const size = 80;
  const strokes = layoutWord(word, [30, 30], size);
  const width = Math.ceil(Math.max(...strokes.flat().map(([x]) => x))) + 30;
  const height = size + 60;
  const grey = rasterize(strokes, width, height, 9);
  const png = new PNG({ width, height });
  for (let i = 0; i < grey.length; i++) {
    png.data[i * 4] = png.data[i * 4 + 1] = png.data[i * 4 + 2] = grey[i];
    png.data[i * 4 + 3] = 255;
  }
  return new Uint8Array(PNG.sync.write(png));
}

async function writeImage(name: string, word: string): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, wordPng(word));
  return uri;
}

async function recognize(uri: vscode.Uri, autoInsert: boolean): Promise<string | undefined> {
  const started = performance.now();
  const text = await vscode.commands.executeCommand<string | undefined>('inkwell.recognizeImageFile', uri, { autoInsert });
  report(`recognizeImageFile(${uri.path.split('/').pop()}) -> ${JSON.stringify(text)} in ${(performance.now() - started).toFixed(0)} ms`);
  return text;
}

describe('image file to text', function () {
  // The first recognition loads the model into the importer webview (WebGL on a CPU rasteriser here).
  this.timeout(120_000);
  afterEach(closeAllEditors);

  it(`an image of "${imageWord}" ends as that text at the cursor`, async () => {
    const image = await writeImage('word.png', imageWord);
    const editor = await openEditor('from-image.txt', 'before  after\n');
    editor.selection = new vscode.Selection(0, 7, 0, 7);
    const text = await recognize(image, true);
    assert.equal(text, imageWord);
    assert.equal(editor.document.getText(), `before ${imageWord} after\n`);
  });

  it('inserts at every cursor, and one undo removes it all', async () => {
    const image = await writeImage('word-multi.png', imageWord);
    const original = 'x\ny\n';
    const editor = await openEditor('from-image-multi.txt', original);
    editor.selections = [new vscode.Selection(0, 1, 0, 1), new vscode.Selection(1, 0, 1, 0)];
    assert.equal(await recognize(image, true), imageWord);
    assert.equal(editor.document.getText(), `x${imageWord}\n${imageWord}y\n`);
    await inEditor(editor, 'undo');
    assert.equal(editor.document.getText(), original);
  });

  it('without autoInsert, returns the text and inserts nothing', async () => {
    const image = await writeImage('word-quiet.png', imageWord);
    const editor = await openEditor('quiet.txt', 'quiet\n');
    const changes = await documentChangesDuring(async () => assert.equal(await recognize(image, false), imageWord));
    assert.deepEqual(changes.map((c) => c.document.uri.path), []);
    assert.equal(editor.document.getText(), 'quiet\n');
  });

  it('a file that is not an image gives no text and changes nothing', async () => {
    const fake = workspaceUri('not-really.png');
    await vscode.workspace.fs.writeFile(fake, new TextEncoder().encode('this is text, not a PNG'));
    const editor = await openEditor('unchanged.txt', 'same\n');
    const changes = await documentChangesDuring(async () => assert.equal(await recognize(fake, true), undefined));
    assert.deepEqual(changes.map((c) => c.document.uri.path), []);
    assert.equal(editor.document.getText(), 'same\n');
  });
});

describe('image file to text: races', function () {
  this.timeout(120_000);
  afterEach(closeAllEditors);

  it('with autoInsert, the text goes to the editor that was active when the command ran, not the one focused later', async () => {
    const image = await writeImage('word-race.png', imageWord);
    const asked = await openEditor('asked-here.txt', 'A:\n');
    asked.selection = new vscode.Selection(0, 2, 0, 2);
    const running = recognize(image, true);
    // While the importer reads, the user clicks into another file.
    await vscode.workspace.fs.writeFile(workspaceUri('elsewhere.txt'), new TextEncoder().encode('B:\n'));
    const otherDoc = await vscode.workspace.openTextDocument(workspaceUri('elsewhere.txt'));
    const other = await vscode.window.showTextDocument(otherDoc, { viewColumn: vscode.ViewColumn.Three, preview: false });
    assert.equal(vscode.window.activeTextEditor?.document, other.document, 'the other file has the focus while recognition runs');
    assert.equal(await running, imageWord);
    assert.equal(asked.document.getText(), `A:${imageWord}\n`);
    assert.equal(other.document.getText(), 'B:\n');
  });

  it('an importer hidden while it reads sends the request again when shown, and the command gets its text at once', async () => {
    await closeAllEditors(); // a fresh importer: its model load keeps the first request in flight for a while
    const image = await writeImage('word-hidden.png', imageWord);
    const started = performance.now();
    const running = recognize(image, false);
    await waitFor(async () => {
      const importer = (await debugState()).importer;
      return importer !== undefined && importer.ready && importer.imagesInFlight > 0;
    }, 'the request to reach the importer', 30_000);
    // Hide it: another editor in the importer's column replaces it; then the user comes back to it.
    const doc = await vscode.workspace.openTextDocument({ content: 'covering the importer' });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await vscode.commands.executeCommand('inkwell.pasteImage'); // reveals the importer
    assert.equal(await running, imageWord);
    const seconds = (performance.now() - started) / 1000;
    report(`hidden importer: text after ${seconds.toFixed(1)} s`);
    assert.ok(seconds < 60, `answered in ${seconds.toFixed(1)} s, not after the 120 s timeout`);
  });
});
