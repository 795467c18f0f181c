/**
 * What every command of the command set declares about itself for people: its name, aliases,
 * usage line, one-line summary and examples. The commands themselves are listed by the bots.
 */

/** A command's name without "/", as the command set spells it. */
export type CommandName = string;

export interface CommandSpec {
  name: CommandName;
  aliases: readonly string[];
  usage: string;
  summary: string;
  examples: readonly string[];
}

/** The address the examples of the command set use. */
export const EXAMPLE_ADDRESS = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';

/** The spec a typed word names (a command's name or alias, any letter case). */
export function findSpec(specs: readonly CommandSpec[], word: string): CommandSpec | undefined {
  const w = word.toLowerCase();
  return specs.find((s) => s.name === w || s.aliases.includes(w));
}

/** Command names closest to a mistyped one (edit distance ≤ 2, or a shared prefix of 3). */
export function suggestCommands(specs: readonly CommandSpec[], input: string): CommandName[] {
  const word = input.toLowerCase();
  const scored: Array<{ name: CommandName; score: number }> = [];
  for (const spec of specs) {
    const names = [spec.name, ...spec.aliases];
    let best = Number.POSITIVE_INFINITY;
    for (const n of names) {
      const d = editDistance(word, n);
      const prefix = word.length >= 3 && (n.startsWith(word) || word.startsWith(n)) ? 1 : d;
      best = Math.min(best, d, prefix);
    }
    if (best <= 2) scored.push({ name: spec.name, score: best });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.name);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
