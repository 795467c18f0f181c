/**
 * Herald on AWS: the table, the scheduled snapshot Lambda, the alert engine (snapshot → detector by
 * asynchronous invocation → dispatch queue → dispatcher, and a schedule that runs the detector's
 * clock-only check), the Discord and Telegram Lambdas behind Function URLs (the interactions
 * Lambda invokes the follow-up asynchronously), read access to the bot secrets' parameters and the
 * three alarms. Failed asynchronous invocations, and runs a schedule could not invoke, land in one
 * dead-letter queue that nothing polls. Every handler has its function; all bundles are required.
 */
import { Annotations, CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionUrlAuthType } from 'aws-cdk-lib/aws-lambda';
import { ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../core/config/env-names.js';
import { OPERATORS_NOT_SET } from '../alert-operators.js';
import type { BundleResult } from '../bundling/bundle.js';
import type { HeraldConfig } from '../config.js';
import { AlarmTopic } from '../constructs/alarm-topic.js';
import { BotSecrets, SECRET_FIELDS, secretParameterPrefix } from '../constructs/bot-secrets.js';
import { HeraldAlarms } from '../constructs/herald-alarms.js';
import { HeraldFunction, type HeraldFunctionProps } from '../constructs/herald-function.js';
import { HeraldTable } from '../constructs/herald-table.js';
import { scheduleLambda } from '../constructs/lambda-schedule.js';
import { SnapshotService, staleAfterMinutes } from '../constructs/snapshot-service.js';
import { deadLetterQueue, WorkQueue } from '../constructs/work-queue.js';
import type { HandlerKey } from '../handlers.js';
import { ALERT_SIZING, BOT_SIZING, FOLLOWUP_INVOKE, WORKER_SIZING } from '../sizing.js';
import { grantAsyncInvoke } from './async-invoke-grant.js';

export interface HeraldStackProps extends StackProps {
  config: HeraldConfig;
  bundles: Record<HandlerKey, BundleResult>;
}

type Make = (
  key: HandlerKey,
  id: string,
  rest: Omit<HeraldFunctionProps, 'bundle' | 'logRetention'>,
) => lambda.Function;

interface AlertShared {
  config: HeraldConfig;
  table: HeraldTable;
  secrets: BotSecrets;
  /** The snapshot Lambda, which invokes the detector after each commit. */
  snapshot: lambda.Function;
  /** Failed asynchronous invocations and runs a schedule could not invoke. */
  failures: Queue;
}

const BOT = { memoryMb: BOT_SIZING.memoryMb, timeout: Duration.seconds(BOT_SIZING.timeoutSeconds) };
const WORKER = { memoryMb: WORKER_SIZING.memoryMb, timeout: Duration.seconds(WORKER_SIZING.timeoutSeconds) };

export class HeraldStack extends Stack {
  readonly functions = {} as Record<HandlerKey, HeraldFunction>;
  alarms!: HeraldAlarms;
  /** Where failed asynchronous invocations go; nothing polls it. */
  failures!: Queue;
  dispatch!: WorkQueue;

  constructor(scope: Construct, id: string, props: HeraldStackProps) {
    super(scope, id, props);
    const { config, bundles } = props;
    const alarms = new AlarmTopic(this, 'Alarms', { email: config.alarmEmail });
    const table = new HeraldTable(this, 'Data');
    const secrets = new BotSecrets(this, 'BotSecrets', {
      namePrefix: secretParameterPrefix(this.stackName),
    });
    const failures = deadLetterQueue(this, 'FailedInvocations');
    Validations.of(failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue: failed asynchronous invocations and schedules.',
    });
    this.failures = failures;

    const snapshot = new SnapshotService(this, 'Snapshot', {
      bundle: bundles.snapshot,
      everyMinutes: config.snapshotEveryMinutes,
      assetHubRpc: config.assetHubRpc,
      relayRpc: config.relayRpc,
      peopleRpc: config.peopleRpc,
      coretimeRpc: config.coretimeRpc,
      logRetention: config.logRetention,
      failures,
    });
    table.grantSnapshotWrite(snapshot.fn.fn);
    this.functions.snapshot = snapshot.fn;

    const make = this.maker(config, bundles);
    this.addTelegram(make, config, table, secrets);
    this.addDiscord(make, config, table, failures);
    this.addAlertEngine(make, { config, table, secrets, snapshot: snapshot.fn.fn, failures });
    this.alarms = new HeraldAlarms(this, 'Watch', {
      action: alarms.action,
      functions: Object.values(this.functions),
      deadLetterQueues: [failures, this.dispatch.dlq],
      snapshot: snapshot.fn.fn,
      staleAfterMinutes: staleAfterMinutes(config.snapshotEveryMinutes),
    });

    new CfnOutput(this, 'TableName', { value: table.table.tableName });
    new CfnOutput(this, 'DiscordSecretParameter', {
      value: secrets.names.discord,
      description: `SecureString parameter to create with aws ssm put-parameter (${SECRET_FIELDS.discord.join(', ')})`,
    });
    new CfnOutput(this, 'TelegramSecretParameter', {
      value: secrets.names.telegram,
      description: `SecureString parameter to create with aws ssm put-parameter (${SECRET_FIELDS.telegram.join(', ')})`,
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
  }

  /** Adds the function of a handler, with the environment every bot and alert function shares. */
  private maker(config: HeraldConfig, bundles: HeraldStackProps['bundles']): Make {
    const common: Record<string, string> = {
      [ENV.staleAfterSeconds]: String(staleAfterMinutes(config.snapshotEveryMinutes) * 60),
      [ENV.discordApplicationId]: config.discordApplicationId,
      [ENV.telegramBotUsername]: config.telegramBotUsername,
    };
    return (key, id, rest) => {
      const made = new HeraldFunction(this, id, {
        ...rest,
        bundle: bundles[key],
        logRetention: config.logRetention,
        environment: { ...common, ...rest.environment },
      });
      this.functions[key] = made;
      return made.fn;
    };
  }

  private addTelegram(make: Make, config: HeraldConfig, table: HeraldTable, secrets: BotSecrets): void {
    const telegram = make('telegramWebhook', 'TelegramWebhook', {
      ...WORKER,
      description: 'Telegram webhook: commands and subscriptions',
      serviceName: 'herald-telegram',
      // Public URL: a flood is throttled here, not in the account's shared pool.
      reservedConcurrency: config.publicBotConcurrency,
    });
    table.grantBotWrite(telegram);
    secrets.grantTelegramBotToken(telegram);
    secrets.grantTelegramWebhookSecret(telegram);
    const url = telegram.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    new CfnOutput(this, 'TelegramWebhookUrl', {
      value: url.url,
      description: 'TELEGRAM_WEBHOOK_URL for npm run telegram:webhook',
    });
  }

  private addDiscord(make: Make, config: HeraldConfig, table: HeraldTable, failures: Queue): void {
    const interactions = make('discordInteractions', 'DiscordInteractions', {
      ...BOT,
      description: 'Discord interactions endpoint: verifies, answers or defers',
      serviceName: 'herald-discord',
      // Public URL: a flood of unsigned requests is throttled here, not in the account's shared pool.
      reservedConcurrency: config.publicBotConcurrency,
    });
    const followup = make('discordFollowup', 'DiscordFollowup', {
      ...WORKER,
      description: 'Discord deferred answers: renders and sends the follow-up',
      serviceName: 'herald-discord-followup',
      async: {
        retryAttempts: FOLLOWUP_INVOKE.retryAttempts,
        maxEventAge: Duration.minutes(FOLLOWUP_INVOKE.maxEventAgeMinutes),
        onFailure: failures,
      },
    });
    // Answers settings commands itself; verifies with the public key, a setting: it reads no secret.
    table.grantBotWrite(interactions);
    interactions.addEnvironment(ENV.discordPublicKey, config.discordPublicKey);
    // Deferred answers go straight to the follow-up Lambda (asynchronous invocation): no queue to poll.
    grantAsyncInvoke(followup, interactions, ENV.discordFollowupFunction);
    const url = interactions.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    new CfnOutput(this, 'DiscordInteractionsUrl', {
      value: url.url,
      description: 'Interactions Endpoint URL in the Discord developer portal',
    });
    // Follow-ups answer only what the endpoint deferred, never a settings change (those are answered
    // at once), so they only read; they post through the interaction's own webhook token, so they
    // need no bot token either.
    table.grantRead(followup);
  }

  /**
   * Alert engine: after each commit the snapshot Lambda invokes the detector asynchronously with
   * the detection message; the detector turns it into delivery jobs on the dispatch queue, which the
   * dispatcher consumes (its event source), re-enqueuing its retries and quiet-hour deferrals there.
   */
  private addAlertEngine(make: Make, shared: AlertShared): void {
    const { config, table, secrets, snapshot, failures } = shared;
    const dispatcherTimeout = Duration.seconds(ALERT_SIZING.dispatcherTimeoutSeconds);
    const detector = make('alertDetector', 'AlertDetector', {
      memoryMb: ALERT_SIZING.detectorMemoryMb,
      timeout: Duration.seconds(ALERT_SIZING.detectorTimeoutSeconds),
      description: 'Alert detection: compares snapshot versions and queues the deliveries',
      serviceName: 'herald-alert-detector',
      async: {
        retryAttempts: ALERT_SIZING.detectorRetryAttempts,
        maxEventAge: Duration.minutes(ALERT_SIZING.detectorMaxEventAgeMinutes),
        onFailure: failures,
      },
    });
    const dispatcher = make('alertDispatcher', 'AlertDispatcher', {
      memoryMb: ALERT_SIZING.dispatcherMemoryMb,
      timeout: dispatcherTimeout,
      description: 'Alert delivery: sends queued alerts through Telegram and Discord, once each',
      serviceName: 'herald-alert-dispatcher',
      reservedConcurrency: ALERT_SIZING.dispatchMaxConcurrency,
    });
    const dispatch = new WorkQueue(this, 'AlertDispatchQueue', {
      urlEnv: ENV.alertDispatchQueueUrl,
      visibilityTimeout: Duration.seconds(dispatcherTimeout.toSeconds() * 6),
      maxReceiveCount: 5,
    });
    this.dispatch = dispatch;
    // Reads the snapshots, writes alert records, the cursor and the card records; after each
    // detection it posts and edits the live referendum cards (lambdas/cards), so it reads the bot tokens.
    table.grantBotWrite(detector);
    secrets.grantDiscordBotToken(detector);
    secrets.grantTelegramBotToken(detector);
    // The one function that reads the operators: they are targets of the deliveries it queues.
    if (config.alertOperators === undefined)
      Annotations.of(this).addWarningV2('herald:alertOperators', OPERATORS_NOT_SET);
    else if (config.alertOperators.length > 0)
      detector.addEnvironment(ENV.alertOperatorTargets, config.alertOperators.join(','));
    grantAsyncInvoke(detector, snapshot, ENV.alertDetectorFunction);
    dispatch.grantSend(detector);
    // Without SQS records the detector checks the newest version against the clock alone, so
    // a stalled snapshot job still raises its stale-data alert and deadlines keep counting down.
    scheduleLambda(new Construct(this, 'AlertCheck'), {
      fn: detector,
      everyMinutes: config.alertCheckEveryMinutes,
      description: `Herald alert check (stale data, deadlines) every ${config.alertCheckEveryMinutes} min`,
      roleDescription: 'EventBridge Scheduler: invoke the alert detector, dead-letter failed invocations',
      deadLetterQueue: failures,
      input: ScheduleTargetInput.fromObject({}),
    });
    table.grantBotWrite(dispatcher);
    secrets.grantDiscordBotToken(dispatcher);
    secrets.grantTelegramBotToken(dispatcher);
    dispatch.consumeWith(dispatcher, ALERT_SIZING.dispatchBatchSize, ALERT_SIZING.dispatchMaxConcurrency);
    // As many dispatchers as the queue runs at once share the bots' global send limits.
    dispatcher.addEnvironment(ENV.alertDispatchConcurrency, String(ALERT_SIZING.dispatchMaxConcurrency));
    dispatch.grantSend(dispatcher);
  }
}
