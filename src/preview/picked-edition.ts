// An edition as the pickers ask for it: filled for the subscriber picked as `send` fills it, or exported
// for the platform picked and rendered by its engine (platform-view.ts). Used by the edition page (the
// pickers, the note, the plain text) and by its email frame.
import type { BuiltEdition } from '../checks/rule.js';
import { fillTokens } from '../render/tokens.js';
import { pickerBar, platformSection } from './pages/picker-sections.js';
import { picksQuery, type Picks } from './picks.js';
import { platformView, type PlatformView } from './platform-view.js';
import { subscriberValues, type PreviewSubscriber } from './subscriber-view.js';

export interface PickedPage {
  /** The picker bar, and what the page says about the platform picked. */
  sections: string;
  /** Appended to the frame's address so that it shows the same picks. */
  query: string;
  /** False where no engine ran: the page shows the export's source instead of the email. */
  frame: boolean;
  text: string;
}

type Picked = { kind: 'send'; html: string; text: string } | PlatformView;

/** `html`: the edition's HTML with tokens, its local images pointing at the preview. */
function picked(built: BuiltEdition, html: string, picks: Picks): Picked {
  const values = subscriberValues(picks.subscriber, built.config, built.edition.slug);
  if (picks.platform) return platformView(built, html, picks.platform, values);
  return {
    kind: 'send',
    html: fillTokens(html, values, 'html'),
    text: fillTokens(built.tokens.text, values, 'text'),
  };
}

export function pickedPage(
  built: BuiltEdition,
  html: string,
  picks: Picks,
  subscribers: readonly PreviewSubscriber[],
): PickedPage {
  const view = picked(built, html, picks);
  const bar = pickerBar(subscribers, picks);
  const query = picksQuery(picks);
  if (view.kind === 'send') return { sections: bar, query, frame: true, text: view.text };
  const sections = `${bar}${platformSection(view, picks.subscriber)}`;
  return view.kind === 'rendered'
    ? { sections, query, frame: true, text: view.text }
    : { sections, query, frame: false, text: '' };
}

/** The email the frame shows, or why there is none (the platform's engine cannot run here, or it failed). */
export function pickedEmail(
  built: BuiltEdition,
  html: string,
  picks: Picks,
): { html: string } | { problem: string } {
  const view = picked(built, html, picks);
  if (view.kind === 'send' || view.kind === 'rendered') return { html: view.html };
  return view.kind === 'source'
    ? {
        problem: `the preview cannot run ${view.platform.label}'s template engine: the edition page shows the export's source`,
      }
    : { problem: view.message };
}
