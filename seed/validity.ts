// Partial dates (2013, 2013-05, 2013-05-14) become comparable ISO days: a period starts on its first day and
// ends (exclusively) on the day after its last. A record is valid at day D when start <= D < end.
export function periodStart(date: string | undefined): string | undefined {
  if (!date) return undefined;
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** The exclusive end of a validity: a full date is the first day it no longer holds (SEF's 2023-10-29). */
export function periodEnd(date: string | undefined): string | undefined {
  if (!date) return undefined;
  if (date.length === 10) return date;
  const [year, month] = date.split("-").map(Number) as [number, number | undefined];
  const next = month === undefined ? new Date(Date.UTC(year + 1, 0, 1)) : new Date(Date.UTC(year, month, 1));
  return next.toISOString().slice(0, 10);
}
