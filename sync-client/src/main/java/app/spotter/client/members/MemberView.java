package app.spotter.client.members;

import app.spotter.model.common.MemberId;
import app.spotter.model.sync.VersionVector;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A member as the desk shows them: the confirmed profile with pending edits laid over it.
 *
 * @param memberNumber null for a member registered here and not yet confirmed by the server
 * @param pending whether an operation on this member is still waiting for the server
 * @param pendingOpId the last such operation, null when none
 */
public record MemberView(MemberId id, String memberNumber, String firstName, String lastName, String email,
                         String phone, LocalDate dateOfBirth, int cardVersion, VersionVector versionVector,
                         boolean pending, UUID pendingOpId) {
}
