package app.spotter.sim;

import app.spotter.client.booking.BookingResult;
import app.spotter.client.checkin.CheckInResult;
import app.spotter.client.members.NewMember;
import app.spotter.client.outbox.OutboxEntry;
import app.spotter.client.store.DeskJson;
import app.spotter.client.store.Feed;
import app.spotter.client.store.Mirror;
import app.spotter.client.sync.EventStream;
import app.spotter.client.sync.ServerUnavailable;
import app.spotter.model.common.BookingId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import app.spotter.model.sync.DeviceKind;
import app.spotter.server.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * One seeded run: a location with a few classes around the night Europe/Berlin leaves summer time
 * (2026-10-25, 03:00 CEST becomes 02:00 CET), a few members, 3-4 desks running the real sync-client
 * against the real server, and a single-threaded driver whose every choice (action, desk, member,
 * slot, network fate, clock step) comes from one {@link SplittableRandom} seeded with the run's seed.
 * At the end the network heals, every desk syncs until quiet, and {@link Invariants} checks the
 * protocol's promises. A failure names the seed and the command that replays it.
 */
public final class Simulation {

    /** The runs start six minutes before the first class of the DST night, so leases run out during a run. */
    public static final Instant START = Instant.parse("2026-10-25T00:24:00Z");
    /** Keeps the desks' in-memory database names apart across runs, replays and workers of one JVM. */
    private static final AtomicLong DESK_STORES = new AtomicLong();
    /** How long the driver waits for a poke it expects (real time: the server polls its feed every 250 ms). */
    private static final long POKE_WAIT_MILLIS = 5_000;

    /** How big a run is. */
    public record Size(int steps, int members) {
        public static final Size CI = new Size(24, 5);
    }

    /** What a passed run did, for the summary; {@code traceHash} fingerprints its events (see {@link SimLog#hash()}). */
    public record Outcome(long seed, Map<String, Integer> actions, List<String> checks, String traceHash) {
    }

    private final SimServer server;
    private SimGym gym;
    private final long seed;
    private final Size size;
    private final SplittableRandom random;
    private final SimLog log = new SimLog();
    private final Map<String, Integer> actions = new LinkedHashMap<>();
    private final OkHttpClient raw;
    final List<SimDesk> desks = new ArrayList<>();
    final List<SlotId> slots = new ArrayList<>();
    final List<MemberId> members = new ArrayList<>();
    final Map<MemberId, String> cards = new LinkedHashMap<>();
    /** Every operation id a desk action returned: each must reach the server exactly once. */
    final Set<UUID> createdOps = new HashSet<>();
    UUID location;
    private String managerToken;
    private int step;

    public Simulation(SimServer server, long seed, Size size, OkHttpClient raw) {
        this.server = server;
        this.seed = seed;
        this.size = size;
        this.random = new SplittableRandom(seed);
        this.raw = raw;
    }

    /** The command that replays one seed. */
    public static String replayCommand(long seed, String database) {
        return "./mvnw -B -o -pl sync-sim -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='Simulation"
                + database + "Test' -Dspotter.sim.seed=" + seed + " -Dspotter.sim.trace=true";
    }

    public Outcome run() {
        try {
            setUp();
            for (step = 1; step <= size.steps(); step++) {
                log.step(step);
                server.clock().advance(Duration.ofSeconds(random.nextInt(0, 40)));
                act();
                heal(false);
                recordCursors();
            }
            log.step(size.steps() + 1);
            settle();
            Invariants invariants = new Invariants(this, server, gym, log);
            List<String> checks = invariants.checkAll();
            invariants.digest().forEach(line -> log.event("%s", line));
            log.event("checked");
            String hash = log.hash();
            if (Boolean.getBoolean("spotter.sim.trace")) {
                log.lines().forEach(System.out::println);
                System.out.println("seed " + seed + " trace hash " + hash);
            }
            return new Outcome(seed, actions, checks, hash);
        } catch (RuntimeException | AssertionError e) {
            String database = server.kind() == app.spotter.server.support.TestDatabase.H2 ? "OnH2" : "OnPostgreSql";
            throw new SimulationFailure("Simulation seed " + seed + " on " + server.kind() + " failed at step " + step
                    + ": " + e.getMessage() + "\nReplay: " + replayCommand(seed, database)
                    + "\nTrace hash up to the failure: " + log.hash() + "\nLast events:\n"
                    + log.tail(60), e);
        } finally {
            desks.forEach(SimDesk::close);
        }
    }

