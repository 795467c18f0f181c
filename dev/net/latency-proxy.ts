/**
 * A local WebSocket proxy that makes a chain on this machine answer like a public RPC endpoint over
 * the internet: every frame each way is held for half the round-trip time and passes a token
 * bucket of the link's rate (download and upload each their own), whole and in order. Opening a
 * connection costs `handshakeRoundTrips` round trips (TCP, TLS, the HTTP upgrade).
 *
 * It works on the TCP stream and forwards the bytes it received, cut at frame boundaries; it asks
 * the server for no compression (it strips `Sec-WebSocket-Extensions` from the upgrade), so it can
 * read each request's JSON-RPC id and method and each response's id.
 *
 * Rounds: a request's round is one more than the highest round of the responses the client had
 * received when it sent it (a new connection counts its handshake round trips). The highest round
 * of a run is the length of its longest chain of "wait for an answer, then ask": the run cannot take
 * less than that many round trips, however many requests it has in flight.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { Link, type LinkStats } from './link.js';
import { addTraffic, type LabelledCall, labelCall, labelResponse, type Traffic } from './rpc-traffic.js';
import { ByteQueue, frameHead, framePayload, requestCalls, responseId } from './ws-frames.js';

export interface LatencyProxyOptions {
  /** The upstream endpoint, ws://host:port. */
  target: string;
  /** Round-trip time added to every request/response, ms. */
  rttMs: number;
  /** Download rate (server to client), bits per second; Infinity for none. */
  downBitsPerSecond?: number;
  /** Upload rate (client to server), bits per second; Infinity for none. */
  upBitsPerSecond?: number;
  /** What each bucket holds when full, bytes (default 64 KiB, a TCP window's worth). */
  burstBytes?: number;
  /** Round trips it takes to open a connection before the first request (default 3). */
  handshakeRoundTrips?: number;
  /** Shared by the proxies of one run, so rounds across chains add up. */
  rounds?: RoundCounter;
  /** Count requests and bytes per storage item too (`ProxyStats.traffic`; parses every response). */
  breakdown?: boolean;
}

export interface ProxyStats {
  connections: number;
  /** JSON-RPC calls sent by clients (each call of a batch counts). */
  requests: number;
  /** Frames and bytes, each way, and what they were held for. */
  up: LinkStats;
  down: LinkStats;
  /** Requests by method. */
  methods: Record<string, number>;
  /**
   * With `breakdown`: requests and bytes by storage item prefix (or method), see `rpc-traffic.ts`.
   * A call carrying the keys of several items counts as a request of each.
   */
  traffic: Traffic;
  /** The largest single response frame and the method it answered, what a request timeout must allow for. */
  largestResponse: { bytes: number; method: string };
}

export interface LatencyProxy {
  endpoint: string;
  /** What went through since the last `take` (or since it started), and starts counting again. */
  take(): ProxyStats;
  close(): Promise<void>;
}

/** The rounds of the run so far, shared by every proxy of a run. */
export class RoundCounter {
  /** The highest round of a response the clients have received. */
  private received = 0;
  private base = 0;
  /** The highest round any request reached. */
  private highest = 0;

  /** The round of a request (or handshake step) sent now. */
  next(steps = 1): number {
    const round = this.received + steps;
    this.highest = Math.max(this.highest, round);
    return round;
  }

  answered(round: number): void {
    this.received = Math.max(this.received, round);
  }

  /** Rounds since the last take, and starts counting from here. */
  take(): number {
    const rounds = this.highest - this.base;
    this.base = this.highest = this.received = Math.max(this.highest, this.received);
    return rounds;
  }
}

const emptyLinkStats = (): LinkStats => ({ units: 0, bytes: 0, heldMs: 0, throttledMs: 0 });

function addLink(into: LinkStats, from: LinkStats): void {
  into.units += from.units;
  into.bytes += from.bytes;
  into.heldMs += from.heldMs;
  into.throttledMs += from.throttledMs;
}

const UPGRADE_END = '\r\n\r\n';

/** The upgrade request without its extension offers, so frames travel uncompressed. */
function withoutExtensions(head: Buffer): Buffer {
  const lines = head.toString('latin1').split('\r\n');
  return Buffer.from(lines.filter((l) => !/^sec-websocket-extensions:/i.test(l)).join('\r\n'), 'latin1');
}

