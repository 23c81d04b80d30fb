/**
 * Writes one article from a topic bank: a title, a lead and four to eight paragraphs mixing topic
 * sentences, context, quotes and a closing, all in the article's tone.
 */
import type { SentimentLabel } from '../../core/item.js';
import type { Rng } from '../random.js';
import type { TopicBank } from './bank.js';
import { COMMENTER_NAMES, COMMENTS } from './comments.js';
import { drawPerson, fillTemplate, type StoryFill } from './fill.js';
import { GENERIC_BODY, GENERIC_CLOSINGS, QUOTE_VERBS } from './generic.js';
import { CRITIC_ROLES, OFFICIAL_ROLES, PEOPLE_ROLES } from './places.js';
import type { DemoComment } from '../types.js';

/** The written parts of an article, before it is placed in an outlet. */
export interface ArticleText {
  title: string;
  lead: string;
  paragraphs: string[];
  tags: string[];
  imageCaption: string;
  comments: DemoComment[];
}

/** Draws templates without repeats; `take` falls back to the next pool when one runs dry. */
class Pool {
  private readonly queue: string[];
  constructor(items: readonly string[], rng: Rng, private readonly fallback?: Pool) {
    this.queue = rng.sample(items, items.length);
  }
  take(): string {
    const item = this.queue.pop() ?? this.fallback?.take();
    if (item === undefined) throw new Error('demo corpus: sentence pools exhausted');
    return item;
  }
}

/** Composes an article in `sentiment` about the story described by `fill`. */
export function composeArticle(bank: TopicBank, sentiment: SentimentLabel, fill: StoryFill, rng: Rng): ArticleText {
  const fillT = (t: string): string => fillTemplate(t, fill, rng);
  // Fallback chains keep every sentence of an article distinct.
  // A neutral article's topical and context sentences come from the same bank: share one pool.
  const neutral = sentiment === 'neutral';
  const spare = new Pool(neutral ? [] : GENERIC_BODY.neutral, rng);
  const generic = new Pool(GENERIC_BODY[sentiment], rng, neutral ? undefined : spare);
  const context = new Pool(bank.body.neutral, rng, neutral ? generic : spare);
  const topical = neutral ? context : new Pool(bank.body[sentiment], rng, generic);
  const quotes = new Pool(bank.quotes[sentiment], rng, new Pool(bank.quotes.neutral, rng));

  const paragraphCount = neutral ? rng.int(6, 7) : rng.int(6, 8);
  const paragraphs: string[] = [];
  paragraphs.push([topical.take(), topical.take(), rng.chance(0.5) ? context.take() : generic.take()].map(fillT).join(' '));
  paragraphs.push(quoteParagraph(quotes.take(), sentiment, fill, rng));
  for (let i = 2; i < paragraphCount - 1; i++) {
    if (i === 4 && sentiment !== 'neutral') {
      paragraphs.push(quoteParagraph(quotes.take(), sentiment, fill, rng));
      continue;
    }
    const first = sentiment === 'neutral' || rng.chance(0.4) ? context.take() : topical.take();
    const second = rng.chance(0.5) ? generic.take() : topical.take();
    const sentences = rng.chance(0.7) ? [first, second, rng.chance(0.5) ? generic.take() : context.take()] : [first, second];
    paragraphs.push(sentences.map(fillT).join(' '));
  }
  paragraphs.push([topical.take(), rng.pick(GENERIC_CLOSINGS[sentiment])].map(fillT).join(' '));

  return {
    title: fillT(rng.pick(bank.titles[sentiment])),
    lead: fillT(rng.pick(bank.leads[sentiment])),
    paragraphs,
    tags: [...rng.sample(bank.tags, rng.int(2, 3)), fill.province.short],
    imageCaption: `${fillT(rng.pick(bank.captions))} tại ${fill.province.short}.`,
    comments: drawComments(sentiment, rng),
  };
}

/** First-person-singular speech ("tôi", "nhà tôi", "chúng em") comes from ordinary people, not officials. */
const FIRST_PERSON = /(^|[\s,])(tôi|Tôi|em|Em)(?=[\s,.])/u;

/** A quote with a fitting speaker: people for first-person quotes, critics or officials otherwise. */
export function quoteParagraph(quote: string, sentiment: SentimentLabel, fill: StoryFill, rng: Rng): string {
  const person = drawPerson(rng);
  const firstPerson = FIRST_PERSON.test(quote.replace(/chúng tôi|Chúng tôi/gu, ''));
  const roles = firstPerson ? PEOPLE_ROLES : sentiment === 'negative' ? CRITIC_ROLES : OFFICIAL_ROLES;
  const role = fillTemplate(rng.pick(roles), fill, rng);
  const verb = rng.pick(QUOTE_VERBS[sentiment]);
  return `${person.honorific} ${person.name}, ${lowerFirstWord(role)}, ${verb}: “${fillTemplate(quote, fill, rng)}”`;
}

/** Roles start with a common noun (`Giám đốc`, `người dân`) that is lower-case mid-sentence only for people. */
function lowerFirstWord(role: string): string {
  return /^(Người|Tiểu|Một|Chuyên|Đại|Luật|Chủ một)/u.test(role) ? role.charAt(0).toLocaleLowerCase('vi') + role.slice(1) : role;
}

function drawComments(sentiment: SentimentLabel, rng: Rng): DemoComment[] {
  const count = rng.int(0, sentiment === 'negative' ? 6 : 3);
  const texts = rng.sample(COMMENTS[sentiment], count);
  const names = rng.sample(COMMENTER_NAMES, count);
  return texts.map((text, i) => ({ name: names[i] ?? 'Bạn đọc', text, likes: rng.int(0, sentiment === 'negative' ? 400 : 60) }));
}
