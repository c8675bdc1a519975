package app.spotter.desk.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.Desk;
import app.spotter.client.staff.StaffProfile;
import app.spotter.client.store.DeskStore;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.DirectTaskExecutor;
import app.spotter.desk.ui.Texts;
import app.spotter.model.access.Role;
import app.spotter.server.auth.Totp;
import app.spotter.server.support.TestDatabase;
import app.spotter.server.support.TestServer;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The login screen's model against the real server, for a staff member who uses a second factor. */
class LoginWithCodeAgainstServerTest {

    private static final String PASSWORD = "manager-pass-1";
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestDatabase.H2);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void theCodeFieldAppearsWhenTheServerAsksAndTheLoginSucceedsWithIt() {
        String email = "mgr-" + UUID.randomUUID().toString().substring(0, 8) + "@desk.test";
        String token = server.app().services().accounts().bootstrapAccount(email, PASSWORD, "Mia Manager", Role.MANAGER, null)
                .accessToken();
        byte[] secret = Totp.base32Decode(server.client().post("/api/v1/me/totp", null, token).text("secret"));
        assertEquals(204, server.client().post("/api/v1/me/totp/confirm", Map.of("code", code(secret, 0)), token).status());

        DeskStore store = DeskStore.inMemory("login_totp_" + UUID.randomUUID().toString().replace("-", ""));
        Desk desk = new Desk(store, Desk.Settings.of(server.app().baseUrl(), new OkHttpClient(), Clock.systemUTC()));
        try {
            Texts texts = new Texts(Locale.ENGLISH);
            AtomicReference<StaffProfile> in = new AtomicReference<>();
            LoginViewModel login = new LoginViewModel(desk, new CurrentStaff(), in::set, new DirectTaskExecutor(), texts);
            login.emailProperty().set(email);
            login.passwordProperty().set(PASSWORD);
            assertFalse(login.totpNeededProperty().get());

            login.logIn();
            assertTrue(login.totpNeededProperty().get(), "the code field is shown");
            assertEquals(texts.get("login.refused.TOTP_REQUIRED"), login.errorProperty().get());
            assertEquals(PASSWORD, login.passwordProperty().get(), "the right password is kept for the second step");

            login.totpProperty().set(code(secret, 1));
            login.logIn();
            assertNotNull(in.get(), login.errorProperty().get());
            assertFalse(in.get().offline());
            assertEquals("", login.passwordProperty().get());
            assertEquals("", login.totpProperty().get());
            assertFalse(login.totpNeededProperty().get());
        } finally {
            desk.close();
            store.shutdown();
        }
    }

    private static String code(byte[] secret, int stepsFromNow) {
        return Totp.code(secret, Totp.step(Instant.now()) + stepsFromNow, Totp.DIGITS);
    }
}
