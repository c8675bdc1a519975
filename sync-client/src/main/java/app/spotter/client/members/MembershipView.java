package app.spotter.client.members;

import app.spotter.model.membership.FreezePeriod;
import app.spotter.model.membership.MembershipSnapshot;
import app.spotter.model.membership.Standing;
import java.util.Optional;

/**
 * A membership on the member pane: the snapshot the shared rules use, its plan's name, how it
 * stands today and the freeze covering today (what "unfreeze" would end).
 *
 * @param pending assigned or frozen/unfrozen here and not yet confirmed by the server
 */
public record MembershipView(MembershipSnapshot snapshot, String planName, Standing standingToday,
                             Optional<FreezePeriod> freezeToday, boolean pending) {
}
