import * as assert from 'node:assert/strict';
import { Lexicon, MAX_LEXICON_WORDS } from '../../../core/decode/lexicon';
import { parseHostToWebview } from '../../../protocol/validate';
import { documentLexicon, MAX_SCANNED_CHARS } from '../../../src/lexicon/documentLexicon';
import { keywordsFor } from '../../../src/lexicon/keywords';

describe('host: the document lexicon sent with the editor context', () => {
  it("has the document's identifiers, most frequent first, after its language's keywords", () => {
    const text = 'const total = count + count;\nfor (let idx = 0; idx < count; idx++) total += $scope.rows[idx];\n// x y';
    const words = documentLexicon(text, 'typescript');
    const identifiers = words.filter((w) => !keywordsFor('typescript').includes(w));
    assert.deepEqual(identifiers, ['idx', 'count', 'total', 'scope', 'rows']);
    assert.ok(words.indexOf('count') >= 0 && words.indexOf('const') < words.indexOf('idx'), 'keywords come first');
    assert.ok(!words.includes('x') && !words.includes('$scope') && !words.includes('0'));
    assert.equal(new Set(words).size, words.length, 'each word once');
  });

  it('takes keywords from the language id, none for an unknown language', () => {
    assert.ok(documentLexicon('', 'python').includes('def'));
    assert.ok(documentLexicon('', 'rust').includes('impl'));
    assert.ok(documentLexicon('', 'go').includes('func'));
    assert.deepEqual(documentLexicon('', 'plaintext'), []);
    assert.deepEqual(documentLexicon('hello world', 'plaintext'), ['hello', 'world']);
  });

  it('is bounded: MAX_LEXICON_WORDS words of the first MAX_SCANNED_CHARS characters', () => {
    const many = Array.from({ length: MAX_LEXICON_WORDS * 2 }, (_, i) => `name${i}`).join(' ');
    const words = documentLexicon(many, 'typescript');
    assert.equal(words.length, MAX_LEXICON_WORDS);
    const late = `${' '.repeat(MAX_SCANNED_CHARS)}hidden`;
    assert.deepEqual(documentLexicon(late, 'plaintext'), []);
  });

  it('every keyword table gives valid lexicon words, and the result passes the protocol validator', () => {
    for (const id of ['typescript', 'javascript', 'python', 'json', 'go', 'rust', 'java', 'c', 'cpp', 'csharp', 'shellscript', 'ruby', 'php', 'sql']) {
      const keywords = keywordsFor(id);
      assert.ok(keywords.length > 0, id);
      assert.equal(Lexicon.from(keywords).size, new Set(keywords).size, `${id}: every keyword is a lexicon word`);
    }
    const lexicon = documentLexicon('let idx = résumé + naïve_1 + _x', 'typescript');
    assert.ok(parseHostToWebview({ type: 'editorContext', before: ['x'], lexicon }).ok);
  });
});
