package app.spotter.client.members;

import java.time.Instant;

/** One entry of a member's attendance: a decision at the door, confirmed or recorded here and pending. */
public record Visit(Instant at, boolean admitted, String reason, String method, boolean pending) {
}
