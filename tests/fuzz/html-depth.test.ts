/**
 * The depth cap in front of the HTML parsers (src/sources/html-depth.ts): absurd nesting is
 * flattened in linear time with its text kept; ordinary pages pass through byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { capHtmlDepth, MAX_HTML_DEPTH } from '../../src/sources/html-depth.js';
import { parseListing } from '../../src/sources/listing.js';
import { fragmentToText } from '../../src/sources/text.js';

const cpuMs = (run: () => void): number => {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

describe('capHtmlDepth', () => {
  it('leaves ordinary pages alone, including thousands of unclosed <li>/<p> and deep-looking scripts', () => {
    const page = `<html><body><ul>${'<li><a href="/a">tin</a>'.repeat(3000)}</ul>${'<p>đoạn'.repeat(3000)}` +
      `<script>${'<div>'.repeat(5000)}</script><table>${'<tr><td>ô'.repeat(2000)}</table>${'<br><img src=x>'.repeat(2000)}</body></html>`;
    expect(capHtmlDepth(page)).toEqual({ html: page, flattenedTags: 0 });
  });

  it('flattens only what nests beyond the cap and keeps every text run', () => {
    const html = `${'<div>'.repeat(MAX_HTML_DEPTH + 10)}lõi${'</div>'.repeat(MAX_HTML_DEPTH + 10)}<p>sau</p>`;
    const capped = capHtmlDepth(html);
    expect(capped.flattenedTags).toBe(10);
    // Flattened block tags leave a space each, so block text never runs together.
    expect(capped.html).toBe(`${'<div>'.repeat(MAX_HTML_DEPTH)}${' '.repeat(10)}lõi${' '.repeat(10)}${'</div>'.repeat(MAX_HTML_DEPTH)}<p>sau</p>`);
  });

  it('caps unclosed nesting too (100k <div><span> never closed)', () => {
    const capped = capHtmlDepth('<div><span>'.repeat(50_000) + 'cuối');
    expect(capped.flattenedTags).toBe(100_000 - MAX_HTML_DEPTH);
    expect(capped.html.endsWith('cuối')).toBe(true);
  });

  it('is linear: 10× the depth costs about 10× the CPU, not 100×', () => {
    const small = '<div>'.repeat(20_000) + 'x' + '</div>'.repeat(20_000);
    const large = '<div>'.repeat(200_000) + 'x' + '</div>'.repeat(200_000);
    capHtmlDepth(small); // warm the regex
    const smallMs = Math.max(cpuMs(() => capHtmlDepth(small)), 1);
    const largeMs = cpuMs(() => capHtmlDepth(large));
    expect(largeMs).toBeLessThan(smallMs * 30);
  });
});

describe('parsers behind the cap', () => {
  it('a feed description nested 100k levels gives its whole text, blocks separated', () => {
    const html = '<div>'.repeat(100_000) + 'Chính sách <b>mới</b><p>thuế</p>' + '</div>'.repeat(100_000) + '<img src="/a.jpg">';
    expect(fragmentToText(html)).toEqual({ text: 'Chính sách mới thuế', imageSrc: '/a.jpg' });
  });

  it('a listing nested 100k levels still yields its entries and says what it flattened', () => {
    const skipped: string[] = [];
    const html = `<html><body>${'<div>'.repeat(100_000)}<div class="i"><a href="/sau">Sâu</a></div>${'</div>'.repeat(100_000)}` +
      `<div class="i"><a href="/x" title="Tin X">X</a></div></body></html>`;
    const entries = parseListing(html, 'http://tinh.example.vn/tin', { item: '.i', link: 'a' }, { onSkip: (r) => skipped.push(r) });
    // The deep entry lost its block (flattened); the link text survives as text, the shallow entry whole.
    expect(entries.map((e) => e.url)).toContain('http://tinh.example.vn/x');
    expect(entries.find((e) => e.url.endsWith('/x'))?.title).toBe('Tin X');
    expect(skipped).toEqual([expect.stringMatching(/^http:\/\/tinh\.example\.vn\/tin: markup nested deeper than 512 levels; \d+ tags below that were flattened/)]);
  });
});
