import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config/config.ts';
import { createBus, redactCredentials } from '../src/events/createBus.ts';
import { InProcessBus } from '../src/events/inProcessBus.ts';
import { connect, nanos, StorageType } from 'nats';
import { NatsBus } from '../src/events/natsBus.ts';
import type { StreamPlacement } from '../src/events/natsStream.ts';
import {
  capturingLogger,
  deleteStream,
  natsTestUrls,
  quiet,
  testNatsBus,
  uniquePlacement,
  until,
} from './support/natsBus.ts';
import { natsProxy } from './support/natsProxy.ts';

const silent = pino({ level: 'silent' });

function configWith(natsUrl?: string) {
  return buildConfig({
    LIAISON_SECRET: 'test-instance-secret-0123456789-abcdefghijklmnop',
    LIAISON_PUBLIC_URL: 'http://localhost:8080',
    LIAISON_MAIL_DOMAIN: 'liaison.test',
    LIAISON_NODE_ID: 'node-test',
    ...(natsUrl ? { LIAISON_NATS_URL: natsUrl } : {}),
  });
}

// These need no NATS: they run everywhere, so this file always has something to check.
describe('createBus', () => {
  it('stays in process without LIAISON_NATS_URL', async () => {
    const bus = await createBus(configWith(), silent);
    expect(bus).toBeInstanceOf(InProcessBus);
    await bus.close();
  });

  it('refuses to start when NATS is unreachable, saying where, without credentials', async () => {
    await expect(createBus(configWith('nats://ops:hunter2@127.0.0.1:1'), silent)).rejects.toThrow(
      /LIAISON_NATS_URL is set but NATS JetStream is unreachable at nats:\/\/\*\*\*@127\.0\.0\.1:1/,
    );
    expect(redactCredentials('nats://a:b@h1:4222,nats://h2:4222')).toBe('nats://***@h1:4222,nats://h2:4222');
  });
});

