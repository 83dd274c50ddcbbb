import { isSystemFile } from './labels';
import { cleanPath, entryProblem, listZip, mb, readZipEntry } from './zip';
import { plainError } from '../../plainError';

/** A file as the page picked it: its path below what was chosen (folder/sub/file.png), and its bytes. */
export interface PickedFile { path: string; blob: Blob }
/** A file that may be an image, from the pick itself or from inside a zip. */
export interface Candidate { path: string; size: number; read(): Promise<Uint8Array> }
export interface Skipped { path: string; reason: string }

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const isZip = async (f: PickedFile) => {
  if (/\.zip$/i.test(f.path)) return true;
  const head = new Uint8Array(await f.blob.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4;
};

/**
 * Opens zips (their name acts as a folder) and sorts out what cannot be an image before any
 * decoding: empty or oversized files, and unreadable zip entries, each with the reason.
 * Hidden and system files (.DS_Store, __MACOSX/…) are only counted.
 */
export async function expandPicked(picked: PickedFile[], maxBytes = MAX_FILE_BYTES): Promise<{ candidates: Candidate[]; skipped: Skipped[]; ignored: number }> {
  const candidates: Candidate[] = [];
  const skipped: Skipped[] = [];
  let ignored = 0;
  for (const raw of picked) {
    // A dropped or crafted name may carry "../" or "\\": only its clean parts are used or shown.
    const f = { path: cleanPath(raw.path) || 'unnamed', blob: raw.blob };
    if (isSystemFile(f.path)) {
      ignored++;
      continue;
    }
    if (f.blob.size === 0) {
      skipped.push({ path: f.path, reason: 'empty file' });
      continue;
    }
    if (await isZip(f)) {
      try {
        ignored += await expandZip(f, maxBytes, candidates, skipped);
      } catch (e) {
        skipped.push({ path: f.path, reason: `could not be opened as a zip: ${plainError(e)}` });
      }
      continue;
    }
    if (f.blob.size > maxBytes) {
      skipped.push({ path: f.path, reason: `too large: ${mb(f.blob.size)} (the limit is ${mb(maxBytes)})` });
      continue;
    }
    candidates.push({ path: f.path, size: f.blob.size, read: async () => new Uint8Array(await f.blob.arrayBuffer()) });
  }
  return { candidates, skipped, ignored };
}

/** Adds a zip's entries; returns how many were hidden or system files. */
async function expandZip(f: PickedFile, maxBytes: number, candidates: Candidate[], skipped: Skipped[]): Promise<number> {
  const entries = await listZip(f.blob);
  const folder = f.path.replace(/\.zip$/i, '');
  let ignored = 0;
  for (const e of entries) {
    const path = `${folder}/${e.path}`;
    const problem = entryProblem(e, maxBytes);
    if (isSystemFile(path)) ignored++;
    else if (problem) skipped.push({ path, reason: problem });
    else candidates.push({ path, size: e.size, read: () => readZipEntry(f.blob, e) });
  }
  return ignored;
}
