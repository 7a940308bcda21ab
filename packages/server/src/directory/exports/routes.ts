import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { optionalActor } from '../../http/session.ts';
import type { ZodApp } from '../../http/types.ts';
import { exportFileName } from './columns.ts';
import { exportCsvStream } from './csv.ts';
import { exportPages, type ExportFilters } from './pages.ts';
import { requireDirectoryAccess } from './publishedEntries.ts';
import { exportXlsxStream } from './xlsx.ts';

const ExportQuery = z.strictObject({
  organisationId: z.uuid().optional(),
  specialty: z.string().trim().min(1).max(10).optional(),
  departement: z.string().trim().min(1).max(3).optional(),
  /** Accepted for symmetry with the search page and ignored: an export takes the filters above. */
  q: z.string().max(200).optional(),
  /** A day (taken from 00:00 UTC) or an instant. */
  updatedSince: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
});
type ExportQuery = z.infer<typeof ExportQuery>;
const tags = ['directory'];

function filtersOf(query: ExportQuery): ExportFilters {
  return {
    ...(query.organisationId !== undefined && { organisationId: query.organisationId }),
    ...(query.specialty !== undefined && { specialty: query.specialty.toUpperCase() }),
    // Entries store "01", not "1": the same padding the entry rules apply.
    ...(query.departement !== undefined && { departement: query.departement.toUpperCase().padStart(2, '0') }),
    ...(query.updatedSince !== undefined && { updatedSince: new Date(query.updatedSince).toISOString() }),
  };
}

/** Downloads of the published directory for spreadsheets: CSV (French Excel) and XLSX, streamed. */
export function directoryExportRoutes(app: ZodApp, ctx: AppContext): void {
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/directory/export.${format}`,
      { schema: { querystring: ExportQuery, tags } },
      async (request, reply) => {
        const viewer = await optionalActor(ctx, request);
        requireDirectoryAccess(ctx.config, viewer);
        const pages = exportPages(ctx.db.read, viewer, filtersOf(request.query));
        const stream =
          format === 'csv' ? exportCsvStream(pages, ctx.logger) : exportXlsxStream(pages, ctx.logger);
        return (
          reply
            .header(
              'content-type',
              format === 'csv'
                ? 'text/csv; charset=utf-8'
                : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            )
            .header(
              'content-disposition',
              `attachment; filename="${exportFileName(ctx.clock.now(), format)}"`,
            )
            // Unlisted entries are in a signed-in user's export: no shared cache may keep it.
            .header('cache-control', 'private, no-store')
            .send(stream)
        );
      },
    );
  }
}
