import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { routePrivateText } from '../../../bots/commands/answer.js';
import { htmlProblem } from '../../helpers/fake-telegram.js';
import { startTelegramHarness, type TelegramHarness } from './harness.js';
import { groupMessage, privateMessage } from './updates.js';

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

type Button = { text: string; callback_data: string };

async function send(update: Record<string, unknown>) {
  expect((await h.post(update)).status).toBe(200);
  const sent = h.fake.callsOf('sendMessage');
  for (const c of sent) expect(htmlProblem(String(c.params.text))).toBeNull();
  return sent;
}

describe('Telegram onboarding', () => {
  it('/start greets, says what Herald does, and offers three buttons that run real commands', async () => {
    const [welcome] = await send(privateMessage('/start'));
    const text = String(welcome!.params.text);
    expect(text).toMatch(/^<b>Welcome to Herald<\/b>\n/);
    expect(text).toContain('• Staking:');
    expect(text).toContain('• OpenGov:');
    expect(text).toContain('• Alerts:');
    expect(text).toContain('Send me a Kusama address to see its stake');
    const markup = welcome!.params.reply_markup as { inline_keyboard: Button[][] };
    const buttons = markup.inline_keyboard.flat();
    expect(buttons).toEqual([
      { text: 'Your stake', callback_data: '/help stake' },
      { text: 'Ongoing referenda', callback_data: '/referenda' },
      { text: 'Subscribe to alerts', callback_data: '/help subscribe' },
    ]);
    // A t.me link's payload after /start is not an argument.
    const [again] = await send(privateMessage('/start ref-12'));
    expect(String(again!.params.text)).toBe(text);
  });

  it('a bare address in a private chat is answered as /stake, with the account', async () => {
    const address = h.scenario.fixtures.nominators.allTargetsActive;
    const [reply] = await send(privateMessage(`  ${address} `));
    const text = String(reply!.params.text);
    expect(text).toContain(`<code>${address}</code>`);
    expect(text).not.toContain('is not a command');
    h.fake.reset();
    // A mistyped address gets /stake's own explanation, not "not a command".
    const [typo] = await send(privateMessage(`${address.slice(0, -1)}x`));
    expect(String(typo!.params.text)).toContain('is not a valid address');
  });

  it('other plain text in a private chat gets a short hint; a command word without "/" still works', async () => {
    const [hint] = await send(privateMessage('hello'));
    expect(hint!.params.text).toBe('Send an address to see its stake, or /help for everything else.');
    expect(hint!.params).toMatchObject({ reply_parameters: { message_id: expect.any(Number) } });
    h.fake.reset();
    const [era] = await send(privateMessage('era'));
    expect(String(era!.params.text)).toMatch(/^<b>Era /);
  });

  it('plain text in a group is ignored, an address too', async () => {
    const address = h.scenario.fixtures.nominators.allTargetsActive;
    expect(await send(groupMessage(address))).toHaveLength(0);
    expect(await send(groupMessage('hello'))).toHaveLength(0);
  });
});

describe('routing a private message', () => {
  it('addresses become /stake, commands stay, the rest is a hint', () => {
    const address = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
    expect(routePrivateText(address)).toEqual({ type: 'command', line: `/stake ${address}` });
    expect(routePrivateText(`0x${'ab'.repeat(32)}`)).toEqual({
      type: 'command',
      line: `/stake 0x${'ab'.repeat(32)}`,
    });
    expect(routePrivateText('/referenda')).toEqual({ type: 'command', line: '/referenda' });
    expect(routePrivateText('referendum 12')).toEqual({ type: 'command', line: 'referendum 12' });
    expect(routePrivateText('hello there')).toEqual({ type: 'hint' });
    expect(routePrivateText(`my address is ${address}`)).toEqual({ type: 'hint' });
    expect(routePrivateText('12345')).toEqual({ type: 'hint' });
  });
});
