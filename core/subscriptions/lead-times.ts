/** Lead times of deadline alerts as users read and write them: 1440 → "1d", 90 → "90m". */
export function formatLeadMinutes(minutes: number): string {
  if (minutes % 1_440 === 0) return `${minutes / 1_440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}
