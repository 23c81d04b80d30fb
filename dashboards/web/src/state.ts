import type { Me, Policy, Topic } from './api.js';
import { currentLang } from './i18n.js';

/** What every view can read: who is logged in and the topic catalogue. */
export const state: { me: Me | null; topics: Topic[]; policies: Policy[]; sourceNames: Record<string, string> } = { me: null, topics: [], policies: [], sourceNames: {} };

/** Display name of a topic id in the current language. */
export function topicName(id: string): string {
  const topic = state.topics.find((t) => t.id === id);
  return topic ? topic.name[currentLang()] : id;
}

/** Whether the user may act on alerts (officer or admin). */
export function canAct(): boolean {
  const role = state.me?.user.role;
  return role === 'officer' || role === 'admin';
}

/** Short topic name for chart legends: the part before the first comma. */
export function shortTopicName(id: string): string {
  return topicName(id).split(',')[0] ?? id;
}

/** Display name of a source id. */
export function sourceName(id: string): string {
  return state.sourceNames[id] ?? id;
}
