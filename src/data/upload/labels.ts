/**
 * Class labels from folder names: the first folder below whatever folder all files share
 * ("animals/cats/1.png", "animals/dogs/2.png" → cats, dogs; a zip's own name counts as a folder).
 * Files with no folder of their own take one class, so a flat pick of files still imports.
 */
export const UNLABELLED = 'unlabelled';

export function labelsFromPaths(paths: string[]): { labels: string[]; classes: string[] } {
  const parts = paths.map((p) => p.split('/').filter(Boolean));
  let common = 0;
  for (;;) {
    const seg = parts[0]?.[common];
    // Strip a shared folder only while every path still has a file name after it.
    if (seg === undefined || !parts.every((p) => p.length > common + 1 && p[common] === seg)) break;
    common++;
  }
  const labels = parts.map((p) => (p.length - common >= 2 ? p[common] : UNLABELLED));
  const classes = [...new Set(labels)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return { labels, classes };
}

/** True for macOS/Windows clutter that is never an image of the set (skipped without comment). */
export function isSystemFile(path: string): boolean {
  return path.split('/').some((seg) => seg.startsWith('.') || seg === '__MACOSX' || seg === 'Thumbs.db' || seg === 'desktop.ini');
}
