package app.spotter.model.api;

import app.spotter.model.common.Money;
import app.spotter.model.common.PlanId;
import app.spotter.model.membership.PlanKind;

/** Request and response records of {@code /api/v1/plans}. */
public final class PlansApi {

    private PlansApi() {
    }

    /**
     * A new plan. {@code credits} is required for CLASS_PACK and DROP_IN and refused otherwise;
     * {@code durationDays} is required for TRIAL, optional for packs (their validity), and unused by
     * recurring plans, whose period is a calendar month or year. {@code freeTrial} marks the plan as
     * the gym's free trial: public registration puts a new member on it for {@code durationDays}
     * (required then), once per person; at most one plan is the free trial (marking one unmarks the others).
     */
    public record NewPlan(String name, PlanKind kind, Long priceMinor, String currency, Integer credits,
                          Integer durationDays, Boolean freeTrial) {
    }

    /** A partial edit of a plan: a null field stays as it is. */
    public record PlanUpdate(String name, Long priceMinor, Boolean active, Boolean freeTrial) {
    }

    /** A plan; {@code freeTrial} when public registration puts new members on it (see {@link NewPlan}). */
    public record Plan(PlanId id, String name, PlanKind kind, Money price, Integer credits, Integer durationDays,
                       boolean active, boolean freeTrial) {
    }
}
