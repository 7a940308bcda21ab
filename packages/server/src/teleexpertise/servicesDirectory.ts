import { auditActor, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import type { Tx } from '../db/index.ts';
import { DirectoryService } from '../directory/service.ts';

/**
 * A service's address belongs in the directory, so any GP finds "Dermatologie — CHU …" and any sender can
 * encrypt to it. The directory is verified: an establishment proposes, a technician publishes. Creating a
 * service therefore proposes the entry (service name, ORG mailbox, specialty) in the same transaction,
 * unless the address already has a pending or published entry of that establishment.
 */
export async function proposeServiceEntry(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  service: { organisationId: string; mailboxId: string; name: string; specialty: string },
): Promise<string | null> {
  const mailbox = await tx.db
    .selectFrom('mailboxes')
    .select(['address', 'accepts_attachments'])
    .where('id', '=', service.mailboxId)
    .executeTakeFirstOrThrow();
  const listed = await tx.db
    .selectFrom('directory_entries')
    .select('id')
    .where('organisation_id', '=', service.organisationId)
    .where('address', '=', mailbox.address)
    .where('state', 'in', ['pending', 'published'])
    .executeTakeFirst();
  if (listed) return null;
  const result = await new DirectoryService(deps).proposeAudited(
    tx,
    { organisationId: service.organisationId, submittedBy: auditActor(actor), source: 'form' },
    {
      action: 'create',
      input: {
        serviceName: service.name,
        specialty: service.specialty,
        mailboxes: [{ address: mailbox.address, kind: 'ORG' }],
        // Requests carry photos and PDFs.
        acceptsAttachments: true,
      },
    },
  );
  return result.submissionId;
}
