import type { PublicStatus } from '@liaison/core/api/status';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The feed package's own XML library, used here only to read the feed back as a strict XML parser would.
import * as xmljs from 'xml-js';
import { Client, staffUser, startInstance, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { inMinutes, maintenance, post } from './support/statusFixtures.ts';

type XmlElement = xmljs.Element;

function children(parent: XmlElement, name: string): XmlElement[] {
  return (parent.elements ?? []).filter((e) => e.type === 'element' && e.name === name);
}

function child(parent: XmlElement, name: string): XmlElement {
  const found = children(parent, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
}

/** The text of an element, whether written as text or as CDATA. */
function textOf(element: XmlElement): string {
  return (element.elements ?? []).map((e) => String(e.text ?? e.cdata ?? '')).join('');
}

/** Titles are `type="html"`: what a feed reader shows is the HTML's text. */
function htmlText(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

for (const backend of testBackends()) {
  describe(`service status Atom feed on ${backend.name}`, () => {
    let t: TestInstance;
    let technician: Client;

    beforeAll(async () => {
      t = await startInstance(backend);
      technician = (await staffUser(t, 'technician')).client;
    });
    afterAll(async () => t.close());

    it('has one entry per event of the public page, escaped, under the feed content type', async () => {
      const now = t.clock.now().toISOString();
      const tricky = 'Panne <b>&" ]]> du relais ]]> encore';
      const incident = await post(technician, {
        kind: 'incident',
        title: tricky,
        severity: 'major',
        components: ['mail'],
        description: 'Les courriers <script>alert(1)</script> attendent.\u0007',
        startsAt: now,
      });
      expect(incident.status).toBe(201);
      await technician.post(`/api/admin/status/events/${incident.body.event.id}/updates`, {
        body: 'Relais redémarré & surveillé.',
      });
      const planned = (await post(technician, maintenance(t, { alert: false }))).body.event;
      const old = (
        await post(
          technician,
          maintenance(t, {
            title: 'Ancienne',
            startsAt: inMinutes(t, -120),
            endsAt: inMinutes(t, -60),
            alert: false,
          }),
        )
      ).body.event;

      const res = await new Client(t.app).get('/api/status.atom');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expect(res.text).not.toContain('<b>');
      expect(res.text).not.toContain('<script>');

      // xml-js rejects unbalanced tags and bare `&`, but lets a control character or a stray `]]>`
      // through, so those two are checked on the text itself: every CDATA section closes exactly once.
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are the point here
      expect(res.text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      expect(res.text.split(']]>').length).toBe(res.text.split('<![CDATA[').length);
      const doc = xmljs.xml2js(res.text) as XmlElement;
      const feed = child(doc, 'feed');
      expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
      expect(textOf(child(feed, 'title'))).toBe('État du service Liaison');
      expect(textOf(child(feed, 'id'))).toBe('http://localhost:8080/status');

      const status = (await new Client(t.app).get<PublicStatus>('/api/status')).body;
      const shown = [...status.current, ...status.upcoming, ...status.past];
      const entries = children(feed, 'entry');
      expect(entries).toHaveLength(shown.length);
      expect(entries.map((e) => textOf(child(e, 'id')))).toEqual(shown.map((e) => `urn:uuid:${e.id}`));
      expect(shown.map((e) => e.id)).toEqual([incident.body.event.id, planned.id, old.id]);

      const [first, second] = entries;
      expect(child(first!, 'title').attributes?.type).toBe('html');
      expect(htmlText(textOf(child(first!, 'title')))).toBe(`Incident : ${tricky}`);
      expect(htmlText(textOf(child(second!, 'title')))).toBe('Maintenance : Mise à jour de la messagerie');
      expect(child(first!, 'link').attributes?.href).toBe('http://localhost:8080/status');
      const content = textOf(child(first!, 'content'));
      expect(content).toContain('&lt;script&gt;');
      expect(content).toContain('Relais redémarré &amp; surveillé.');
      expect(textOf(child(first!, 'updated'))).toBe(status.current[0]!.updatedAt);
    });
  });
}
