package app.spotter.server.sync.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.model.common.DeviceId;
import app.spotter.server.SpotterApp;
import app.spotter.server.auth.AccessTokens;
import app.spotter.server.db.Transactions;
import app.spotter.server.devices.DeviceRecord;
import app.spotter.server.locations.RoomRecord;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.GymFixtures.Member;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The commit-ordered change feed over HTTP: pull, snapshot, retention and the poke stream. */
class ChangeFeedApiTest extends ServerTest {

    // ------------------------------------------------------------------ fixtures

    private GymFixtures gym() {
        return new GymFixtures(server);
    }

    private static Transactions tx() {
        return server.app().services().tx();
    }

    private static ChangeFeedService feed() {
        return server.app().services().feed();
    }

    /** An enrolled device of the location and its device token, made directly (no pairing). */
    private static String device(UUID locationId) {
        DeviceRecord d = new DeviceRecord();
        d.id = UUID.randomUUID();
        d.name = "Desk " + d.id.toString().substring(0, 6);
        d.kind = "DESK";
        d.locationId = locationId;
        d.secretHash = "not-used-by-these-tests";
        d.enrolledAt = Instant.now();
        tx().run(s -> s.persist(d));
        return new AccessTokens(server.secrets().jwtSecret(), Clock.systemUTC()).issueDevice(new DeviceId(d.id));
    }

    private UUID member() {
        MemberRecord m = new MemberRecord();
        m.id = UUID.randomUUID();
        m.memberNumber = "F" + m.id.toString().substring(0, 8);
        m.firstName = "Feed";
        m.lastName = "Member";
        m.createdAt = Instant.now();
        m.updatedAt = m.createdAt;
        tx().run(s -> s.persist(m));
        return m.id;
    }

    private static void setPhone(Transactions tx, UUID member, String phone) {
        tx.run(s -> s.find(MemberRecord.class, member).phone = phone);
    }

    private static Response pull(String device, long after, int limit) {
        Response r = api.get("/api/v1/sync/pull?after=" + after + "&limit=" + limit, device);
        assertEquals(200, r.status(), r.toString());
        return r;
    }

    /** Every change after the cursor, page by page; checks positions grow and cursors never go back. */
    private static List<JsonNode> pullAll(String device, long after) {
        List<JsonNode> all = new ArrayList<>();
        long cursor = after;
        for (int page = 0; page < 1000; page++) {
            Response r = pull(device, cursor, 500);
            assertFalse(r.body().get("resetRequired").asBoolean(), r.toString());
            for (JsonNode c : r.body().get("changes")) {
                long position = c.get("position").asLong();
                assertTrue(position > cursor, "position " + position + " after cursor " + cursor);
                all.add(c);
            }
            long next = r.body().get("cursor").asLong();
            assertTrue(next >= cursor, "the cursor went back from " + cursor + " to " + next);
            cursor = next;
            if (!r.body().get("hasMore").asBoolean()) {
                return all;
            }
        }
        throw new AssertionError("the feed never ended");
    }

    private static List<JsonNode> of(List<JsonNode> changes, String type, Object id) {
        return changes.stream().filter(c -> c.get("entityType").asText().equals(type)
                && c.get("entityId").asText().equals(id.toString())).toList();
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
    }

