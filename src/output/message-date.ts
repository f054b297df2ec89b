// The date an edition's message carries, in a module of its own: the archive reads it for every edition
// without loading what composes the message (nodemailer).
import type { Edition } from '../edition/types.js';

/** The .eml Date: the edition's own date, else SOURCE_DATE_EPOCH (reproducible builds), else now. */
export function messageDate(edition: Pick<Edition, 'date'>, env: NodeJS.ProcessEnv = process.env): Date {
  if (edition.date)
    return new Date(/^\d{4}-\d{2}-\d{2}$/.test(edition.date) ? `${edition.date}T00:00:00Z` : edition.date);
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000);
  return new Date();
}
