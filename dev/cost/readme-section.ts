/** The README's cost section lives between two markers; `npm run cost -- --record` rewrites it. */
export const COST_BEGIN = '<!-- cost:begin (npm run cost -- --record writes this part) -->';
export const COST_END = '<!-- cost:end -->';

export function sectionOf(readme: string): string | undefined {
  const start = readme.indexOf(COST_BEGIN);
  const end = readme.indexOf(COST_END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + COST_BEGIN.length, end).trim();
}

export function withSection(readme: string, body: string): string {
  const start = readme.indexOf(COST_BEGIN);
  const end = readme.indexOf(COST_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${COST_BEGIN}" ... "${COST_END}" markers`);
  return `${readme.slice(0, start + COST_BEGIN.length)}\n${body.trim()}\n${readme.slice(end)}`;
}
