import type { StatusEvent } from '@liaison/core/api/status';
import { Feed } from 'feed';
import { COMPONENT_LABELS, KIND_LABELS, parisTime, SEVERITY_LABELS } from './labels.ts';
import type { StatusSections } from './publicStatus.ts';

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
const FEED_TITLE = 'État du service Liaison';

/** Characters XML 1.0 cannot carry at all, even escaped: one would make the whole feed unreadable. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * The feed package writes titles and content as `type="html"` inside CDATA, so what we hand it is HTML:
 * escaping here keeps a technician's `<b>` as text, and, with `>` escaped, no text can close the CDATA
 * section early (the package only guards the first `]]>`).
 */
function html(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function paragraphs(text: string): string {
  return html(text)
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function content(event: StatusEvent): string {
  const when = event.endsAt
    ? `Du ${parisTime(event.startsAt, 'fr')} au ${parisTime(event.endsAt, 'fr')}`
    : `Depuis le ${parisTime(event.startsAt, 'fr')}, fin non connue`;
  const components = event.components.map((c) => COMPONENT_LABELS[c].fr).join(', ');
  const meta = `<p>${html(when)}.<br>Gravité : ${SEVERITY_LABELS[event.severity].fr}. Services concernés : ${html(components)}.</p>`;
  const updates = event.updates.map(
    (u) => `<h3>Mise à jour du ${html(parisTime(u.at, 'fr'))}</h3>${paragraphs(u.body)}`,
  );
  return [meta, paragraphs(event.description), ...updates].join('');
}

/** One entry per event shown on the public page (current, then upcoming, then past). */
export function atomFeed(parts: StatusSections, publicUrl: string, generatedAt: string): string {
  const page = `${publicUrl}/status`;
  const events = [...parts.current, ...parts.upcoming, ...parts.past];
  // The newest change, not the time of the request: a reader polling an unchanged feed sees it unchanged.
  const updated = events.reduce((max, e) => (e.updatedAt > max ? e.updatedAt : max), '');
  const feed = new Feed({
    id: page,
    link: page,
    feed: `${publicUrl}/api/status.atom`,
    title: FEED_TITLE,
    language: 'fr',
    generator: 'Liaison',
    updated: new Date(updated || generatedAt),
  });
  for (const event of events) {
    feed.addItem({
      id: `urn:uuid:${event.id}`,
      title: html(`${KIND_LABELS[event.kind].fr} : ${event.title}`),
      link: page,
      date: new Date(event.updatedAt),
      published: new Date(event.createdAt),
      content: content(event),
    });
  }
  return feed.atom1();
}
