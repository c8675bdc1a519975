package app.spotter.server.locations;

import app.spotter.model.api.LocationsApi.Equipment;
import app.spotter.model.api.LocationsApi.Location;
import app.spotter.model.api.LocationsApi.LocationDetail;
import app.spotter.model.api.LocationsApi.NewEquipment;
import app.spotter.model.api.LocationsApi.NewLocation;
import app.spotter.model.api.LocationsApi.NewRoom;
import app.spotter.model.api.LocationsApi.Room;
import app.spotter.model.common.EquipmentId;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.RoomId;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.AuthService;
import app.spotter.server.auth.Caller;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Club locations with the zone their schedule lives in, their rooms and machines. A null caller
 * is the system (demo data, bootstrap): the audit entry then has no actor.
 */
public final class LocationService {

    private final Transactions tx;
    private final LocationRepository locations;
    private final AuditLog audit;
    private final Clock clock;

    public LocationService(Transactions tx, LocationRepository locations, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.locations = locations;
        this.audit = audit;
        this.clock = clock;
    }

    public Location create(Caller caller, NewLocation r) {
        String name = name("name", r.name());
        ZoneId zone = AuthService.parseZone("timezone", r.timezone());
        if (zone == null) {
            throw ApiException.validation("timezone", "The location's time zone is required (an Area/City id such as Europe/Berlin)");
        }
        return tx.inTransaction(session -> {
            LocationRecord l = new LocationRecord();
            l.id = UUID.randomUUID();
            l.name = name;
            l.zoneId = zone.getId();
            l.createdAt = clock.instant();
            locations.insert(session, l);
            Location view = view(l);
            audit.record(session, caller, "LOCATION_CREATED", "Location", l.id, null, view);
            return view;
        });
    }

    public List<Location> list() {
        return tx.inTransaction(session -> locations.all(session).stream().map(LocationService::view).toList());
    }

    public LocationDetail get(LocationId id) {
        return tx.inTransaction(session -> {
            LocationRecord l = require(session, id);
            return new LocationDetail(new LocationId(l.id), l.name, l.zoneId,
                    locations.rooms(session, l.id).stream().map(LocationService::view).toList(),
                    locations.equipment(session, l.id).stream().map(LocationService::view).toList());
        });
    }

    public Room addRoom(Caller caller, LocationId locationId, NewRoom r) {
        String name = name("name", r.name());
        if (r.capacity() != null && (r.capacity() < 1 || r.capacity() > 10_000)) {
            throw ApiException.validation("capacity", "Capacity must be between 1 and 10000");
        }
        return tx.inTransaction(session -> {
            LocationRecord l = require(session, locationId);
            RoomRecord room = new RoomRecord();
            room.id = UUID.randomUUID();
            room.locationId = l.id;
            room.name = name;
            room.capacity = r.capacity();
            locations.insert(session, room);
            Room view = view(room);
            audit.record(session, caller, "ROOM_CREATED", "Room", room.id, null, view);
            return view;
        });
    }

    public Equipment addEquipment(Caller caller, LocationId locationId, NewEquipment r) {
        String name = name("name", r.name());
        return tx.inTransaction(session -> {
            LocationRecord l = require(session, locationId);
            EquipmentRecord e = new EquipmentRecord();
            e.id = UUID.randomUUID();
            e.locationId = l.id;
            e.name = name;
            locations.insert(session, e);
            Equipment view = view(e);
            audit.record(session, caller, "EQUIPMENT_CREATED", "Equipment", e.id, null, view);
            return view;
        });
    }

    private LocationRecord require(Session session, LocationId id) {
        LocationRecord l = locations.find(session, id.value());
        if (l == null) {
            throw ApiException.notFound("Location");
        }
        return l;
    }

    private static String name(String field, String value) {
        if (value == null || value.isBlank() || value.strip().length() > 200) {
            throw ApiException.validation(field, "A name is required (at most 200 characters)");
        }
        return value.strip();
    }

    private static Location view(LocationRecord l) {
        return new Location(new LocationId(l.id), l.name, l.zoneId);
    }

    private static Room view(RoomRecord r) {
        return new Room(new RoomId(r.id), new LocationId(r.locationId), r.name, r.capacity);
    }

    private static Equipment view(EquipmentRecord e) {
        return new Equipment(new EquipmentId(e.id), new LocationId(e.locationId), e.name);
    }
}
