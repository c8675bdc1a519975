package app.spotter.client.staff;

import app.spotter.client.store.DeskStore;
import app.spotter.client.sync.ServerConnection;
import app.spotter.client.sync.ServerUnavailable;
import app.spotter.model.access.Role;
import app.spotter.model.api.AuthApi;
import app.spotter.model.common.UserId;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * Staff login at the desk. Online the server checks the password ({@code POST /api/v1/auth/login},
 * then {@code GET /api/v1/me} for id, name and role) and the desk caches the profile with a slow
 * hash of the password; when the server cannot be reached, the cached hash decides, so someone
 * who logged in here before can keep working through an outage. A server that answers "wrong
 * password" is believed: the cache is only for when there is no answer.
 */
public final class StaffLogins {

    private final DeskStore store;
    private final ServerConnection server;
    private final Clock clock;

    public StaffLogins(DeskStore store, ServerConnection server, Clock clock) {
        this.store = store;
        this.server = server;
        this.clock = clock;
    }

    /** Logs in online if the server answers, else offline; throws {@link LoginRefused}. */
    public StaffProfile login(String email, String password) {
        String key = normalized(email);
        if (key.isEmpty() || password == null || password.isEmpty()) {
            throw new LoginRefused(LoginRefused.Reason.WRONG_CREDENTIALS);
        }
        AuthApi.Profile profile;
        try {
            AuthApi.TokenPair tokens = ServerConnection.execute(server.open().staffLogin(
                    new AuthApi.LoginRequest(key, password)));
            profile = ServerConnection.execute(server.open().me("Bearer " + Objects.requireNonNull(tokens).accessToken()));
        } catch (ServerUnavailable e) {
            if (e.status() == 400 || e.status() == 401 || e.status() == 403) {
                // The server's answer wins over the cache: a changed password or a disabled account
                // must not keep working here offline.
                forget(key);
                throw new LoginRefused(LoginRefused.Reason.WRONG_CREDENTIALS);
            }
            return offline(key, password);
        }
        Role role = Objects.requireNonNull(profile).role();
        if (role == null || !role.isStaff()) {
            throw new LoginRefused(LoginRefused.Reason.NOT_STAFF);
        }
        remember(new StaffProfile(UserId.of(profile.id()), key, profile.name(), role, false), password);
        return new StaffProfile(UserId.of(profile.id()), key, profile.name(), role, false);
    }

    /** Caches a staff member for offline login (after an online login; the demo desk seeds one). */
    public void remember(StaffProfile profile, String password) {
        String hash = PasswordHashes.hash(password);
        String key = normalized(profile.email());
        store.run(session -> {
            StaffLoginRow row = session.find(StaffLoginRow.class, key);
            if (row == null) {
                row = new StaffLoginRow();
                row.email = key;
            }
            row.userId = profile.id().toString();
            row.name = profile.name();
            row.role = profile.role().name();
            row.passwordHash = hash;
            row.loggedInAt = clock.instant();
            session.merge(row);
        });
    }

    private void forget(String key) {
        store.run(session -> {
            StaffLoginRow row = session.find(StaffLoginRow.class, key);
            if (row != null) {
                session.remove(row);
            }
        });
    }

    private StaffProfile offline(String key, String password) {
        StaffLoginRow row = store.inTransaction(session -> session.find(StaffLoginRow.class, key));
        if (row == null) {
            throw new LoginRefused(LoginRefused.Reason.UNKNOWN_OFFLINE);
        }
        if (!PasswordHashes.matches(password, row.passwordHash)) {
            throw new LoginRefused(LoginRefused.Reason.WRONG_CREDENTIALS);
        }
        return new StaffProfile(UserId.of(row.userId), row.email, row.name, Role.valueOf(row.role), true);
    }

    private static String normalized(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
