/**
 * Reply intents as JSON: bigints become decimal strings, non-finite numbers null, Uint8Arrays hex.
 * What `npm run ask -- … --json` prints and what crosses a process boundary.
 */
export function replyToJson(reply: unknown, indent?: number): string {
  return JSON.stringify(
    reply,
    (_key, value: unknown) => {
      if (typeof value === 'bigint') return value.toString();
      if (typeof value === 'number' && !Number.isFinite(value)) return null;
      if (value instanceof Uint8Array) {
        let hex = '0x';
        for (const byte of value) hex += byte.toString(16).padStart(2, '0');
        return hex;
      }
      return value;
    },
    indent,
  );
}
