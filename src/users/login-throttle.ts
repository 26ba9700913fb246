/** How failed logins are throttled: a few free tries, then growing pauses, then a lockout. */
export const loginThrottle = {
  /** Failures allowed per email before pauses start. */
  freeFailuresPerEmail: 3,
  /** Failures allowed per client (IP) before pauses start; higher, as offices share addresses. */
  freeFailuresPerClient: 20,
  firstPauseMs: 15_000,
  /** Pauses (15 s, 30 s, 1 min) before a failure turns into the full lockout. */
  pausesBeforeLockout: 3,
  lockoutMs: 15 * 60_000,
  /** A quiet hour wipes the slate. */
  resetAfterMs: 60 * 60_000,
};

/** How long a key stays locked after its n-th consecutive failure. */
export function lockDurationMs(failures: number, freeFailures: number): number {
  const beyond = failures - freeFailures;
  if (beyond < 0) return 0;
  if (beyond >= loginThrottle.pausesBeforeLockout) return loginThrottle.lockoutMs;
  return loginThrottle.firstPauseMs * 2 ** beyond;
}