for (const url of natsTestUrls()) {
  describe(`NatsBus on ${url}`, () => {
    let placement: StreamPlacement;
    let buses: NatsBus[] = [];
    const open = async (nodeId: string, logger = silent) => {
      const bus = await testNatsBus(url, placement, nodeId, logger);
      buses.push(bus);
      return bus;
    };

    beforeEach(() => {
      placement = uniquePlacement();
    });
    afterEach(async () => {
      for (const bus of buses) await bus.close();
      buses = [];
      await deleteStream(url, placement);
    });

    it('is chosen by createBus when LIAISON_NATS_URL is set', async () => {
      const bus = await createBus(configWith(url), silent);
      try {
        expect(bus).not.toBeInstanceOf(InProcessBus);
        expect(bus.constructor.name).toBe('NatsBus');
      } finally {
        await bus.close();
      }
    });

    it('lets several nodes start at once, and brings an older stream to the current limits', async () => {
      await Promise.all(['n1', 'n2', 'n3'].map((id) => open(id)));
      const later = await NatsBus.connect({
        servers: url,
        nodeId: 'n4',
        logger: silent,
        placement,
        maxAgeMs: 120_000,
      });
      buses.push(later);
      const nc = await connect({ servers: url });
      try {
        const info = await (await nc.jetstreamManager()).streams.info(placement.stream);
        expect(info.config.max_age).toBe(nanos(120_000));
        expect(info.config.subjects).toEqual([`${placement.subjectPrefix}.>`]);
        expect(info.config.storage).toBe(StorageType.Memory);
      } finally {
        await nc.close();
      }
    });

    it('delivers exact, prefix and * subscriptions with the in-process rules', async () => {
      const bus = await open('node-a');
      const seen: string[] = [];
      bus.subscribe('mail.delivered', (p) => void seen.push(`exact ${String(p)}`));
      bus.subscribe('mail.*', (p) => void seen.push(`mail.* ${String(p)}`));
      bus.subscribe('*', (p) => void seen.push(`* ${String(p)}`));
      bus.subscribe('chat.*', (p) => void seen.push(`chat.* ${String(p)}`));

      bus.publish('mail.delivered', 1);
      expect(seen).toEqual([]); // never inside publish
      bus.publish('mail.box.read', 2);
      bus.publish('mail', 3); // `mail.*` wants something under mail., not mail itself
      await until(() => seen.length >= 6);
      await quiet();
      expect(seen.sort()).toEqual(['* 1', '* 2', '* 3', 'exact 1', 'mail.* 1', 'mail.* 2']);
      expect(() => bus.publish('mail.*', null)).toThrow(/invalid event topic/);
      expect(() => bus.subscribe('*.new', () => undefined)).toThrow(/invalid event topic/);
    });

    it('carries JSON plain data, including no payload at all', async () => {
      const bus = await open('node-a');
      const seen: unknown[] = [];
      bus.subscribe('data.*', (p) => void seen.push(p));
      const values = [
        { mailboxId: 'm1', seq: 7, event: { type: 'mail' } },
        [1, 'deux'],
        null,
        'é',
        undefined,
      ];
      for (const value of values) bus.publish('data.x', value);
      await until(() => seen.length === values.length);
      expect(seen).toEqual(values); // one stream, one ordered consumer: order is kept
    });

    it('stops delivering once unsubscribed', async () => {
      const bus = await open('node-a');
      const seen: unknown[] = [];
      const all: unknown[] = [];
      const unsubscribe = bus.subscribe('chat.*', (p) => void seen.push(p));
      bus.subscribe('*', (p) => void all.push(p));
      bus.publish('chat.message', 'before');
      await until(() => seen.length === 1);
      unsubscribe();
      unsubscribe(); // idempotent
      bus.publish('chat.message', 'after');
      await until(() => all.length === 2);
      await quiet();
      expect(seen).toEqual(['before']);
    });

    it('keeps delivering to the other handlers when one throws, and logs the topic only', async () => {
      const { logger, lines } = capturingLogger();
      const bus = await open('node-a', logger);
      const seen: unknown[] = [];
      bus.subscribe('mail.new', () => {
        throw new Error('sync failure');
      });
      bus.subscribe('mail.new', () => Promise.reject(new Error('async failure')));
      bus.subscribe('mail.new', (p) => void seen.push(p));
      bus.publish('mail.new', { address: 'secret.person@liaison.test' });
      await until(
        () => seen.length === 1 && lines.filter((l) => l.includes('event handler failed')).length === 2,
      );
      const failures = lines.filter((l) => l.includes('event handler failed')).join('\n');
      expect(failures).toContain('"topic":"mail.new"');
      expect(lines.join('\n')).not.toContain('secret.person');
    });

    it('close() waits for deliveries under way, then refuses new events', async () => {
      const bus = await open('node-a');
      let finished = false;
      let started = false;
      bus.subscribe('slow', async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 200));
        finished = true;
      });
      bus.publish('slow', null);
      await until(() => started);
      await bus.close();
      expect(finished).toBe(true);
      expect(() => bus.publish('slow', null)).toThrow(/closed/);
      await bus.close(); // idempotent
    });

    it('two nodes: an event from either reaches every subscriber of both, once', async () => {
      const a = await open('node-a');
      const b = await open('node-b');
      const seen: string[] = [];
      a.subscribe('mail.changed', (p) => void seen.push(`a exact ${String(p)}`));
      a.subscribe('*', (p) => void seen.push(`a * ${String(p)}`));
      b.subscribe('mail.*', (p) => void seen.push(`b mail.* ${String(p)}`));

      b.publish('mail.changed', 'from-b');
      a.publish('mail.changed', 'from-a');
      await until(() => seen.length >= 6);
      await quiet();
      expect(seen.sort()).toEqual([
        'a * from-a',
        'a * from-b',
        'a exact from-a',
        'a exact from-b',
        'b mail.* from-a',
        'b mail.* from-b',
      ]);
      expect(a.stats).toMatchObject({ published: 1, received: 2, publishFailures: 0, dropped: 0 });
      expect(b.stats).toMatchObject({ published: 1, received: 2, publishFailures: 0, dropped: 0 });
    });

    it('a publish that JetStream refuses is counted and logged by subject, never thrown', async () => {
      const { logger, lines } = capturingLogger();
      const bus = await open('node-a', logger);
      await deleteStream(url, placement); // no stream: JetStream answers "no responders"
      expect(() => bus.publish('mail.changed', { address: 'secret.person@liaison.test' })).not.toThrow();
      await until(() => bus.stats.publishFailures === 1, 10_000);
      const failure = lines.find((l) => l.includes('event publish failed'));
      expect(failure).toContain(`"subject":"${placement.subjectPrefix}.mail.changed"`);
      expect(lines.join('\n')).not.toContain('secret.person');
    });

    it('rides out an outage: publishing meanwhile never throws, and delivery resumes', async () => {
      const proxy = await natsProxy(url);
      try {
        const a = await open('node-a');
        const b = await testNatsBus(proxy.url, placement, 'node-b-behind-proxy');
        buses.push(b);
        const seenOnB: unknown[] = [];
        b.subscribe('chat.*', (p) => void seenOnB.push(p));

        proxy.cut();
        expect(() => b.publish('chat.message', 'while cut off')).not.toThrow();
        a.publish('chat.message', 'during the outage');
        await quiet(500);
        proxy.restore();
        a.publish('chat.message', 'after');

        // The stream kept what A published during the outage; B's ordered consumer picks up from there.
        await until(() => seenOnB.includes('after') && seenOnB.includes('during the outage'), 20_000);
        // Whether the buffered publish got through after the reconnect or timed out, it was accounted for.
        await until(() => b.stats.published + b.stats.publishFailures === 1, 10_000);
      } finally {
        for (const bus of buses) await bus.close(); // before the relay goes, or close waits on a dead link
        buses = [];
        await proxy.close();
      }
    });
  });
}
