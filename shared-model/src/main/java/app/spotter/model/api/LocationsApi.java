package app.spotter.model.api;

import app.spotter.model.common.EquipmentId;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.RoomId;
import java.util.List;

/** Request and response records of {@code /api/v1/locations}. */
public final class LocationsApi {

    private LocationsApi() {
    }

    /** A new club location; {@code timezone} is an Area/City zone id such as Europe/Berlin. */
    public record NewLocation(String name, String timezone) {
    }

    /** A new room; {@code capacity} is optional (a room without a fixed headcount). */
    public record NewRoom(String name, Integer capacity) {
    }

    public record NewEquipment(String name) {
    }

    public record Location(LocationId id, String name, String timezone) {
    }

    public record Room(RoomId id, LocationId locationId, String name, Integer capacity) {
    }

    public record Equipment(EquipmentId id, LocationId locationId, String name) {
    }

    /** A location with its rooms and machines. */
    public record LocationDetail(LocationId id, String name, String timezone, List<Room> rooms, List<Equipment> equipment) {
    }
}
