/**
 * The interactions endpoint: raw HTTP request in, HTTP response out. The Ed25519 signature is
 * checked over the raw body before anything is parsed (401 otherwise); PING gets PONG; slash
 * commands, buttons and autocomplete are answered from DynamoDB within the budget, and anything
 * slower, or with a chart to draw, is deferred to the follow-up invocation. A valid interaction is
 * always answered 200 with something the user can read, never a 500.
 */
import type { KeyObject } from 'node:crypto';
import { InteractionType } from 'discord-api-types/v10';
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import { settingsChangeOf } from '../../commands/parse.js';
import type { CommandBridge } from '../command-runner.js';
import { decodeFollowupJob, encodeFollowupJob, type FollowupQueue } from '../followup/index.js';
import { parseButtonId, renderReply } from '../render/index.js';
import type { Scope } from '../slash/index.js';
import { withinBudget } from './answer-budget.js';
import { autocompleteChoices } from './autocomplete.js';
import { callerOf, type InteractionCaller, subscriptionPermissionProblem, targetFor } from './caller.js';
import { commandRequest } from './command-request.js';
import {
  choices,
  deferred,
  ephemeralNotice,
  type InteractionResponse,
  pong,
  reply,
  update,
} from './responses.js';
import { verifyInteractionSignature } from './verify.js';

export interface InteractionHandlerDeps {
  publicKey: KeyObject;
  bridge: CommandBridge;
  subscriptions: SubscriptionStore | null;
  followups: FollowupQueue;
  /** Longest a read-only answer may take before it is deferred (default 2 s of Discord's 3 s). */
  answerBudgetMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

export interface InteractionRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export interface InteractionHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type Interaction = Record<string, unknown>;

const json = (status: number, body: unknown): InteractionHttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

interface Answering {
  line: string;
  scope: Scope;
  writes: CommandSpec | null;
  updating: boolean;
}

/** The handler's dependencies with their defaults filled in. */
interface Settled extends InteractionHandlerDeps {
  now: () => number;
  budget: number;
}

/** Queues the answer for the follow-up invocation; `fallback` when that fails (else an apology). */
async function deferAnswer(
  deps: Settled,
  interaction: Interaction,
  a: Answering,
  target: ReturnType<typeof targetFor>,
  reason: 'chart' | 'slow',
  fallback: InteractionResponse | null,
): Promise<InteractionResponse> {
  try {
    const job = decodeFollowupJob(
      encodeFollowupJob({
        v: 1,
        applicationId: String(interaction.application_id),
        token: String(interaction.token),
        line: a.line,
        caller: target,
        reason,
        mode: a.updating ? 'update' : 'reply',
        createdAtMs: deps.now(),
      }),
    );
    await deps.followups.enqueue(job);
    return deferred(a.updating);
  } catch (error) {
    deps.log?.(`could not queue the follow-up for "${a.line}": ${(error as Error).message}`);
    return fallback ?? ephemeralNotice('Herald took too long to answer this one.', 'Try again in a minute.');
  }
}

async function answer(
  deps: Settled,
  interaction: Interaction,
  caller: InteractionCaller,
  a: Answering,
): Promise<InteractionResponse> {
  if (a.writes) {
    const denied = subscriptionPermissionProblem(caller, a.scope, a.writes);
    if (denied) return reply(renderReply(denied));
  }
  const target = targetFor(caller, a.scope);
  const work = deps.bridge.run(a.line, target);
  let answered: Awaited<typeof work>;
  if (a.writes) {
    answered = await work;
  } else {
    const raced = await withinBudget(work, deps.budget);
    if (!raced.done) return deferAnswer(deps, interaction, a, target, 'slow', null);
    answered = raced.value;
  }
  const message = renderReply(answered);
  const response = a.updating ? update(message) : reply(message);
  if (message.chart) return deferAnswer(deps, interaction, a, target, 'chart', response);
  return response;
}

async function autocomplete(deps: Settled, data: Interaction, caller: InteractionCaller) {
  try {
    return choices(
      await autocompleteChoices({ bridge: deps.bridge, subscriptions: deps.subscriptions }, data, caller),
    );
  } catch (error) {
    deps.log?.(`autocomplete failed: ${(error as Error).message}`);
    return choices([]);
  }
}

async function dispatch(deps: Settled, interaction: Interaction): Promise<InteractionResponse> {
  const caller = callerOf(interaction);
  const data = (
    typeof interaction.data === 'object' && interaction.data !== null ? interaction.data : {}
  ) as Interaction;
  switch (interaction.type) {
    case InteractionType.Ping:
      return pong();
    case InteractionType.ApplicationCommand:
      return answer(deps, interaction, caller, { ...commandRequest(data), updating: false });
    case InteractionType.MessageComponent: {
      const press = parseButtonId(data.custom_id);
      if (!press)
        return ephemeralNotice('This button is not one Herald knows.', '/help lists what Herald can do.');
      return answer(deps, interaction, caller, {
        line: press.line,
        scope: press.mode === 'd' ? 'dm' : 'here',
        writes: settingsChangeOf(press.line),
        updating: press.mode === 'u',
      });
    }
    case InteractionType.ApplicationCommandAutocomplete:
      return autocomplete(deps, data, caller);
    default:
      return ephemeralNotice(
        'Herald does not handle this kind of interaction.',
        '/help lists what Herald can do.',
      );
  }
}

export function createInteractionHandler(options: InteractionHandlerDeps) {
  const deps: Settled = { ...options, now: options.now ?? Date.now, budget: options.answerBudgetMs ?? 2_000 };
  return async function handle(request: InteractionRequest): Promise<InteractionHttpResponse> {
    const verdict = verifyInteractionSignature(deps.publicKey, request.headers, request.body, deps.now());
    if (!verdict.ok) return json(401, { error: 'invalid request signature', reason: verdict.reason });
    let interaction: unknown;
    try {
      interaction = JSON.parse(Buffer.from(request.body).toString('utf8'));
    } catch {
      return json(400, { error: 'the body is not JSON' });
    }
    if (typeof interaction !== 'object' || interaction === null || Array.isArray(interaction))
      return json(400, { error: 'the body is not an interaction' });
    try {
      return json(200, await dispatch(deps, interaction as Interaction));
    } catch (error) {
      deps.log?.(`interaction failed: ${(error as Error).stack ?? String(error)}`);
      if ((interaction as Interaction).type === InteractionType.ApplicationCommandAutocomplete)
        return json(200, choices([]));
      return json(200, ephemeralNotice('Something went wrong on Herald’s side.', 'Try again in a minute.'));
    }
  };
}
