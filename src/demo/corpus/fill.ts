/** Fills the `{slot}` templates of the sentence banks with one story's values. */
import type { Rng } from '../random.js';
import type { TopicBank } from './bank.js';
import { COMMUNES, NAME_PARTS, PROVINCES, type Province } from './places.js';

/** The values that stay the same across one story and its syndicated copies. */
export interface StoryFill {
  province: Province;
  commune: string;
  subject: string;
  agency: string;
  ministry: string;
  department: string;
  /** Year of the article's publication (local time). */
  year: number;
}

/** Draws a story's values from a bank; `subject`/`province` may be forced (spike episodes). */
export function drawFill(bank: TopicBank, rng: Rng, year: number, force: Partial<StoryFill> = {}): StoryFill {
  return {
    province: force.province ?? rng.pick(PROVINCES),
    commune: force.commune ?? rng.pick(COMMUNES),
    subject: force.subject ?? rng.pick(bank.subjects),
    agency: force.agency ?? rng.pick(bank.agencies),
    ministry: force.ministry ?? rng.pick(bank.ministries),
    department: force.department ?? rng.pick(bank.departments),
    year,
  };
}

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/** Vietnamese number format: `1.250`. */
export function formatViNumber(value: number): string {
  return String(value).replace(THOUSANDS, '.');
}

/**
 * Replaces every slot in `template`. Throws on an unknown slot so a typo in a bank fails the
 * tests instead of leaking `{plcae}` into the demo.
 */
export function fillTemplate(template: string, fill: StoryFill, rng: Rng): string {
  let text = template;
  // Named slots may themselves contain slots (`Sở Y tế {placeShort}`): two passes suffice.
  for (let pass = 0; pass < 3 && text.includes('{'); pass++) {
    text = text.replace(/\{(\w+)\}/g, (_, slot: string) => slotValue(slot, fill, rng, template));
  }
  return capitalizeFirst(text);
}

function slotValue(slot: string, fill: StoryFill, rng: Rng, template: string): string {
  switch (slot) {
    case 'place': return fill.province.full;
    case 'placeShort': return fill.province.short;
    case 'formerly': return fill.province.formerly ?? fill.province.short;
    case 'commune': return fill.commune;
    case 'subject': return fill.subject;
    case 'agency': return fill.agency;
    case 'ministry': return fill.ministry;
    case 'department': return fill.department;
    case 'year': return String(fill.year);
    case 'n': return String(rng.int(2, 40));
    case 'big': return formatViNumber(rng.int(12, 980) * 10);
    case 'pct': return (rng.int(15, 385) / 10).toFixed(1).replace('.', ',').replace(/,0$/, '');
    case 'money': return `${formatViNumber(rng.int(12, 980) * 10)} tỷ đồng`;
    case 'month': return `tháng ${rng.int(1, 12)}`;
    default: throw new Error(`demo corpus: unknown slot {${slot}} in template "${template}"`);
  }
}

/** Upper-cases the first letter (templates may start with a lower-case slot such as `{subject}`). */
export function capitalizeFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** A Vietnamese person's name with the honorific the press uses (`Ông Nguyễn Văn Hùng`). */
export function drawPerson(rng: Rng): { honorific: 'Ông' | 'Bà'; name: string } {
  const male = rng.chance(0.6);
  const family = rng.pick(NAME_PARTS.FAMILY);
  const middle = rng.pick(male ? NAME_PARTS.MIDDLE_MALE : NAME_PARTS.MIDDLE_FEMALE);
  const given = rng.pick(male ? NAME_PARTS.GIVEN_MALE : NAME_PARTS.GIVEN_FEMALE);
  return { honorific: male ? 'Ông' : 'Bà', name: `${family} ${middle} ${given}` };
}
