package app.spotter.model.checkin;

import app.spotter.model.common.MemberId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a verified member-card QR code says.
 *
 * @param member the member the card was issued to
 * @param cardVersion the card's version; raised when a card is reissued, which revokes the
 *     older ones
 * @param issuedAt when the card was issued, to the second
 */
public record MemberCard(MemberId member, int cardVersion, Instant issuedAt) {

    /**
     * Validates the card.
     *
     * @throws IllegalArgumentException if the version is negative
     */
    public MemberCard {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (cardVersion < 0) {
            throw new IllegalArgumentException("cardVersion must not be negative: " + cardVersion);
        }
    }

    /**
     * Whether this is the member's current card; an older version was revoked by reissuing
     * and is refused with {@link CheckInReason#QR_REVOKED}.
     */
    public boolean isCurrent(int currentCardVersion) {
        return cardVersion == currentCardVersion;
    }
}
