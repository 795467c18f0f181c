/**
 * Referendum titles under `npm start`: the source named by HERALD_TITLES_URL, else (on the dev
 * chain) the fake titles API seeded with the scenario's titles on HERALD_TITLES_PORT, else none.
 */
import { ENV } from '../../core/config/env-names.js';
import type { GovernanceState } from '../../core/types/snapshot.js';
import { optionalPositiveInt } from '../../lambdas/config/env-values.js';
import { titleSourceFromEnv } from '../../lambdas/config/titles.js';
import type { TitleSourceOptions } from '../../lambdas/titles/refresh.js';
import { scenarioTitles } from '../scenario/titles.js';
import { startFakeTitles } from './fake-titles.js';

export interface StackTitles {
  source: TitleSourceOptions | undefined;
  close(): Promise<void>;
}

export async function startStackTitles(
  scenario: Pick<GovernanceState, 'referenda'> | null,
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<StackTitles> {
  const fromEnv = titleSourceFromEnv(env);
  if (fromEnv || env[ENV.titlesUrl]?.trim().toLowerCase() === 'off') {
    log(`Referendum titles     ${fromEnv ? `${fromEnv.baseUrl} (from the environment)` : 'off'}`);
    return { source: fromEnv, close: async () => undefined };
  }
  if (!scenario) {
    log(`Referendum titles     off (set ${ENV.titlesUrl}); worded from the proposal calls`);
    return { source: undefined, close: async () => undefined };
  }
  const { titles } = scenarioTitles(scenario);
  const fake = await startFakeTitles({ titles, port: optionalPositiveInt(env, ENV.titlesPort) ?? 0 });
  log(
    `Referendum titles     ${fake.url}  (fake Subsquare API, ${Object.keys(titles).length} titles; POST /fake/mode up|error|junk|slow|down)`,
  );
  return { source: { baseUrl: fake.url }, close: () => fake.close() };
}
