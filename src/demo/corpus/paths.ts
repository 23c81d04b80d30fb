/** URL paths of demo articles, shaped like the URL schemes of real Vietnamese news sites. */
import { foldForSearch } from '../../nlp/fold.js';
import type { DemoOutlet } from '../types.js';
import { vnParts } from './time.js';

/** ASCII slug of a Vietnamese title: `Cao tốc chậm tiến độ` → `cao-toc-cham-tien-do`. */
export function slugify(title: string, maxLength = 80): string {
  const slug = foldForSearch(title).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  return slug.slice(0, maxLength).replace(/-[^-]*$/, '');
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The canonical path of an article on the press server (always under `/<outlet.id>/`). */
export function articlePath(outlet: DemoOutlet, sectionSlug: string, title: string, num: number, publishedMs: number): string {
  const slug = slugify(title);
  const p = vnParts(publishedMs);
  const stamp = `${p.year}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}`;
  switch (outlet.style) {
    case 'rss-cdata': return `/${outlet.id}/${sectionSlug}/${slug}-${num}.html`;
    case 'atom': return `/${outlet.id}/${slug}-${stamp}${pad(num % 1000, 3)}.htm`;
    case 'news-sitemap': return `/${outlet.id}/${sectionSlug}/${slug}-${stamp}${pad(p.second)}${pad(num % 1000, 3)}.htm`;
    case 'listing': return `/${outlet.id}/tin-tuc/${slug}-a${num}.html`;
    case 'gov-portal': return `/${outlet.id}/${slug}-10${stamp.slice(2)}${pad(num % 1000, 3)}.htm`;
    case 'rss-quirks': return `/${outlet.id}/${sectionSlug}/${num}/${slug}.html`;
    case 'rdf-provincial': return `/${outlet.id}/portal/tin-tuc/${slug}-${num}.html`;
  }
}
