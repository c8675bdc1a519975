package app.spotter.model.api;

import app.spotter.model.common.EquipmentId;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.RoomId;
import app.spotter.model.common.SessionId;
import app.spotter.model.common.SlotId;
import app.spotter.model.common.UserId;
import app.spotter.model.schedule.SessionKind;
import app.spotter.model.schedule.SlotStatus;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response records of {@code /api/v1/sessions} and {@code /api/v1/slots}. */
public final class ScheduleApi {

    private ScheduleApi() {
    }

    /**
     * A new class, personal-training or equipment offering. The trainer defaults to the calling
     * trainer; capacity defaults to 1 for personal training and equipment.
     */
    public record NewSession(SessionKind kind, String title, String description, LocationId locationId, RoomId roomId,
                             UserId trainerId, EquipmentId equipmentId, Integer capacity) {
    }

    /** What may change on a session; null leaves a part as it is. A capacity applies to its future slots. */
    public record SessionUpdate(String title, String description, Integer capacity) {
    }

    public record SessionView(SessionId id, SessionKind kind, String title, String description, LocationId locationId,
                              RoomId roomId, UserId trainerId, EquipmentId equipmentId, int capacity, String zoneId) {
    }

    /** A session with its slots. */
    public record SessionDetail(SessionView session, List<SlotView> slots) {
    }

    /**
     * New slots of a session: either one occurrence ({@code startsAt}, {@code endsAt}; ISO-8601, a
     * time without offset is read in the location's zone) or a weekly recurrence.
     */
    public record NewSlots(String startsAt, String endsAt, Weekly weekly, Integer capacity) {
    }

    /** Every {@code dayOfWeek} at local {@code startTime} in the location's zone, from and until inclusive. */
    public record Weekly(DayOfWeek dayOfWeek, LocalTime startTime, Integer durationMinutes, LocalDate from,
                         LocalDate until) {
    }

    /** One occurrence as members and staff see it, times in the response zone. */
    public record SlotView(SlotId id, SessionId sessionId, String title, SessionKind kind, LocationId locationId,
                           UserId trainerId, EquipmentId equipmentId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                           String zoneId, SlotStatus status, int capacity, int seatsTaken, int seatsLeft,
                           int waitlisted) {
    }
}
