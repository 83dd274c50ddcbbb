/**
 * Test hook (the `failStorage` command): from now on, putting a checkpoint's weights record throws
 * QuotaExceededError, as a full disk would midway through a save (the run summary and curves of the
 * same transaction were already put). The app must keep the previous checkpoint whole and say so.
 */
const proto = (globalThis as { IDBObjectStore?: { prototype: IDBObjectStore } }).IDBObjectStore?.prototype;
const realPut = proto?.put;

export function failStorage(fail: boolean): void {
  if (!proto || !realPut) return;
  proto.put = fail
    ? (function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (this.name === 'checkpoints' && String(key).startsWith('state/')) throw new DOMException('The quota has been exceeded (test hook).', 'QuotaExceededError');
        return realPut.call(this, value, key);
      } as IDBObjectStore['put'])
    : realPut;
}
