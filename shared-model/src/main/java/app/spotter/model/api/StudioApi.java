package app.spotter.model.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Records of the fitness-studio API (the Django seed): paths under {@code /api/} with trailing
 * slashes, snake_case JSON. Field names are the seed's; the server maps them onto the gym domain
 * (instructor = TRAINER, client = MEMBER, session = a class offering, time slot = an occurrence).
 */
public final class StudioApi {

    private StudioApi() {
    }

    /** {@code role} is "instructor" or "client"; {@code timezone} an Area/City id (default: the studio's). */
    public record RegisterRequest(String email, String password, String name, String role, String timezone) {
    }

    /**
     * The answer to a registration. A client is logged in at once ({@code status} "active", with
     * tokens); an instructor waits for a manager's approval ({@code status} "pending_approval", HTTP
     * 202, no tokens) and can log in only once approved.
     */
    public record RegisteredUser(UUID id, String email, String name, String role, String timezone, String status,
                                 String access, String refresh) {
    }

    public record LoginRequest(String email, String password) {
    }

    public record RefreshRequest(String refresh) {
    }

    public record Tokens(String access, String refresh) {
    }

    /**
     * A slot to create: ISO-8601 times; a time without an offset is in the studio's zone.
     * On update, a slot with an {@code id} changes that slot; one without is added.
     */
    public record TimeSlotInput(UUID id, String startTime, String endTime, Integer capacity) {
    }

    public record SessionInput(String title, String description, List<TimeSlotInput> timeSlots) {
    }

    public record Instructor(UUID id, String name) {
    }

    public record Client(UUID id, String name, String email) {
    }

    /** A booking as the owning instructor sees it on a slot. */
    public record SlotBooking(UUID id, Client client, String status, OffsetDateTime bookedAt) {
    }

    /** A slot with its seat counts; {@code bookings} only in the owning instructor's view, else null. */
    public record TimeSlot(UUID id, OffsetDateTime startTime, OffsetDateTime endTime, int capacity, int bookedSeats,
                           int availableSeats, boolean isFull, List<SlotBooking> bookings) {
    }

    public record Session(UUID id, String title, String description, Instructor instructor, List<TimeSlot> timeSlots) {
    }

    public record BookingRequest(UUID timeSlotId) {
    }

    public record Booking(UUID id, UUID timeSlotId, String sessionTitle, OffsetDateTime startTime,
                          OffsetDateTime endTime, String status, OffsetDateTime bookedAt) {
    }

    public record MyBookings(List<Booking> upcoming, List<Booking> past) {
    }
}
