/**
 * schema.org article data from JSON-LD blocks. Real pages ship JSON-LD that is not quite JSON
 * (raw newlines inside strings, trailing commas, CDATA/comment wrappers), so one lenient retry
 * is made before a block is ignored; JSON-LD is one clue among several, never a reason to fail.
 */

/** The article fields the extractor reads from JSON-LD. */
export interface JsonLdArticle {
  headline?: string;
  description?: string;
  datePublished?: string;
  dateModified?: string;
  author?: string;
  section?: string;
  image?: string;
  keywords: string[];
  url?: string;
}

const ARTICLE_TYPE = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|OpinionNewsArticle|LiveBlogPosting|BackgroundNewsArticle)$/i;

/** The first article-typed object among the blocks (searching arrays and `@graph`), or null. */
export function findJsonLdArticle(blocks: string[]): JsonLdArticle | null {
  for (const block of blocks) {
    const data = parseLenient(block);
    const found = data === undefined ? undefined : findArticleNode(data, 0);
    if (found) return toArticle(found);
  }
  return null;
}

function parseLenient(raw: string): unknown {
  const body = raw.trim();
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    const cleaned = body
      .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, '')
      .replace(/^\s*<!--|-->\s*$/g, '')
      .replace(/[\u0000-\u001f]+/g, ' ')
      .replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(cleaned);
    } catch {
      return undefined;
    }
  }
}

function findArticleNode(node: unknown, depth: number): Record<string, unknown> | undefined {
  if (depth > 6 || node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const child of node) {
      const hit = findArticleNode(child, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record['@type'] ?? []);
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return record;
  return findArticleNode(record['@graph'], depth + 1) ?? findArticleNode(record.mainEntity, depth + 1);
}

function toArticle(node: Record<string, unknown>): JsonLdArticle {
  const article: JsonLdArticle = { keywords: keywordsOf(node.keywords) };
  const set = (key: Exclude<keyof JsonLdArticle, 'keywords'>, value: string | undefined): void => {
    if (value) article[key] = value;
  };
  set('headline', str(node.headline) ?? str(node.name));
  set('description', str(node.description));
  set('datePublished', str(node.datePublished) ?? str(node.dateCreated));
  set('dateModified', str(node.dateModified));
  set('author', namesOf(node.author));
  set('section', str(([] as unknown[]).concat(node.articleSection ?? [])[0]));
  set('image', urlOf(node.image));
  set('url', str(node.url) ?? urlOf(node.mainEntityOfPage));
  return article;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function namesOf(value: unknown): string | undefined {
  const names = ([] as unknown[])
    .concat(value ?? [])
    .map((a) => (typeof a === 'string' ? a : str((a as { name?: unknown } | null)?.name)))
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return names.length > 0 ? names.join(', ') : undefined;
}

function urlOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return str(first);
  if (first && typeof first === 'object') {
    const obj = first as { url?: unknown; '@id'?: unknown; contentUrl?: unknown };
    return str(obj.url) ?? str(obj.contentUrl) ?? str(obj['@id']);
  }
  return undefined;
}

function keywordsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[,;]/);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
