package app.spotter.bench;

import app.spotter.model.access.Role;
import app.spotter.model.common.UserId;
import app.spotter.server.SpotterApp;
import app.spotter.server.auth.AccessTokens;
import app.spotter.server.auth.UserAccount;
import app.spotter.server.config.ServerConfig;
import app.spotter.server.config.ServerSecrets;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.memberships.MembershipRecord;
import app.spotter.server.plans.PlanRecord;
import app.spotter.server.schedule.SessionRecord;
import app.spotter.server.schedule.TimeSlotRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Booking throughput of the real server over HTTP on PostgreSQL, against plain JDBC inserting the
 * same rows in the same run. Prints {@code BENCH <name> <value> <unit>} lines.
 *
 * <p>Environment: SPOTTER_BENCH_PG_URL (admin JDBC URL, default 127.0.0.1:5432/postgres),
 * SPOTTER_BENCH_PG_USER (postgres), SPOTTER_BENCH_BOOKINGS (6000), SPOTTER_BENCH_CLIENTS (32).
 */
public final class BookingBenchmark {

    private static final String ADMIN_URL = env("SPOTTER_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("SPOTTER_BENCH_PG_USER", "postgres");
    private static final String PASSWORD = env("SPOTTER_BENCH_PG_PASSWORD", "");
    private static final int CLIENTS = Integer.parseInt(env("SPOTTER_BENCH_CLIENTS", "32"));
    private static final int BOOKINGS = Integer.parseInt(env("SPOTTER_BENCH_BOOKINGS", "6000"));
    private static final int SLOTS = 300;
    private static final int PER_MEMBER = 4;
    private static final int STAMPEDE_ATTEMPTS = 500;
    private static final int STAMPEDE_SEATS = 20;

    private BookingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = "spotter_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        admin("create database " + db);
        String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + db;
        try {
            run(url);
        } finally {
            admin("drop database if exists " + db + " with (force)");
        }
        // the HTTP client's worker threads are not daemons; the run is over
        System.exit(0);
    }

