/**
 * Build channels from validated config, reading each secret from the environment variable the
 * config names. A missing variable fails with the channel id and variable name.
 */
import type { ChannelConfig } from '../rules-schema.js';
import { PermanentError } from '../../core/errors.js';
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

/** Options of {@link createChannels}. */
export interface CreateChannelsOptions {
  /**
   * What to do with a channel whose secret variable is unset: `throw` (default) fails start-up;
   * `unconfigured` keeps the channel as one whose every send fails permanently with the reason,
   * so alerts are still stored and shown, and the delivery log says why nothing was sent.
   */
  onMissingSecret?: 'throw' | 'unconfigured';
  /** Told about each unconfigured channel (start-up warning). */
  warn?: (channelId: string, message: string) => void;
}

/** A channel that cannot send until its secret is set; each send fails with that reason. */
function unconfiguredChannel(id: string, type: string, reason: string): ConfiguredChannel {
  return {
    channel: { id, type, send: async () => { throw new PermanentError('channel_unconfigured', reason); } },
    retry: { attempts: 1, baseDelayMs: 0 },
    secrets: [],
  };
}

/** Create every configured channel. */
export function createChannels(configs: Record<string, ChannelConfig>, env: NodeJS.ProcessEnv = process.env, opts: CreateChannelsOptions = {}): Map<string, ConfiguredChannel> {
  const out = new Map<string, ConfiguredChannel>();
  const secret = (channelId: string, name: string) => {
    const value = env[name];
    if (!value) throw new MissingSecretError(`alerts.yaml channels.${channelId}: environment variable ${name} is not set`);
    return value;
  };
  for (const [id, c] of Object.entries(configs)) {
    try {
      addChannel(out, id, c, secret);
    } catch (err) {
      if (!(err instanceof MissingSecretError) || opts.onMissingSecret !== 'unconfigured') throw err;
      opts.warn?.(id, err.message);
      out.set(id, unconfiguredChannel(id, c.type, err.message));
    }
  }
  return out;
}

class MissingSecretError extends Error {}

function addChannel(out: Map<string, ConfiguredChannel>, id: string, c: ChannelConfig, secret: (channelId: string, name: string) => string): void {
  {
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
}

function credentialsOf(url: string): string[] {
  try {
    const u = new URL(url);
    return [u.password, decodeURIComponent(u.password)].filter((s) => s.length > 0);
  } catch {
    return [];
  }
}
