import { createTokenizer, type Tokenizer } from './tokenizer';
import type { MatchDocument } from './types';

/** A posting with its fields already tokenised: plain data, so it can be cached or stored beside the posting. */
export interface PreparedDocument {
  doc: MatchDocument;
  title: string[];
  keywords: string[];
  description: string[];
}

/** The texts of a posting that are tokenised, in the order of PreparedDocument's token fields. */
export function documentTexts(doc: MatchDocument): [title: string, keywords: string, description: string] {
  return [doc.title, doc.keywords.join('，'), doc.description];
}

/** Joins a text's tokens when they cross threads: the tokenizer never keeps a control character. */
export const TOKEN_SEPARATOR = '\u0001';

export function prepareDocument(doc: MatchDocument, tokenizer: Tokenizer): PreparedDocument {
  const [title, keywords, description] = documentTexts(doc);
  return {
    doc,
    title: tokenizer.tokenize(title),
    keywords: tokenizer.tokenize(keywords),
    description: tokenizer.tokenize(description),
  };
}

/** Tokenises every posting (the slow, separable step of a full re-match). */
export function prepareDocuments(
  docs: readonly MatchDocument[],
  tokenizer: Tokenizer = createTokenizer(),
): PreparedDocument[] {
  return docs.map((d) => prepareDocument(d, tokenizer));
}
