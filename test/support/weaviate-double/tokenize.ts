/**
 * Weaviate's tokenizations for text properties, used by the inverted index, Equal/Like filters and
 * BM25. `word` keeps runs of letters and digits, lower-cased; `lowercase` and `whitespace` split on
 * white space; `field` keeps the whole trimmed value; `trigram` slides a 3-character window over the
 * lower-cased letters and digits.
 */
export type Tokenization = 'word' | 'lowercase' | 'whitespace' | 'field' | 'trigram';

export const SUPPORTED_TOKENIZATIONS: readonly string[] = ['word', 'lowercase', 'whitespace', 'field', 'trigram'];
/** Accepted by Weaviate only with extra modules or environment settings, which this double lacks. */
export const MODULE_TOKENIZATIONS: readonly string[] = ['gse', 'gse_ch', 'kagome_ja', 'kagome_kr'];

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

export function tokenize(value: string, tokenization: Tokenization): string[] {
  switch (tokenization) {
    case 'field': {
      const trimmed = value.trim();
      return trimmed === '' ? [] : [trimmed];
    }
    case 'whitespace':
      return value.split(/\s+/).filter(Boolean);
    case 'lowercase':
      return value.toLowerCase().split(/\s+/).filter(Boolean);
    case 'trigram': {
      const letters = value.toLowerCase().split(WORD_SPLIT).join('');
      if (letters.length <= 3) return letters === '' ? [] : [letters];
      const grams: string[] = [];
      for (let i = 0; i + 3 <= letters.length; i++) grams.push(letters.slice(i, i + 3));
      return grams;
    }
    case 'word':
    default:
      return value.toLowerCase().split(WORD_SPLIT).filter(Boolean);
  }
}

/**
 * The "en" stopword preset (Weaviate's default). Stopwords are skipped in BM25 queries and in
 * filters on word-tokenized text, as Weaviate does.
 */
const EN_STOPWORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

export interface StopwordConfig {
  preset: string;
  additions: string[] | null;
  removals: string[] | null;
}

export function makeStopwordCheck(config: StopwordConfig | undefined): (token: string) => boolean {
  const words = new Set(config?.preset === 'none' ? [] : EN_STOPWORDS);
  for (const w of config?.additions ?? []) words.add(w.toLowerCase());
  for (const w of config?.removals ?? []) words.delete(w.toLowerCase());
  return (token) => words.has(token);
}