    public SimLog log() {
        return log;
    }

    private void setUp() {
        server.clock().set(START);
        gym = new SimGym(server, new SimIds(random.split()));
        managerToken = gym.managerToken();
        location = gym.location();
        // 00:30Z = 02:30 CEST, 01:30Z = 02:30 CET (the same wall-clock time twice), 01:00Z overlaps
        // both, and a morning class; capacities of two to five seats (desks lease two per slot).
        Instant[] starts = {Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"),
                Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-10-25T09:00:00Z")};
        for (Instant start : starts) {
            slots.add(new SlotId(gym.slot(managerToken, location, random.nextInt(2, 6), start, 60)));
        }
        String family = "Sim" + seed;
        for (int i = 0; i < size.members(); i++) {
            boolean credits = i == size.members() - 1;
            UUID member = gym.member(family, credits ? gym.creditPlan : gym.unlimitedPlan, credits ? 1 : 0);
            members.add(new MemberId(member));
            cards.put(new MemberId(member), gym.card(managerToken, member));
        }
        int deskCount = random.nextInt(4) == 0 ? 4 : 3;
        for (int i = 0; i < deskCount; i++) {
            String name = "sim_" + seed + "_" + i + "_" + DESK_STORES.incrementAndGet();
            Duration skew = Duration.ofMinutes(random.nextInt(-180, 181));
            SimNetwork network = new SimNetwork("desk" + i, random.split(), server::url, raw, log);
            SimDesk desk = new SimDesk(name, network, server.clock().skewedBy(skew), seed, new SimIds(random.split()));
            desks.add(desk);
            if (i == 0) {
                // the first desk pairs through the real enrollment; the others are installed directly
                desk.desk().enroll(gym.pairingCode(managerToken, location), "Sim desk " + i, DeviceKind.FRONT_DESK);
            } else {
                gym.installDevice(desk, location, "Sim desk " + i);
            }
            desk.desk().syncOnce();
            desk.logIn(SimGym.FRONT_DESK_EMAIL, SimGym.STAFF_PASSWORD);
            log.event("desk%d enrolled, clock skew %s", i, skew);
        }
        recordCursors();
        log.event("set up");
    }

    private void act() {
        SimDesk desk = desks.get(random.nextInt(desks.size()));
        int d = desks.indexOf(desk);
        int roll = random.nextInt(100);
        if (roll < 49) {
            deskAction(desk, d, roll);
        } else if (roll < 54) {
            resolveConflict();
        } else if (roll < 64) {
            flipNetwork(desk, d);
        } else if (roll < 66) {
            count("crash");
            log.event("desk%d crashes and restarts", d);
            desk.crash();
        } else if (roll < 68) {
            count("crash mid-sync");
            desk.network.killAfterNextAnswer();
            sync(desk, d);
        } else if (roll < 69) {
            count("server restart");
            log.event("the server restarts");
            server.restart();
        } else if (roll < 72) {
            count("deliver held");
            desk.network.deliverHeld();
        } else if (roll < 76) {
            watchPokes(desk, d);
        } else if (roll < 79) {
            returnLeases(desk, d);
        } else {
            sync(desk, d);
        }
    }

    /** What the staff do at a desk; a desk may refuse before queueing anything. */
    private void deskAction(SimDesk desk, int d, int roll) {
        try {
            if (roll < 22) {
                book(desk, d);
            } else if (roll < 28) {
                cancel(desk, d);
            } else if (roll < 38) {
                checkIn(desk, d);
            } else if (roll < 46) {
                edit(desk, d);
            } else {
                register(desk, d);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The desk does not know the member, slot or booking yet, or it is already cancelled.
            log.event("desk%d refused locally: %s", d, e.getMessage());
        }
    }

    private void book(SimDesk desk, int d) {
        count("book");
        SlotId slot = slots.get(random.nextInt(slots.size()));
        MemberId member = members.get(random.nextInt(members.size()));
        BookingResult result = desk.desk().bookings().book(gym.frontDesk, slot, member, random.nextInt(10) == 0);
        log.event("desk%d books member %d on slot %d: %s%s", d, members.indexOf(member), slots.indexOf(slot),
                result.state(), result.refusal() == null ? "" : " " + result.refusal());
        if (result.opId() != null) {
            createdOps.add(result.opId());
            desk.bookings.add(result.bookingId());
        }
    }

    private void cancel(SimDesk desk, int d) {
        count("cancel");
        if (desk.bookings.isEmpty()) {
            return;
        }
        BookingId booking = desk.bookings.get(random.nextInt(desk.bookings.size()));
        createdOps.add(desk.desk().bookings().cancel(gym.frontDesk, booking));
        log.event("desk%d cancels its booking %d", d, desk.bookings.indexOf(booking));
    }

    private void checkIn(SimDesk desk, int d) {
        MemberId member = members.get(random.nextInt(members.size()));
        CheckInResult result;
        if (random.nextBoolean()) {
            count("check-in by QR");
            result = desk.desk().checkIns().byQr(gym.frontDesk, cards.get(member));
        } else {
            count("check-in by staff");
            result = desk.desk().checkIns().byStaff(gym.frontDesk, member);
        }
        log.event("desk%d checks in member %d: %s", d, members.indexOf(member), result.decision());
        if (result.opId() != null) {
            createdOps.add(result.opId());
        }
    }

    private void edit(SimDesk desk, int d) {
        count("edit member");
        MemberId member = members.get(random.nextInt(Math.min(2, members.size())));
        String field = random.nextBoolean() ? "phone" : "email";
        String value = field.equals("phone") ? "+49 30 " + (1000 + step * 10 + d) : "m" + step + "d" + d + "@sim.test";
        createdOps.add(desk.desk().members().edit(gym.frontDesk, member, Map.of(field, value)));
        log.event("desk%d sets member %d's %s to %s", d, members.indexOf(member), field, value);
    }

    private void register(SimDesk desk, int d) {
        count("register member");
        MemberId id = desk.desk().members().register(gym.frontDesk, new NewMember("New", "Sim" + seed + "n" + step, null,
                null, null));
        log.event("desk%d registers a member (%s)", d, id);
    }

    private void resolveConflict() {
        count("resolve conflict");
        ApiClient.Response open = gym.api().get("/api/v1/conflicts?status=OPEN", managerToken());
        if (open.status() != 200) {
            throw new InvariantViolation("the manager's queue answers", open.toString());
        }
        List<JsonNode> mine = new ArrayList<>();
        open.body().forEach(c -> {
            if (ownsConflict(c)) {
                mine.add(c);
            }
        });
        if (mine.isEmpty()) {
            return;
        }
        // Ordered by what the seed decides: the server's own ids are random, so they may not break ties
        // (many conflicts share a simulated instant); the entity and operation ids were minted by seeded desks.
        mine.sort(Comparator.comparing((JsonNode c) -> c.path("createdAt").asText())
                .thenComparing(c -> c.path("kind").asText()).thenComparing(c -> c.path("entityType").asText())
                .thenComparing(c -> c.path("entityId").asText()).thenComparing(c -> c.path("opId").asText()));
        JsonNode conflict = mine.get(random.nextInt(mine.size()));
        List<String> resolutions = new ArrayList<>();
        conflict.path("resolutions").forEach(r -> resolutions.add(r.asText()));
        String resolution = resolutions.get(random.nextInt(resolutions.size()));
        ApiClient.Response resolved = gym.api().post("/api/v1/conflicts/" + conflict.path("id").asText() + "/resolve",
                Map.of("resolution", resolution), managerToken());
        log.event("the manager resolves a %s conflict: %s -> %d", conflict.path("kind").asText(), resolution,
                resolved.status());
        if (resolved.status() >= 500 || (resolved.status() != 200 && resolved.code() == null)) {
            throw new InvariantViolation("a resolution is accepted or refused cleanly", resolved.toString());
        }
        if (resolved.status() != 200) {
            // e.g. ADD_SEAT after the class started: refused with its reason, and the conflict stays open
            ApiClient.Response after = gym.api().get("/api/v1/conflicts/" + conflict.path("id").asText(), managerToken());
            if (after.status() != 200 || !"OPEN".equals(after.text("status"))) {
                throw new InvariantViolation("a refused resolution leaves the conflict open", after.toString());
            }
        }
    }

    /** Whether a conflict came from one of this run's desks (the manager's queue is the whole server's). */
    boolean ownsConflict(JsonNode conflict) {
        String device = conflict.path("deviceId").asText("");
        return desks.stream().anyMatch(desk -> device.equals(desk.state().deviceId));
    }

    String managerToken() {
        return managerToken = gym.managerToken();
    }

    private void flipNetwork(SimDesk desk, int d) {
        count("network");
        int roll = random.nextInt(3);
        SimNetwork.Mode mode = SimNetwork.Mode.values()[roll];
        desk.network.mode(mode);
        if (mode == SimNetwork.Mode.PARTITIONED) {
            desk.partitionedUntil = step + random.nextInt(5, 20);
            log.event("desk%d is cut off until step %d", d, desk.partitionedUntil);
        } else {
            log.event("desk%d network %s", d, mode);
        }
    }

    /**
     * The desk subscribes to the server's pokes with the real client {@code EventStream}; another
     * desk syncs; if that moved the feed, the subscriber must hear a {@code changed} event. The
     * driver waits for each event it expects (the stream is read on OkHttp's thread), so the trace
     * is the same whatever the thread timing; a poke that never comes fails the run.
     */
    private void watchPokes(SimDesk desk, int d) {
        count("watch pokes");
        // another desk syncs: the next one round the ring with operations to push, so the feed likely moves
        int start = random.nextInt(desks.size() - 1);
        int o = (d + 1 + start) % desks.size();
        for (int k = 0; k < desks.size() - 1; k++) {
            int candidate = (d + 1 + (start + k) % (desks.size() - 1)) % desks.size();
            if (desks.get(candidate).desk().pendingOperations() > 0) {
                o = candidate;
                break;
            }
        }
        SimDesk other = desks.get(o);
        CountDownLatch settled = new CountDownLatch(1);
        AtomicBoolean opened = new AtomicBoolean();
        Semaphore pokes = new Semaphore(0);
        try (EventStream events = desk.desk().events(() -> {
            opened.set(true);
            settled.countDown();
        }, pokes::release, settled::countDown)) {
            events.open();
            if (!await(settled)) {
                throw new InvariantViolation("a poke stream opens or fails", "desk" + d + "'s stream neither opened nor failed");
            }
            if (!opened.get()) {
                log.event("desk%d could not subscribe to pokes", d);
                return;
            }
            // the desk's own catch-up on opening, then the server's greeting with its position
            if (!acquire(pokes, 2)) {
                throw new InvariantViolation("the server greets a new poke stream", "desk" + d + " heard no greeting");
            }
            long before = server.app().services().feed().position();
            sync(other, o);
            long after = server.app().services().feed().position();
            if (after == before) {
                log.event("desk%d subscribed; the feed did not move", d);
                return;
            }
            if (!acquire(pokes, 1)) {
                throw new InvariantViolation("a subscribed desk is poked when the feed moves", "desk" + d
                        + " heard nothing within " + POKE_WAIT_MILLIS + " ms after the feed moved");
            }
            log.event("desk%d was poked after the feed moved", d);
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(POKE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean acquire(Semaphore pokes, int count) {
        try {
            return pokes.tryAcquire(count, POKE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The desk gives back the unused seats of its leases (the explicit lease-return call). */
    private void returnLeases(SimDesk desk, int d) {
        count("return leases");
        String me = desk.state().deviceId;
        Mirror mirror = new Mirror(DeskJson.mapper());
        // lease rows come from the grant (leaseId) or from the feed (id, returnedAt)
        List<Map<String, Object>> unused = new ArrayList<>(desk.store().inTransaction(s -> mirror.all(s, Feed.SEAT_LEASE))
                .stream().filter(l -> me.equals(String.valueOf(l.get("deviceId"))))
                .filter(l -> l.get("returnedAt") == null)
                .filter(l -> ((Number) l.get("seats")).intValue() > ((Number) l.get("used")).intValue()).toList());
        if (unused.isEmpty()) {
            log.event("desk%d has no unused leases to return", d);
            return;
        }
        unused.sort(Comparator.comparing((Map<String, Object> l) -> slotIndex(String.valueOf(l.get("slotId")))));
        List<UUID> ids = unused.stream().map(l -> UUID.fromString(String.valueOf(l.getOrDefault("leaseId", l.get("id")))))
                .toList();
        List<Integer> onSlots = unused.stream().map(l -> slotIndex(String.valueOf(l.get("slotId")))).toList();
        try {
            desk.desk().engine().returnLeases(ids);
            log.event("desk%d returned its unused leases on slots %s", d, onSlots);
        } catch (ServerUnavailable e) {
            log.event("desk%d could not return its leases: %s", d, e.getMessage());
        }
    }

    private int slotIndex(String slotId) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).value().toString().equals(slotId)) {
                return i;
            }
        }
        return -1;
    }

    private void sync(SimDesk desk, int d) {
        count("sync");
        try {
            desk.desk().syncOnce();
            log.event("desk%d synced (pending %d)", d, desk.desk().pendingOperations());
        } catch (ServerUnavailable e) {
            if (hasCause(e, SimNetwork.DeskKilled.class)) {
                log.event("desk%d died mid-sync and restarts", d);
                desk.crash();
            } else {
                log.event("desk%d sync failed: %s", d, e.getMessage());
            }
        } finally {
            desk.network.cancelKill();
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Ends partitions that are over; at the end of the run ends every fault. */
    private void heal(boolean everything) {
        for (SimDesk desk : desks) {
            if (everything || (desk.network.mode() == SimNetwork.Mode.PARTITIONED && step >= desk.partitionedUntil)) {
                desk.network.mode(SimNetwork.Mode.ONLINE);
            }
        }
    }

    /**
     * Heals the network, lets the held pushes arrive, and syncs every desk until a whole round
     * moved nothing: no pending operations and no cursor that advanced.
     */
    private void settle() {
        heal(true);
        log.event("the network heals");
        desks.forEach(desk -> desk.network.deliverHeld());
        for (int round = 0; round < 12; round++) {
            boolean moved = false;
            for (SimDesk desk : desks) {
                long before = desk.cursor();
                desk.desk().syncOnce();
                recordCursors();
                moved |= desk.cursor() != before || desk.desk().pendingOperations() > 0;
            }
            if (!moved) {
                log.event("quiet after %d rounds", round + 1);
                return;
            }
        }
        throw new InvariantViolation("settles", "the desks did not go quiet within 12 sync rounds after the network healed");
    }

    private void recordCursors() {
        for (SimDesk desk : desks) {
            desk.cursors.add(desk.cursor());
        }
    }

    /** All outbox entries of a desk, in sequence order. */
    static List<OutboxEntry> outbox(SimDesk desk) {
        return desk.store().inTransaction(s -> s.createSelectionQuery("from OutboxEntry order by sequence",
                OutboxEntry.class).getResultList());
    }

    private void count(String action) {
        actions.merge(action, 1, Integer::sum);
    }
}