    private String column(String sql, Object param) {
        try (Connection c = server.app().database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String v = rs.getString(1);
                c.rollback();
                return v;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RoomRecord room(UUID location) {
        RoomRecord r = new RoomRecord();
        r.id = UUID.randomUUID();
        r.locationId = location;
        r.name = "Room " + r.id.toString().substring(0, 4);
        r.capacity = 12;
        tx().run(s -> s.persist(r));
        return r;
    }

    // ------------------------------------------------------------------ tests

    @Test
    void aBookingMadeThroughTheApiShowsUpInTheDevicePull() {
        GymFixtures gym = gym();
        String manager = server.login(Role.MANAGER);
        UUID location = gym.location("Europe/Berlin");
        UUID slot = gym.slot(manager, gym.classSession(manager, location, 5), inDays(2), 60);
        Member member = gym.memberWithUnlimitedPlan();
        String desk = device(location);
        long before = feed().position();

        Response booked = api.post("/api/v1/bookings", Map.of("slotId", slot), member.token());
        assertEquals(201, booked.status(), booked.toString());

        List<JsonNode> changes = pullAll(desk, before);
        List<JsonNode> booking = of(changes, "booking", booked.text("id"));
        assertEquals(1, booking.size(), changes.toString());
        assertEquals("UPSERT", booking.getFirst().get("kind").asText());
        JsonNode data = booking.getFirst().get("data");
        assertEquals("BOOKED", data.get("status").asText());
        assertEquals(slot.toString(), data.get("slotId").asText());
        assertEquals(member.memberId().toString(), data.get("memberId").asText());
        // the seat counter of the slot moved in the same transaction
        List<JsonNode> slotChanges = of(changes, "slot", slot);
        assertEquals(1, slotChanges.size(), changes.toString());
        assertEquals(1, slotChanges.getFirst().get("data").get("seatsTaken").asInt());
    }

    @Test
    void aPartRolledBackToItsSavepointLeavesNothingInTheFeedOrTheTables() {
        UUID kept = member();
        UUID later = member();
        String desk = device(gym().location("Europe/Berlin"));
        long before = feed().position();
        MemberRecord undone = new MemberRecord();
        undone.id = UUID.randomUUID();
        undone.memberNumber = "U" + undone.id.toString().substring(0, 8);
        undone.firstName = "Undone";
        undone.lastName = "Member";
        undone.createdAt = Instant.now();
        undone.updatedAt = undone.createdAt;

        tx().run(s -> {
            s.find(MemberRecord.class, kept).phone = "kept";
            Transactions.Savepoint savepoint = tx().savepoint(s);
            s.find(MemberRecord.class, kept).phone = "undone";
            s.persist(undone);
            s.flush();
            tx().rollbackTo(s, savepoint);
            s.find(MemberRecord.class, later).phone = "after";
        });

        assertEquals("kept", tx().inTransaction(s -> s.find(MemberRecord.class, kept).phone));
        assertNull(tx().inTransaction(s -> s.find(MemberRecord.class, undone.id)));
        List<JsonNode> changes = pullAll(desk, before);
        List<JsonNode> keptChanges = of(changes, "member", kept);
        assertEquals(1, keptChanges.size(), changes.toString());
        assertEquals("kept", keptChanges.getFirst().get("data").get("phone").asText());
        assertEquals(List.of(), of(changes, "member", undone.id));
        assertEquals("after", of(changes, "member", later).getFirst().get("data").get("phone").asText());
    }

    @Test
    void pagesContinueFromTheCursorWithoutGapsOrRepeats() {
        UUID member = member();
        String desk = device(gym().location("Europe/Berlin"));
        long before = feed().position();
        for (int i = 0; i < 50; i++) {
            setPhone(tx(), member, "+49 30 " + i);
        }

        List<Long> positions = new ArrayList<>();
        long cursor = before;
        int pages = 0;
        boolean more = true;
        while (more) {
            Response r = pull(desk, cursor, 7);
            JsonNode changes = r.body().get("changes");
            assertTrue(changes.size() <= 7);
            for (JsonNode c : changes) {
                positions.add(c.get("position").asLong());
                assertEquals("+49 30 " + (positions.size() - 1), c.get("data").get("phone").asText());
            }
            more = r.body().get("hasMore").asBoolean();
            if (more) {
                assertEquals(changes.get(changes.size() - 1).get("position").asLong(), r.body().get("cursor").asLong());
            }
            cursor = r.body().get("cursor").asLong();
            pages++;
        }
        List<Long> expected = new ArrayList<>();
        for (long p = before + 1; p <= before + 50; p++) {
            expected.add(p);
        }
        assertEquals(expected, positions);
        assertEquals(8, pages, "7 full pages of 7 and one of 1");
        assertEquals(before + 50, cursor);
        assertEquals(0, pull(desk, cursor, 7).body().get("changes").size());
    }

    @Test
    void secretsNeverAppearInTheFeedOrTheSnapshot() {
        String manager = server.login(Role.MANAGER);
        String desk = device(gym().location("Europe/Berlin"));
        long before = feed().position();
        Response created = api.post("/api/v1/members", Map.of("firstName", "Ada", "lastName", "Secret-" + UUID.randomUUID(),
                "healthNotes", "asthma-and-a-bad-knee"), manager);
        assertEquals(201, created.status(), created.toString());
        String id = created.text("id");
        assertEquals(204, api.put("/api/v1/members/" + id + "/pin", Map.of("pin", "482916"), manager).status());
        String cipher = column("select health_notes_enc from member where id = ?", UUID.fromString(id));
        String pinHash = column("select pin_hash from member where id = ?", UUID.fromString(id));
        assertNotNull(cipher);
        assertNotNull(pinHash);

        Response r = pull(desk, before, 1000);
        List<JsonNode> mine = of(pullAll(desk, before), "member", id);
        assertEquals(2, mine.size(), "one change per transaction and row (created, PIN set): " + r);
        assertFalse(mine.getFirst().get("data").get("hasPin").asBoolean());
        assertTrue(mine.getLast().get("data").get("hasPin").asBoolean());
        for (JsonNode change : mine) {
            assertFalse(change.get("data").has("pinHash"));
            assertFalse(change.get("data").has("healthNotesEncrypted"));
        }
        for (String raw : List.of(r.raw(), api.get("/api/v1/sync/snapshot?entityType=member&limit=1000", desk).raw())) {
            assertFalse(raw.contains("asthma"), raw);
            assertFalse(raw.contains(cipher));
            assertFalse(raw.contains(pinHash));
            assertFalse(raw.contains("pinHash"));
            assertFalse(raw.contains("healthNotes"));
        }
        // logins, tokens and the audit trail of these calls are not in the feed at all
        String synced = String.join("','", SyncedEntities.standard().names());
        assertEquals(0, gym().count("select count(*) from change_log where position > ? and entity_type not in ('"
                + synced + "')", before));
        assertTrue(gym().count("select count(*) from change_log where position > ?", before) >= 2);
    }

    @Test
    void aDeviceOfOneLocationDoesNotSeeBookingsOfAnother() {
        GymFixtures gym = gym();
        String manager = server.login(Role.MANAGER);
        UUID here = gym.location("Europe/Berlin");
        UUID there = gym.location("Europe/Berlin");
        UUID slotThere = gym.slot(manager, gym.classSession(manager, there, 5), inDays(3), 60);
        Member member = gym.memberWithUnlimitedPlan();
        String deskHere = device(here);
        String deskThere = device(there);
        long before = feed().position();

        Response booked = api.post("/api/v1/bookings", Map.of("slotId", slotThere), member.token());
        assertEquals(201, booked.status(), booked.toString());
        long after = feed().position();

        Response hereView = pull(deskHere, before, 500);
        assertTrue(of(pullAll(deskHere, before), "booking", booked.text("id")).isEmpty(), hereView.toString());
        assertTrue(of(pullAll(deskHere, before), "slot", slotThere).isEmpty(), hereView.toString());
        assertEquals(after, hereView.body().get("cursor").asLong(), "the cursor moves past what the desk does not see");
        assertEquals(1, of(pullAll(deskThere, before), "booking", booked.text("id")).size());
        // nor in a snapshot
        String snapshot = api.get("/api/v1/sync/snapshot?entityType=booking&limit=1000", deskHere).raw();
        assertFalse(snapshot.contains(booked.text("id")), snapshot);
        assertTrue(api.get("/api/v1/sync/snapshot?entityType=booking&limit=1000", deskThere).raw().contains(booked.text("id")));
    }

    @Test
    void aTransactionThatWroteFirstButCommitsLastIsStillPulledAfterTheCursor() throws Exception {
        UUID slowMember = member();
        UUID fastMember = member();
        String desk = device(gym().location("Europe/Berlin"));
        long before = feed().position();
        CountDownLatch wrote = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> tx().run(s -> {
            s.find(MemberRecord.class, slowMember).phone = "slow";
            s.flush();  // the row is written, only the commit is still to come
            wrote.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        try {
            assertTrue(wrote.await(10, TimeUnit.SECONDS));
            setPhone(tx(), fastMember, "fast");

            Response first = pull(desk, before, 500);
            JsonNode changes = first.body().get("changes");
            assertEquals(1, changes.size(), first.toString());
            assertEquals(fastMember.toString(), changes.get(0).get("entityId").asText());
            long cursor = first.body().get("cursor").asLong();
            assertEquals(changes.get(0).get("position").asLong(), cursor);
            release.countDown();
            slow.get(30, TimeUnit.SECONDS);

            Response second = pull(desk, cursor, 500);
            JsonNode later = second.body().get("changes");
            assertEquals(1, later.size(), second.toString());
            assertEquals(slowMember.toString(), later.get(0).get("entityId").asText());
            assertEquals("slow", later.get(0).get("data").get("phone").asText());
            assertTrue(later.get(0).get("position").asLong() > cursor);
        } finally {
            release.countDown();
        }
    }

    @Test
    void twoServerProcessesOnOneDatabaseWriteOneGaplessFeed() throws Exception {
        UUID a = member();
        UUID b = member();
        String desk = device(gym().location("Europe/Berlin"));
        try (SpotterApp sibling = server.startSibling(Clock.systemUTC())) {
            long before = feed().position();
            Transactions other = sibling.services().tx();
            CompletableFuture<Void> here = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 25; i++) {
                    setPhone(tx(), a, "a" + i);
                }
            });
            CompletableFuture<Void> there = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 25; i++) {
                    setPhone(other, b, "b" + i);
                }
            });
            here.get(60, TimeUnit.SECONDS);
            there.get(60, TimeUnit.SECONDS);

