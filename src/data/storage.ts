/**
 * The browser's storage budget: how much this site uses, whether it may keep it, and how to
 * recognise "out of space" errors. Every call tolerates browsers without the StorageManager API.
 */

export interface StorageEstimate {
  /** Bytes this origin uses (all its storage, not only datasets), or null when unknown. */
  usage: number | null;
  quota: number | null;
  /** True when the browser promised not to evict this site's data under pressure. */
  persisted: boolean | null;
}

/** The StorageManager's methods, typed for both the page and workers (persist is page-only). */
interface StorageLike {
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

function manager(): StorageLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage;
}

export async function storageEstimate(): Promise<StorageEstimate> {
  const m = manager();
  let usage: number | null = null;
  let quota: number | null = null;
  let persisted: boolean | null = null;
  try {
    const e = await m?.estimate?.();
    usage = e?.usage ?? null;
    quota = e?.quota ?? null;
  } catch {
    // unknown is fine
  }
  try {
    persisted = m?.persisted ? await m.persisted() : null;
  } catch {
    persisted = null;
  }
  return { usage, quota, persisted };
}

/** Asks to keep this site's data under storage pressure; resolves with the browser's answer. */
export async function requestPersistence(): Promise<boolean | null> {
  const m = manager();
  if (!m?.persist) return null;
  try {
    return await m.persist();
  } catch {
    return false;
  }
}

/** True for the errors browsers raise when a write does not fit the quota. */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export const QUOTA_HINT = 'This browser’s storage for the site is full. Delete cached datasets under “Storage” (or allow more space), then try again.';
