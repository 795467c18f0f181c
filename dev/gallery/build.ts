/**
 * The gallery's content: every command case of the golden test answered on the golden world and
 * every alert case, each rendered by the bots' own renderers (Telegram: render-reply and
 * alert-html; Discord: render/ and delivery/) and turned into mock-ups. Charts are rendered to PNG
 * by the chart renderer the bots use. Nothing here words anything: it shows what the renderers give.
 */
import { createHash } from 'node:crypto';
import { renderReferendumChart } from '../../bots/chart/render.js';
import { answerCommand } from '../../bots/commands/index.js';
import { groupAlerts as discordAlertGroups } from '../../bots/discord/delivery/index.js';
import { messageBody, renderReply as renderDiscordReply } from '../../bots/discord/render/index.js';
import {
  alertKeyboard,
  alertParts,
  groupAlerts as telegramAlertGroups,
} from '../../bots/telegram/alert-html.js';
import { renderReply as renderTelegramReply } from '../../bots/telegram/render-reply.js';
import { alertMessage } from '../../core/alerts/messages.js';
import type { ChartData } from '../../core/opengov/chart-data.js';
import type { Reply } from '../../core/reply/reply-types.js';
import type { Target } from '../../core/subscriptions/subscription-model.js';
import {
  ALERT_NOW_MS,
  type AlertCase,
  alertCases,
  BARE_CONTEXT,
  FULL_CONTEXT,
} from '../../test/golden/alert-cases.js';
import {
  ANSWER_AFTER_COMMIT_MS,
  COMMAND_GROUPS,
  COMMIT_DELAY_MS,
  type Step,
} from '../../test/golden/command-cases.js';
import { type GoldenWorld, startWorld } from '../../test/golden/world.js';
import { type DiscordMockup, discordMockup } from './discord-mockup.js';
import type { GalleryCase, GalleryPage } from './page.js';
import { type TelegramMockup, telegramMockup } from './telegram-mockup.js';

/** A picture worth a screenshot: one case on one platform. */
export interface Featured {
  name: string;
  markup: string;
  /** The mock-up's width in CSS pixels (the page adds its padding). */
  width: number;
}

export interface Gallery {
  pages: GalleryPage[];
  /** Chart PNGs by path under docs/gallery/. */
  charts: Map<string, Uint8Array>;
  featured: Featured[];
}

/** A case's label as the golden files name it. */
function lineLabel(line: unknown): string {
  return typeof line === 'string' && line !== '' && line === line.trim() && /^[\x20-\x7e]*$/.test(line)
    ? line
    : JSON.stringify(line);
}

const callerLabel = (c: Target | null) => (c ? `${c.platform} ${c.kind} ${c.id}` : 'no chat');

async function answeredGroups(world: GoldenWorld) {
  const groups: Array<{ name: string; answered: Array<{ label: string; reply: Reply; atMs: number }> }> = [];
  for (const group of COMMAND_GROUPS) {
    const answered: Array<{ label: string; reply: Reply; atMs: number }> = [];
    await group.play(async (input) => {
      const step: Step = typeof input === 'string' ? { line: input } : input;
      const caller = step.caller === undefined ? group.caller : step.caller;
      const ctx = world.context({
        caller,
        now: world.committedAtMs + (step.afterCommitMs ?? ANSWER_AFTER_COMMIT_MS),
        table: step.table,
      });
      const reply = await answerCommand(step.line, ctx);
      const line = step.label ?? lineLabel(step.line);
      const label = step.caller === undefined ? line : `${line} [${callerLabel(caller)}]`;
      answered.push({
        label,
        reply,
        atMs: world.committedAtMs + (step.afterCommitMs ?? ANSWER_AFTER_COMMIT_MS),
      });
      return reply;
    }, world);
    groups.push({ name: group.name, answered });
  }
  return groups;
}

class Charts {
  readonly files = new Map<string, Uint8Array>();
  private readonly byData = new Map<string, string>();
  /** The chart's PNG path under docs/gallery/, rendered once per distinct chart. */
  async path(chart: ChartData): Promise<string> {
    const key = JSON.stringify(chart);
    const known = this.byData.get(key);
    if (known) return known;
    const png = await renderReferendumChart(chart);
    const path = `charts/${createHash('sha256').update(png).digest('hex').slice(0, 12)}.png`;
    this.files.set(path, png);
    this.byData.set(key, path);
    return path;
  }
}

