/**
 * The addresses an alert's message shows (the account it concerns, a validator it names, a
 * delegate), whose on-chain names the detector attaches to the alert (`alert.names`).
 */
import type { AccountName } from '../identity/identity-types.js';
import type { Alert, AlertFacts } from './alert-types.js';

function shown(facts: AlertFacts): Array<string | null | undefined> {
  const f = facts as Partial<Record<'address' | 'validator' | 'beneficiary' | 'curator', unknown>> & {
    delegate?: { address?: unknown } | null;
  };
  return [f.address, f.validator, f.delegate?.address, f.beneficiary, f.curator].map((a) =>
    typeof a === 'string' && /^[1-9A-HJ-NP-Za-km-z]{46,48}$/.test(a) ? a : null,
  );
}

/** The distinct addresses of the alerts' messages. */
export function alertAddresses(alerts: readonly Alert[]): string[] {
  const out = new Set<string>();
  for (const alert of alerts) for (const a of shown(alert.facts)) if (a) out.add(a);
  return [...out];
}

/** Each alert with the names of the addresses it shows (an alert without any named stays as it is). */
export function withAlertNames(alerts: readonly Alert[], names: ReadonlyMap<string, AccountName>): Alert[] {
  return alerts.map((alert) => {
    const own: Record<string, AccountName> = {};
    for (const a of shown(alert.facts)) {
      const name = a ? names.get(a) : undefined;
      if (a && name) own[a] = name;
    }
    return Object.keys(own).length > 0 ? { ...alert, names: own } : alert;
  });
}
