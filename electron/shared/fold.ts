/**
 * Text as Clipdesk compares it: NFKC, lower case, diacritics stripped ('Ｃafé' -> 'cafe', 'Zürich' ->
 * 'zurich'). Search terms, snippets and tag names are all folded by this one function.
 */
export function fold(text: string): string {
  // The final NFC recomposes what NFD split but is not a mark (Hangul syllables).
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}