            List<JsonNode> changes = pullAll(desk, before);
            assertEquals(50, changes.size());
            for (int i = 0; i < 50; i++) {
                assertEquals(before + 1 + i, changes.get(i).get("position").asLong(), "gapless and increasing");
            }
            // each process's own changes arrive in the order it committed them
            Map<String, List<String>> phones = new HashMap<>();
            for (JsonNode c : changes) {
                phones.computeIfAbsent(c.get("entityId").asText(), k -> new ArrayList<>()).add(c.get("data").get("phone").asText());
            }
            List<String> expectA = new ArrayList<>();
            List<String> expectB = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                expectA.add("a" + i);
                expectB.add("b" + i);
            }
            assertEquals(expectA, phones.get(a.toString()));
            assertEquals(expectB, phones.get(b.toString()));
            assertEquals(before + 50, sibling.services().feed().position());
        }
    }

    @Test
    void aCursorOlderThanTheRetainedFeedMustReset() {
        UUID member = member();
        String desk = device(gym().location("Europe/Berlin"));
        long before = feed().position();
        for (int i = 0; i < 4; i++) {
            setPhone(tx(), member, "r" + i);
        }
        feed().pruneTo(before + 2);

        Response old = pull(desk, before, 500);
        assertTrue(old.body().get("resetRequired").asBoolean(), old.toString());
        assertEquals(0, old.body().get("changes").size());
        assertEquals(before, old.body().get("cursor").asLong(), "a reset never moves the cursor");
        assertTrue(pull(desk, before + 1, 500).body().get("resetRequired").asBoolean());

        Response kept = pull(desk, before + 2, 500);
        assertFalse(kept.body().get("resetRequired").asBoolean(), kept.toString());
        assertEquals(List.of(before + 3, before + 4), kept.body().get("changes").findValues("position").stream()
                .map(JsonNode::asLong).toList());
        assertEquals(0, gym().count("select count(*) from change_log where position <= ?", before + 2));

        // by age: everything committed before now goes; the newest cursor still continues
        assertEquals(2, feed().pruneOlderThan(Instant.now().plusSeconds(60)));
        assertFalse(pull(desk, before + 4, 500).body().get("resetRequired").asBoolean());
        assertTrue(pull(desk, before + 3, 500).body().get("resetRequired").asBoolean());
        // a cursor from another database (ahead of the feed) resets too
        assertTrue(pull(desk, before + 1_000_000, 500).body().get("resetRequired").asBoolean());
    }

    @Test
    void snapshotPagesReturnEveryRowAndAPositionToContinueFrom() {
        GymFixtures gym = gym();
        UUID here = gym.location("Europe/Berlin");
        UUID there = gym.location("Europe/Berlin");
        Set<String> roomsHere = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            roomsHere.add(room(here).id.toString());
        }
        for (int i = 0; i < 3; i++) {
            room(there);
        }
        UUID member = member();
        String desk = device(here);

        Set<String> rooms = new HashSet<>();
        String after = "";
        int pages = 0;
        long position = -1;
        do {
            Response r = api.get("/api/v1/sync/snapshot?entityType=room&limit=2&after=" + after, desk);
            assertEquals(200, r.status(), r.toString());
            assertEquals("room", r.text("entityType"));
            for (JsonNode row : r.body().get("rows")) {
                assertTrue(rooms.add(row.get("id").asText()), "a row twice: " + row);
                assertEquals(here.toString(), row.get("locationId").asText());
            }
            position = position < 0 ? r.body().get("position").asLong() : position;
            after = r.text("nextAfter") == null ? null : r.text("nextAfter");
            pages++;
        } while (after != null);
        assertEquals(roomsHere, rooms);
        assertTrue(pages >= 3, "5 rooms in pages of 2");

        // every member, across pages
        Set<String> members = new HashSet<>();
        String next = "";
        do {
            Response r = api.get("/api/v1/sync/snapshot?entityType=member&limit=3&after=" + next, desk);
            r.body().get("rows").forEach(row -> assertTrue(members.add(row.get("id").asText())));
            next = r.text("nextAfter");
        } while (next != null);
        assertEquals(gym.count("select count(*) from member"), members.size());
        assertTrue(members.contains(member.toString()));

        // a change after the snapshot comes with the pull from the snapshot's position
        setPhone(tx(), member, "after-snapshot");
        List<JsonNode> changes = of(pullAll(desk, position), "member", member);
        assertEquals("after-snapshot", changes.getLast().get("data").get("phone").asText());
    }

    @Test
    void theEventStreamPokesWithinASecondOfAChangeCommittedThroughAnotherProcess() throws Exception {
        UUID member = member();
        String desk = device(gym().location("Europe/Berlin"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.app().baseUrl() + "/api/v1/sync/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + desk)
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (Stream<String> s = new java.io.BufferedReader(new java.io.InputStreamReader(response.body())).lines()) {
                s.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        try (SpotterApp sibling = server.startSibling(Clock.systemUTC())) {
            long connectedAt = nextChanged(lines, -1, Duration.ofSeconds(5));
            assertTrue(connectedAt >= 0, "the current position on connect");

            setPhone(sibling.services().tx(), member, "poke");
            long committed = System.nanoTime();
            long position = sibling.services().feed().position();
            long seen = nextChanged(lines, position - 1, Duration.ofSeconds(1));
            long took = (System.nanoTime() - committed) / 1_000_000;
            assertEquals(position, seen, "poked with the new position");
            assertTrue(took <= 1000, "poked after " + took + " ms");
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }

    /** The position of the next {@code changed} event above {@code above}, or fails after the timeout. */
    private static long nextChanged(BlockingQueue<String> lines, long above, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean changed = false;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            if (line.startsWith("event:")) {
                changed = line.substring(6).trim().equals("changed");
            } else if (changed && line.startsWith("data:")) {
                long p = Long.parseLong(line.substring(5).trim());
                if (p > above) {
                    return p;
                }
            }
        }
        throw new AssertionError("no 'changed' event above " + above + " within " + timeout);
    }

    @Test
    void readOnlyAndLoginTrafficLeavesTheFeedAlone() {
        var account = server.account(Role.FRONT_DESK);
        String email = api.get("/api/v1/me", account.accessToken()).text("email");
        String desk = device(gym().location("Europe/Berlin"));
        long before = feed().position();

        assertEquals(200, api.post("/api/v1/auth/login", Map.of("email", email, "password", "test-password-1"), null).status());
        assertEquals(200, api.get("/api/v1/members?limit=5", account.accessToken()).status());
        assertEquals(200, api.get("/api/v1/slots", account.accessToken()).status());
        pull(desk, before, 10);
        assertEquals(200, api.get("/api/v1/sync/snapshot?entityType=member&limit=5", desk).status());

        assertEquals(before, feed().position());
    }

    @Test
    void badPullAndSnapshotParametersAreRefusedWithTheField() {
        String desk = device(gym().location("Europe/Berlin"));
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("/api/v1/sync/pull?after=-1", "after");
        cases.put("/api/v1/sync/pull?after=abc", "after");
        cases.put("/api/v1/sync/pull?limit=0", "limit");
        cases.put("/api/v1/sync/pull?limit=1001", "limit");
        cases.put("/api/v1/sync/snapshot", "entityType");
        cases.put("/api/v1/sync/snapshot?entityType=app_user", "entityType");
        cases.put("/api/v1/sync/snapshot?entityType=refreshToken", "entityType");
        cases.put("/api/v1/sync/snapshot?entityType=member&after=nope", "after");
        cases.put("/api/v1/sync/snapshot?entityType=member&limit=5000", "limit");
        cases.forEach((path, field) -> {
            Response r = api.get(path, desk);
            assertEquals(400, r.status(), path + " " + r);
            assertEquals("VALIDATION_FAILED", r.code(), path);
            assertEquals(field, r.text("field"), path);
        });
    }

    @Test
    void staffTokensCannotReadTheFeed() {
        String manager = server.login(Role.ADMIN);
        for (String path : List.of("/api/v1/sync/pull", "/api/v1/sync/snapshot?entityType=member", "/api/v1/sync/events")) {
            Response r = api.get(path, manager);
            assertEquals(401, r.status(), path + " " + r);
            assertNull(r.body().get("changes"));
        }
    }
}
