/**
 * The lexicon the host sends with the editor context: its language's keywords, then the
 * document's identifiers, most frequent first. Pure (no vscode) so that it is tested in plain Node; the
 * host calls it from lexiconTracker.ts.
 */
import { isLexiconWord, MAX_LEXICON_WORDS } from '../../core/decode/lexicon';
import { keywordsFor } from './keywords';

/** Document text read for identifiers: enough for any file written by hand, bounded for a huge one. */
export const MAX_SCANNED_CHARS = 200_000;
/** Identifier-shaped tokens: ASCII, as the classifier reads (`$` splits: `$scope` gives scope). */
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;

/**
 * At most MAX_LEXICON_WORDS words: the language's keywords first (few, and always wanted), then the
 * document's identifiers by how often they occur (ties in order of first appearance).
 */
export function documentLexicon(text: string, languageId: string): string[] {
  const keywords = keywordsFor(languageId).filter(isLexiconWord);
  const counts = new Map<string, number>();
  for (const m of text.slice(0, MAX_SCANNED_CHARS).matchAll(IDENTIFIER)) {
    const word = m[0];
    if (isLexiconWord(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const identifiers = Array.from(counts.entries())
    .sort((a, b) => b[1] - a[1]) // stable: equal counts keep their first appearance order
    .map(([word]) => word);
  return Array.from(new Set([...keywords, ...identifiers])).slice(0, MAX_LEXICON_WORDS);
}
