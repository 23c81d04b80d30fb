/**
 * Telegram Bot API `sendMessage`. The bot token sits in the URL path, so the URL never reaches an
 * error or log (see `postJson`). `apiBaseUrl` is configurable so tests use a local stand-in.
 */
import { escapeHtml, type AlertMessage } from '../message.js';
import { postJson, type Channel } from './channel.js';

/** Telegram's message length limit. */
const MAX_LENGTH = 4096;

/** Telegram channel. */
export function createTelegramChannel(id: string, options: { botToken: string; chatId: string; apiBaseUrl: string }): Channel {
  const url = `${options.apiBaseUrl.replace(/\/+$/, '')}/bot${options.botToken}/sendMessage`;
  return {
    id,
    type: 'telegram',
    async send(message: AlertMessage) {
      const [first, ...rest] = message.text.split('\n');
      const text = `<b>${escapeHtml(first ?? '')}</b>\n${escapeHtml(rest.join('\n'))}`.slice(0, MAX_LENGTH);
      return postJson(url, JSON.stringify({ chat_id: options.chatId, text, parse_mode: 'HTML', disable_web_page_preview: true }), {});
    },
  };
}
