/** Realistic Telegram updates, shaped as the Bot API delivers them to a webhook. */

let nextUpdateId = 800_000_000;
let nextMessageId = 100;

export const USER = {
  id: 5_550_001,
  is_bot: false,
  first_name: 'Ana',
  username: 'ana_ksm',
  language_code: 'en',
};
export const OTHER_USER = { id: 5_550_002, is_bot: false, first_name: 'Bo' };
export const GROUP = { id: -1_001_555_000_111, title: 'Kusama watchers', type: 'supergroup' as const };

const privateChat = (user: { id: number; first_name: string }) => ({
  id: user.id,
  first_name: user.first_name,
  type: 'private' as const,
});

export function updateId(): number {
  return ++nextUpdateId;
}

function commandEntities(text: string) {
  const match = /^\/\S+/.exec(text);
  return match ? [{ offset: 0, length: match[0].length, type: 'bot_command' }] : undefined;
}

export function privateMessage(text: string, user = USER) {
  return {
    update_id: updateId(),
    message: {
      message_id: ++nextMessageId,
      from: user,
      chat: privateChat(user),
      date: Math.floor(Date.now() / 1000),
      text,
      entities: commandEntities(text),
    },
  };
}

export function groupMessage(text: string, user: { id: number; is_bot: boolean; first_name: string } = USER) {
  return {
    update_id: updateId(),
    message: {
      message_id: ++nextMessageId,
      from: user,
      chat: GROUP,
      date: Math.floor(Date.now() / 1000),
      text,
      entities: commandEntities(text),
    },
  };
}

/** A message an anonymous group admin posts "as the group". */
export function anonymousAdminMessage(text: string) {
  const update = groupMessage(text, { id: 1_087_968_824, is_bot: true, first_name: 'Group' });
  return { ...update, message: { ...update.message, sender_chat: GROUP } };
}

export function editedMessage(text: string, user = USER) {
  const { message } = privateMessage(text, user);
  return {
    update_id: updateId(),
    edited_message: { ...message, edit_date: message.date + 5 },
  };
}

export function photoMessage(user = USER) {
  return {
    update_id: updateId(),
    message: {
      message_id: ++nextMessageId,
      from: user,
      chat: privateChat(user),
      date: Math.floor(Date.now() / 1000),
      photo: [{ file_id: 'AgAD', file_unique_id: 'u1', width: 90, height: 90, file_size: 1200 }],
    },
  };
}

/** A press on an inline button under a message the bot sent (message id `messageId`). */
export function callbackQuery(
  data: string,
  options: {
    chat?: { id: number; type: string };
    messageId: number;
    from?: { id: number; is_bot: boolean; first_name: string };
    text?: string;
  },
) {
  const chat = options.chat ?? privateChat(USER);
  return {
    update_id: updateId(),
    callback_query: {
      id: String(4_000_000_000_000 + nextUpdateId),
      from: options.from ?? USER,
      chat_instance: '-8093222',
      data,
      message: {
        message_id: options.messageId,
        from: { id: 7000000001, is_bot: true, first_name: 'Herald', username: 'HeraldTestBot' },
        chat,
        date: Math.floor(Date.now() / 1000),
        text: options.text ?? 'Referenda',
      },
    },
  };
}

export function myChatMember(
  chat: { id: number; type: string },
  oldStatus: string,
  newStatus: string,
  from = USER,
) {
  const bot = { id: 7000000001, is_bot: true, first_name: 'Herald', username: 'HeraldTestBot' };
  return {
    update_id: updateId(),
    my_chat_member: {
      chat,
      from,
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { user: bot, status: oldStatus },
      new_chat_member: { user: bot, status: newStatus, ...(newStatus === 'kicked' ? { until_date: 0 } : {}) },
    },
  };
}

export function migrateMessage(toChatId: number) {
  return {
    update_id: updateId(),
    message: {
      message_id: ++nextMessageId,
      from: USER,
      chat: { id: -555_000_111, title: 'Kusama watchers', type: 'group' },
      date: Math.floor(Date.now() / 1000),
      migrate_to_chat_id: toChatId,
    },
  };
}
