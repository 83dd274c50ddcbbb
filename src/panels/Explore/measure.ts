/**
 * Marks a stretch of main-thread work as a User Timing measure ("explore:…") from `start` to now,
 * so a profile or the e2e test can tell the Explore panels' own work from the rest of the page.
 */
export function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Older engines without measure options: the measure is a diagnostic, nothing depends on it.
  }
}
