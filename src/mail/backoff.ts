/**
 * When a failed mail is tried again. `attempts` counts the tries made so far, the failed one
 * included. Retries wait 1, 2, 4, 8, 16, 32 then 64 minutes after tries 1 to 7 (about 2 h 7 min
 * from the first try to the last), and the 8th failure gives up. The 6-hour cap only matters if
 * MAX_ATTEMPTS is raised: doubling would then go on to 128 and 256 minutes, then stay at 6 h.
 */

/** After this many failed tries a mail is marked failed and waits for a person to retry it. */
export const MAX_ATTEMPTS = 8;

/** The wait after the first failed try; each later one doubles it. */
export const FIRST_RETRY_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/** How long to wait after `attempts` tries: doubling from 1 min, capped at 6 h. */
export function retryDelayMs(attempts: number): number {
  return doublingDelay(attempts, FIRST_RETRY_DELAY_MS);
}

/**
 * What to do after a failed try: wait and retry, or give up once MAX_ATTEMPTS tries were made.
 * `firstDelayMs` scales the waits (tests shrink it).
 */
export function nextStep(
  attempts: number,
  firstDelayMs = FIRST_RETRY_DELAY_MS,
): { retryInMs: number } | 'give-up' {
  return attempts >= MAX_ATTEMPTS
    ? 'give-up'
    : { retryInMs: doublingDelay(attempts, firstDelayMs) };
}

function doublingDelay(attempts: number, firstDelayMs: number): number {
  const doublings = Math.max(0, Math.floor(attempts) - 1);
  // Checked before computing, so a huge count cannot overflow to Infinity.
  if (doublings >= 30) return MAX_DELAY_MS;
  return Math.min(firstDelayMs * 2 ** doublings, MAX_DELAY_MS);
}
