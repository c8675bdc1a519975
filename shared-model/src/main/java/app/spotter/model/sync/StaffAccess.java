package app.spotter.model.sync;

import java.util.UUID;

/**
 * Whether a staff account may still log in, as a desk learns it at each sync: a desk that cached a
 * staff login for outages drops it once the account is deactivated. No e-mail, name or hash.
 *
 * @param userId the staff account
 * @param active false once the account was deactivated
 */
public record StaffAccess(UUID userId, boolean active) {
}
