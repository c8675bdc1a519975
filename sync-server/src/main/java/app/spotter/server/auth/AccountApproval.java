package app.spotter.server.auth;

/**
 * Whether a login may be used yet. Accounts made by staff, demo data or member sign-up are
 * APPROVED; an instructor who registered through the public studio API is PENDING (and inactive,
 * so no token, staff list or desk treats it as staff) until someone with STAFF_MANAGE approves or
 * rejects it.
 */
public enum AccountApproval {
    APPROVED, PENDING, REJECTED
}
