package app.spotter.model.api;

import app.spotter.model.common.BookingId;
import app.spotter.model.common.CheckInId;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import app.spotter.model.sync.VersionVector;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response records of {@code /api/v1/members}. */
public final class MembersApi {

    private MembersApi() {
    }

    /** A member registered at the desk. Only the names are required. */
    public record NewMember(String firstName, String lastName, String email, String phone, LocalDate dateOfBirth,
                            LocationId homeLocationId, String healthNotes) {
    }

    /**
     * A partial edit: a null field stays as it is; an empty string clears an optional text field
     * (e-mail, phone, health notes).
     */
    public record MemberUpdate(String firstName, String lastName, String email, String phone, LocalDate dateOfBirth,
                               LocationId homeLocationId, String healthNotes) {
    }

    /**
     * A member's profile. {@code healthNotes} is null for callers without the HEALTH_NOTES permission;
     * {@code versionVector} grows with every change, for the desks' sync.
     */
    public record Member(MemberId id, String memberNumber, String firstName, String lastName, String email,
                         String phone, LocalDate dateOfBirth, LocationId homeLocationId, String healthNotes,
                         boolean pinSet, VersionVector versionVector, OffsetDateTime createdAt,
                         OffsetDateTime updatedAt) {
    }

    /** One row of a member search. */
    public record MemberSummary(MemberId id, String memberNumber, String firstName, String lastName, String email,
                                String phone) {
    }

    /** A new PIN for the kiosk: 4 to 8 digits. */
    public record PinRequest(String pin) {
    }

    /** A visit at the desk, kiosk or scanner, admitted or not. */
    public record CheckInEntry(CheckInId id, OffsetDateTime at, LocationId locationId, String method, boolean admitted,
                               String reason) {
    }

    /** A booking with its slot's title and time. */
    public record BookingEntry(BookingId id, SlotId slotId, String title, OffsetDateTime startsAt,
                               OffsetDateTime endsAt, String status) {
    }

    /** A member's check-ins and bookings, newest first. */
    public record Attendance(MemberId memberId, List<CheckInEntry> checkIns, List<BookingEntry> bookings) {
    }

    /**
     * A member's health notes for a desk: asked with the device's token on behalf of the staff
     * member logged in there, who must hold HEALTH_NOTES; never cached by the desk.
     *
     * @param healthNotes null when the member has none
     */
    public record HealthNotesView(MemberId memberId, String healthNotes) {
    }
}
