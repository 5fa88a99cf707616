// An image file of handwriting ends as text at the cursor: `inkwell.recognizeImageFile(uri, { autoInsert })`
// reads the file, the importer webview recognises it with the shipped model, the host inserts the text.
import * as assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import * as vscode from 'vscode';
import { layoutWord, rasterize } from '../glyphs';
import { closeAllEditors, documentChangesDuring, openEditor, report, workspaceUri } from './helpers';

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
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    await vscode.commands.executeCommand('undo');
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
