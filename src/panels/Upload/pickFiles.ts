import type { PickedFile } from '../../data/upload/importImages';
import { cleanPath } from '../../data/upload/zip';

/** Files from an <input type=file>: a folder pick keeps each file's path below the folder's parent. */
export function fromInput(files: FileList | null): PickedFile[] {
  return Array.from(files ?? [], (f) => ({ path: f.webkitRelativePath || f.name, blob: f }));
}

/** Files from a drop, walking dropped folders (readEntries hands them out in batches). */
export async function fromDrop(dt: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(dt.items, (i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return fromInput(dt.files);
  const out: PickedFile[] = [];
  for (const e of entries) await walk(e, out);
  return out;
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: entry.fullPath.replace(/^\/+/, ''), blob: file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}

/** A dataset name from what was picked: the folder's or the zip's name. */
export function suggestName(files: PickedFile[]): string {
  const first = cleanPath(files[0]?.path ?? '');
  const top = first.includes('/') ? first.split('/')[0] : files.length === 1 ? first.replace(/\.[a-z0-9]+$/i, '') : '';
  return top || 'My images';
}
