/**
 * E-mail via nodemailer over SMTP. The SMTP URL (with credentials) comes from the environment;
 * errors are reduced to their SMTP code and command so no credential reaches a log.
 */
import nodemailer from 'nodemailer';
import { PermanentError, TransientError } from '../../core/errors.js';
import type { AlertMessage } from '../message.js';
import type { Channel } from './channel.js';

/** E-mail channel. */
export function createEmailChannel(id: string, options: { smtpUrl: string; from: string; to: string[] }): Channel {
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    id,
    type: 'email',
    async send(message: AlertMessage) {
      try {
        const info = await transport.sendMail({ from: options.from, to: options.to, subject: message.subject, text: message.text, html: message.html, messageId: `<${message.deliveryId}@policy-pulse>` });
        return { status: 250, detail: `accepted ${info.accepted.length}, rejected ${info.rejected.length}` };
      } catch (err) {
        const e = err as { responseCode?: number; code?: string; command?: string };
        const what = `SMTP ${e.responseCode ?? e.code ?? 'error'}${e.command ? ` at ${e.command}` : ''}`;
        // 5xx replies are permanent (bad address, auth refused); anything else may pass later.
        if (e.responseCode && e.responseCode >= 500) throw new PermanentError(`smtp_${e.responseCode}`, what);
        throw new TransientError(`smtp_${e.responseCode ?? e.code ?? 'error'}`, what);
      }
    },
  };
}
