/**
 * Every environment variable Herald reads, by name. Infra sets them through these constants and the
 * functions (lambdas/, bots/, dev/) read them through these constants, so the two can never drift apart.
 * A contract between infra and the code it deploys, so it lives in core with the other contracts.
 */
export const ENV = {
  /** DynamoDB table holding snapshots, subscriptions and alert records. */
  tableName: 'HERALD_TABLE_NAME',
  /** Comma-separated WebSocket endpoints of Kusama Asset Hub, tried in order. */
  assetHubRpc: 'KUSAMA_AH_RPC',
  /** Comma-separated WebSocket endpoints of the Kusama relay chain (optional). */
  relayRpc: 'KUSAMA_RELAY_RPC',
  /** Comma-separated WebSocket endpoints of the Kusama People chain, for identities (optional). */
  peopleRpc: 'KUSAMA_PEOPLE_RPC',
  /** Comma-separated WebSocket endpoints of the Kusama Coretime chain, for the coretime sale (optional). */
  coretimeRpc: 'KUSAMA_CORETIME_RPC',
  /** Local development only: a DynamoDB-API endpoint such as dynalite. */
  dynamoEndpoint: 'HERALD_DYNAMODB_ENDPOINT',
  /** Snapshot older than this many seconds is reported stale (default 900). */
  staleAfterSeconds: 'HERALD_STALE_AFTER_SECONDS',
  /** Per-endpoint connect timeout and whole-read timeout for the snapshot, ms. */
  connectTimeoutMs: 'HERALD_CONNECT_TIMEOUT_MS',
  readTimeoutMs: 'HERALD_READ_TIMEOUT_MS',
  /** The snapshot's timeout for each RPC request's answer, ms. */
  requestTimeoutMs: 'HERALD_REQUEST_TIMEOUT_MS',
  /**
   * Root of Subsquare's public API for Kusama referendum titles (https://kusama-api.subsquare.io);
   * unset or `off`: titles are worded from the proposal calls alone.
   */
  titlesUrl: 'HERALD_TITLES_URL',
  /** Per-request timeout of a title lookup, ms (default 2,000). */
  titlesTimeoutMs: 'HERALD_TITLES_TIMEOUT_MS',
  /** Local development only: the port of the fake titles API that `npm start` runs (0 picks a free one). */
  titlesPort: 'HERALD_TITLES_PORT',
  /** Node's own options (the snapshot Lambda's heap limit). */
  nodeOptions: 'NODE_OPTIONS',
  /** Telegram bot token from @BotFather ("<bot id>:<secret>"). */
  telegramBotToken: 'TELEGRAM_BOT_TOKEN',
  /** The bot's username without "@", so the webhook never calls getMe on a cold start. */
  telegramBotUsername: 'TELEGRAM_BOT_USERNAME',
  /** Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (1-256 of A-Z a-z 0-9 _ -). */
  telegramWebhookSecret: 'TELEGRAM_WEBHOOK_SECRET',
  /** Public HTTPS URL of the webhook, for `npm run telegram:webhook`. */
  telegramWebhookUrl: 'TELEGRAM_WEBHOOK_URL',
  /** Bot API root (default https://api.telegram.org); a local fake in development. */
  telegramApiRoot: 'TELEGRAM_API_ROOT',
  /**
   * Discord application's public key (64 hex digits) that signs interaction requests. Not a secret:
   * in AWS the stack sets it from the `herald:discordPublicKey` setting.
   */
  discordPublicKey: 'DISCORD_PUBLIC_KEY',
  /** Discord application id (a snowflake): command registration and interaction follow-ups. */
  discordApplicationId: 'DISCORD_APPLICATION_ID',
  /** Discord bot token, for local use and `npm run discord:register`. */
  discordBotToken: 'DISCORD_BOT_TOKEN',
  /** Parameter Store reference of the Discord bot token, read once per Lambda container. */
  discordBotTokenSecret: 'DISCORD_BOT_TOKEN_PARAMETER',
  /** Discord API root (default https://discord.com/api); a local fake in development. */
  discordApiRoot: 'DISCORD_API_ROOT',
  /** Guild to register the slash commands in (testing); global registration when unset. */
  discordGuildId: 'DISCORD_GUILD_ID',
  /** Name of the follow-up Lambda, which the interactions Lambda invokes asynchronously with each deferred answer. */
  discordFollowupFunction: 'DISCORD_FOLLOWUP_FUNCTION',
  /**
   * Parameter Store references for the bot secrets in AWS (SecureString parameters):
   * `<parameter name>#<JSON field>`, or the bare name when the whole value is the secret. A plain
   * value in the matching variable above (local development) wins over the parameter.
   */
  telegramBotTokenSecret: 'TELEGRAM_BOT_TOKEN_PARAMETER',
  telegramWebhookSecretSecret: 'TELEGRAM_WEBHOOK_SECRET_PARAMETER',
  /** Name of the alert-detector Lambda, which the snapshot Lambda invokes asynchronously after each commit. */
  alertDetectorFunction: 'HERALD_ALERT_DETECTOR_FUNCTION',
  /** Tests only: where asynchronous Lambda invocations go instead of https://lambda.<region>.amazonaws.com. */
  lambdaEndpoint: 'HERALD_LAMBDA_ENDPOINT',
  /** Folder holding the chart renderer's wasm and fonts in a deployed bundle (see configureChartAssets). */
  chartAssetsDir: 'HERALD_CHART_ASSETS_DIR',
  /**
   * SQS queue URL(s) of alert dispatch: one message per target and detection run. One URL, or one
   * queue per platform as "telegram=<url>,discord=<url>".
   */
  alertDispatchQueueUrl: 'HERALD_ALERT_DISPATCH_QUEUE_URL',
  /** How many dispatchers may run at once: each paces the bots' global send limits at its share. */
  alertDispatchConcurrency: 'HERALD_ALERT_DISPATCH_CONCURRENCY',
  /** Operator targets for data-health alerts, comma-separated "platform:kind:id" (e.g. telegram:chat:-100123). */
  alertOperatorTargets: 'HERALD_ALERT_OPERATORS',
  /** Rewards alert when this many eras or fewer are left to claim them (default 4). */
  alertExpiringEras: 'HERALD_ALERT_EXPIRING_ERAS',
} as const;

/** The public Subsquare API root Herald reads Kusama's referendum titles from. */
export const SUBSQUARE_KUSAMA_API = 'https://kusama-api.subsquare.io';

export type EnvName = (typeof ENV)[keyof typeof ENV];
