import type { TeleexpertiseEvent } from '@liaison/core/api/teleexpertise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { testBackends } from './support/databases.ts';
import { listen } from './support/sockets.ts';
import type { MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';
import {
  act,
  ALWAYS,
  createRequest,
  makeService,
  professionals,
  setAvailability,
  type ServiceFixture,
} from './support/teleexpertise.ts';

type Listener = ReturnType<typeof listen>;

const isTe = (m: unknown): m is TeleexpertiseEvent => (m as { type?: unknown }).type === 'teleexpertise';

/** A tele-expertise frame of this request (optionally of one kind or status). */
const teFrame =
  (requestId: string, want: { kind?: string; status?: string } = {}) =>
  (m: unknown) =>
    isTe(m) &&
    m.requestId === requestId &&
    (want.kind === undefined || m.kind === want.kind) &&
    (want.status === undefined || m.status === want.status);

/** Routing only: a frame that carried anything more (a name, a subject) would leak patient data. */
function expectRoutingOnly(frame: unknown, requestId: string, serviceId: string): void {
  expect(Object.keys(frame as object).sort()).toEqual(['kind', 'requestId', 'serviceId', 'status', 'type']);
  expect(frame).toMatchObject({ type: 'teleexpertise', requestId, serviceId });
}

for (const backend of testBackends()) {
  describe(`tele-expertise events over WebSocket on ${backend.name}`, () => {
    let t: PkiInstance;
    let anne: MailUser;
    let bruno: MailUser;
    let requester: MailUser;
    let outsider: MailUser;
    let service: ServiceFixture;
    let url: string;
    const sockets: Listener[] = [];

    const open = async (user: MailUser): Promise<Listener> => {
      const socket = listen(url, await t.ctx.sessions.create(user.userId, 'full', 'bearer'));
      sockets.push(socket);
      await socket.opened;
      return socket;
    };

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      [anne, bruno, requester, outsider] = await professionals(t, ['Anne', 'Bruno', 'Rémi', 'Oscar']);
      for (const expert of [anne, bruno])
        await setAvailability(expert, { capacity: 20, slots: ALWAYS, absences: [] });
      service = await makeService(t, [anne, bruno]);
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      url = `${address.replace('http', 'ws')}/api/ws`;
    });
    afterAll(async () => {
      for (const s of sockets) s.socket.close();
      await t.close();
    });

    it("tells the requester and the service's experts of a new request, and nobody else", async () => {
      const [requesterSocket, anneSocket, brunoSocket, outsiderSocket] = await Promise.all([
        open(requester),
        open(anne),
        open(bruno),
        open(outsider),
      ]);

      const created = await createRequest(service, requester);
      expect(created.status).toBe(201);
      expect(created.body.assigneeUserId).toBe(anne.userId);
      const id = created.body.id;

      // Assigned at once: the requester, the assignee and the other expert each hear of it.
      const assigned = teFrame(id, { kind: 'assigned', status: 'received' });
      for (const socket of [requesterSocket, anneSocket, brunoSocket]) {
        const frame = await socket.waitFor(assigned);
        expectRoutingOnly(frame, id, service.id);
        expect(socket.seen.filter(teFrame(id)).map((m) => (m as TeleexpertiseEvent).kind)).toContain(
          'created',
        );
        for (const m of socket.seen.filter(isTe)) expectRoutingOnly(m, id, service.id);
      }

      // Bounded wait for the outsider: a later request of their own reaches the same socket, and
      // frames on one socket arrive in order, so anything about the first request would be here by now.
      const own = await createRequest(service, outsider);
      expect(own.status).toBe(201);
      await outsiderSocket.waitFor(teFrame(own.body.id, { kind: 'assigned' }));
      expect(outsiderSocket.socket.readyState).toBe(WebSocket.OPEN);
      expect(outsiderSocket.seen.filter(teFrame(id))).toEqual([]);
      // And the first requester hears nothing of the outsider's request.
      await anneSocket.waitFor(teFrame(own.body.id, { kind: 'assigned' }));
      expect(requesterSocket.seen.filter(teFrame(own.body.id))).toEqual([]);
      expect((await act(outsider.client, own.body.id, 'cancel')).body.status).toBe('cancelled');
    });

    it("tells the requester when the expert accepts, without the request's content", async () => {
      const requesterSocket = await open(requester);
      const outsiderSocket = await open(outsider);
      const created = await createRequest(service, requester);
      const id = created.body.id;
      const assignee = created.body.assigneeUserId === anne.userId ? anne : bruno;
      await requesterSocket.waitFor(teFrame(id, { kind: 'assigned' }));

      expect((await act(assignee.client, id, 'accept')).body.status).toBe('accepted');
      const frame = await requesterSocket.waitFor(teFrame(id, { status: 'accepted' }));
      expectRoutingOnly(frame, id, service.id);
      expect(frame).toEqual({
        type: 'teleexpertise',
        requestId: id,
        serviceId: service.id,
        status: 'accepted',
        kind: 'accepted',
      });

      // The outsider (socket open throughout) was told nothing about it either.
      const own = await createRequest(service, outsider);
      await outsiderSocket.waitFor(teFrame(own.body.id, { kind: 'assigned' }));
      expect(outsiderSocket.seen.filter(teFrame(id))).toEqual([]);
      expect((await act(outsider.client, own.body.id, 'cancel')).body.status).toBe('cancelled');
    });
  });
}
