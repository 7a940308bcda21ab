import { USER_CATEGORIES, type Figure, type StatsReport } from '@liaison/core/api/stats';
import { stringify } from 'csv-stringify/sync';

/**
 * A report as CSV for French spreadsheet software: UTF-8 with a BOM (so accents survive), `;` between
 * fields and a decimal comma (what a French Excel or LibreOffice reads as a number), CRLF line ends.
 * One line per figure (`section;indicator;period;previous`, the last empty when a figure has no
 * previous value), then the top 10 (`topEstablishments;name;messages sent;`) and the series
 * (`series.<granularity>;bucket start;messages;previous period's bucket`).
 */
export const CSV_HEADER = ['section', 'indicator', 'period', 'previous'] as const;

const ESTABLISHMENT_FIGURES = [
  'sent',
  'received',
  'distinctSenders',
  'distinctRecipients',
  'distinctCitySenders',
  'distinctCityRecipients',
] as const;
const INTERCEPTION_FIGURES = ['total', 'held', 'released', 'rejected'] as const;

type Line = [section: string, indicator: string, period: string, previous: string];

export function statsCsv(report: StatsReport): string {
  const lines: Line[] = [
    ...scopeLines(report),
    ['period', 'from', report.period.from, report.previousPeriod.from],
    ['period', 'to', report.period.to, report.previousPeriod.to],
    ['period', 'days', number(report.period.days), number(report.previousPeriod.days)],
    compared('users', 'activeUsers', report.activeUsers),
    ...USER_CATEGORIES.map((category) => {
      const counts = report.usersByCategory.find((c) => c.category === category);
      return compared('usersByCategory', category, counts ?? { current: 0, previous: 0 });
    }),
    compared('messages', 'messagesExchanged', report.messagesExchanged),
    ...ESTABLISHMENT_FIGURES.map((name) => compared('establishments', name, report.establishments[name])),
    single('postage', 'unitCostCents', report.postage.unitCostCents),
    compared('postage', 'savedCents', report.postage.savedCents),
    single('postage', 'topFiveAverage.messages', report.postage.topFiveAverage.messages),
    single('postage', 'topFiveAverage.savedCents', report.postage.topFiveAverage.savedCents),
    compared('ehpad', 'covered', report.ehpad.covered),
    compared('ehpad', 'beds', report.ehpad.beds),
    single('ehpad', 'nationalCount', report.ehpad.nationalCount),
    single('ehpad', 'nationalBeds', report.ehpad.nationalBeds),
    single('ehpad', 'coveredShare', report.ehpad.coveredShare),
    single('ehpad', 'bedsShare', report.ehpad.bedsShare),
    ...INTERCEPTION_FIGURES.map((name) => compared('interceptions', name, report.interceptions[name])),
    ...report.topEstablishments.map((e): Line => ['topEstablishments', e.name, number(e.sent), '']),
    ...report.series.points.map((p): Line => [
      `series.${report.series.granularity}`,
      p.start,
      number(p.messages),
      number(p.previous),
    ]),
  ];
  const safe = [[...CSV_HEADER], ...lines].map((line) => line.map(neutraliseFormula));
  return '\uFEFF' + stringify(safe, { delimiter: ';', record_delimiter: '\r\n' });
}

function scopeLines(report: StatsReport): Line[] {
  if (report.scope.kind === 'platform') return [['scope', 'kind', 'platform', '']];
  return [
    ['scope', 'kind', 'establishment', ''],
    ['scope', 'name', report.scope.name, ''],
    ['scope', 'organisationKind', report.scope.orgKind, ''],
  ];
}

function compared(section: string, indicator: string, f: Figure): Line {
  return [section, indicator, number(f.current), number(f.previous)];
}

function single(section: string, indicator: string, value: number): Line {
  return [section, indicator, number(value), ''];
}

/** Integers as they are; fractions with a decimal comma, never in exponent form (1e-7). */
function number(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(10).replace(/0+$/, '').replace('.', ',');
}

/** An establishment named "=HYPERLINK(…)" must stay text in a spreadsheet, not become a formula. */
function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
