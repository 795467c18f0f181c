/** The bill as the README shows it: one table per subscriber count, then every input with its source. */
import type { CostInputs } from './inputs.js';
import type { Bill } from './model.js';

const usd = (x: number) => x.toFixed(2);

export function billTable(bill: Bill): string {
  const rows = [
    '| item | arithmetic | $/month |',
    '| --- | --- | --- |',
    ...bill.lines.map((l) => `| ${l.item} | ${l.arithmetic} | ${usd(l.dollars)} |`),
    `| **total** | ${bill.subscribers.toLocaleString('en-US')} subscribers | **${usd(bill.total)}** |`,
  ];
  return rows.join('\n');
}

export function inputsList(inputs: CostInputs): string {
  return Object.entries(inputs)
    .map(
      ([name, f]) =>
        `- \`${name}\` = ${f.value.toLocaleString('en-US', { maximumFractionDigits: 3 })} (${f.source})`,
    )
    .join('\n');
}

export function summaryLine(bills: readonly Bill[]): string {
  return bills
    .map((b) => `${b.subscribers.toLocaleString('en-US')} subscribers: **$${usd(b.total)}**`)
    .join(' · ');
}

/** The README's cost section body, between its markers. */
export function costSection(inputs: CostInputs, bills: readonly Bill[], provenance: string): string {
  return [
    summaryLine(bills),
    '',
    ...bills.flatMap((b) => [
      `#### ${b.subscribers.toLocaleString('en-US')} subscribers`,
      '',
      billTable(b),
      '',
    ]),
    '#### Inputs',
    '',
    inputsList(inputs),
    '',
    provenance,
  ].join('\n');
}
