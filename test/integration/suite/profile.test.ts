// The writer's handwriting profile in the real extension host: learned only from inserted corrections,
// taught only by the teaching page, exported, reset and imported (hostile files refused whole), and
// read with by the importer's model, before and after the webview reloads.
import * as assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import * as vscode from 'vscode';
import { rasterize, type Point } from '../glyphs';
import { normalizeCharacter } from '../../../core/preprocess';
import { addSamples, emptyProfile, parseProfile, sampleFrom, serializeProfile } from '../../../core/profile/profile';
import type { GreyImage } from '../../../core/image';
import { closeAllEditors, debugState, openEditor, report, requestId, sendFromWebview, waitFor, workspaceUri } from './helpers';

/** The writer's own 'k': a closed triangle with a tail (no training hand writes a k so). */
function writersK(dx: number, dy: number, scale: number): { grey: Uint8Array; width: number; height: number } {
  const at = ([x, y]: Point): Point => [30 + dx + x * scale, 30 + dy + y * scale];
  const strokes = [[[0, 60], [30, 0], [60, 60], [0, 60]], [[60, 60], [72, 45]]].map((s) => s.map((p) => at(p as unknown as Point)));
  const width = 130, height = 120;
  return { grey: rasterize(strokes, width, height, 6), width, height };
}

function png({ grey, width, height }: ReturnType<typeof writersK>): Uint8Array {
  const out = new PNG({ width, height });
  for (let i = 0; i < grey.length; i++) {
    out.data[i * 4] = out.data[i * 4 + 1] = out.data[i * 4 + 2] = grey[i];
    out.data[i * 4 + 3] = 255;
  }
  return new Uint8Array(PNG.sync.write(out));
}

function sampleOfK(dx: number, dy: number, scale: number, source: 'pad' | 'teach' | 'cli' = 'cli') {
  const { grey, width, height } = writersK(dx, dy, scale);
  const image: GreyImage = { width, height, data: Uint8ClampedArray.from(grey) };
  return sampleFrom(normalizeCharacter(image), 'k', source);
}

async function profileState(): Promise<{ samples: number; labels: string }> {
  return (await debugState()).profile;
}

async function reset(): Promise<void> {
  assert.equal(await vscode.commands.executeCommand('inkwell.resetProfile', true), true);
  assert.equal((await profileState()).samples, 0);
}

async function read(uri: vscode.Uri): Promise<string | undefined> {
  return vscode.commands.executeCommand<string | undefined>('inkwell.recognizeImageFile', uri, { autoInsert: false });
}

