/**
 * The only contract between the page and the trainer worker: import it as `src/protocol`.
 * messages.ts holds the Command and Event unions; analysis.ts and runs.ts the request/result maps
 * of the two request kinds; payloads.ts shared payloads; errors.ts the error codes. The files
 * import one another in one direction only (payloads ← analysis ← timeline ← runs ← messages).
 */
export * from './analysis';
export * from './debug';
export * from './errors';
export * from './messages';
export * from './payloads';
export * from './runs';
export * from './timeline';
