package app.spotter.client.checkin;

import app.spotter.model.common.MemberId;
import java.time.Instant;

/** A member let in: confirmed as pulled, or recorded here and still {@code pending}. */
public record Admission(MemberId memberId, Instant at, boolean pending) {
}
