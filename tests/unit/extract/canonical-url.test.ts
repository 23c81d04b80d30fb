import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, itemIdFor } from '../../../src/extract/canonical-url.js';
import { PermanentError } from '../../../src/core/errors.js';

describe('canonicalizeUrl', () => {
  it('lower-cases scheme and host, drops default port and fragment', () => {
    expect(canonicalizeUrl('HTTPS://VnExpress.NET:443/Chinh-Sach-123.html#box-comment')).toBe('https://vnexpress.net/Chinh-Sach-123.html');
    expect(canonicalizeUrl('http://example.vn:80/a')).toBe('http://example.vn/a');
    expect(canonicalizeUrl('http://example.vn:8080/a')).toBe('http://example.vn:8080/a');
  });

  it('strips tracking parameters and sorts the rest', () => {
    const url =
      'https://vnexpress.net/a-1.html?utm_source=zalo&utm_medium=share&fbclid=X&gclid=Y&zarsrc=30&gidzl=Z&_ga=1.2&ref=home&vn_source=rss&vn_medium=feed&vn_campaign=c&zaloshare=1&page=2&id=7';
    expect(canonicalizeUrl(url)).toBe('https://vnexpress.net/a-1.html?id=7&page=2');
  });

  it('drops the query entirely when only tracking parameters were present', () => {
    expect(canonicalizeUrl('https://tuoitre.vn/x.htm?utm_campaign=a&UTM_SOURCE=b')).toBe('https://tuoitre.vn/x.htm');
  });

  it('gives the same string whatever the parameter order', () => {
    expect(canonicalizeUrl('https://a.vn/p?b=2&a=1')).toBe(canonicalizeUrl('https://a.vn/p?a=1&b=2'));
  });

  it('resolves relative links against a base', () => {
    expect(canonicalizeUrl('/thoi-su/bai-1.html?utm_source=rss', 'https://dantri.com.vn/rss/home.rss')).toBe('https://dantri.com.vn/thoi-su/bai-1.html');
    expect(canonicalizeUrl('bai-2.htm', 'https://baochinhphu.vn/chinh-sach/')).toBe('https://baochinhphu.vn/chinh-sach/bai-2.htm');
  });

  it('keeps AMP paths: only the extractor may decide a page is an AMP variant', () => {
    expect(canonicalizeUrl('https://a.vn/bai-1.amp')).toBe('https://a.vn/bai-1.amp');
    expect(canonicalizeUrl('https://a.vn/bai-1/amp')).toBe('https://a.vn/bai-1/amp');
  });

  it('encodes Vietnamese paths consistently (NFC or already encoded give one URL)', () => {
    expect(canonicalizeUrl('https://a.vn/tin/đường-sắt')).toBe('https://a.vn/tin/%C4%91%C6%B0%E1%BB%9Dng-s%E1%BA%AFt');
  });

  it('throws a PermanentError naming the bad URL', () => {
    expect(() => canonicalizeUrl('not a url')).toThrow(PermanentError);
    expect(() => canonicalizeUrl('not a url')).toThrow(/not a valid URL: "not a url"/);
    expect(() => canonicalizeUrl('javascript:alert(1)')).toThrow(/not an http\(s\) URL/);
    expect(() => canonicalizeUrl('mailto:a@b.vn', 'https://a.vn/')).toThrow(/not an http\(s\) URL/);
  });
});

describe('itemIdFor', () => {
  it('is the sha1 hex of the canonical URL', () => {
    expect(itemIdFor('https://a.vn/x')).toMatch(/^[0-9a-f]{40}$/);
    expect(itemIdFor('https://a.vn/x')).toBe(itemIdFor('https://a.vn/x'));
    expect(itemIdFor('https://a.vn/x')).not.toBe(itemIdFor('https://a.vn/y'));
    expect(itemIdFor('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});
