// The platforms: one file each in platforms/, listed here, and the one list everything else reads (the
// CLI's help and validation, export, the tests that run each platform's engine). A test checks that every
// file there is listed, under its own name (test/export/registry.test.ts). Imported, not found on disk at
// run time, so that the bundle (scripts/bundle.js) carries them.
import type { Platform } from './platform.js';
import brevo from './platforms/brevo.js';
import buttondown from './platforms/buttondown.js';
import campaignMonitor from './platforms/campaign-monitor.js';
import kit from './platforms/kit.js';
import listmonk from './platforms/listmonk.js';
import mailchimp from './platforms/mailchimp.js';
import mailgun from './platforms/mailgun.js';
import postmark from './platforms/postmark.js';
import sendgrid from './platforms/sendgrid.js';
import ses from './platforms/ses.js';

export const PLATFORMS: readonly Platform[] = [
  brevo,
  buttondown,
  campaignMonitor,
  kit,
  listmonk,
  mailchimp,
  mailgun,
  postmark,
  sendgrid,
  ses,
];

/** The --platform names, in the table's order. */
export const PLATFORM_NAMES: readonly string[] = PLATFORMS.map((p) => p.name);

/** Every platform, by name. */
export async function loadPlatforms(): Promise<Platform[]> {
  return [...PLATFORMS];
}
