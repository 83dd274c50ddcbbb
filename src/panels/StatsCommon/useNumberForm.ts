import { useMemo, useState } from 'react';
import { parseAll, type NumberSpec } from './numberForm';

/** Text state for a panel's number fields, parsed on every edit. */
export function useNumberForm<K extends string>(specs: Record<K, NumberSpec>, initial: Record<K, string>) {
  const [texts, setTexts] = useState(initial);
  const parsed = useMemo(() => parseAll(specs, texts), [specs, texts]);
  const set = (key: K) => (text: string) => setTexts((t) => ({ ...t, [key]: text }));
  const firstError = (Object.values(parsed.errors) as string[])[0] ?? null;
  return { texts, set, values: parsed.values, errors: parsed.errors, firstError };
}
