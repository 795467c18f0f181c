/**
 * Times in Discord messages: `<t:…>` markers, which every reader sees in their own time zone
 * ("in 3 hours", "12 March 2026 14:00").
 */
function seconds(ms: number): number | null {
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

/** "in 3 hours" / "2 days ago". */
export function relative(ms: number): string {
  const s = seconds(ms);
  return s === null ? 'unknown' : `<t:${s}:R>`;
}

/** "12 March 2026 14:00" in the reader's zone. */
export function dateTime(ms: number): string {
  const s = seconds(ms);
  return s === null ? 'unknown' : `<t:${s}:f>`;
}
