/**
 * The bot secrets: one Secrets Manager secret per platform (a JSON object, $0.40 a month each),
 * created with empty fields that are filled after the first deploy. Each grant allows reading that
 * one secret and sets the `<ARN>#<field>` reference the handlers resolve once per cold start.
 */
import { SecretValue, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ENV, type EnvName } from '../../lambdas/config/env-names.js';

/** Fields of each secret, as `aws secretsmanager put-secret-value` must write them. */
export const SECRET_FIELDS = {
  discord: ['botToken', 'publicKey'],
  telegram: ['botToken', 'webhookSecret'],
} as const;

type Platform = keyof typeof SECRET_FIELDS;

export class BotSecrets extends Construct {
  readonly discord: Secret;
  readonly telegram: Secret;
  /** Secret names, as the README's `put-secret-value` commands use them. */
  readonly names: Record<Platform, string>;

  constructor(scope: Construct, id: string, props: { namePrefix: string }) {
    super(scope, id);
    this.names = { discord: `${props.namePrefix}/discord`, telegram: `${props.namePrefix}/telegram` };
    this.discord = this.secret('Discord', 'discord');
    this.telegram = this.secret('Telegram', 'telegram');
  }

  private secret(id: string, platform: Platform): Secret {
    const placeholder: Record<string, SecretValue> = {};
    for (const field of SECRET_FIELDS[platform]) placeholder[field] = SecretValue.unsafePlainText('');
    const secret = new Secret(this, id, {
      secretName: this.names[platform],
      description: `Herald ${platform} bot: ${SECRET_FIELDS[platform].join(', ')} (empty until set)`,
      secretObjectValue: placeholder,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: `${platform} issues these values in its own portal; they are rotated there and put here by hand.`,
    });
    return secret;
  }

  private grant(fn: lambda.Function, platform: Platform, field: string, env: EnvName): void {
    const secret = platform === 'discord' ? this.discord : this.telegram;
    secret.grantRead(fn);
    fn.addEnvironment(env, `${secret.secretArn}#${field}`);
  }

  grantDiscordBotToken(fn: lambda.Function): void {
    this.grant(fn, 'discord', 'botToken', ENV.discordBotTokenSecret);
  }

  grantDiscordPublicKey(fn: lambda.Function): void {
    this.grant(fn, 'discord', 'publicKey', ENV.discordPublicKeySecret);
  }

  grantTelegramBotToken(fn: lambda.Function): void {
    this.grant(fn, 'telegram', 'botToken', ENV.telegramBotTokenSecret);
  }

  grantTelegramWebhookSecret(fn: lambda.Function): void {
    this.grant(fn, 'telegram', 'webhookSecret', ENV.telegramWebhookSecretSecret);
  }
}
