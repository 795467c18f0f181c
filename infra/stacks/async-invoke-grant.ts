/**
 * Lets one function invoke another asynchronously: `lambda:InvokeFunction` on that one function
 * (and its versions), and its name in the caller's environment (lambdas/invoke/async-invoke.ts).
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { EnvName } from '../../core/config/env-names.js';

export function grantAsyncInvoke(target: LambdaFunction, caller: LambdaFunction, nameEnv: EnvName): void {
  target.grantInvoke(caller);
  caller.addEnvironment(nameEnv, target.functionName);
  const targetId = Stack.of(target).getLogicalId(target.node.defaultChild as CfnFunction);
  Validations.of(caller.role!).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${targetId}.Arn>:*]`,
    reason: 'grantInvoke also covers the function’s versions (ARN:*); it is still this one function.',
  });
}
