/**
 * Generic chat webhook (Slack, Mattermost, Rocket.Chat, Google Chat incoming webhooks): all of
 * them accept `{"text": "..."}`.
 */
import type { AlertMessage } from '../message.js';
import { postJson, type Channel } from './channel.js';

/** Chat webhook channel. */
export function createChatChannel(id: string, options: { url: string; format: 'text' | 'google_chat' }): Channel {
  return {
    id,
    type: 'chat',
    async send(message: AlertMessage) {
      // Google Chat renders *bold*; the others accept the same plain text.
      const text = options.format === 'google_chat' ? message.text.replace(/^(.*)$/m, '*$1*') : message.text;
      return postJson(options.url, JSON.stringify({ text }), {});
    },
  };
}
