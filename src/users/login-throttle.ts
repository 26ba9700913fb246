/** How one throttle key (an email on one client, a client, an email) slows failed logins. */
export interface ThrottleRule {
  /** Attempts allowed before pauses start. */
  free: number;
  /** The longest pause; the lockout, or a brief pause for keys anyone can fail on. */
  maxPauseMs: number;
}

/** How failed logins are throttled: a few free tries, then growing pauses, then a lockout. */
export const loginThrottle = {
  /** One email from one client: the lockout falls on whoever keeps failing, and only on them. */
  emailOnClient: { free: 3, maxPauseMs: 15 * 60_000 } satisfies ThrottleRule,
  /** One client, every email (higher, as offices share addresses). */
  client: { free: 20, maxPauseMs: 15 * 60_000 } satisfies ThrottleRule,
  /**
   * One email, every client: slows guessing spread over many addresses, but only briefly, so an
   * outsider failing on someone's email cannot lock them out.
   */
  email: { free: 10, maxPauseMs: 60_000 } satisfies ThrottleRule,
  firstPauseMs: 15_000,
  /** Pauses (15 s, 30 s, 1 min) before a failure turns into the rule's longest pause. */
  pausesBeforeLockout: 3,
  /** A quiet hour wipes the slate. */
  resetAfterMs: 60 * 60_000,
};

/** How long a key stays paused after its n-th attempt (counted before the password is checked). */
export function lockDurationMs(attempts: number, rule: ThrottleRule): number {
  const beyond = attempts - rule.free;
  if (beyond < 0) return 0;
  if (beyond >= loginThrottle.pausesBeforeLockout) return rule.maxPauseMs;
  return Math.min(loginThrottle.firstPauseMs * 2 ** beyond, rule.maxPauseMs);
}

/** The state of one throttle key, as stored. */
export interface ThrottleState {
  failures: number;
  lastFailedAt: Date;
  lockedUntil: Date | null;
}

/**
 * Counts one attempt against a key before its password is checked: refused while the key is
 * paused; otherwise the attempt is admitted and, when it uses up the free tries, pauses the key
 * for the attempts that follow (lifted again if it turns out right).
 */
export function countAttempt(
  state: ThrottleState,
  rule: ThrottleRule,
  now: Date,
): { admitted: false; until: Date } | { admitted: true; next: ThrottleState } {
  if (state.lockedUntil && state.lockedUntil > now)
    return { admitted: false, until: state.lockedUntil };
  const quiet = now.getTime() - state.lastFailedAt.getTime() > loginThrottle.resetAfterMs;
  const failures = (quiet ? 0 : state.failures) + 1;
  const ms = lockDurationMs(failures, rule);
  return {
    admitted: true,
    next: {
      failures,
      lastFailedAt: now,
      lockedUntil: ms > 0 ? new Date(now.getTime() + ms) : null,
    },
  };
}
