/** Discord's timestamp markup `<t:unix:style>` as a reader in UTC sees it, relative ones against `nowMs`. */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const two = (n: number) => String(n).padStart(2, '0');

function relative(ms: number, nowMs: number): string {
  const diff = ms - nowMs;
  const s = Math.abs(diff) / 1000;
  const units: Array<[number, string]> = [
    [365 * 86_400, 'year'],
    [30 * 86_400, 'month'],
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  let text = 'a few seconds';
  for (const [size, name] of units) {
    const n = Math.round(s / size);
    if (s >= size * 0.75) {
      text = n <= 1 ? `${name === 'hour' ? 'an' : 'a'} ${name}` : `${n} ${name}s`;
      break;
    }
  }
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}

export function discordTime(unixSeconds: number, style: string, nowMs: number | undefined): string {
  const ms = unixSeconds * 1000;
  const d = new Date(ms);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  const date = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  switch (style) {
    case 't':
      return time;
    case 'T':
      return `${time}:${two(d.getUTCSeconds())}`;
    case 'd':
      return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    case 'D':
      return date;
    case 'F':
      return `${DAYS[d.getUTCDay()]}, ${date} ${time}`;
    case 'R':
      return nowMs === undefined ? `${date} ${time}` : relative(ms, nowMs);
    default:
      return `${date} ${time}`;
  }
}
