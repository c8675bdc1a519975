/**
 * Memberships: plans, statuses, freezes, and how a membership stands on a given day.
 */
package app.spotter.model.membership;