async function replyMockups(
  reply: Reply,
  atMs: number,
  charts: Charts,
): Promise<{ telegram: string; discord: string }> {
  const tg = renderTelegramReply(reply);
  const tgMock: TelegramMockup = {
    messages: tg.messages,
    keyboard: tg.keyboard as TelegramMockup['keyboard'],
    photo: tg.photo ? { src: await charts.path(tg.photo.chart), caption: tg.photo.caption } : null,
  };
  const first = renderDiscordReply(reply);
  // A reply with a chart is shown as the follow-up that carries the chart attached.
  const message = first.chart ? renderDiscordReply(reply, { chartAttached: true }) : first;
  const dcMock: DiscordMockup = {
    body: messageBody(message),
    nowMs: atMs,
    attachments: first.chart
      ? new Map([[first.chart.fileName, await charts.path(first.chart.chart)]])
      : undefined,
  };
  return { telegram: telegramMockup(tgMock), discord: discordMockup(dcMock) };
}

function alertMockups(c: AlertCase): { telegram: string; discord: string } {
  const message = alertMessage(c.alert, c.context === 'full' ? FULL_CONTEXT : BARE_CONTEXT);
  const parts = alertParts(message, {
    ...(c.telegramLimit ? { limit: c.telegramLimit } : {}),
    nowMs: ALERT_NOW_MS,
  });
  const buttons = telegramAlertGroups([message], { nowMs: ALERT_NOW_MS })[0]?.buttons ?? [];
  const keyboard = buttons.length > 0 ? alertKeyboard(buttons) : null;
  const { embeds, components } = discordAlertGroups([message])[0]!;
  return {
    telegram: telegramMockup({ messages: parts, keyboard, photo: null }),
    discord: discordMockup({ body: { embeds, components }, nowMs: ALERT_NOW_MS }),
  };
}

const TELEGRAM_WIDTH = 460;
const DISCORD_WIDTH = 560;

/** Which cases the README pictures: a /stake, a /referendum with its chart, and an alert. */
function feature(out: Featured[], name: string, c: GalleryCase): void {
  out.push({ name: `${name}-telegram`, markup: c.telegram, width: TELEGRAM_WIDTH });
  out.push({ name: `${name}-discord`, markup: c.discord, width: DISCORD_WIDTH });
}

export async function buildGallery(log: (line: string) => void): Promise<Gallery> {
  const charts = new Charts();
  const pages: GalleryPage[] = [];
  const featured: Featured[] = [];
  log('starting the golden world (dev chain, the small scenario, one snapshot)');
  const world = await startWorld(COMMIT_DELAY_MS);
  try {
    for (const group of await answeredGroups(world)) {
      const cases: GalleryCase[] = [];
      for (const a of group.answered)
        cases.push({ label: a.label, ...(await replyMockups(a.reply, a.atMs, charts)) });
      pages.push({
        file: `commands-${group.name}.html`,
        title: `Replies: ${group.name}`,
        about: `The golden test's "${group.name}" command cases, answered on the small scenario.`,
        cases,
      });
      log(`${group.name}: ${cases.length} replies`);
    }
  } finally {
    await world.close();
  }
  const byFile = new Map<string, GalleryCase[]>();
  for (const c of alertCases()) {
    const file = c.name.split(' ')[0]!;
    byFile.set(file, [...(byFile.get(file) ?? []), { label: c.name, ...alertMockups(c) }]);
  }
  for (const [file, cases] of byFile)
    pages.push({
      file: `alerts-${file}.html`,
      title: `Alert: ${file}`,
      about: `The golden test's "${file}" alert cases, as the notifiers send them.`,
      cases,
    });
  const first = (prefix: string, test: (label: string) => boolean) =>
    pages
      .filter((p) => p.file.startsWith(prefix))
      .flatMap((p) => p.cases)
      .find((c) => test(c.label));
  const stake = first('commands-stake', (l) => l.startsWith('/stake '));
  const referendum = first('commands-referendum', (l) => l.startsWith('/referendum ')) ?? null;
  const withChart = pages
    .filter((p) => p.file === 'commands-referendum.html')
    .flatMap((p) => p.cases)
    .find((c) => c.telegram.includes('class="tg-bubble tg-photo"'));
  const alert = first('alerts-', (l) => l === 'ref-confirm-started') ?? first('alerts-', () => true);
  if (stake) feature(featured, 'stake', stake);
  if (withChart ?? referendum) feature(featured, 'referendum', (withChart ?? referendum)!);
  if (alert) feature(featured, 'alert', alert);
  return { pages, charts: charts.files, featured };
}
