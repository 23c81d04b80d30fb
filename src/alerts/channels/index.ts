/**
 * Build channels from validated config, reading each secret from the environment variable the
 * config names. A missing variable fails with the channel id and variable name.
 */
import type { ChannelConfig } from '../rules-schema.js';
import type { Channel } from './channel.js';
import { createChatChannel } from './chat.js';
import { createEmailChannel } from './email.js';
import { createTelegramChannel } from './telegram.js';
import { createWebhookChannel } from './webhook.js';

/** A channel with its retry policy and the secrets that must never be logged. */
export interface ConfiguredChannel {
  channel: Channel;
  retry: { attempts: number; baseDelayMs: number };
  secrets: string[];
}

/** Create every configured channel. */
export function createChannels(configs: Record<string, ChannelConfig>, env: NodeJS.ProcessEnv = process.env): Map<string, ConfiguredChannel> {
  const out = new Map<string, ConfiguredChannel>();
  const secret = (channelId: string, name: string) => {
    const value = env[name];
    if (!value) throw new Error(`alerts.yaml channels.${channelId}: environment variable ${name} is not set`);
    return value;
  };
  for (const [id, c] of Object.entries(configs)) {
    switch (c.type) {
      case 'webhook': {
        const s = secret(id, c.secretEnv);
        out.set(id, { channel: createWebhookChannel(id, { url: c.url, secret: s }), retry: c.retry, secrets: [s] });
        break;
      }
      case 'email': {
        const url = secret(id, c.smtpUrlEnv);
        out.set(id, { channel: createEmailChannel(id, { smtpUrl: url, from: c.from, to: c.to }), retry: c.retry, secrets: [url, ...credentialsOf(url)] });
        break;
      }
      case 'telegram': {
        const token = secret(id, c.botTokenEnv);
        out.set(id, { channel: createTelegramChannel(id, { botToken: token, chatId: c.chatId, apiBaseUrl: c.apiBaseUrl }), retry: c.retry, secrets: [token] });
        break;
      }
      case 'chat':
        // Incoming-webhook URLs are bearer secrets themselves.
        out.set(id, { channel: createChatChannel(id, { url: c.url, format: c.format }), retry: c.retry, secrets: [c.url] });
        break;
    }
  }
  return out;
}

function credentialsOf(url: string): string[] {
  try {
    const u = new URL(url);
    return [u.password, decodeURIComponent(u.password)].filter((s) => s.length > 0);
  } catch {
    return [];
  }
}
