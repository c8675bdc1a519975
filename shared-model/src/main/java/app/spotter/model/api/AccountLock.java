package app.spotter.model.api;

import java.time.Instant;

/**
 * The password-guessing state of a login, as an admin sees it after lifting a lockout
 * ({@code POST /api/v1/staff/{id}/unlock}).
 *
 * @param accountId      the login
 * @param locked         whether logins are refused until {@code lockedUntil} (false after an unlock)
 * @param lockedUntil    when a lockout ends by itself; null when not locked
 * @param failedAttempts wrong passwords in a row that still count towards the next delay
 */
public record AccountLock(String accountId, boolean locked, Instant lockedUntil, int failedAttempts) {
}
