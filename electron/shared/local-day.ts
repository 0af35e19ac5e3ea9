/** A moment's day in this machine's time zone, as `YYYY-MM-DD` (a press review's period, a daily backup's folder). */
export function localDay(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
