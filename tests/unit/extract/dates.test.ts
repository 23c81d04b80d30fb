import { describe, expect, it } from 'vitest';
import { parseVietnameseDate } from '../../../src/extract/dates.js';

const now = new Date('2025-03-01T00:00:00Z');
const parse = (s: string) => parseVietnameseDate(s, { now });
/** 20:30 in Hà Nội on 6 Feb 2025, the instant most cases below describe. */
const HANOI_2030 = '2025-02-06T13:30:00.000Z';

describe('parseVietnameseDate', () => {
  it.each([
    ['2025-02-06T20:30:00+07:00', HANOI_2030],
    ['2025-02-06T20:30:00+0700', HANOI_2030],
    ['2025-02-06T13:30:00Z', HANOI_2030],
    ['2025-02-06T20:30:00', HANOI_2030],
    ['2025-02-06 20:30:00', HANOI_2030],
    ['2025-02-06T20:30', HANOI_2030],
    ['2025-02-06T20:30:00.000+07', HANOI_2030],
    ['2025-02-06', '2025-02-05T17:00:00.000Z'],
  ])('ISO-8601 %s', (input, expected) => expect(parse(input)).toBe(expected));

  it.each([
    ['Thu, 06 Feb 2025 20:30:00 +0700', HANOI_2030],
    ['Thu, 06 Feb 2025 20:30:00 +07', HANOI_2030],
    ['Thu, 06 Feb 2025 20:30:00 +07:00', HANOI_2030],
    ['Thu, 06 Feb 2025 20:30:00 GMT+7', HANOI_2030],
    ['Thu, 06 Feb 2025 13:30:00 GMT', HANOI_2030],
    ['Thu, 06 Feb 2025 13:30:00 UTC', HANOI_2030],
    ['Thu, 06 Feb 2025 13:30:00 Z', HANOI_2030],
    ['Thu, 06 Feb 2025 20:30:00', HANOI_2030],
    ['Thu, 6 Feb 2025 20:30 +0700', HANOI_2030],
    ['06 February 2025 20:30:00 +0700', HANOI_2030],
    ['Thu, 06 Feb 2025 08:30:00 -0500', HANOI_2030],
    ['Feb 6, 2025 8:30 PM', HANOI_2030],
  ])('RFC 822/1123 %s', (input, expected) => expect(parse(input)).toBe(expected));

  it.each([
    ['Thứ năm, 6/2/2025, 20:30 (GMT+7)', HANOI_2030],
    ['Thứ năm, 6/2/2025, 20:30:00 (GMT+7)', HANOI_2030],
    ['06/02/2025 20:30', HANOI_2030],
    ['06/02/2025 20:30:00', HANOI_2030],
    ['6-2-2025 - 20:30', HANOI_2030],
    ['20:30 06/02/2025', HANOI_2030],
    ['Thứ Năm, ngày 06/02/2025 - 20:30', HANOI_2030],
    ['06/02/2025 | 20:30 GMT+7', HANOI_2030],
    ['06/02/2025 | 13:30 GMT+0', HANOI_2030],
    ['06.02.2025 20h30', HANOI_2030],
    ['Cập nhật: 20:30, 06/02/2025', HANOI_2030],
    ['06/02/2025 08:30 CH', HANOI_2030],
    ['ngày 6 tháng 2 năm 2025', '2025-02-05T17:00:00.000Z'],
    ['Ngày 06 tháng 02 năm 2025 lúc 20:30', HANOI_2030],
    ['06/02/2025', '2025-02-05T17:00:00.000Z'],
    ['2025/02/06 20:30', HANOI_2030],
  ])('Vietnamese %s', (input, expected) => expect(parse(input)).toBe(expected));

  it('reads numeric dates day-first, never month-first', () => {
    expect(parse('03/02/2025 10:00')).toBe('2025-02-03T03:00:00.000Z');
    expect(parse('02/13/2025')).toBeNull();
  });

  it('accepts decomposed (NFD) Vietnamese text', () => {
    expect(parse('Thứ năm, ngày 06/02/2025 - 20:30'.normalize('NFD'))).toBe(HANOI_2030);
  });

  it('honours another default zone', () => {
    expect(parseVietnameseDate('06/02/2025 20:30', { now, defaultZone: 'UTC' })).toBe('2025-02-06T20:30:00.000Z');
  });

  it.each([
    ['', 'empty'],
    ['hôm qua', 'no date at all'],
    ['31/02/2025', 'impossible day'],
    ['06/02/2025 25:10', 'impossible hour'],
    ['01/01/1985', 'before 1990'],
    ['1970-01-01T00:00:00Z', 'epoch zero'],
    ['2025-03-04T00:00:00Z', 'more than two days ahead'],
    ['Thu, 06 Foo 2025 20:30:00', 'unknown month'],
  ])('rejects %s (%s)', (input) => expect(parse(input)).toBeNull());

  it('allows up to two days of clock skew into the future', () => {
    expect(parse('2025-03-02T12:00:00Z')).toBe('2025-03-02T12:00:00.000Z');
  });
});
