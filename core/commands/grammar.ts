/** The command set both bots share: names, aliases, usage lines and examples. */

export type CommandName =
  | 'stake'
  | 'validator'
  | 'era'
  | 'referenda'
  | 'referendum'
  | 'tracks'
  | 'subscribe'
  | 'unsubscribe'
  | 'subscriptions'
  | 'missed'
  | 'quiet'
  | 'mute'
  | 'unmute'
  | 'status'
  | 'help';

export interface CommandSpec {
  name: CommandName;
  aliases: readonly string[];
  usage: string;
  summary: string;
  examples: readonly string[];
}

const EXAMPLE_ADDRESS = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'stake',
    aliases: [],
    usage: '/stake <address>',
    summary: 'Bond, nominations, pool, unbonding, unclaimed rewards and APY of an account.',
    examples: [`/stake ${EXAMPLE_ADDRESS}`],
  },
  {
    name: 'validator',
    aliases: [],
    usage: '/validator <address>',
    summary: 'Commission, stake, nominators, era points and unclaimed eras of a validator.',
    examples: [`/validator ${EXAMPLE_ADDRESS}`],
  },
  {
    name: 'era',
    aliases: [],
    usage: '/era',
    summary: 'The active era, its progress, and network staking figures.',
    examples: ['/era'],
  },
  {
    name: 'referenda',
    aliases: [],
    usage: '/referenda [track] [ongoing|preparing|queued|deciding|confirming|ended|all] [page N]',
    summary: 'Referenda with their phase, time left and whether they pass (ongoing ones by default).',
    examples: ['/referenda', '/referenda small_spender deciding', '/referenda 30 page 2'],
  },
  {
    name: 'referendum',
    aliases: ['ref'],
    usage: '/referendum <id>',
    summary: 'One referendum: phase, tally against the curves, deadlines, projection and chart.',
    examples: ['/referendum 412'],
  },
  {
    name: 'tracks',
    aliases: [],
    usage: '/tracks',
    summary: 'Every OpenGov track with its periods, deposit and deciding slots.',
    examples: ['/tracks'],
  },
  {
    name: 'subscribe',
    aliases: ['sub'],
    usage: '/subscribe referenda [track] | deadlines [track|#id] [24h,1h] | address <address>',
    summary: 'Alerts in this chat: new referenda and phase changes, deadlines, or an address.',
    examples: [
      '/subscribe referenda',
      '/subscribe referenda treasurer',
      '/subscribe deadlines 24h,1h',
      '/subscribe deadlines #412 2h',
      `/subscribe address ${EXAMPLE_ADDRESS}`,
    ],
  },
  {
    name: 'unsubscribe',
    aliases: ['unsub'],
    usage: '/unsubscribe <id> | referenda [track] | deadlines [track|#id] | address <address> | all',
    summary: "Stops alerts: one subscription by its id, a kind's subscriptions, or all of them.",
    examples: ['/unsubscribe r1x9kq', '/unsubscribe deadlines', '/unsubscribe all'],
  },
  {
    name: 'subscriptions',
    aliases: ['subs'],
    usage: '/subscriptions',
    summary:
      "This chat's subscriptions and their ids, its quiet hours and muted alerts, and each subscription's own.",
    examples: ['/subscriptions'],
  },
  {
    name: 'missed',
    aliases: [],
    usage: '/missed [hours]',
    summary:
      "This chat's alerts of the last 24 hours (up to 7 days) again, newest first, with what became of each.",
    examples: ['/missed', '/missed 48', '/missed 7d'],
  },
  {
    name: 'quiet',
    aliases: [],
    usage: '/quiet [<HH:MM>-<HH:MM> [UTC±H[:MM]] [all] | off | default] [for <id>]',
    summary:
      'Quiet hours: alerts wait until they end; critical ones still come through unless you add "all". For the whole chat, or "for <id>" one subscription (off: none for it; default: the chat\'s again).',
    examples: [
      '/quiet 22:00-07:00 UTC+2',
      '/quiet 23-7 UTC-5 all',
      '/quiet off',
      '/quiet',
      '/quiet 21:00-08:00 UTC+1 for r1x9kq',
      '/quiet off for d2k7pz',
      '/quiet default for d2k7pz',
    ],
  },
  {
    name: 'mute',
    aliases: [],
    usage: '/mute <kind…> [for <id>]',
    summary:
      'Stops kinds of alert in this chat, or "for <id>" from one subscription: referenda, deadlines, votes, staking, slashes, health, or single kinds like era-paid.',
    examples: ['/mute staking', '/mute era-paid ref-submitted', '/mute staking for a3k9zq'],
  },
  {
    name: 'unmute',
    aliases: [],
    usage: '/unmute <kind…> | all [for <id>]',
    summary: 'Lets muted kinds of alert through again, in the whole chat or "for <id>" one subscription.',
    examples: ['/unmute staking', '/unmute all', '/unmute all for a3k9zq'],
  },
  {
    name: 'status',
    aliases: [],
    usage: '/status',
    summary: 'Which relay block the data is from, how old it is, and whether it is stale.',
    examples: ['/status'],
  },
  {
    name: 'help',
    aliases: ['start'],
    usage: '/help [command]',
    summary: 'This list, or one command in detail.',
    examples: ['/help', '/help referenda'],
  },
];

const BY_NAME = new Map<string, CommandSpec>();
for (const spec of COMMANDS) {
  BY_NAME.set(spec.name, spec);
  for (const alias of spec.aliases) BY_NAME.set(alias, spec);
}

export function findCommand(name: string): CommandSpec | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function commandSpec(name: CommandName): CommandSpec {
  return BY_NAME.get(name)!;
}

/** Command names closest to a mistyped one (edit distance ≤ 2, or a shared prefix of 3). */
export function suggestCommands(input: string): CommandName[] {
  const word = input.toLowerCase();
  const scored: Array<{ name: CommandName; score: number }> = [];
  for (const spec of COMMANDS) {
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
