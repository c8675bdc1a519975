package app.spotter.client.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.Desk;
import app.spotter.client.store.DeskStore;
import app.spotter.client.support.MutableClock;
import app.spotter.client.support.NetworkSwitch;
import app.spotter.model.access.Role;
import app.spotter.server.support.TestDatabase;
import app.spotter.server.support.TestServer;
import java.time.Clock;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Staff login at the desk against the real server, then through an outage on the cached hash. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffLoginTest {

    private static final String PASSWORD = "front-desk-pass-1";

    private TestServer server;
    private final NetworkSwitch network = new NetworkSwitch();
    private DeskStore store;
    private Desk desk;
    private String email;
    private String userId;

    @BeforeAll
    void startServer() {
        server = TestServer.start(TestDatabase.H2);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @BeforeEach
    void newDeskAndStaff() {
        network.up();
        store = DeskStore.inMemory("staff_" + UUID.randomUUID().toString().replace("-", ""));
        desk = new Desk(store, Desk.Settings.of(server.app().baseUrl(),
                new OkHttpClient.Builder().addInterceptor(network).build(), Clock.systemUTC()));
        email = "Manager-" + UUID.randomUUID().toString().substring(0, 8) + "@test.spotter.app";
        String token = server.app().services().accounts()
                .bootstrapAccount(email, PASSWORD, "Mia Manager", Role.MANAGER, null).accessToken();
        userId = server.client().get("/api/v1/me", token).text("id");
    }

    @AfterEach
    void closeDesk() {
        desk.close();
        store.shutdown();
    }

    @Test
    void staffWhoLoggedInOnlineCanLogInOfflineWithTheSamePassword() {
        StaffProfile online = desk.staffLogin(email, PASSWORD);
        assertFalse(online.offline());
        assertEquals(userId, online.id().toString());
        assertEquals(Role.MANAGER, online.role());
        assertEquals("Mia Manager", online.name());

        network.down();
        StaffProfile offline = desk.staffLogin(email.toUpperCase(java.util.Locale.ROOT), PASSWORD);

        assertTrue(offline.offline());
        assertEquals(online.id(), offline.id());
        assertEquals(Role.MANAGER, offline.role());
        assertTrue(network.refusedCalls() > 0, "the desk tried the server first");
    }

    @Test
    void aWrongPasswordIsRefusedOfflineToo() {
        desk.staffLogin(email, PASSWORD);
        network.down();

        LoginRefused refused = assertThrows(LoginRefused.class, () -> desk.staffLogin(email, "not-the-password"));

        assertEquals(LoginRefused.Reason.WRONG_CREDENTIALS, refused.reason());
    }

    @Test
    void someoneWhoNeverLoggedInHereCannotLogInOffline() {
        network.down();

        LoginRefused refused = assertThrows(LoginRefused.class, () -> desk.staffLogin(email, PASSWORD));

        assertEquals(LoginRefused.Reason.UNKNOWN_OFFLINE, refused.reason());
    }

    @Test
    void aWrongPasswordOnlineIsRefusedAndNotCached() {
        LoginRefused refused = assertThrows(LoginRefused.class, () -> desk.staffLogin(email, "not-the-password"));
        assertEquals(LoginRefused.Reason.WRONG_CREDENTIALS, refused.reason());

        network.down();
        assertEquals(LoginRefused.Reason.UNKNOWN_OFFLINE,
                assertThrows(LoginRefused.class, () -> desk.staffLogin(email, "not-the-password")).reason());
    }

    @Test
    void aServerThatSaysTooManyAttemptsIsBelievedAndTheCacheIsNotAskedInstead() {
        desk.staffLogin(email, PASSWORD);
        // someone guesses at the desk (other e-mails) until the server slows the desk's address down; the
        // account's own delay does not hold an address it logged in from (decision 0015)
        LoginRefused.Reason last = null;
        for (int i = 0; i < 30 && last != LoginRefused.Reason.TOO_MANY_ATTEMPTS; i++) {
            int n = i;
            last = assertThrows(LoginRefused.class, () -> desk.staffLogin("guess-" + n + "@nobody.example", "guess")).reason();
        }
        assertEquals(LoginRefused.Reason.TOO_MANY_ATTEMPTS, last, "the address is slowed after 20 wrong logins");
        // the desk must not fall back to its cached hash: that would be guessing without a limit
        assertEquals(LoginRefused.Reason.TOO_MANY_ATTEMPTS,
                assertThrows(LoginRefused.class, () -> desk.staffLogin(email, "guess-at-the-desk")).reason());
        assertEquals(LoginRefused.Reason.TOO_MANY_ATTEMPTS,
                assertThrows(LoginRefused.class, () -> desk.staffLogin(email, PASSWORD)).reason());
        // and the cached login still serves an outage
        network.down();
        assertTrue(desk.staffLogin(email, PASSWORD).offline());
        // the other tests of this class log in from the same address
        server.app().services().tx().run(s -> s.createMutationQuery("delete from LoginThrottleRecord").executeUpdate());
    }

    @Test
    void aLoginTheServerRefusesForgetsTheCachedOne() {
        desk.staffLogin(email, PASSWORD);
        // e.g. the password was changed elsewhere: the old one is refused online...
        assertThrows(LoginRefused.class, () -> desk.staffLogin(email, "an-old-password"));

        network.down();
        // ...and no longer opens the desk offline either, until the next successful online login.
        assertEquals(LoginRefused.Reason.UNKNOWN_OFFLINE,
                assertThrows(LoginRefused.class, () -> desk.staffLogin(email, PASSWORD)).reason());
    }

    @Test
    void membersCannotLogInAtTheDesk() {
        String memberEmail = "member-" + UUID.randomUUID().toString().substring(0, 8) + "@test.spotter.app";
        server.app().services().accounts().bootstrapAccount(memberEmail, PASSWORD, "Max Member", Role.MEMBER, null);

        LoginRefused refused = assertThrows(LoginRefused.class, () -> desk.staffLogin(memberEmail, PASSWORD));

        assertEquals(LoginRefused.Reason.NOT_STAFF, refused.reason());
    }

    @Test
    void aCachedLoginExpiresFourteenDaysAfterTheLastOnlineLogin() {
        MutableClock clock = new MutableClock(java.time.Instant.now());
        try (Desk later = new Desk(store, Desk.Settings.of(server.app().baseUrl(),
                new OkHttpClient.Builder().addInterceptor(network).build(), clock))) {
            later.staffLogin(email, PASSWORD);
            network.down();
            clock.advance(java.time.Duration.ofDays(13));
            assertTrue(later.staffLogin(email, PASSWORD).offline(), "13 days later it still works offline");

            clock.advance(java.time.Duration.ofDays(1).plusMinutes(1));
            LoginRefused refused = assertThrows(LoginRefused.class, () -> later.staffLogin(email, PASSWORD));
            assertEquals(LoginRefused.Reason.EXPIRED_OFFLINE, refused.reason());
            // A wrong password still says only that, expired or not.
            assertEquals(LoginRefused.Reason.WRONG_CREDENTIALS,
                    assertThrows(LoginRefused.class, () -> later.staffLogin(email, "not-the-password")).reason());

            network.up();
            assertFalse(later.staffLogin(email, PASSWORD).offline(), "an online login renews it");
            network.down();
            assertTrue(later.staffLogin(email, PASSWORD).offline());
        }
    }

    @Test
    void theOfflinePeriodIsConfigurable() {
        MutableClock clock = new MutableClock(java.time.Instant.now());
        try (Desk strict = new Desk(store, Desk.Settings.of(server.app().baseUrl(),
                new OkHttpClient.Builder().addInterceptor(network).build(), clock)
                .withOfflineLoginValidity(java.time.Duration.ofDays(2)))) {
            strict.staffLogin(email, PASSWORD);
            network.down();
            clock.advance(java.time.Duration.ofDays(3));
            assertEquals(LoginRefused.Reason.EXPIRED_OFFLINE,
                    assertThrows(LoginRefused.class, () -> strict.staffLogin(email, PASSWORD)).reason());
        }
    }

    @Test
    void aDeactivatedStaffMemberCannotLogInOfflineOnceTheDeskHasSynced() {
        app.spotter.server.support.GymFixtures gym = new app.spotter.server.support.GymFixtures(server);
        UUID location = gym.location("Europe/Berlin");
        String code = server.client().post("/api/v1/devices/pairing-codes", java.util.Map.of("locationId", location),
                server.login(Role.MANAGER)).text("code");
        desk.enroll(code, "Front desk", app.spotter.model.sync.DeviceKind.FRONT_DESK);
        String colleague = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@test.spotter.app";
        server.app().services().accounts().bootstrapAccount(colleague, PASSWORD, "Dana Desk", Role.FRONT_DESK, null);
        desk.staffLogin(email, PASSWORD);
        desk.staffLogin(colleague, PASSWORD);

        server.app().services().tx().run(s -> s.createNativeQuery("update app_user set active = false where id = ?",
                Object.class).setParameter(1, UUID.fromString(userId)).executeUpdate());
        desk.syncOnce();
        network.down();

        assertEquals(LoginRefused.Reason.UNKNOWN_OFFLINE,
                assertThrows(LoginRefused.class, () -> desk.staffLogin(email, PASSWORD)).reason());
        assertTrue(desk.staffLogin(colleague, PASSWORD).offline(), "active colleagues keep their cached login");
    }

    @Test
    void staffWithASecondFactorAreAskedForTheCodeOnlineAndLogInOfflineWithThePassword() {
        // the manager turns TOTP on through the server's API
        String token = server.client().post("/api/v1/auth/login", java.util.Map.of("email", email, "password", PASSWORD), null)
                .text("accessToken");
        byte[] secret = app.spotter.server.auth.Totp.base32Decode(
                server.client().post("/api/v1/me/totp", null, token).text("secret"));
        assertEquals(204, server.client().post("/api/v1/me/totp/confirm", java.util.Map.of("code", code(secret, 0)), token).status());

        assertEquals(LoginRefused.Reason.TOTP_REQUIRED,
                assertThrows(LoginRefused.class, () -> desk.staffLogin(email, PASSWORD)).reason());
        assertEquals(LoginRefused.Reason.WRONG_CREDENTIALS,
                assertThrows(LoginRefused.class, () -> desk.staffLogin(email, "wrong password", code(secret, 1))).reason());
        StaffProfile online = desk.staffLogin(email, PASSWORD, code(secret, 1));
        assertFalse(online.offline());
        assertTrue(desk.staffLogins().onlineToken(online.id()).isPresent());

        // a "code required" answer does not forget the cached login: the password was right
        assertEquals(LoginRefused.Reason.TOTP_REQUIRED,
                assertThrows(LoginRefused.class, () -> desk.staffLogin(email, PASSWORD)).reason());
        network.down();
        assertTrue(desk.staffLogin(email, PASSWORD).offline(), "offline the cached password decides");
    }

    private static String code(byte[] secret, int stepsFromNow) {
        return app.spotter.server.auth.Totp.code(secret,
                app.spotter.server.auth.Totp.step(java.time.Instant.now()) + stepsFromNow, app.spotter.server.auth.Totp.DIGITS);
    }
}
