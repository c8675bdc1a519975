package app.spotter.client.members;

import app.spotter.model.common.PlanId;
import app.spotter.model.membership.PlanKind;

/** A plan a member can be signed up on at the counter, as pulled from the server. */
public record PlanChoice(PlanId id, String name, PlanKind kind, Integer credits) {
}
