import { createTokenizer, type Tokenizer } from './tokenizer';
import type { MatchDocument } from './types';

/** A posting with its fields already tokenised: plain data, so it can be cached or stored beside the posting. */
export interface PreparedDocument {
  doc: MatchDocument;
  title: string[];
  keywords: string[];
  description: string[];
}

export function prepareDocument(doc: MatchDocument, tokenizer: Tokenizer): PreparedDocument {
  return {
    doc,
    title: tokenizer.tokenize(doc.title),
    keywords: tokenizer.tokenize(doc.keywords.join('，')),
    description: tokenizer.tokenize(doc.description),
  };
}

/** Tokenises every posting (the slow, separable step of a full re-match). */
export function prepareDocuments(
  docs: readonly MatchDocument[],
  tokenizer: Tokenizer = createTokenizer(),
): PreparedDocument[] {
  return docs.map((d) => prepareDocument(d, tokenizer));
}