    private static void run(String url) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SPOTTER_DB_URL", url);
        env.put("SPOTTER_DB_USER", USER);
        env.put("SPOTTER_DB_PASSWORD", PASSWORD);
        env.put("SPOTTER_PORT", "0");
        env.put("SPOTTER_DB_POOL_SIZE", String.valueOf(CLIENTS + 4));
        env.put("SPOTTER_DATA_DIR", "target/bench-data");
        ServerSecrets secrets = ServerSecrets.random();
        try (SpotterApp app = SpotterApp.create(ServerConfig.from(env), secrets, Clock.systemUTC()).start()) {
            int members = Math.max(STAMPEDE_ATTEMPTS, BOOKINGS / PER_MEMBER);
            Gym gym = Gym.create(app, members, secrets);
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
            String base = app.baseUrl() + "/api/v1/bookings";

            // Pairs (member, slot) with no member twice on one slot; slots are an hour apart so nothing overlaps.
            List<int[]> pairs = new ArrayList<>();
            int memberCount = BOOKINGS / PER_MEMBER;
            for (int j = 0; j < PER_MEMBER; j++) {
                for (int m = 0; m < memberCount; m++) {
                    pairs.add(new int[] {m, (m + j * 7) % SLOTS});
                }
            }
            Collections.shuffle(pairs, new Random(42));
            List<int[]> warmup = pairs.subList(0, Math.min(500, pairs.size() / 10));
            List<int[]> measured = pairs.subList(warmup.size(), pairs.size());

            drive(http, base, gym, gym.slots, warmup, CLIENTS);
            Result api = drive(http, base, gym, gym.slots, measured, CLIENTS);
            if (api.failures > 0) {
                System.err.println("WARN " + api.failures + " bookings were not 201 (first: " + api.firstFailure + ")");
            }
            double apiRate = api.ok / api.seconds;
            print("http_bookings_per_second", apiRate, "ops/s");
            print("http_booking_p50", api.percentile(50), "ms");
            print("http_booking_p99", api.percentile(99), "ms");

            double jdbcRate = jdbcBaseline(url, gym, measured.size());
            print("jdbc_insert_rows_per_second", jdbcRate, "rows/s");
            print("http_vs_jdbc_ratio", apiRate / jdbcRate, "x");

            Result stampede = stampede(http, base, gym);
            print("stampede_p99", stampede.percentile(99), "ms");
            print("stampede_p50", stampede.percentile(50), "ms");
            print("stampede_booked", stampede.ok, "bookings");
            print("stampede_seats", STAMPEDE_SEATS, "seats");
            if (stampede.ok != STAMPEDE_SEATS) {
                throw new IllegalStateException("Stampede booked " + stampede.ok + " of " + STAMPEDE_SEATS + " seats");
            }
        }
    }

    private record Result(int ok, int failures, String firstFailure, double seconds, long[] latenciesNanos) {
        double percentile(int p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, idx)] / 1_000_000.0;
        }
    }

    private static Result drive(HttpClient http, String url, Gym gym, List<UUID> slots, List<int[]> work, int clients)
            throws InterruptedException {
        ConcurrentLinkedQueue<int[]> queue = new ConcurrentLinkedQueue<>(work);
        long[] latencies = new long[work.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        String[] firstFailure = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                int[] pair;
                while ((pair = queue.poll()) != null) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = book(http, url, gym.tokens.get(pair[0]), slots.get(pair[1]));
                    latencies[next.getAndIncrement()] = System.nanoTime() - t0;
                    if (r != null && r.statusCode() == 201) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstFailure[0] = r == null ? "I/O error" : r.statusCode() + " " + r.body();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get(), failed.get(), firstFailure[0], seconds, Arrays.copyOf(latencies, next.get()));
    }

    private static Result stampede(HttpClient http, String url, Gym gym) throws InterruptedException {
        long[] latencies = new long[STAMPEDE_ATTEMPTS];
        AtomicInteger ok = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(100);
        long start = System.nanoTime();
        for (int i = 0; i < STAMPEDE_ATTEMPTS; i++) {
            int member = i;
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long t0 = System.nanoTime();
                HttpResponse<String> r = book(http, url, gym.tokens.get(member), gym.stampedeSlot);
                latencies[member] = System.nanoTime() - t0;
                if (r != null && r.statusCode() == 201) {
                    ok.incrementAndGet();
                }
            });
        }
        go.countDown();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return new Result(ok.get(), STAMPEDE_ATTEMPTS - ok.get(), null, (System.nanoTime() - start) / 1e9, latencies);
    }

    private static HttpResponse<String> book(HttpClient http, String url, String token, UUID slot) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"slotId\":\"" + slot + "\",\"waitlist\":false}"))
                    .timeout(Duration.ofSeconds(60))
                    .build();
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The baseline: the same number of booking rows, inserted by the same number of threads with
     * plain JDBC, one row per transaction, with no rules, locks or HTTP.
     */
    private static double jdbcBaseline(String url, Gym gym, int rows) throws Exception {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            pairs.add(new int[] {i % gym.memberIds.size(), (i / gym.memberIds.size()) % gym.baselineSlots.size()});
        }
        ConcurrentLinkedQueue<int[]> queue = new ConcurrentLinkedQueue<>(pairs);
        AtomicInteger inserted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            pool.execute(() -> {
                try (Connection conn = DriverManager.getConnection(url, USER, PASSWORD);
                     PreparedStatement ps = conn.prepareStatement("""
                             insert into booking (id, slot_id, member_id, active_member_id, status, starts_at, ends_at,
                                                  membership_id, credit_charged, created_at)
                             values (?, ?, ?, ?, 'BOOKED', ?, ?, ?, false, ?)""")) {
                    int[] pair;
                    while ((pair = queue.poll()) != null) {
                        UUID member = gym.memberIds.get(pair[0]);
                        Instant startsAt = gym.baselineStarts.get(pair[1]);
                        ps.setObject(1, UUID.randomUUID());
                        ps.setObject(2, gym.baselineSlots.get(pair[1]));
                        ps.setObject(3, member);
                        ps.setObject(4, member);
                        ps.setTimestamp(5, Timestamp.from(startsAt));
                        ps.setTimestamp(6, Timestamp.from(startsAt.plus(1, ChronoUnit.HOURS)));
                        ps.setObject(7, gym.membershipIds.get(pair[0]));
                        ps.setTimestamp(8, Timestamp.from(Instant.now()));
                        ps.executeUpdate();
                        inserted.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (inserted.get() != rows) {
            throw new IllegalStateException("baseline inserted " + inserted.get() + " of " + rows);
        }
        return rows / seconds;
    }

    /** A gym arranged directly in the database: members with unlimited memberships and hourly slots. */
    private static final class Gym {
        final List<UUID> memberIds = new ArrayList<>();
        final List<UUID> membershipIds = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();
        final List<UUID> slots = new ArrayList<>();
        final List<UUID> baselineSlots = new ArrayList<>();
        final List<Instant> baselineStarts = new ArrayList<>();
        UUID stampedeSlot;

        static Gym create(SpotterApp app, int members, ServerSecrets secrets) {
            Gym g = new Gym();
            AccessTokens tokens = new AccessTokens(secrets.jwtSecret(), Clock.systemUTC());
            String sharedHash = app.services().hasher().hash("bench-password");
            Instant now = Instant.now();
            Instant firstHour = now.truncatedTo(ChronoUnit.HOURS).plus(2, ChronoUnit.HOURS);
            app.services().tx().run(session -> {
                LocationRecord loc = new LocationRecord();
                loc.id = UUID.randomUUID();
                loc.name = "Bench Club";
                loc.zoneId = "Europe/Berlin";
                loc.createdAt = now;
                session.persist(loc);
                PlanRecord plan = new PlanRecord();
                plan.id = UUID.randomUUID();
                plan.name = "Unlimited monthly";
                plan.kind = "RECURRING_MONTHLY";
                plan.priceMinor = 4900;
                plan.currency = "EUR";
                plan.active = true;
                plan.createdAt = now;
                session.persist(plan);
                SessionRecord cls = new SessionRecord();
                cls.id = UUID.randomUUID();
                cls.kind = "CLASS";
                cls.title = "Bench Spin";
                cls.locationId = loc.id;
                cls.defaultCapacity = 100;
                cls.createdAt = now;
                session.persist(cls);
                for (int s = 0; s < SLOTS + 1 + SLOTS; s++) {
                    TimeSlotRecord slot = new TimeSlotRecord();
                    slot.id = UUID.randomUUID();
                    slot.sessionId = cls.id;
                    // booked slots within the 14-day window; the stampede slot after them; baseline slots later
                    slot.startsAt = s <= SLOTS ? firstHour.plus(s, ChronoUnit.HOURS) : firstHour.plus(20L * 24 + s, ChronoUnit.HOURS);
                    slot.endsAt = slot.startsAt.plus(1, ChronoUnit.HOURS);
                    slot.zoneId = loc.zoneId;
                    slot.capacity = s == SLOTS ? STAMPEDE_SEATS : 100_000;
                    slot.status = "SCHEDULED";
                    slot.createdAt = now;
                    session.persist(slot);
                    if (s < SLOTS) {
                        g.slots.add(slot.id);
                    } else if (s == SLOTS) {
                        g.stampedeSlot = slot.id;
                    } else {
                        g.baselineSlots.add(slot.id);
                        g.baselineStarts.add(slot.startsAt);
                    }
                }
                for (int i = 0; i < members; i++) {
                    MemberRecord m = new MemberRecord();
                    m.id = UUID.randomUUID();
                    m.memberNumber = "B%07d".formatted(i);
                    m.firstName = "Bench";
                    m.lastName = "Member " + i;
                    m.createdAt = now;
                    m.updatedAt = now;
                    session.persist(m);
                    UserAccount u = new UserAccount();
                    u.id = UUID.randomUUID();
                    u.email = "bench" + i + "@bench.spotter.app";
                    u.passwordHash = sharedHash;
                    u.name = "Bench Member " + i;
                    u.role = Role.MEMBER;
                    u.memberId = m.id;
                    u.createdAt = now;
                    session.persist(u);
                    MembershipRecord ms = new MembershipRecord();
                    ms.id = UUID.randomUUID();
                    ms.memberId = m.id;
                    ms.planId = plan.id;
                    ms.status = "ACTIVE";
                    ms.startsOn = LocalDate.now().minusDays(10);
                    ms.versionVector = "";
                    ms.createdAt = now;
                    session.persist(ms);
                    g.memberIds.add(m.id);
                    g.membershipIds.add(ms.id);
                    g.tokens.add(tokens.issue(new UserId(u.id), Role.MEMBER));
                    if (i % 200 == 199) {
                        session.flush();
                        session.clear();
                    }
                }
            });
            return g;
        }
    }

    private static void print(String name, double value, String unit) {
        System.out.printf(java.util.Locale.ROOT, "BENCH %s %.2f %s%n", name, value, unit);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
