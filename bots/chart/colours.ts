/** Chart size and colours; the tests look for the curve colours in the rendered PNG. */
export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 580;
export const CHART_COLOURS = {
  approval: '#2563eb',
  support: '#d97706',
  approvalNow: '#1e3a8a',
  supportNow: '#92400e',
  pass: '#16a34a',
  now: '#6b7280',
  grid: '#e5e7eb',
  text: '#111827',
  muted: '#4b5563',
} as const;
