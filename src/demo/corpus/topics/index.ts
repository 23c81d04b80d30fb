/** Every topic bank, and lookup by topic id. */
import type { TopicBank } from '../bank.js';
import { adminReform } from './admin-reform.js';
import { agriculture } from './agriculture.js';
import { antiCorruption } from './anti-corruption.js';
import { apparatus } from './apparatus.js';
import { banking } from './banking.js';
import { digital } from './digital.js';
import { education } from './education.js';
import { energy } from './energy.js';
import { environment } from './environment.js';
import { health } from './health.js';
import { labour } from './labour.js';
import { land } from './land.js';
import { socialSecurity } from './social-security.js';
import { transport } from './transport.js';

/** All banks; each is a main policy area of the demo. */
export const TOPIC_BANKS: readonly TopicBank[] = [
  transport, land, health, education, labour, digital, adminReform, apparatus,
  antiCorruption, environment, energy, agriculture, banking, socialSecurity,
];

/** The bank whose main topic is `id`; throws when there is none. */
export function bankById(id: string): TopicBank {
  const bank = TOPIC_BANKS.find((b) => b.id === id);
  if (!bank) throw new Error(`demo corpus: no sentence bank for topic "${id}"`);
  return bank;
}
