package app.spotter.server.auth;

import app.spotter.server.support.MovableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.model.api.AuthApi.TokenPair;
import app.spotter.server.audit.AuditEntry;
import app.spotter.server.support.AddressedClient;
import app.spotter.server.support.AddressedClient.Answer;
import app.spotter.server.support.TestDatabase;
import app.spotter.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Password guessing is slowed per account and per address, a locked account opens again when an
 * admin unlocks it, and a burst of password hashes cannot stall the server. Real HTTP on H2 and
 * PostgreSQL; the server's clock is the test's, so delays pass without waiting. Each test speaks
 * from its own loopback address (127.0.0.x), as a different client would.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class LoginThrottleTest {

    private static final String PASSWORD = "right-password-1";
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);


    private static TestServer server;
    private static TestDatabase running;
    private static final MovableClock clock = new MovableClock(Instant.now());

    @Parameter
    TestDatabase database;

    @BeforeEach
    void startServer() {
        if (server == null || running != database) {
            stopServer();
            server = TestServer.start(database, clock);
            running = database;
        }
    }

    @AfterParameterizedClassInvocation
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
            running = null;
        }
    }

    /** A client at an address no other test uses. */
    private static AddressedClient newClient() {
        return new AddressedClient(server.app().baseUrl(), "127.0.0." + NEXT_ADDRESS.getAndIncrement());
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@throttle.spotter.app";
    }

    private static UUID account(String email, Role role) {
        TokenPair t = server.app().services().accounts().bootstrapAccount(email, PASSWORD, "Test " + role, role, null);
        assertNotNull(t.accessToken());
        return server.app().services().tx().inTransaction(s -> AuthService.findByEmail(s, email).id);
    }

    private static Answer login(AddressedClient c, String email, String password) {
        return c.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
    }

    private static void assertTooMany(Answer a, String code) {
        assertEquals(429, a.status(), a.toString());
        assertEquals(code, a.code(), a.toString());
        String retryAfter = a.header("Retry-After");
        assertNotNull(retryAfter, "Retry-After header on " + a);
        assertTrue(Long.parseLong(retryAfter) >= 1, a.toString());
        assertTrue(a.text("message").contains(retryAfter + " s"), "the message names the wait: " + a);
    }

    private static List<AuditEntry> audit(String action, UUID entity) {
        return server.app().services().tx().inTransaction(s -> s.createSelectionQuery(
                        "from AuditEntry e where e.action = :a and e.entityId = :id order by e.at", AuditEntry.class)
                .setParameter("a", action).setParameter("id", entity.toString()).getResultList());
    }

    @Test
    void thirtyWrongPasswordsThenTheRightOneIsRefusedUntilTheDelayPasses() {
        AddressedClient c = newClient();
        String email = email("guessed");
        UUID id = account(email, Role.FRONT_DESK);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(login(c, email, "wrong-password-" + i).status());
        }
        assertEquals(Collections.nCopies(5, 401), statuses.subList(0, 5), "five free tries: " + statuses);
        assertEquals(Collections.nCopies(25, 429), statuses.subList(5, 30), "then a delay: " + statuses);

        Answer right = login(c, email, PASSWORD);
        assertTooMany(right, "TOO_MANY_ATTEMPTS");
        assertEquals("1", right.header("Retry-After"), "the first delay is one second");

        clock.advance(Duration.ofSeconds(1));
        Answer after = login(c, email, PASSWORD);
        assertEquals(200, after.status(), after.toString());
        assertNotNull(after.text("accessToken"));
        // the five wrong passwords and the login are audited with the account as actor and the address
        List<AuditEntry> failed = audit("LOGIN_FAILED", id);
        assertEquals(5, failed.size());
        assertEquals(id, failed.get(0).actorId);
        assertTrue(failed.get(0).afterJson.contains("127.0.0."), failed.get(0).afterJson);
        assertEquals(1, audit("LOGIN_SUCCEEDED", id).size());
    }

    @Test
    void theDelayGrowsUntilTheAccountIsLockedAndAnAdminUnlocksIt() {
        AddressedClient c = newClient();
        String email = email("locked");
        UUID id = account(email, Role.MEMBER);
        List<Long> delays = new ArrayList<>();
        Answer last = null;
        for (int i = 0; i < 12; i++) {
            last = login(c, email, "wrong-password");
            if (last.status() == 429) {
                if ("ACCOUNT_LOCKED".equals(last.code())) {
                    break;
                }
                long wait = Long.parseLong(last.header("Retry-After"));
                delays.add(wait);
                clock.advance(Duration.ofSeconds(wait));
                i--; // a refused try is not a guess
            }
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L), delays, "delays double after the fifth wrong password");
        assertTooMany(last, "ACCOUNT_LOCKED");

        clock.advance(Duration.ofMinutes(20));
        assertTooMany(login(c, email, PASSWORD), "ACCOUNT_LOCKED");
        assertEquals(1, audit("ACCOUNT_LOCKED", id).size());

        String frontDesk = server.login(Role.FRONT_DESK);
        assertEquals(403, c.post("/api/v1/staff/" + id + "/unlock", null, frontDesk).status());
        String admin = server.login(Role.ADMIN);
        Answer unlocked = c.post("/api/v1/staff/" + id + "/unlock", null, admin);
        assertEquals(200, unlocked.status(), unlocked.toString());
        assertEquals("false", unlocked.text("locked"));
        assertEquals(404, c.post("/api/v1/staff/" + UUID.randomUUID() + "/unlock", null, admin).status());

        Answer in = login(c, email, PASSWORD);
        assertEquals(200, in.status(), in.toString());
        List<AuditEntry> unlocks = audit("ACCOUNT_UNLOCKED", id);
        assertEquals(1, unlocks.size());
        assertEquals("ADMIN", unlocks.get(0).actorRole);
    }

    @Test
    void aStrangerWhoLocksAnAccountDoesNotKeepItsOwnerOut() {
        AddressedClient owner = newClient();
        String email = email("owner");
        account(email, Role.MANAGER);
        assertEquals(200, login(owner, email, PASSWORD).status(), "the owner logged in from here before");
        AddressedClient stranger = newClient();
        Answer last = null;
        for (int i = 0; i < 40 && (last == null || !"ACCOUNT_LOCKED".equals(last.code())); i++) {
            last = login(stranger, email, "guess-" + i);
            if ("TOO_MANY_ATTEMPTS".equals(last.code())) {
                clock.advance(Duration.ofSeconds(Long.parseLong(last.header("Retry-After"))));
            }
        }
        assertTooMany(login(stranger, email, PASSWORD), "ACCOUNT_LOCKED");
        assertTooMany(login(newClient(), email, PASSWORD), "ACCOUNT_LOCKED");
        // the owner's own address is not held by the lock a stranger caused
        assertEquals(200, login(owner, email, PASSWORD).status(), "the owner logs in from a known address");
    }

    @Test
    void anotherServerProcessOnTheSameDatabaseKeepsTheDelay() {
        AddressedClient c = newClient();
        String email = email("sibling");
        account(email, Role.MEMBER);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(c, email, "wrong-password").status());
        }
        try (var sibling = server.startSibling(clock)) {
            AddressedClient there = new AddressedClient(sibling.baseUrl(), "127.0.0." + NEXT_ADDRESS.getAndIncrement());
            assertTooMany(login(there, email, PASSWORD), "TOO_MANY_ATTEMPTS");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(200, login(there, email, PASSWORD).status());
        }
    }

    @Test
    void anE_mailTooLongForAnyAccountIsCountedNotAServerError() {
        AddressedClient c = newClient();
        String huge = "x".repeat(5_000) + "@example.com";
        for (int i = 0; i < 6; i++) {
            Answer a = login(c, huge, "wrong-password");
            assertEquals(i < 5 ? 401 : 429, a.status(), a.toString());
        }
    }

    @Test
    void theStudioLoginSharesTheAccountsCount() {
        AddressedClient c = newClient();
        String email = email("studio");
        account(email, Role.MEMBER);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(c, email, "wrong-password").status());
        }
        Answer studio = c.post("/api/login/", Map.of("email", email, "password", PASSWORD), null);
        assertTooMany(studio, "TOO_MANY_ATTEMPTS");
    }

    @Test
    void oneAddressGuessingAtManyAccountsIsSlowedAndAnotherAddressIsNot() {
        AddressedClient guesser = newClient();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            statuses.add(login(guesser, email("sprayed"), "Summer2026!").status());
        }
        assertEquals(Collections.nCopies(20, 401), statuses.subList(0, 20), statuses.toString());
        assertEquals(Collections.nCopies(5, 429), statuses.subList(20, 25), statuses.toString());
        String email = email("bystander");
        account(email, Role.MEMBER);
        assertTooMany(login(guesser, email, PASSWORD), "TOO_MANY_ATTEMPTS");
        assertEquals(200, login(newClient(), email, PASSWORD).status(), "another address logs in");
    }

    @Test
    void registrationsFromOneAddressAreLimited() {
        AddressedClient c = newClient();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(c.post("/api/v1/auth/register",
                    Map.of("email", email("signup"), "password", PASSWORD, "name", "New Member"), null).status());
        }
        for (int i = 0; i < 20; i++) {
            statuses.add(c.post("/api/register/", Map.of("email", email("client"), "password", PASSWORD,
                    "name", "New Client", "role", "client"), null).status());
        }
        assertEquals(Collections.nCopies(30, 201), statuses.subList(0, 30), statuses.toString());
        assertEquals(List.of(429, 429), statuses.subList(30, 32), statuses.toString());
        assertTooMany(c.post("/api/v1/auth/register", Map.of("email", email("signup"), "password", PASSWORD,
                "name", "New Member"), null), "TOO_MANY_ATTEMPTS");
        assertEquals(201, newClient().post("/api/v1/auth/register", Map.of("email", email("signup"),
                "password", PASSWORD, "name", "New Member"), null).status(), "another address registers");
    }

    private static UUID location(String admin, AddressedClient c) {
        Answer l = c.post("/api/v1/locations", Map.of("name", "Club " + UUID.randomUUID(), "timezone", "Europe/Berlin"), admin);
        assertEquals(201, l.status(), l.toString());
        return UUID.fromString(l.text("id"));
    }

    @Test
    void enrollmentWithAWrongCodeHashesNothingAndIsAuditedWithTheCodesCreatorWhenRight() {
        AddressedClient c = newClient();
        PasswordHasher hasher = server.app().services().hasher();
        long before = hasher.hashesComputed();
        Answer wrong = c.post("/api/v1/devices/enroll", Map.of("pairingCode", "ABCD-EFGH", "name", "Desk", "kind",
                "FRONT_DESK"), null);
        assertEquals(401, wrong.status(), wrong.toString());
        assertEquals("PAIRING_CODE_INVALID", wrong.code());
        assertEquals(before, hasher.hashesComputed(), "no password hash for a wrong pairing code");

        String manager = server.account(Role.MANAGER).accessToken();
        UUID managerId = UUID.fromString(c.get("/api/v1/me", manager).text("id"));
        String code = c.post("/api/v1/devices/pairing-codes", Map.of("locationId", location(manager, c)), manager).text("code");
        Answer enrolled = c.post("/api/v1/devices/enroll", Map.of("pairingCode", code, "name", "Desk", "kind",
                "FRONT_DESK"), null);
        assertEquals(201, enrolled.status(), enrolled.toString());
        List<AuditEntry> entries = audit("DEVICE_ENROLLED", UUID.fromString(enrolled.text("deviceId")));
        assertEquals(1, entries.size());
        assertEquals(managerId, entries.get(0).actorId, "the manager who made the pairing code");
    }

    @Test
    void wrongPairingCodesFromOneAddressAreSlowed() {
        AddressedClient c = newClient();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            statuses.add(c.post("/api/v1/devices/enroll", Map.of("pairingCode", "ABCD-EF" + (10 + i), "name", "Desk",
                    "kind", "FRONT_DESK"), null).status());
        }
        assertEquals(Collections.nCopies(20, 401), statuses.subList(0, 20), statuses.toString());
        assertEquals(List.of(429, 429), statuses.subList(20, 22), statuses.toString());
    }

    @Test
    void aDeviceLoginWithWrongSecretsIsSlowedPerDeviceAndAudited() {
        AddressedClient c = newClient();
        String admin = server.login(Role.ADMIN);
        String code = c.post("/api/v1/devices/pairing-codes", Map.of("locationId", location(admin, c), "kind", "KIOSK"), admin)
                .text("code");
        Answer device = c.post("/api/v1/devices/enroll", Map.of("pairingCode", code, "name", "Kiosk", "kind", "KIOSK"), null);
        String deviceId = device.text("deviceId");
        for (int i = 0; i < 5; i++) {
            Answer wrong = c.post("/api/v1/devices/token", Map.of("deviceId", deviceId, "deviceSecret", "guess-" + i), null);
            assertEquals(401, wrong.status(), wrong.toString());
        }
        AddressedClient elsewhere = newClient();
        Answer right = elsewhere.post("/api/v1/devices/token", Map.of("deviceId", deviceId,
                "deviceSecret", device.text("deviceSecret")), null);
        assertTooMany(right, "TOO_MANY_ATTEMPTS");
        clock.advance(Duration.ofSeconds(1));
        Answer in = elsewhere.post("/api/v1/devices/token", Map.of("deviceId", deviceId,
                "deviceSecret", device.text("deviceSecret")), null);
        assertEquals(200, in.status(), in.toString());
        List<AuditEntry> logins = audit("DEVICE_LOGIN_SUCCEEDED", UUID.fromString(deviceId));
        assertEquals(1, logins.size());
        assertEquals(UUID.fromString(deviceId), logins.get(0).actorId, "the device is the actor");
        assertEquals(5, audit("DEVICE_LOGIN_FAILED", UUID.fromString(deviceId)).size());
    }

    @Test
    void pinsTypedAtOneAddressAreSlowedAfterTwentyWrongOnes() {
        AddressedClient kiosk = newClient();
        String desk = server.login(Role.FRONT_DESK);
        String location = location(server.login(Role.ADMIN), kiosk).toString();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            statuses.add(kiosk.post("/api/v1/check-ins", Map.of("method", "PIN", "memberNumber", "9" + (100000 + i),
                    "pin", "0000", "locationId", location), desk).status());
        }
        // an unknown number answers like a wrong PIN (201 PIN_WRONG, decision 0014)
        assertEquals(Collections.nCopies(20, 201), statuses.subList(0, 20), "unknown numbers: " + statuses);
        assertEquals(List.of(429, 429), statuses.subList(20, 22), statuses.toString());
        assertTooMany(kiosk.post("/api/v1/check-ins", Map.of("method", "PIN", "memberNumber", "9100000", "pin", "0000",
                "locationId", location), desk), "TOO_MANY_ATTEMPTS");
        assertEquals(201, newClient().post("/api/v1/check-ins", Map.of("method", "PIN", "memberNumber", "9100000",
                "pin", "0000", "locationId", location), desk).status(), "another desk is not slowed");
    }

    @Test
    void fortyParallelLoginsDoNotStallHealth() throws Exception {
        String email = email("busy");
        account(email, Role.MEMBER);
        AddressedClient probe = newClient();
        assertEquals(200, probe.get("/health", null).status());
        List<Long> healthMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loggingIn = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(41);
        try {
            Future<?> sampler = pool.submit(() -> {
                while (loggingIn.get()) {
                    long start = System.nanoTime();
                    assertEquals(200, probe.get("/health", null).status());
                    healthMillis.add((System.nanoTime() - start) / 1_000_000);
                }
            });
            Thread.sleep(100);
            List<Future<Answer>> logins = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                AddressedClient c = newClient();
                logins.add(pool.submit(() -> login(c, email, PASSWORD)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> f : logins) {
                Answer a = f.get();
                statuses.add(a.status());
                assertTrue(a.status() == 200 || a.status() == 503, "a login is served or refused at once: " + a);
                if (a.status() == 503) {
                    assertEquals("SERVER_BUSY", a.code());
                    assertNotNull(a.header("Retry-After"));
                }
            }
            loggingIn.set(false);
            sampler.get();
            List<Long> sorted = new ArrayList<>(healthMillis);
            Collections.sort(sorted);
            long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
            long max = sorted.get(sorted.size() - 1);
            System.out.printf("/health during 40 parallel logins on %s: %d samples, p50 %d ms, p99 %d ms, max %d ms;"
                            + " logins 200: %d, 503: %d%n", database, sorted.size(), sorted.get(sorted.size() / 2), p99, max,
                    statuses.stream().filter(s -> s == 200).count(), statuses.stream().filter(s -> s == 503).count());
            assertTrue(statuses.contains(200), "some logins get through: " + statuses);
            assertTrue(max < 1_000, "/health answered within a second throughout, worst " + max + " ms");
        } finally {
            loggingIn.set(false);
            pool.shutdownNow();
        }
    }
}