export async function startLatencyProxy(options: LatencyProxyOptions): Promise<LatencyProxy> {
  const target = new URL(options.target);
  const rounds = options.rounds ?? new RoundCounter();
  const oneWay = options.rttMs / 2;
  const burstBytes = options.burstBytes ?? 65_536;
  const handshakeMs = options.rttMs * Math.max(0, (options.handshakeRoundTrips ?? 3) - 1);
  const rate = (bits: number | undefined) => (bits === undefined ? Number.POSITIVE_INFINITY : bits / 8);
  // One link per direction for the whole endpoint: its connections share the line.
  const emptyStats = (): ProxyStats => ({
    connections: 0,
    requests: 0,
    up: emptyLinkStats(),
    down: emptyLinkStats(),
    methods: {},
    traffic: {},
    largestResponse: { bytes: 0, method: '' },
  });
  let stats = emptyStats();
  const sockets = new Set<Socket>();
  const links = new Set<Link>();
  const timers = new Set<NodeJS.Timeout>();
  const shared = {
    up: { delayMs: oneWay, bytesPerSecond: rate(options.upBitsPerSecond), burstBytes },
    down: { delayMs: oneWay, bytesPerSecond: rate(options.downBitsPerSecond), burstBytes },
  };
  const upLine = new LineShare();
  const downLine = new LineShare();

  const server: Server = createServer((client) => {
    stats.connections++;
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    sockets.add(client);
    sockets.add(upstream);
    const up = upLine.link(shared.up, (b) => upstream.write(b));
    const down = downLine.link(shared.down, (b) => client.write(b));
    links.add(up.link);
    links.add(down.link);
    const pending = new Map<string, { round: number; method: string; call?: LabelledCall }>();
    const fromClient = new ByteQueue();
    const fromServer = new ByteQueue();
    let clientUpgraded = false;
    let serverUpgraded = false;
    let handshakeRound = 0;
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
      up.release();
      down.release();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);

    client.on('data', (chunk: Buffer) => {
      fromClient.push(chunk);
      if (!clientUpgraded) {
        const at = fromClient.indexOf(UPGRADE_END);
        if (at < 0) return;
        clientUpgraded = true;
        handshakeRound = rounds.next(options.handshakeRoundTrips ?? 3);
        up.send(withoutExtensions(fromClient.take(at + UPGRADE_END.length)));
      }
      for (;;) {
        const head = frameHead(fromClient);
        if (!head || fromClient.length < head.headerBytes + head.payloadBytes) return;
        const frame = fromClient.take(head.headerBytes + head.payloadBytes);
        if (head.opcode === 1 || (head.opcode === 2 && head.fin)) {
          const round = rounds.next();
          const calls = requestCalls(frame, head);
          for (const call of calls) {
            stats.requests++;
            stats.methods[call.method] = (stats.methods[call.method] ?? 0) + 1;
            const labelled = options.breakdown
              ? labelCall(call.method, call.params, Math.round(frame.length / calls.length))
              : undefined;
            for (const [label, bytes] of labelled?.sent ?? [])
              addTraffic(stats.traffic, label, { requests: 1, bytesSent: bytes });
            if (call.id !== null) pending.set(call.id, { round, method: call.method, call: labelled });
          }
        }
        up.send(frame);
      }
    });

    upstream.on('data', (chunk: Buffer) => {
      fromServer.push(chunk);
      if (!serverUpgraded) {
        const at = fromServer.indexOf(UPGRADE_END);
        if (at < 0) return;
        serverUpgraded = true;
        const round = handshakeRound;
        const answer = fromServer.take(at + UPGRADE_END.length);
        // The TCP and TLS round trips before the upgrade, spent beside the line, not on it.
        const timer = setTimeout(() => down.send(answer, () => rounds.answered(round)), handshakeMs);
        timers.add(timer);
      }
      for (;;) {
        const head = frameHead(fromServer);
        if (!head || fromServer.length < head.headerBytes + head.payloadBytes) return;
        const frame = fromServer.take(head.headerBytes + head.payloadBytes);
        const id = head.opcode === 1 ? responseId(frame, head) : null;
        const asked = id === null ? undefined : pending.get(id);
        if (id !== null) pending.delete(id);
        if (asked && frame.length > stats.largestResponse.bytes)
          stats.largestResponse = { bytes: frame.length, method: asked.method };
        if (asked?.call) {
          const payload =
            asked.call.method === 'state_queryStorageAt' ? framePayload(frame, head).toString('utf8') : '';
          for (const [label, bytes] of labelResponse(asked.call, payload, frame.length))
            addTraffic(stats.traffic, label, { bytesReceived: bytes });
        }
        down.send(frame, asked === undefined ? undefined : () => rounds.answered(asked.round));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    endpoint: `ws://127.0.0.1:${port}`,
    take() {
      const out = stats;
      addLink(out.up, upLine.take());
      addLink(out.down, downLine.take());
      stats = emptyStats();
      return out;
    },
    async close() {
      for (const s of sockets) s.destroy();
      for (const l of links) l.close();
      for (const t of timers) clearTimeout(t);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The connections of one endpoint share its line: one link per direction, used by every connection
 * (each delivering to its own socket), so two connections cannot each have the whole rate.
 */
class LineShare {
  private shared: Link | null = null;
  private sinks = new Map<number, (b: Buffer) => void>();
  private nextId = 0;
  private done: LinkStats = emptyLinkStats();

  link(options: ConstructorParameters<typeof Link>[0], deliver: (b: Buffer) => void) {
    const id = this.nextId++;
    this.sinks.set(id, deliver);
    if (!this.shared) this.shared = new Link(options, (b) => this.route(b));
    const link = this.shared;
    return {
      link,
      send: (bytes: Buffer, onSent?: () => void) => {
        this.routes.push(id);
        return link.send(bytes, onSent);
      },
      release: () => {
        this.sinks.delete(id);
      },
    };
  }

  /** Which connection each queued unit belongs to, in the link's (first in, first out) order. */
  private routes: number[] = [];

  private route(bytes: Buffer): void {
    const id = this.routes.shift()!;
    this.sinks.get(id)?.(bytes);
  }

  /** The line's figures since the last take. */
  take(): LinkStats {
    const now = this.shared?.stats ?? emptyLinkStats();
    const out = {
      units: now.units - this.done.units,
      bytes: now.bytes - this.done.bytes,
      heldMs: now.heldMs - this.done.heldMs,
      throttledMs: now.throttledMs - this.done.throttledMs,
    };
    this.done = { ...now };
    return out;
  }
}
