package app.spotter.server.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.model.api.AuthApi.TokenPair;
import app.spotter.model.sync.VersionVector;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.ServerTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MembersApiTest extends ServerTest {

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Response register(String token, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", "Grace");
        body.put("lastName", "Hopper-" + unique());
        body.putAll(extra);
        return api.post("/api/v1/members", body, token);
    }

    private String rawColumn(String memberId, String column) {
        try (Connection c = server.app().database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select " + column + " from member where id = ?")) {
            s.setObject(1, UUID.fromString(memberId));
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, String>> auditOf(String memberId) {
        try (Connection c = server.app().database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select action, actor_role, before_json, after_json from audit_entry where entity_id = ? order by at")) {
            s.setString(1, memberId);
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new HashMap<>();
                    row.put("action", rs.getString(1));
                    row.put("actorRole", rs.getString(2));
                    row.put("before", rs.getString(3));
                    row.put("after", rs.getString(4));
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void frontDeskRegistersAMemberAndGetsAMemberNumber() {
        Response r = register(server.login(Role.FRONT_DESK), Map.of("email", "Grace.H@Example.com", "phone", "+1 555 0100",
                "dateOfBirth", "1990-12-09"));
        assertEquals(201, r.status(), r.toString());
        assertTrue(r.text("memberNumber").matches("M\\d{6}"), r.toString());
        assertEquals("grace.h@example.com", r.text("email"));
        assertEquals("1990-12-09", r.text("dateOfBirth"));
        assertEquals("server=1", r.text("versionVector"));
        assertFalse(r.body().get("pinSet").asBoolean());
    }

    @Test
    void aMemberNeedsAFirstName() {
        Response r = api.post("/api/v1/members", Map.of("lastName", "Nameless"), server.login(Role.FRONT_DESK));
        assertEquals(400, r.status());
        assertEquals("VALIDATION_FAILED", r.code());
        assertEquals("firstName", r.text("field"));
    }

    @Test
    void searchFindsByNameFragmentPhoneAndMemberNumber() {
        String desk = server.login(Role.FRONT_DESK);
        String tag = unique();
        String phone = "+49 30 " + (1000000 + (int) (Math.random() * 8_000_000));
        Response created = api.post("/api/v1/members", Map.of("firstName", "Ludwig", "lastName", "Beet" + tag,
                "phone", phone), desk);
        assertEquals(201, created.status(), created.toString());
        String id = created.text("id");

        for (String q : List.of("beet" + tag.substring(0, 5), phone.substring(7), created.text("memberNumber"))) {
            Response found = api.get("/api/v1/members?q=" + q.replace(" ", "%20") + "&limit=5", desk);
            assertEquals(200, found.status(), found.toString());
            assertEquals(1, found.body().size(), q + " -> " + found);
            assertEquals(id, found.body().get(0).get("id").asText(), q);
        }
        Response none = api.get("/api/v1/members?q=zz-nobody-" + tag, desk);
        assertEquals(0, none.body().size());
    }

    @Test
    void aSearchLimitOutOfRangeIsRefused() {
        Response r = api.get("/api/v1/members?q=a&limit=1000", server.login(Role.FRONT_DESK));
        assertEquals(400, r.status());
        assertEquals("limit", r.text("field"));
    }

    @Test
    void editingChangesOnlyTheGivenFieldsAndGrowsTheVersionVector() {
        String desk = server.login(Role.FRONT_DESK);
        Response created = register(desk, Map.of("email", "before-" + unique() + "@example.com", "phone", "+1 555 0111"));
        String id = created.text("id");
        VersionVector v1 = VersionVector.parse(created.text("versionVector"));

        Response edited = api.put("/api/v1/members/" + id, Map.of("phone", "+1 555 0199"), desk);
        assertEquals(200, edited.status(), edited.toString());
        assertEquals("+1 555 0199", edited.text("phone"));
        assertEquals(created.text("email"), edited.text("email"));
        assertEquals(created.text("lastName"), edited.text("lastName"));
        VersionVector v2 = VersionVector.parse(edited.text("versionVector"));
        assertEquals(v1.get("server") + 1, v2.get("server"));

        Response again = api.put("/api/v1/members/" + id, Map.of("firstName", "Amazing Grace"), desk);
        assertEquals(v2.get("server") + 1, VersionVector.parse(again.text("versionVector")).get("server"));
        Response read = api.get("/api/v1/members/" + id, desk);
        assertEquals("Amazing Grace", read.text("firstName"));
        assertEquals("+1 555 0199", read.text("phone"));
    }

    @Test
    void anEditWithNothingNewLeavesTheVersionAlone() {
        String desk = server.login(Role.FRONT_DESK);
        Response created = register(desk, Map.of());
        Response same = api.put("/api/v1/members/" + created.text("id"), Map.of("firstName", "Grace"), desk);
        assertEquals(200, same.status());
        assertEquals(created.text("versionVector"), same.text("versionVector"));
    }

    @Test
    void aMemberEditWritesAnAuditEntryWithoutHealthNotes() {
        String manager = server.login(Role.MANAGER);
        String id = register(manager, Map.of("healthNotes", "secret asthma")).text("id");
        assertEquals(200, api.put("/api/v1/members/" + id, Map.of("lastName", "Audited", "healthNotes", "secret knee"),
                manager).status());

        List<Map<String, String>> entries = auditOf(id);
        assertEquals(List.of("MEMBER_REGISTERED", "MEMBER_UPDATED"), entries.stream().map(e -> e.get("action")).toList());
        Map<String, String> update = entries.get(1);
        assertEquals("MANAGER", update.get("actorRole"));
        assertTrue(update.get("before").contains("Hopper-"), update.toString());
        assertTrue(update.get("after").contains("\"lastName\":\"Audited\""), update.toString());
        for (Map<String, String> e : entries) {
            assertFalse(String.valueOf(e.get("after")).contains("secret"), e.toString());
            assertFalse(String.valueOf(e.get("before")).contains("secret"), e.toString());
        }
    }

    @Test
    void healthNotesAreHiddenFromFrontDeskAndShownToManagersAndTheirOwnTrainers() {
        String id = register(server.login(Role.MANAGER), Map.of("healthNotes", "Bad left knee")).text("id");
        Response desk = api.get("/api/v1/members/" + id, server.login(Role.FRONT_DESK));
        assertEquals(200, desk.status());
        assertTrue(desk.body().get("healthNotes").isNull(), desk.toString());
        // a trainer sees only the members booked into their own classes (MemberVisibilityApiTest)
        assertEquals(404, api.get("/api/v1/members/" + id, server.login(Role.TRAINER)).status());
        assertEquals("Bad left knee", api.get("/api/v1/members/" + id, server.login(Role.MANAGER)).text("healthNotes"));
    }

    @Test
    void frontDeskCannotWriteHealthNotes() {
        String desk = server.login(Role.FRONT_DESK);
        Response onCreate = register(desk, Map.of("healthNotes", "diabetic"));
        assertEquals(403, onCreate.status());
        assertEquals("healthNotes", onCreate.text("field"));
        String id = register(desk, Map.of()).text("id");
        Response onEdit = api.put("/api/v1/members/" + id, Map.of("healthNotes", "diabetic"), desk);
        assertEquals(403, onEdit.status());
        assertNull(rawColumn(id, "health_notes_enc"));
    }

    @Test
    void healthNotesAreEncryptedAtRest() {
        String id = register(server.login(Role.MANAGER), Map.of("healthNotes", "Pacemaker fitted 2021")).text("id");
        String stored = rawColumn(id, "health_notes_enc");
        assertNotNull(stored);
        assertFalse(stored.contains("Pacemaker"), stored);
        assertTrue(stored.startsWith("v1:"), "names its key: " + stored);
        assertFalse(new String(java.util.Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1)),
                java.nio.charset.StandardCharsets.UTF_8).contains("Pacemaker"));
        assertTrue(stored.length() > 16, stored);
    }

    @Test
    void theCipherRoundTripsUsesAFreshIvAndRefusesAnotherKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        HealthNotesCipher cipher = new HealthNotesCipher(key);
        String once = cipher.encrypt("Allergic to latex – ünïcode");
        assertEquals("Allergic to latex – ünïcode", cipher.decrypt(once));
        assertFalse(once.equals(cipher.encrypt("Allergic to latex – ünïcode")), "same IV twice");
        byte[] other = key.clone();
        other[0] ^= 1;
        assertThrows(IllegalStateException.class, () -> new HealthNotesCipher(other).decrypt(once));
    }

    @Test
    void aMemberReadsTheirOwnProfileButNotAnothers() {
        TokenPair me = server.account(Role.MEMBER);
        String myId = api.get("/api/v1/me", me.accessToken()).text("memberId");
        Response mine = api.get("/api/v1/members/" + myId, me.accessToken());
        assertEquals(200, mine.status(), mine.toString());
        assertTrue(mine.body().get("healthNotes").isNull());
        String otherId = register(server.login(Role.FRONT_DESK), Map.of()).text("id");
        Response theirs = api.get("/api/v1/members/" + otherId, me.accessToken());
        assertEquals(403, theirs.status());
        assertEquals(403, api.get("/api/v1/members/" + otherId + "/attendance", me.accessToken()).status());
        assertEquals(200, api.get("/api/v1/members/" + myId + "/attendance", me.accessToken()).status());
    }

    @Test
    void anUnknownMemberIsNotFound() {
        Response r = api.get("/api/v1/members/" + UUID.randomUUID(), server.login(Role.FRONT_DESK));
        assertEquals(404, r.status());
        assertEquals("NOT_FOUND", r.code());
        assertEquals(400, api.get("/api/v1/members/not-a-uuid", server.login(Role.FRONT_DESK)).status());
    }

    @Test
    void aPinMustBeFourToEightDigits() {
        String desk = server.login(Role.FRONT_DESK);
        String id = register(desk, Map.of()).text("id");
        for (String bad : List.of("123", "123456789", "12a4", "")) {
            Response r = api.put("/api/v1/members/" + id + "/pin", Map.of("pin", bad), desk);
            assertEquals(400, r.status(), bad);
            assertEquals("pin", r.text("field"), bad);
        }
        assertNull(rawColumn(id, "pin_hash"));
    }

    @Test
    void aPinIsStoredAsArgon2idAndLiftsTheLock() {
        String desk = server.login(Role.FRONT_DESK);
        String id = register(desk, Map.of()).text("id");
        try (Connection c = server.app().database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "update member set pin_failed_attempts = 5, pin_locked_until = current_timestamp where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Response r = api.put("/api/v1/members/" + id + "/pin", Map.of("pin", "482916"), desk);
        assertEquals(204, r.status(), r.toString());
        String hash = rawColumn(id, "pin_hash");
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertTrue(server.app().services().hasher().matches("482916", hash));
        assertEquals("0", rawColumn(id, "pin_failed_attempts"), "the failed attempts were 5 before");
        assertNull(rawColumn(id, "pin_locked_until"));
        assertTrue(api.get("/api/v1/members/" + id, desk).body().get("pinSet").asBoolean());
    }

    @Test
    void aMemberSetsTheirOwnPinButNotAnothers() {
        TokenPair me = server.account(Role.MEMBER);
        String myId = api.get("/api/v1/me", me.accessToken()).text("memberId");
        assertEquals(204, api.put("/api/v1/members/" + myId + "/pin", Map.of("pin", "1234"), me.accessToken()).status());
        String otherId = register(server.login(Role.FRONT_DESK), Map.of()).text("id");
        Response r = api.put("/api/v1/members/" + otherId + "/pin", Map.of("pin", "1234"), me.accessToken());
        assertEquals(403, r.status());
    }

    @Test
    void anUnknownFieldIsRefused() {
        Response r = api.post("/api/v1/members", Map.of("firstName", "A", "lastName", "B", "shoeSize", 44),
                server.login(Role.FRONT_DESK));
        assertEquals(400, r.status());
        assertEquals("UNKNOWN_FIELD", r.code());
        assertEquals("shoeSize", r.text("field"));
    }

    @Test
    void aWrongTypeNamesTheField() {
        Response r = api.post("/api/v1/members", Map.of("firstName", "A", "lastName", "B", "dateOfBirth", "yesterday"),
                server.login(Role.FRONT_DESK));
        assertEquals(400, r.status());
        assertEquals("VALIDATION_FAILED", r.code());
        assertEquals("dateOfBirth", r.text("field"));
        Response id = api.post("/api/v1/members", Map.of("firstName", "A", "lastName", "B", "homeLocationId", 12),
                server.login(Role.FRONT_DESK));
        assertEquals(400, id.status(), id.toString());
        assertEquals("homeLocationId", id.text("field"));
    }

    @Test
    void aMalformedBodyIsA400() {
        Response r = api.post("/api/v1/members", "{\"firstName\": ", server.login(Role.FRONT_DESK));
        assertEquals(400, r.status());
        assertEquals("MALFORMED_JSON", r.code());
    }

    private void sql(String statement, Object... args) {
        try (Connection c = server.app().database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void attendanceListsCheckInsAndBookingsNewestFirstInTheStudiosZone() {
        String manager = server.login(Role.MANAGER);
        String location = api.post("/api/v1/locations", Map.of("name", "Attendance Club", "timezone", "Asia/Kolkata"), manager)
                .text("id");
        String member = register(manager, Map.of()).text("id");
        UUID loc = UUID.fromString(location);
        UUID mem = UUID.fromString(member);
        UUID session = UUID.randomUUID();
        sql("insert into gym_session (id, kind, title, location_id, default_capacity, created_at) values (?, 'CLASS', 'Sunrise Yoga', ?, 10, current_timestamp)",
                session, loc);
        java.time.OffsetDateTime early = java.time.OffsetDateTime.parse("2026-03-02T01:30:00Z");
        java.time.OffsetDateTime late = java.time.OffsetDateTime.parse("2026-03-09T01:30:00Z");
        for (java.time.OffsetDateTime start : List.of(early, late)) {
            UUID slot = UUID.randomUUID();
            sql("insert into time_slot (id, session_id, starts_at, ends_at, zone_id, capacity, status, created_at) values (?, ?, ?, ?, 'Asia/Kolkata', 10, 'SCHEDULED', current_timestamp)",
                    slot, session, start, start.plusHours(1));
            sql("insert into booking (id, slot_id, member_id, active_member_id, status, starts_at, ends_at, created_at) values (?, ?, ?, ?, 'BOOKED', ?, ?, current_timestamp)",
                    UUID.randomUUID(), slot, mem, mem, start, start.plusHours(1));
            sql("insert into check_in (id, member_id, location_id, method, admitted, reason, decided_at) values (?, ?, ?, 'QR', true, 'ADMITTED', ?)",
                    UUID.randomUUID(), mem, loc, start.minusMinutes(10));
        }

        Response r = api.get("/api/v1/members/" + member + "/attendance", server.login(Role.FRONT_DESK));
        assertEquals(200, r.status(), r.toString());
        assertEquals(2, r.body().get("bookings").size(), r.toString());
        var newest = r.body().get("bookings").get(0);
        assertEquals("Sunrise Yoga", newest.get("title").asText());
        assertEquals("2026-03-09T07:00:00+05:30", newest.get("startsAt").asText());
        assertEquals("2026-03-02T07:00:00+05:30", r.body().get("bookings").get(1).get("startsAt").asText());
        assertEquals(2, r.body().get("checkIns").size());
        assertEquals("2026-03-09T06:50:00+05:30", r.body().get("checkIns").get(0).get("at").asText());
        assertEquals("QR", r.body().get("checkIns").get(0).get("method").asText());

        Response inBerlin = api.get("/api/v1/members/" + member + "/attendance?tz=Europe/Berlin", server.login(Role.FRONT_DESK));
        assertEquals("2026-03-09T02:30:00+01:00", inBerlin.body().get("bookings").get(0).get("startsAt").asText());
    }
}
