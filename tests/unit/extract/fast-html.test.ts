import { describe, expect, it } from 'vitest';
import { ElementNode, parseFastHtml, TextNode, type DocumentNode, type HtmlNode } from '../../../src/extract/fast-html.js';

/** Serialise the tree back to a compact bracket form to compare structure. */
function shape(node: DocumentNode | HtmlNode): string {
  if (node instanceof TextNode) return JSON.stringify(node.data);
  const inner = node.children.map(shape).join(' ');
  return node instanceof ElementNode ? `${node.name}(${inner})` : inner;
}

const find = (node: DocumentNode | HtmlNode, name: string): ElementNode | undefined => {
  if (node instanceof ElementNode && node.name === name) return node;
  if (node instanceof TextNode) return undefined;
  for (const child of node.children) {
    const hit = find(child, name);
    if (hit) return hit;
  }
  return undefined;
};

describe('parseFastHtml', () => {
  it('builds nested elements and text, lower-casing tag names', () => {
    expect(shape(parseFastHtml('<DIV><P>Xin <B>chào</B></P></DIV>'))).toBe('div(p("Xin " b("chào")))');
  });

  it('treats void elements and self-closing tags as empty', () => {
    expect(shape(parseFastHtml('<p>a<br>b<img src=x>c<hr/>d</p>'))).toBe('p("a" br() "b" img() "c") hr() "d"');
  });

  it('closes an open <p> when a block starts, and implied li/td/tr/option ends', () => {
    expect(shape(parseFastHtml('<p>một<p>hai<div>ba</div>'))).toBe('p("một") p("hai") div("ba")');
    expect(shape(parseFastHtml('<ul><li>a<li>b</ul>'))).toBe('ul(li("a") li("b"))');
    expect(shape(parseFastHtml('<table><tr><td>1<td>2<tr><td>3</table>'))).toBe('table(tr(td("1") td("2")) tr(td("3")))');
    expect(shape(parseFastHtml('<ul><li>a<ul><li>b</ul></ul>'))).toBe('ul(li("a" ul(li("b"))))');
  });

  it('keeps script/style content raw and decodes title text', () => {
    const doc = parseFastHtml('<script>if (a < b && c) { x("</div>") }</script><title>A &amp; B</title><p>x</p>');
    expect(shape(doc)).toBe('script("if (a < b && c) { x(\\"</div>\\") }") title("A & B") p("x")');
  });

  it('decodes entities in text and attributes, leaving bare & alone', () => {
    const doc = parseFastHtml('<a href="/x?a=1&amp;b=2&c=3" title=\'Đ&#7871;n\'>Gi&aacute; &nbsp;x&y</a>');
    const a = find(doc, 'a')!;
    expect(a.attribs).toEqual({ href: '/x?a=1&b=2&c=3', title: 'Đến' });
    expect((a.children[0] as TextNode).data).toBe('Giá \u00a0x&y');
  });

  it('reads single attributes lazily, case-insensitively, and not from inside other values', () => {
    const doc = parseFastHtml('<div CLASS="Sapo" data-x=\'class="nope"\' id=main hidden>t</div><span title="id=fake">s</span>');
    const div = find(doc, 'div')!;
    expect(div.attr('class')).toBe('Sapo');
    expect(div.attr('id')).toBe('main');
    expect(div.attr('hidden')).toBe('');
    expect(div.attr('style')).toBeUndefined();
    expect(find(doc, 'span')!.attr('id')).toBeUndefined();
  });

  it('handles quoted > inside attributes, stray < and unmatched end tags', () => {
    expect(shape(parseFastHtml('<a title="a > b">x</a> 1 < 2 </span><b>y</b>'))).toBe('a("x") " 1 < 2 " b("y")');
  });

  it('treats comments and doctype as nothing and tolerates an unterminated comment', () => {
    expect(shape(parseFastHtml('<!DOCTYPE html><!-- c --><p>a</p><!-- open'))).toBe('p("a")');
  });

  it('sets parent links', () => {
    const doc = parseFastHtml('<div><p>a</p></div>');
    const p = find(doc, 'p')!;
    expect((p.parent as ElementNode).name).toBe('div');
    expect((p.children[0] as TextNode).parent).toBe(p);
  });

  it('stays linear on pathological input (unterminated quotes, many opens)', () => {
    const nasty = '<a title="'.repeat(5000) + '<div>'.repeat(20000);
    const started = Date.now();
    parseFastHtml(nasty);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
