package app.spotter.client.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.Desk;
import app.spotter.client.booking.BookingResult;
import app.spotter.client.booking.BookingView;
import app.spotter.client.checkin.CheckInResult;
import app.spotter.client.outbox.OutboxEntry;
import app.spotter.client.store.DeskStore;
import app.spotter.client.store.DeviceState;
import app.spotter.client.support.MutableClock;
import app.spotter.client.support.NetworkSwitch;
import app.spotter.model.access.Role;
import app.spotter.model.checkin.CheckInReason;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.DeviceKind;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.TestDatabase;
import app.spotter.server.support.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Desks against the real server, in-process over HTTP: enrollment, offline work, convergence. Runs
 * on both of the server's databases ({@link DeskAgainstServerOnH2Test}, {@link DeskAgainstServerOnPostgreSqlTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeskAgainstServerTest {

    private TestServer server;
    private GymFixtures gym;
    private ApiClient api;
    private String manager;

    abstract TestDatabase database();

    private final List<Desk> desks = new ArrayList<>();
    private final List<DeskStore> stores = new ArrayList<>();
    private UUID location;
    private UserId frontDesk;
    private String frontDeskEmail;
    private static final String PASSWORD = "test-password-1";

    @BeforeAll
    void startServer() {
        server = TestServer.start(database());
        gym = new GymFixtures(server);
        api = server.client();
        manager = server.login(Role.MANAGER);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @AfterEach
    void closeDesks() {
        desks.forEach(Desk::close);
        stores.forEach(DeskStore::shutdown);
    }

    private void newGym() {
        location = gym.location("Europe/Berlin");
        frontDeskEmail = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@test.spotter.app";
        String token = server.app().services().accounts().bootstrapAccount(frontDeskEmail, PASSWORD, "Front Desk",
                Role.FRONT_DESK, null).accessToken();
        frontDesk = UserId.of(api.get("/api/v1/me", token).text("id"));
    }

    /**
     * The gym's front-desk staff member logs in at the desk (online): the desk gets their credential
     * and signs their operations with it (decision 0013).
     */
    private Desk staffLoggedIn(Desk desk) {
        if (frontDeskEmail != null) {
            desk.staffLogin(frontDeskEmail, PASSWORD);
        }
        return desk;
    }

    /** A manager logs in at the desk (online); returns their id. */
    private UserId managerLoggedIn(Desk desk) {
        String email = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@test.spotter.app";
        server.app().services().accounts().bootstrapAccount(email, PASSWORD, "Manager", Role.MANAGER, null);
        return desk.staffLogin(email, PASSWORD).id();
    }

    private Desk enrolledDesk(NetworkSwitch network) {
        ApiClient.Response code = api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), manager);
        assertEquals(201, code.status(), code.toString());
        DeskStore store = DeskStore.inMemory("it_" + UUID.randomUUID().toString().replace("-", ""));
        stores.add(store);
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(network).build();
        Desk desk = new Desk(store, Desk.Settings.of(server.app().baseUrl(), http, Clock.systemUTC()));
        desks.add(desk);
        desk.enroll(code.text("code"), "Front desk " + desks.size(), DeviceKind.FRONT_DESK);
        return staffLoggedIn(desk);
    }

    private Desk enrolledDesk(okhttp3.Interceptor network, String baseUrl, Clock clock) {
        ApiClient.Response code = api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), manager);
        assertEquals(201, code.status(), code.toString());
        DeskStore store = DeskStore.inMemory("it_" + UUID.randomUUID().toString().replace("-", ""));
        stores.add(store);
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(network).build();
        Desk desk = new Desk(store, Desk.Settings.of(baseUrl, http, clock));
        desks.add(desk);
        desk.enroll(code.text("code"), "Front desk " + desks.size(), DeviceKind.FRONT_DESK);
        return staffLoggedIn(desk);
    }

    private long onServer(String sql, SlotId slot) {
        return gym.count(sql, slot.value());
    }

    @Test
    void aDeskBackFromAnOutageGivesBackItsUnusedSeatsAndAnotherDesksWaitlistGetsThemBeforeExpiry() {
        newGym();
        NetworkSwitch network = new NetworkSwitch();
        Desk a = enrolledDesk(network);
        Desk b = enrolledDesk(new NetworkSwitch());
        SlotId slot = slot(3, tomorrow());
        MemberId first = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        MemberId second = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        MemberId walkIn = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        a.syncOnce();
        // a manager asked desk A for every seat of the class ahead of a planned outage
        a.engine().holdSeats(List.of(slot), 3);
        assertEquals(3, onServer("select seats_leased from time_slot where id = ?", slot));
        b.syncOnce();
        BookingResult waitingFirst = b.bookings().book(frontDesk, slot, first, true);
        BookingResult waitingSecond = b.bookings().book(frontDesk, slot, second, true);
        b.syncOnce();
        assertEquals("WAITLISTED", bookingStatusOnServer(waitingFirst.bookingId()), "desk A holds every seat: "
                + waitingFirst + " " + b.bookings().find(waitingFirst.bookingId()));
        assertEquals("WAITLISTED", bookingStatusOnServer(waitingSecond.bookingId()));

        network.down();
        assertThrows(ServerUnavailable.class, a::syncOnce);
        BookingResult sold = a.bookings().book(frontDesk, slot, walkIn, false);
        assertEquals(BookingResult.State.CONFIRMED, sold.state(), "sold offline on the lease");
        network.up();
        a.syncOnce();

        assertEquals("BOOKED", bookingStatusOnServer(sold.bookingId()), "the offline sale counted first");
        assertEquals("BOOKED", bookingStatusOnServer(waitingFirst.bookingId()), "the two unused seats went back");
        assertEquals("BOOKED", bookingStatusOnServer(waitingSecond.bookingId()));
        assertEquals(0, onServer("select seats_leased from time_slot where id = ?", slot));
        assertEquals(3, onServer("select seats_taken from time_slot where id = ?", slot));
        assertEquals(1, onServer("select count(*) from seat_lease where slot_id = ? and returned_at is not null"
                + " and expires_at > current_timestamp and used = 1 and seats = 3", slot), "returned long before it expired");
        b.syncOnce();
        BookingView seenAtB = b.bookings().find(waitingFirst.bookingId()).orElseThrow();
        assertEquals("BOOKED", seenAtB.status());
        assertFalse(seenAtB.pending());
        assertEquals(0, a.bookings().slot(slot).orElseThrow().leasedSeatsFree(), "desk A holds none of them now");
    }

    @Test
    void aSlotBeyondTheWindowReachesTheDeskWhenTheClockMovesItInsideWithoutAReset() {
        newGym();
        MutableClock clock = new MutableClock(Instant.now());
        java.util.concurrent.atomic.AtomicInteger snapshots = new java.util.concurrent.atomic.AtomicInteger();
        okhttp3.Interceptor countSnapshots = chain -> {
            if (chain.request().url().encodedPath().endsWith("/sync/snapshot")) {
                snapshots.incrementAndGet();
            }
            return chain.proceed(chain.request());
        };
        try (app.spotter.server.SpotterApp sibling = server.startSibling(clock)) {
            Desk desk = enrolledDesk(countSnapshots, sibling.baseUrl(), clock);
            SlotId nearSlot = slot(10, tomorrow());
            SlotId farSlot = slot(10, tomorrow().plus(Duration.ofDays(34)));
            desk.syncOnce();
            assertTrue(desk.bookings().slot(nearSlot).isPresent(), "tomorrow is inside the window");
            assertTrue(desk.bookings().slot(farSlot).isEmpty(), "five weeks out is beyond it");

            clock.advance(Duration.ofDays(8));
            snapshots.set(0); // the first sync of a new desk may start from a snapshot; this one must not
            desk.syncOnce();

            assertTrue(desk.bookings().slot(farSlot).isPresent(), "the slot entered the window as the clock moved");
            assertTrue(desk.bookings().slot(nearSlot).isEmpty(), "a week-old slot left the desk");
            assertEquals(0, snapshots.get(), "no reset was needed");
        }
    }

    private SlotId slot(int capacity, Instant start) {
        UUID session = gym.classSession(manager, location, capacity);
        return new SlotId(gym.slot(manager, session, start, 60));
    }

    private Instant tomorrow() {
        return Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    }

    private String bookingStatusOnServer(Object bookingId) {
        return server.app().services().tx().inTransaction(s -> s.createNativeQuery(
                        "select status from booking where id = ?", String.class)
                .setParameter(1, UUID.fromString(bookingId.toString())).getResultList().stream().findFirst().orElse(null));
    }

    @Test
    void aDeskInKioskModeLetsAMemberInByTheirCardAsItselfAndTheServerChecksTheCard() {
        newGym();
        Desk desk = enrolledDesk(new NetworkSwitch());
        GymFixtures.Member member = gym.memberWithUnlimitedPlan();
        String card = api.get("/api/v1/members/" + member.memberId() + "/card", member.token()).text("qrPayload");
        desk.syncOnce();

        // no staff member at the desk: the scanned card goes with the fact, and the server verifies it (decision 0013)
        CheckInResult entry = desk.checkIns().byQr(null, card + "\n");
        assertTrue(entry.admitted(), entry.toString());
        desk.syncOnce();

        assertEquals(0, desk.pendingOperations());
        assertEquals(1, gym.count("select count(*) from check_in where id = ? and admitted = true and staff_user_id is null",
                entry.checkInId().value()));
        assertEquals(1, gym.count("select count(*) from sync_operation where payload like ? and status = 'APPLIED'",
                "%" + card + "%"), "the card was sent as scanned, without the scanner's newline");
    }

    @Test
    void aDeskEnrollsBooksFromItsLeaseChecksInOfflineAndEverythingReachesTheServer() {
        newGym();
        NetworkSwitch network = new NetworkSwitch();
        Desk desk = enrolledDesk(network);
        SlotId slot = slot(10, tomorrow());
        GymFixtures.Member member = gym.memberWithUnlimitedPlan();
        MemberId memberId = new MemberId(member.memberId());
        String card = api.get("/api/v1/members/" + member.memberId() + "/card", member.token()).text("qrPayload");

        desk.syncOnce();
        assertTrue(desk.status().online());
        assertTrue(desk.members().find(memberId).isPresent(), "the desk pulled the gym's members");
        assertTrue(desk.bookings().slot(slot).orElseThrow().leasedSeatsFree() > 0, "the desk holds seats of the slot");

        BookingResult booked = desk.bookings().book(frontDesk, slot, memberId, false);
        assertEquals(BookingResult.State.CONFIRMED, booked.state());

        network.down();
        CheckInResult entry = desk.checkIns().byQr(frontDesk, card);
        assertTrue(entry.admitted(), entry.toString());
        assertThrows(ServerUnavailable.class, desk::syncOnce);
        assertFalse(desk.status().online());
        assertEquals(2, desk.pendingOperations());
        assertEquals(null, bookingStatusOnServer(booked.bookingId()));

        network.up();
        desk.syncOnce();

        assertEquals(0, desk.pendingOperations());
        assertEquals("BOOKED", bookingStatusOnServer(booked.bookingId()));
        assertEquals(1, gym.count("select count(*) from check_in where id = ? and admitted = true",
                entry.checkInId().value()));
        BookingView shown = desk.bookings().find(booked.bookingId()).orElseThrow();
        assertEquals("BOOKED", shown.status());
        assertFalse(shown.pending());
        assertEquals(CheckInReason.ALREADY_CHECKED_IN, desk.checkIns().byQr(frontDesk, card).decision().reason(),
                "the pulled check-in counts for the visit");
    }

    @Test
    void aBookingAtOneDeskIsSeenAtAnotherAfterItSyncs() {
        newGym();
        Desk a = enrolledDesk(new NetworkSwitch());
        Desk b = enrolledDesk(new NetworkSwitch());
        SlotId slot = slot(10, tomorrow());
        MemberId member = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        a.syncOnce();
        b.syncOnce();

        BookingResult booked = a.bookings().book(frontDesk, slot, member, false);
        a.syncOnce();
        b.syncOnce();

        BookingView seen = b.bookings().bookingsOn(slot).stream().filter(v -> v.id().equals(booked.bookingId()))
                .findFirst().orElseThrow();
        assertEquals("BOOKED", seen.status());
        assertFalse(seen.pending());
        assertEquals(member, seen.memberId());
    }

    @Test
    void aTentativeBookingTheServerRefusesShowsTheRefusalAndTheConflict() {
        newGym();
        Desk a = enrolledDesk(new NetworkSwitch());
        Desk b = enrolledDesk(new NetworkSwitch());
        // Beyond the lease horizon but inside the booking window: no desk holds seats, bookings are tentative.
        SlotId slot = slot(1, Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS));
        MemberId first = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        MemberId second = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        a.syncOnce();
        b.syncOnce();

        BookingResult atA = a.bookings().book(frontDesk, slot, first, false);
        BookingResult atB = b.bookings().book(frontDesk, slot, second, false);
        assertEquals(BookingResult.State.TENTATIVE, atA.state());
        assertEquals(BookingResult.State.TENTATIVE, atB.state());
        a.syncOnce();
        b.syncOnce();

        BookingView lost = b.bookings().find(atB.bookingId()).orElseThrow();
        assertEquals("REFUSED", lost.status());
        assertEquals("SLOT_FULL", lost.refusal());
        assertNotNull(lost.conflictId());
        assertEquals(1, gym.count("select count(*) from sync_conflict where id = ? and kind = 'TENTATIVE_BOOKING_LOST'",
                lost.conflictId()));
        assertEquals("BOOKED", bookingStatusOnServer(atA.bookingId()));
        assertTrue(b.reconciliation().openConflicts().stream()
                .anyMatch(c -> lost.conflictId().toString().equals(c.get("id"))), "the conflict synced to the desk");
    }

    @Test
    void aManagerResolvesAConflictFromTheDeskAndItIsClosedOnTheServer() {
        newGym();
        Desk a = enrolledDesk(new NetworkSwitch());
        Desk b = enrolledDesk(new NetworkSwitch());
        SlotId slot = slot(1, Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS));
        MemberId first = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        MemberId second = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        a.syncOnce();
        b.syncOnce();
        a.bookings().book(frontDesk, slot, first, false);
        BookingResult atB = b.bookings().book(frontDesk, slot, second, false);
        a.syncOnce();
        b.syncOnce();
        UUID conflict = b.bookings().find(atB.bookingId()).orElseThrow().conflictId();
        UserId managerId = managerLoggedIn(b);

        b.reconciliation().resolve(managerId, conflict, "ACCEPT");
        b.syncOnce();

        assertEquals(1, gym.count("select count(*) from sync_conflict where id = ? and status <> 'OPEN'", conflict));
        assertTrue(b.reconciliation().openConflicts().stream().noneMatch(c -> conflict.toString().equals(c.get("id"))),
                "the resolution came back through the feed");
    }

    @Test
    void aDeskBehindTheFeedsRetentionResetsFromASnapshotAndItsOutboxStillArrives() {
        newGym();
        NetworkSwitch network = new NetworkSwitch();
        Desk desk = enrolledDesk(network);
        SlotId slot = slot(10, tomorrow());
        MemberId member = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        desk.syncOnce();

        network.down();
        BookingResult booked = desk.bookings().book(frontDesk, slot, member, false);
        MemberId laterMember = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        // The desk stays away longer than the feed keeps changes.
        // (what ChangeFeedService.pruneTo does: raise the window, drop what is below it)
        server.app().services().tx().run(s -> {
            s.createNativeMutationQuery("update feed_counter set oldest_retained = position + 1").executeUpdate();
            s.createNativeMutationQuery("delete from change_log").executeUpdate();
        });
        network.up();
        desk.syncOnce();

        assertEquals("BOOKED", bookingStatusOnServer(booked.bookingId()));
        assertEquals(0, desk.pendingOperations());
        assertTrue(desk.members().find(laterMember).isPresent(), "the snapshot brought what the feed no longer had");
        assertFalse(desk.bookings().find(booked.bookingId()).orElseThrow().pending());
        long cursor = desk.store().inTransaction(s -> s.find(DeviceState.class, DeviceState.ID).pullCursor);
        assertTrue(cursor > 0);
        OutboxEntry entry = desk.store().inTransaction(s -> s.find(OutboxEntry.class, booked.opId()));
        assertEquals("APPLIED", entry.outcomeStatus);
    }

    @Test
    void aRunningDeskHearsOfAnotherDesksBookingWithoutBeingAsked() throws Exception {
        newGym();
        Desk a = enrolledDesk(new NetworkSwitch());
        Desk b = enrolledDesk(new NetworkSwitch());
        SlotId slot = slot(10, tomorrow());
        MemberId member = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        a.syncOnce();
        java.util.concurrent.CopyOnWriteArrayList<SyncStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        AutoCloseable listening = b.onStatus(seen::add);
        try {
            b.start();
            waitFor(() -> b.status().online() && b.status().lastSuccessfulSync() != null, "desk B's first sync");

            BookingResult booked = a.bookings().book(frontDesk, slot, member, false);
            a.syncOnce();

            // B's periodic sync is 30 s away: only the server's poke can bring it this soon.
            waitFor(() -> b.bookings().find(booked.bookingId()).isPresent(), "desk B to see A's booking");
            assertTrue(seen.stream().anyMatch(SyncStatus::syncing), "the status bar saw the sync running");
        } finally {
            listening.close();
            b.stop();
        }
    }

    @Test
    void aRefusedDeviceTokenIsRenewedAndTheCallRepeated() {
        newGym();
        java.util.concurrent.atomic.AtomicBoolean spoilNext = new java.util.concurrent.atomic.AtomicBoolean(false);
        ApiClient.Response code = api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), manager);
        DeskStore store = DeskStore.inMemory("it_" + UUID.randomUUID().toString().replace("-", ""));
        stores.add(store);
        OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            var request = chain.request();
            if (request.header("Authorization") != null && spoilNext.getAndSet(false)) {
                // as if the token had expired
                request = request.newBuilder().header("Authorization", "Bearer expired").build();
            }
            return chain.proceed(request);
        }).build();
        Desk desk = new Desk(store, Desk.Settings.of(server.app().baseUrl(), http, Clock.systemUTC()));
        desks.add(desk);
        desk.enroll(code.text("code"), "Desk", DeviceKind.FRONT_DESK);
        desk.syncOnce();

        spoilNext.set(true);
        desk.syncOnce();

        assertFalse(spoilNext.get(), "the spoiled call went out");
        assertTrue(desk.status().online());
    }

    @Test
    void aPushWhoseAnswerIsLostIsResentAndAppliedOnce() {
        newGym();
        java.util.concurrent.atomic.AtomicBoolean loseNextPushAnswer = new java.util.concurrent.atomic.AtomicBoolean();
        NetworkSwitch network = new NetworkSwitch();
        ApiClient.Response code = api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), manager);
        DeskStore store = DeskStore.inMemory("it_" + UUID.randomUUID().toString().replace("-", ""));
        stores.add(store);
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(network).addInterceptor(chain -> {
            okhttp3.Response response = chain.proceed(chain.request());
            if (chain.request().url().encodedPath().endsWith("/sync/push") && loseNextPushAnswer.getAndSet(false)) {
                response.close();
                throw new java.io.IOException("connection reset after the server answered (test)");
            }
            return response;
        }).build();
        Desk desk = new Desk(store, Desk.Settings.of(server.app().baseUrl(), http, Clock.systemUTC()));
        desks.add(desk);
        desk.enroll(code.text("code"), "Desk", DeviceKind.FRONT_DESK);
        staffLoggedIn(desk);
        SlotId slot = slot(10, tomorrow());
        MemberId member = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        desk.syncOnce();

        BookingResult booked = desk.bookings().book(frontDesk, slot, member, false);
        loseNextPushAnswer.set(true);
        assertThrows(ServerUnavailable.class, desk::syncOnce);
        assertEquals(1, desk.pendingOperations(), "the desk never heard back");
        assertEquals("BOOKED", bookingStatusOnServer(booked.bookingId()), "but the server applied it");

        desk.syncOnce();

        assertEquals(0, desk.pendingOperations());
        assertEquals(1, gym.count("select count(*) from booking where member_id = ?", member.value()));
        OutboxEntry entry = desk.store().inTransaction(s -> s.find(OutboxEntry.class, booked.opId()));
        assertEquals("APPLIED", entry.outcomeStatus, "the stored outcome came back");
    }

    @Test
    void aBacklogOfOfflineSignUpsDrainsInBatches() {
        newGym();
        NetworkSwitch network = new NetworkSwitch();
        Desk desk = enrolledDesk(network);
        desk.syncOnce();
        network.down();
        String family = "Backlog" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 450; i++) {
            desk.members().register(frontDesk, new app.spotter.client.members.NewMember("Member" + i, family, null, null,
                    null));
        }
        assertEquals(450, desk.pendingOperations());
        network.up();

        desk.syncOnce();

        assertEquals(0, desk.pendingOperations());
        assertEquals(450, gym.count("select count(*) from member where last_name = ?", family));
        assertEquals(450, desk.members().search(family, 1000).stream().filter(m -> !m.pending()
                && m.memberNumber() != null).count(), "every sign-up came back with its member number");
    }

    @Test
    void aMemberSignedUpOfflineWithAPlanGetsANumberAndACardEveryDeskAcceptsOffline() {
        newGym();
        UUID plan = gym.plan(app.spotter.model.membership.PlanKind.CLASS_PACK, 10);
        NetworkSwitch counter = new NetworkSwitch();
        NetworkSwitch door = new NetworkSwitch();
        Desk a = enrolledDesk(counter);
        Desk b = enrolledDesk(door);
        a.syncOnce();
        b.syncOnce();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));

        counter.down();
        MemberId id = a.members().register(frontDesk, new app.spotter.client.members.NewMember("Offline",
                "Signup" + UUID.randomUUID().toString().substring(0, 6), null, "+49 30 777 1234", null),
                new app.spotter.model.common.PlanId(plan), today);
        var pendingPlan = a.members().membershipsOf(id, today).getFirst();
        assertTrue(pendingPlan.pending());
        assertEquals(app.spotter.model.membership.Standing.ACTIVE, pendingPlan.standingToday());
        assertEquals(10, pendingPlan.snapshot().creditsLeft(), "the pack's credits count before the server answers");
        assertTrue(a.members().cardCode(id).isEmpty(), "only the server signs cards");

        counter.up();
        a.syncOnce();
        assertNotNull(a.members().find(id).orElseThrow().memberNumber());
        var confirmed = a.members().membershipsOf(id, today).getFirst();
        assertFalse(confirmed.pending());
        assertEquals(pendingPlan.snapshot().id(), confirmed.snapshot().id(), "the server kept the desk's membership id");
        String code = a.members().cardCode(id).orElseThrow();

        b.syncOnce();
        door.down();
        CheckInResult entry = b.checkIns().byQr(frontDesk, code);
        assertTrue(entry.admitted(), "the card printed at one desk opens the door at another, offline: " + entry);

        var membership = confirmed.snapshot().id();
        a.members().freezeMembership(frontDesk, membership, today, today.plusDays(6));
        a.syncOnce();
        assertEquals(app.spotter.model.membership.Standing.FROZEN, a.members().membershipsOf(id, today).getFirst().standingToday());
        a.members().unfreezeMembership(frontDesk, membership, today);
        a.syncOnce();
        var after = a.members().membershipsOf(id, today).getFirst();
        assertEquals(app.spotter.model.membership.Standing.ACTIVE, after.standingToday());
        assertFalse(after.pending());
        assertEquals(0, gym.count("select count(*) from membership_freeze where membership_id = ?", membership.value()));
    }

    @Test
    void healthNotesAreReadOnlineForAManagerNeverForFrontDeskAndNeverStoredAtTheDesk() {
        newGym();
        NetworkSwitch network = new NetworkSwitch();
        Desk desk = enrolledDesk(network);
        MemberId member = MemberId.of(api.post("/api/v1/members", Map.of("firstName", "Knee", "lastName", "Injury",
                "healthNotes", "asthma: inhaler in locker 12"), manager).text("id"));
        UserId managerId = managerLoggedIn(desk);
        desk.syncOnce();

        var forManager = desk.healthNotes().read(managerId, Role.MANAGER, member);
        assertEquals(app.spotter.client.members.HealthNotes.Availability.SHOWN, forManager.availability());
        assertEquals("asthma: inhaler in locker 12", forManager.notes());
        assertEquals(app.spotter.client.members.HealthNotes.Availability.NOT_ALLOWED,
                desk.healthNotes().read(frontDesk, Role.FRONT_DESK, member).availability());
        staffLoggedIn(desk);
        assertEquals(app.spotter.client.members.HealthNotes.Availability.NOT_ALLOWED,
                desk.healthNotes().read(managerId, Role.MANAGER, member).availability(),
                "the manager left (the front desk logged in): the desk cannot sign for them any more");
        assertEquals(app.spotter.client.members.HealthNotes.Availability.NOT_ALLOWED,
                desk.healthNotes().read(frontDesk, Role.MANAGER, member).availability(),
                "the server checks the person's real role, not what the desk believes");

        network.down();
        assertEquals(app.spotter.client.members.HealthNotes.Availability.NEEDS_CONNECTION,
                desk.healthNotes().read(managerId, Role.MANAGER, member).availability());
        long stored = desk.store().inTransaction(s -> s.createNativeQuery(
                "select count(*) from mirror_row where lower(data) like '%inhaler%'", Long.class).getSingleResult());
        assertEquals(0, stored, "health notes never reach the desk's store");
    }

    @Test
    void aStaffMemberLoggedInOfflineSignsWithTheCredentialTheirPasswordOpens() {
        newGym();
        NetworkSwitch network = new NetworkSwitch();
        Desk desk = enrolledDesk(network); // the front desk logged in online once: the credential is cached
        SlotId slot = slot(10, tomorrow());
        MemberId member = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        desk.syncOnce();
        String sealed = desk.store().inTransaction(s -> s.createNativeQuery(
                "select credential_key from staff_login", String.class).getSingleResult());
        assertTrue(sealed.startsWith("pbkdf2-aesgcm$"), "the key is kept sealed by the password: " + sealed);

        desk.staffLogins().forgetOnlineSession(); // logged out
        network.down();
        assertThrows(app.spotter.client.staff.LoginRefused.class, () -> desk.staffLogin(frontDeskEmail, "wrong"));
        assertTrue(desk.staffLogin(frontDeskEmail, PASSWORD).offline());
        BookingResult booked = desk.bookings().book(frontDesk, slot, member, false);
        network.up();
        desk.syncOnce();

        OutboxEntry entry = desk.store().inTransaction(s -> s.find(OutboxEntry.class, booked.opId()));
        assertEquals("APPLIED", entry.outcomeStatus, "signed offline, proven at the server: " + entry.reason);
        assertEquals("BOOKED", bookingStatusOnServer(booked.bookingId()));
    }

    @Test
    void anOperationOfSomeoneNotLoggedInHereIsRefusedByTheServer() {
        newGym();
        Desk desk = enrolledDesk(new NetworkSwitch());
        desk.staffLogins().forgetOnlineSession(); // nobody's key is held
        SlotId slot = slot(10, tomorrow());
        MemberId member = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        desk.syncOnce();
        BookingResult booked = desk.bookings().book(frontDesk, slot, member, false);
        desk.syncOnce();
        OutboxEntry entry = desk.store().inTransaction(s -> s.find(OutboxEntry.class, booked.opId()));
        assertEquals("REJECTED", entry.outcomeStatus);
        assertEquals("ACTOR_NOT_PROVEN", entry.reason);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
