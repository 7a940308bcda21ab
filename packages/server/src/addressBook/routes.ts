import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { rowFields } from '../directory/entryRows.ts';
import { exportFileName } from '../directory/exports/columns.ts';
import { exportCsvStream } from '../directory/exports/csv.ts';
import { requireActor } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';
import { vcards } from './vcard.ts';

const Mailbox = z.string().trim().toLowerCase().min(3).max(254);
const BookQuery = z.strictObject({ mailbox: Mailbox.optional() });
const ItemParams = z.strictObject({ id: z.uuid() });
const Note = z.string().max(1000).nullable();
const AddBody = z.strictObject({ entryId: z.uuid(), note: Note.optional(), mailbox: Mailbox.optional() });
const ChangeBody = z.strictObject({ note: Note.optional(), acknowledge: z.literal(true).optional() });
const tags = ['address-book'];

/** HTTP adapter of address books: every rule is in AddressBookService. */
export function addressBookRoutes(app: ZodApp, ctx: AppContext): void {
  app.get('/api/address-book', { schema: { querystring: BookQuery, tags } }, async (request) =>
    ctx.addressBook.list(await requireActor(ctx, request), request.query.mailbox),
  );

  app.post('/api/address-book', { schema: { body: AddBody, tags } }, async (request, reply) => {
    const { entryId, note, mailbox } = request.body;
    const item = await ctx.addressBook.add(await requireActor(ctx, request), {
      entryId,
      ...(note !== undefined && { note }),
      ...(mailbox !== undefined && { mailbox }),
    });
    return reply.status(201).send(item);
  });

  app.patch(
    '/api/address-book/:id',
    { schema: { params: ItemParams, body: ChangeBody, tags } },
    async (request) => {
      const { note, acknowledge } = request.body;
      return ctx.addressBook.change(await requireActor(ctx, request), request.params.id, {
        ...(note !== undefined && { note }),
        ...(acknowledge !== undefined && { acknowledge }),
      });
    },
  );

  app.delete('/api/address-book/:id', { schema: { params: ItemParams, tags } }, async (request, reply) => {
    await ctx.addressBook.remove(await requireActor(ctx, request), request.params.id);
    return reply.status(204).send();
  });

  app.get('/api/address-book.vcf', { schema: { querystring: BookQuery, tags } }, async (request, reply) => {
    const rows = await ctx.addressBook.rows(await requireActor(ctx, request), request.query.mailbox);
    const text = vcards(
      rows.map((row) => ({
        entryId: row.id,
        fields: rowFields(row),
        organisationName: row.organisation_name,
        note: row.book_note,
        modifiedAt: row.modified_at,
      })),
    );
    return reply
      .header('content-type', 'text/vcard; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${exportFileName(ctx.clock.now(), 'vcf', 'carnet')}"`,
      )
      .header('cache-control', 'private, no-store')
      .send(text);
  });

  app.get('/api/address-book.csv', { schema: { querystring: BookQuery, tags } }, async (request, reply) => {
    const rows = await ctx.addressBook.rows(await requireActor(ctx, request), request.query.mailbox);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${exportFileName(ctx.clock.now(), 'csv', 'carnet')}"`,
      )
      .header('cache-control', 'private, no-store')
      .send(exportCsvStream([rows], ctx.logger));
  });
}
