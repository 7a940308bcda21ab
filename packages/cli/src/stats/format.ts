/**
 * The statistics report as a terminal shows it: one line per figure with the previous period and the
 * change, then the top establishments. Plain text that reads well in a mail to a management board.
 */
import type { Figure, StatsReport, UserCategory } from '@liaison/core/api/stats';

const CATEGORY_LABELS: Record<UserCategory, string> = {
  city: 'city practitioners',
  hospital: 'hospital staff',
  ehpad: 'EHPAD staff',
  lab: 'laboratories',
  pharmacist: 'pharmacists',
  midwife: 'midwives',
  other: 'others',
};

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const euros = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

/** "+12.5 %" or "-3 %"; "new" when there was nothing before (a change from zero has no ratio). */
export function change(figure: Figure): string {
  if (figure.previous === 0) return figure.current === 0 ? '=' : 'new';
  const ratio = (figure.current - figure.previous) / figure.previous;
  return `${ratio > 0 ? '+' : ''}${percent.format(ratio)}`;
}

const LABEL_WIDTH = 44;

function row(label: string, figure: Figure, format: (n: number) => string = (n) => whole.format(n)): string {
  const current = format(figure.current).padStart(14);
  const previous = format(figure.previous).padStart(14);
  return `${label.padEnd(LABEL_WIDTH)}${current}${previous}  ${change(figure)}`;
}

const cents = (n: number) => euros.format(n / 100);

export function formatReport(report: StatsReport): string {
  const { period, previousPeriod: before } = report;
  const scope = report.scope.kind === 'platform' ? 'the whole platform' : report.scope.name;
  const e = report.establishments;
  const lines = [
    `Liaison statistics for ${scope}, ${period.from} to ${period.to} (${period.days} days),`,
    `compared with ${before.from} to ${before.to}.`,
    '',
    `${''.padEnd(LABEL_WIDTH)}${'period'.padStart(14)}${'previous'.padStart(14)}  change`,
    row('Active users (sent or received)', report.activeUsers),
    ...report.usersByCategory.map((c) => row(`  ${CATEGORY_LABELS[c.category]}`, c)),
    row('Messages exchanged', report.messagesExchanged),
    row('Sent by establishments', e.sent),
    row('Received by establishments', e.received),
    row('  distinct establishment senders', e.distinctSenders),
    row('  distinct city recipients of establishments', e.distinctCityRecipients),
    row('  distinct city senders to establishments', e.distinctCitySenders),
    row('  distinct establishment recipients', e.distinctRecipients),
    row(`Postage saved (${cents(report.postage.unitCostCents)} a letter)`, report.postage.savedCents, cents),
    row('EHPAD on the platform', report.ehpad.covered),
    row('  their beds', report.ehpad.beds),
    `  share of the ${whole.format(report.ehpad.nationalCount)} EHPAD in France: ${percent.format(report.ehpad.coveredShare)}; ` +
      `of their ${whole.format(report.ehpad.nationalBeds)} beds: ${percent.format(report.ehpad.bedsShare)}`,
    row('Bulk mail intercepted (usage charter, art. 5)', report.interceptions.total),
    row('  still held', report.interceptions.held),
    row('  released', report.interceptions.released),
    row('  rejected', report.interceptions.rejected),
  ];
  if (report.topEstablishments.length > 0) {
    lines.push('', 'Top establishments by messages sent:');
    report.topEstablishments.forEach((t, i) => {
      lines.push(
        `${String(i + 1).padStart(3)}. ${t.name.padEnd(40)}${whole.format(t.sent).padStart(12)}  ${cents(t.postageSavedCents)} saved`,
      );
    });
    const five = report.postage.topFiveAverage;
    lines.push(
      `Average of the top 5: ${whole.format(five.messages)} messages, ${cents(five.savedCents)} of postage saved.`,
    );
  }
  return lines.join('\n') + '\n';
}
