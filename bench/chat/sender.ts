/**
 * The sender: posts pre-sealed messages at a fixed aggregate rate (open loop: a slow answer does not
 * delay the next send, so a struggling server shows up as latency instead of being hidden by a
 * politely waiting client). Message k goes to group k mod G from its next member in turn, so every
 * user sends at rate / users — 0.5/s at 500/s for 1,000 users, 5 per 10 s window, well inside the
 * per-user limit of 20 — and consecutive sends hit different conversations, as real traffic would.
 * With two nodes, message k is posted to node k mod 2.
 */
import { Agent, request } from 'node:http';
import { monotonicMs } from './clock.ts';

export interface SenderPlan {
  ports: number[];
  tokens: string[];
  /** Per group: its member indexes (into tokens) and its pre-sealed envelopes (base64). */
  groups: Array<{ conversationId: string; members: number[]; envelopes: string[] }>;
  rate: number;
  seconds: number;
  /** Sends not yet answered beyond this are skipped and counted: the generator cannot keep up. */
  maxInFlight: number;
}

export interface SendResults {
  /** Per successful send: group index, seq, start time, answer time (monotonicMs). */
  group: number[];
  seq: number[];
  startedAt: number[];
  answeredAt: number[];
  /** Failed sends by "status code" ("0 ECONNRESET" for a network error), with their start times. */
  failures: Array<{ key: string; startedAt: number }>;
  skipped: Array<{ startedAt: number }>;
  startedAt0: number;
  endedAt: number;
}

export async function runSender(plan: SenderPlan): Promise<SendResults> {
  // Keep-alive, and enough sockets that the agent's own queue is rarely where a send waits.
  const agents = plan.ports.map(() => new Agent({ keepAlive: true, maxSockets: 128 }));
  const results: SendResults = {
    group: [],
    seq: [],
    startedAt: [],
    answeredAt: [],
    failures: [],
    skipped: [],
    startedAt0: monotonicMs(),
    endedAt: 0,
  };
  const groupCount = plan.groups.length;
  const groupSize = plan.groups[0]!.members.length;
  let inFlight = 0;
  let issued = 0;

  const send = (k: number) => {
    const g = k % groupCount;
    const group = plan.groups[g]!;
    const member = group.members[Math.floor(k / groupCount) % groupSize]!;
    const node = k % plan.ports.length;
    const envelope = group.envelopes[Math.floor(k / groupCount) % group.envelopes.length]!;
    const body = `{"id":"${crypto.randomUUID()}","kind":"text","envelope":"${envelope}"}`;
    const startedAt = monotonicMs();
    if (inFlight >= plan.maxInFlight) {
      results.skipped.push({ startedAt });
      return;
    }
    inFlight++;
    const fail = (key: string) => {
      inFlight--;
      results.failures.push({ key, startedAt });
    };
    const req = request(
      {
        host: '127.0.0.1',
        port: plan.ports[node],
        path: `/api/chat/conversations/${group.conversationId}/messages`,
        method: 'POST',
        agent: agents[node],
        headers: {
          authorization: `Bearer ${plan.tokens[member]}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 201) {
            const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? '';
            return fail(`${res.statusCode} ${code}`.trim());
          }
          inFlight--;
          results.group.push(g);
          results.seq.push((JSON.parse(text) as { seq: number }).seq);
          results.startedAt.push(startedAt);
          results.answeredAt.push(monotonicMs());
        });
        res.on('error', (err: NodeJS.ErrnoException) => fail(`0 ${err.code ?? err.message}`));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => fail(`0 ${err.code ?? err.message}`));
    req.end(body);
  };

  const start = monotonicMs();
  results.startedAt0 = start;
  const total = Math.round(plan.rate * plan.seconds);
  await new Promise<void>((resolve) => {
    // A 1 ms timer: each tick sends everything due by now, so a late tick catches up in a burst
    // rather than lowering the rate.
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((monotonicMs() - start) / 1000) * plan.rate));
      while (issued < due) send(issued++);
      if (issued >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
  results.endedAt = monotonicMs();
  // Let the last answers come back (a stuck server fails the wait, and the run reports it).
  const deadline = monotonicMs() + 30_000;
  while (inFlight > 0 && monotonicMs() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const agent of agents) agent.destroy();
  return results;
}
