package app.spotter.server.plans;

import app.spotter.model.api.PlansApi.NewPlan;
import app.spotter.model.api.PlansApi.Plan;
import app.spotter.model.api.PlansApi.PlanUpdate;
import app.spotter.model.common.Money;
import app.spotter.model.common.PlanId;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.Caller;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.Session;

/** The plans a gym sells. A null caller is the system (demo data): the audit entry then has no actor. */
public final class PlanService {

    private static final int MAX_CREDITS = 1000;
    private static final int MAX_DURATION_DAYS = 3660;

    private final Transactions tx;
    private final PlanRepository plans;
    private final AuditLog audit;
    private final Clock clock;

    public PlanService(Transactions tx, PlanRepository plans, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    public Plan create(Caller caller, NewPlan r) {
        String name = name(r.name());
        if (r.kind() == null) {
            throw ApiException.validation("kind", "Kind is required: one of " + Arrays.toString(PlanKind.values()));
        }
        long price = price(r.priceMinor());
        String currency = currency(r.currency());
        if (r.kind().usesCredits()) {
            if (r.credits() == null) {
                throw ApiException.validation("credits", "A " + r.kind() + " plan needs its number of credits");
            }
            if (r.credits() < 1 || r.credits() > MAX_CREDITS) {
                throw ApiException.validation("credits", "Credits must be between 1 and " + MAX_CREDITS);
            }
        } else if (r.credits() != null) {
            throw ApiException.validation("credits", "Only class packs and drop-ins have credits");
        }
        if (r.kind() == PlanKind.TRIAL && r.durationDays() == null) {
            throw ApiException.validation("durationDays", "A trial needs its length in days");
        }
        if (r.durationDays() != null && (r.durationDays() < 1 || r.durationDays() > MAX_DURATION_DAYS)) {
            throw ApiException.validation("durationDays", "Duration must be between 1 and " + MAX_DURATION_DAYS + " days");
        }
        boolean freeTrial = Boolean.TRUE.equals(r.freeTrial());
        if (freeTrial) {
            requireTrialShape(r.kind(), r.durationDays());
        }
        return tx.inTransaction(session -> {
            if (freeTrial) {
                unmarkFreeTrials(session, caller);
            }
            PlanRecord p = new PlanRecord();
            p.id = UUID.randomUUID();
            p.name = name;
            p.kind = r.kind().name();
            p.priceMinor = price;
            p.currency = currency;
            p.credits = r.credits();
            p.durationDays = r.durationDays();
            p.active = true;
            p.freeTrial = freeTrial;
            p.createdAt = clock.instant();
            plans.insert(session, p);
            Plan view = view(p);
            audit.record(session, caller, "PLAN_CREATED", "Plan", p.id, null, view);
            return view;
        });
    }

    public List<Plan> list() {
        return tx.inTransaction(session -> plans.all(session).stream().map(PlanService::view).toList());
    }

    public Plan update(Caller caller, PlanId id, PlanUpdate r) {
        String name = r.name() == null ? null : name(r.name());
        Long price = r.priceMinor() == null ? null : price(r.priceMinor());
        return tx.inTransaction(session -> {
            PlanRecord p = plans.find(session, id.value());
            if (p == null) {
                throw ApiException.notFound("Plan");
            }
            Plan before = view(p);
            if (name != null) {
                p.name = name;
            }
            if (price != null) {
                p.priceMinor = price;
            }
            if (r.active() != null) {
                p.active = r.active();
            }
            if (r.freeTrial() != null && r.freeTrial() != p.freeTrial) {
                if (r.freeTrial()) {
                    requireTrialShape(PlanKind.valueOf(p.kind), p.durationDays);
                    unmarkFreeTrials(session, caller);
                }
                p.freeTrial = r.freeTrial();
            }
            Plan after = view(p);
            if (!after.equals(before)) {
                audit.record(session, caller, "PLAN_UPDATED", "Plan", p.id, before, after);
            }
            return after;
        });
    }

    public static Plan view(PlanRecord p) {
        return new Plan(new PlanId(p.id), p.name, PlanKind.valueOf(p.kind), Money.of(p.priceMinor, p.currency),
                p.credits, p.durationDays, p.active, p.freeTrial);
    }

    /** A free trial must end: only plans whose period is their length in days can be one. */
    private static void requireTrialShape(PlanKind kind, Integer durationDays) {
        if (kind == PlanKind.RECURRING_MONTHLY || kind == PlanKind.RECURRING_ANNUAL) {
            throw ApiException.validation("freeTrial", "A recurring plan cannot be the free trial; use a TRIAL plan");
        }
        if (durationDays == null) {
            throw ApiException.validation("durationDays", "The free trial needs its length in days");
        }
    }

    /** The gym has one free trial: marking a plan takes the mark off any other, each change audited. */
    private void unmarkFreeTrials(Session session, Caller caller) {
        for (PlanRecord other : plans.markedFreeTrial(session)) {
            Plan before = view(other);
            other.freeTrial = false;
            audit.record(session, caller, "PLAN_UPDATED", "Plan", other.id, before, view(other));
        }
    }

    private static String name(String value) {
        if (value == null || value.isBlank() || value.strip().length() > 200) {
            throw ApiException.validation("name", "A name is required (at most 200 characters)");
        }
        return value.strip();
    }

    static final long MAX_PRICE_MINOR = 100_000_000L;

    private static long price(Long minor) {
        if (minor == null) {
            throw ApiException.validation("priceMinor", "The price in minor units (cents) is required");
        }
        // a plan above a million (minor units 100,000,000) is a typo, not a price
        if (minor < 0 || minor > MAX_PRICE_MINOR) {
            throw ApiException.validation("priceMinor", "The price must be between 0 and " + MAX_PRICE_MINOR
                    + " minor units (1,000,000.00)");
        }
        return minor;
    }

    private static String currency(String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            throw ApiException.validation("currency", "A three-letter ISO 4217 currency code is required, e.g. EUR");
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("currency", "Unknown currency '" + code + "'");
        }
    }
}
