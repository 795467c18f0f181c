import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertNotifiers } from '../../../bots/alert-notifiers/index.js';
import type { NotifierMessage } from '../../../core/ports/notifier.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import type { Target } from '../../../core/subscriptions/subscription-model.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type FakeTelegram, startFakeTelegram } from '../../helpers/fake-telegram.js';

let dynamo: TestDynamo;
let fake: FakeTelegram;
let subscriptions: SubscriptionStore;

beforeAll(async () => {
  [dynamo, fake] = await Promise.all([startTestDynamo(), startFakeTelegram()]);
  subscriptions = createSubscriptionStore({
    client: dynamo.client,
    tableName: await dynamo.newTable('tg-alerts'),
  });
});
afterAll(async () => {
  await fake?.close();
  await dynamo?.close();
});

const alert: NotifierMessage = {
  alertId: 'ref:7:approved',
  severity: 'info',
  title: 'Referendum 7 approved',
  lines: ['Enactment in 1 day'],
};

describe('alert notifiers with the subscription store: Telegram', () => {
  it("disables a blocked user's subscriptions with Telegram's reason, and only theirs", async () => {
    const blocked: Target = { platform: 'telegram', kind: 'dm', id: '610001', createdBy: '610001' };
    const fine: Target = { platform: 'telegram', kind: 'chat', id: '-100610002', createdBy: '1' };
    await subscriptions.subscribe(blocked, { kind: 'referenda', track: null });
    await subscriptions.subscribe(fine, { kind: 'referenda', track: null });
    fake.setChat(blocked.id, { code: 403, description: 'Forbidden: bot was blocked by the user' });
    const notifier = createAlertNotifiers({
      telegram: { token: fake.token, apiRoot: fake.apiRoot },
      subscriptions,
    }).telegram!;

    const [gone] = await notifier.send(blocked, [alert]);
    const [sent] = await notifier.send(fine, [alert]);
    expect(gone).toMatchObject({ status: 'gone', alertIds: ['ref:7:approved'] });
    expect(sent).toMatchObject({ status: 'sent', alertIds: ['ref:7:approved'] });
    expect((await subscriptions.listSubscriptions(blocked))?.disabled?.reason).toBe(
      'Telegram: 403: Forbidden: bot was blocked by the user',
    );
    expect((await subscriptions.listSubscriptions(fine))?.disabled).toBeNull();
    const subscribers = await subscriptions.subscribersOf({ kind: 'referenda', track: 1 });
    expect(subscribers.map((s) => s.target.id)).toEqual([fine.id]);
  });

  it('still answers gone when the store cannot record it, and logs why', async () => {
    const logs: string[] = [];
    const failing = { disableTarget: async () => Promise.reject(new Error('store down')) };
    fake.setChat('-100777', { code: 400, description: 'Bad Request: chat not found' });
    const notifier = createAlertNotifiers({
      telegram: { token: fake.token, apiRoot: fake.apiRoot },
      subscriptions: failing,
      log: (l) => logs.push(l),
    }).telegram!;
    expect(
      (await notifier.send({ platform: 'telegram', kind: 'chat', id: '-100777' }, [alert]))[0]?.status,
    ).toBe('gone');
    expect(logs.join('\n')).toContain('store down');
  });
});

describe('alert notifiers: one factory for the AWS dispatcher and npm start', () => {
  it('builds a notifier for each platform given, and none for one left out', () => {
    const both = createAlertNotifiers({
      telegram: { token: fake.token, apiRoot: fake.apiRoot },
      discord: { token: 'bot-token', apiRoot: 'http://127.0.0.1:9/api' },
      subscriptions: null,
      share: 2,
    });
    expect(Object.keys(both).sort()).toEqual(['discord', 'telegram']);
    expect(both.telegram?.platform).toBe('telegram');
    expect(both.discord?.platform).toBe('discord');
    const one = createAlertNotifiers({
      telegram: null,
      discord: { token: 'bot-token' },
      subscriptions: null,
    });
    expect(Object.keys(one)).toEqual(['discord']);
  });

  it('refuses a share that is not a whole number of dispatchers', () => {
    expect(() => createAlertNotifiers({ subscriptions: null, share: 0 })).toThrow(
      /whole number of 1 or more/,
    );
  });
});
