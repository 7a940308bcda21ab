/** 'YYYY-MM' of a date in this browser's calendar. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The months offered, newest first: the current one and the `count - 1` before it. */
export function recentMonths(now: Date, count = 24): string[] {
  const months: string[] = [];
  for (let back = 0; back < count; back += 1) {
    months.push(monthOf(new Date(now.getFullYear(), now.getMonth() - back, 1)));
  }
  return months;
}

/** Billing is done once a month is over: the previous month is the one asked for by default. */
export function previousMonth(now: Date): string {
  return monthOf(new Date(now.getFullYear(), now.getMonth() - 1, 1));
}

/** "novembre 2026" / "November 2026". */
export function monthLabel(month: string, language: string): string {
  const [year, m] = month.split('-').map(Number);
  const date = new Date(year ?? 1970, (m ?? 1) - 1, 1);
  const text = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    month: 'long',
    year: 'numeric',
  }).format(date);
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}
