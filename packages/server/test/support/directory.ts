import type { DirectoryEntryInput } from '@liaison/core/api/directory';
import type { Actor } from '../../src/auth/actor.ts';
import type { TestInstance } from './app.ts';

export const technicianActor: Actor = {
  userId: crypto.randomUUID(),
  roles: [{ role: 'technician', organisationId: null }],
};

/** An entry proposed by the establishment's admin and approved by a technician, as the service requires. */
export async function publish(
  t: TestInstance,
  organisationId: string,
  input: DirectoryEntryInput,
): Promise<string> {
  const admin: Actor = {
    userId: crypto.randomUUID(),
    roles: [{ role: 'establishment_admin', organisationId }],
  };
  const { entryId, submissionId } = await t.ctx.directory.submit(admin, organisationId, {
    action: 'create',
    input,
  });
  await t.ctx.directory.decide(technicianActor, submissionId!, { decision: 'approve' });
  return entryId;
}
