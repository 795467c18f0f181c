/**
 * What each referendum's card shows at one snapshot version: the `/referendum` answer (names,
 * title, view, chart) read at the version's pointer, worded as a card by the one wording layer,
 * its content hash, and each platform's payload. Computed once per referendum per run and shared by
 * every target; the chart is drawn only when some card is sent or edited.
 */
import { createHash } from 'node:crypto';
import { answerCommand, commandContext, SnapshotCache } from '../../bots/commands/index.js';
import { discordCard } from '../../bots/discord/delivery/index.js';
import { telegramCard } from '../../bots/telegram/card-render.js';
import { cardContentText, cardDocument } from '../../bots/text/card-doc.js';
import type { ChartData } from '../../core/opengov/chart-data.js';
import type { Platform } from '../../core/ports/notifier.js';
import type { SnapshotReader, StorePointer } from '../../core/ports/snapshot-reader.js';
import type { ReferendumReply } from '../../core/reply/reply-types.js';

export type ChartRenderer = (chart: ChartData) => Promise<Uint8Array>;

export interface CardContent {
  referendum: number;
  ended: boolean;
  hash: string;
  /** The platform's payload, with the chart drawn (once) when the card has one. */
  payload(platform: Platform): Promise<unknown>;
}

export interface ContentSource {
  reader: SnapshotReader;
  pointer: StorePointer;
  now: () => number;
  staleAfterMs: number;
  renderChart: ChartRenderer | null;
  log: (line: string) => void;
}

export function contentSource(source: ContentSource): (referendum: number) => Promise<CardContent | null> {
  const pinned: SnapshotReader = { ...bind(source.reader), getPointer: async () => source.pointer };
  const ctx = commandContext({
    store: pinned,
    now: source.now,
    staleAfterMs: source.staleAfterMs,
    cache: new SnapshotCache(),
    log: source.log,
  });
  const memo = new Map<number, Promise<CardContent | null>>();
  return (referendum) => {
    let hit = memo.get(referendum);
    if (!hit) {
      hit = build(referendum);
      memo.set(referendum, hit);
    }
    return hit;
  };

  async function build(referendum: number): Promise<CardContent | null> {
    const reply = await answerCommand(`/referendum ${referendum}`, ctx);
    if (reply.type !== 'referendum') return null;
    const ended = reply.info.status !== 'ongoing';
    const doc = cardDocument(reply, { final: ended });
    const hash = createHash('sha256').update(cardContentText(doc)).digest('hex').slice(0, 32);
    let png: Promise<{ png: Uint8Array; fileName: string } | null> | null = null;
    const photo = () => (png ??= chartOf(reply));
    return {
      referendum,
      ended,
      hash,
      async payload(platform) {
        const picture = await photo();
        return platform === 'telegram' ? telegramCard(doc, picture) : discordCard(doc, reply.view, picture);
      },
    };
  }

  async function chartOf(reply: ReferendumReply): Promise<{ png: Uint8Array; fileName: string } | null> {
    const chart = reply.attachments.find((a) => a.type === 'referendum-chart');
    if (!chart || !source.renderChart) return null;
    try {
      return { png: await source.renderChart(chart.chart), fileName: chart.fileName };
    } catch (error) {
      source.log(`cards: the chart of referendum ${reply.id} failed: ${(error as Error).message}`);
      return null;
    }
  }
}

function bind(reader: SnapshotReader): SnapshotReader {
  return {
    getPointer: () => reader.getPointer(),
    getEntity: (kind, id, options) => reader.getEntity(kind, id, options),
    getEntities: (kind, ids, options) => reader.getEntities(kind, ids, options),
    getVersionInfo: (version) => reader.getVersionInfo(version),
  };
}