describe('the writer\'s handwriting profile', function () {
  this.timeout(120_000);
  afterEach(async () => {
    await vscode.workspace.getConfiguration('inkwell').update('learnFromCorrections', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('learns a corrected character only once its text is inserted, once, and not when learning is off', async () => {
    await reset();
    const editor = await openEditor('learn.txt', '');
    const key = `learn-${requestId()}`;
    const insert = { type: 'insert', id: requestId(), key, text: 'k', learn: [sampleOfK(0, 0, 1, 'pad')] };
    assert.equal((await sendFromWebview(insert)).accepted, true);
    await waitFor(() => editor.document.getText() === 'k', 'the corrected text to be inserted');
    await waitFor(async () => (await profileState()).samples === 1, 'the correction to be learned');
    // The same writing asked again (a retry) neither inserts nor learns twice.
    assert.equal((await sendFromWebview({ ...insert, id: requestId() })).accepted, true);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(await profileState(), { samples: 1, labels: 'k' });
    assert.equal(editor.document.getText(), 'k');

    // Learning off: the text goes in, nothing is learned.
    await vscode.workspace.getConfiguration('inkwell').update('learnFromCorrections', false, vscode.ConfigurationTarget.Global);
    assert.equal((await sendFromWebview({ type: 'insert', id: requestId(), key: `off-${requestId()}`, text: 'k', learn: [sampleOfK(1, 1, 1, 'pad')] })).accepted, true);
    await waitFor(() => editor.document.getText() === 'kk', 'the second insertion');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await profileState()).samples, 1, 'learned while learning is off');
  });

  it('learns nothing from text that was never inserted (no editor to insert into)', async () => {
    await reset();
    await closeAllEditors();
    assert.equal((await sendFromWebview({ type: 'insert', id: requestId(), key: `none-${requestId()}`, text: 'k', learn: [sampleOfK(0, 0, 1, 'pad')] })).accepted, true);
    await new Promise((r) => setTimeout(r, 800));
    assert.equal((await profileState()).samples, 0);
  });

  it('takes taught samples from the teaching page only', async () => {
    await reset();
    await sendFromWebview({ type: 'teach', samples: [sampleOfK(0, 0, 1, 'teach')] }, 'pad');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await profileState()).samples, 0, 'the pad taught without an insert');
    await sendFromWebview({ type: 'teach', samples: [sampleOfK(0, 0, 1, 'teach'), sampleOfK(2, 1, 0.9, 'teach')] }, 'teach');
    await waitFor(async () => (await profileState()).samples === 2, 'the taught samples to be kept');
  });

  it('export, reset, import: the same profile and the same readings, also after the model reloads', async () => {
    await reset();
    const image = workspaceUri('writers-k.png');
    await vscode.workspace.fs.writeFile(image, png(writersK(4, -3, 1.05)));
    const untaught = await read(image);
    const samples = [[0, 0, 1], [3, 1, 0.95], [-2, 2, 1.05], [1, -2, 0.9], [-3, 0, 1.1]].map(([dx, dy, s]) => sampleOfK(dx, dy, s));
    const file = workspaceUri('teach-k.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(serializeProfile(addSamples(emptyProfile(), samples))));
    assert.equal(await vscode.commands.executeCommand('inkwell.importProfile', file), 5);
    const taught = await read(image);
    report(`writer's k read as ${JSON.stringify(untaught)} without the profile, ${JSON.stringify(taught)} with it`);
    assert.equal(taught, 'k', 'read with the imported profile');
    assert.notEqual(untaught, 'k', 'without the profile the shape is not a k (else this test shows nothing)');

    const exported = workspaceUri('exported-profile.json');
    await vscode.commands.executeCommand('inkwell.exportProfile', exported);
    const before = parseProfile(new TextDecoder().decode(await vscode.workspace.fs.readFile(exported)));
    await reset();
    assert.equal(await read(image), untaught, 'after reset: read as without a profile');
    assert.equal(await vscode.commands.executeCommand('inkwell.importProfile', exported), 5);
    const after = parseProfile(new TextDecoder().decode(await vscode.workspace.fs.readFile((await vscode.commands.executeCommand<vscode.Uri>('inkwell.exportProfile', workspaceUri('again.json')))!)));
    assert.deepEqual(after, before);
    assert.equal(await read(image), 'k', 'after import');
    // The model reloads with the webview: the profile still applies.
    await closeAllEditors();
    assert.equal(await read(image), 'k', 'after the importer (and its model) reloaded');
  });

  it('refuses hostile imports with a message and changes nothing', async () => {
    await reset();
    await sendFromWebview({ type: 'teach', samples: [sampleOfK(0, 0, 1, 'teach')] }, 'teach');
    await waitFor(async () => (await profileState()).samples === 1, 'one taught sample');
    const files: [string, Uint8Array | 'folder'][] = [
      ['not-json.json', new TextEncoder().encode('{"format": "inkwell-writer-profile", ')],
      ['settings.json', new TextEncoder().encode('{"editor.fontSize": 14}')],
      ['bad-label.json', new TextEncoder().encode(serializeProfile({ ...emptyProfile(), samples: [{ ...sampleOfK(0, 0, 1), label: 'kk' }] }))],
      ['binary.json', new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x80])],
      ['huge.json', new Uint8Array(5 * 1024 * 1024).fill(32)],
      ['a-folder.json', 'folder'],
    ];
    for (const [name, content] of files) {
      const uri = workspaceUri(name);
      if (content === 'folder') await vscode.workspace.fs.createDirectory(uri);
      else await vscode.workspace.fs.writeFile(uri, content);
      assert.equal(await vscode.commands.executeCommand('inkwell.importProfile', uri), undefined, `${name} was imported`);
      assert.deepEqual(await profileState(), { samples: 1, labels: 'k' }, `${name} changed the profile`);
    }
    assert.equal(await vscode.commands.executeCommand('inkwell.importProfile', workspaceUri('missing.json')), undefined);
    assert.deepEqual(await profileState(), { samples: 1, labels: 'k' });
  });
});
