// Who the preview shows an edition to: the config's defaults (what build writes), then either the
// subscribers of `preview --recipients FILE` (read by send's loader, so validated the same way) or, without
// one, a sample subscriber who has no first name. Each has a key for the page's query string.
import type { Config } from '../config/config.js';
import { recipientDefaults } from '../output/edition-output.js';
import type { RecipientValues } from '../render/tokens.js';
import type { Recipient } from '../send/recipients.js';

export interface PreviewSubscriber {
  /** `?subscriber=` value: "defaults", or the address (unique: send's loader drops repeats). */
  key: string;
  /** What the picker shows. */
  label: string;
  /** The recipient fields the subscriber carries; the others keep the config's values. */
  fields: RecipientValues;
}

export const DEFAULTS_KEY = 'defaults';

const SAMPLE: PreviewSubscriber = {
  key: 'reader@example.org',
  label: 'Sample subscriber, no first name (reader@example.org)',
  fields: { email: 'reader@example.org' },
};

export function previewSubscribers(recipients?: readonly Recipient[]): PreviewSubscriber[] {
  const defaults = { key: DEFAULTS_KEY, label: "Config's defaults (as build writes it)", fields: {} };
  if (!recipients) return [defaults, SAMPLE];
  return [
    defaults,
    ...recipients.map((r) => ({
      key: r.email,
      label: r.name ? `${r.name} <${r.email}>` : r.email,
      fields: { ...r.fields, email: r.email },
    })),
  ];
}

/** The values `send` would fill for this subscriber in this edition. */
export function subscriberValues(
  subscriber: PreviewSubscriber,
  config: Config,
  slug: string,
): RecipientValues {
  return { ...recipientDefaults(config, slug), ...subscriber.fields };
}
