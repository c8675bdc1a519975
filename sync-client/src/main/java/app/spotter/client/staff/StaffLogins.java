package app.spotter.client.staff;

import app.spotter.client.store.DeskStore;
import app.spotter.client.sync.ServerConnection;
import app.spotter.client.sync.ServerUnavailable;
import app.spotter.model.access.Role;
import app.spotter.model.api.AuthApi;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.StaffAccess;
import app.spotter.model.sync.SyncApi;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Staff login at the desk. Online the server checks the password ({@code POST /api/v1/auth/login},
 * then {@code GET /api/v1/me} for id, name and role) and the desk caches the profile with a slow
 * hash of the password; when the server cannot be reached, the cached hash decides, so someone
 * who logged in here before can keep working through an outage. A server that answers "wrong
 * password" is believed: the cache is only for when there is no answer. A cached login expires
 * {@link #DEFAULT_OFFLINE_VALIDITY} (configurable) after the last online login here, and is dropped
 * when the server says the account was deactivated ({@link #refreshAccess}, after every sync).
 */
public final class StaffLogins {

    /** A staff member who has not logged in online here for two weeks must do so again. */
    public static final Duration DEFAULT_OFFLINE_VALIDITY = Duration.ofDays(14);

    private final DeskStore store;
    private final ServerConnection server;
    private final Clock clock;
    private final Duration offlineValidity;
    private final StaffKeys keys;
    // The access token of the last online login, in memory only: for the manager's online-only calls.
    private volatile OnlineSession online;

    private record OnlineSession(UserId userId, String accessToken) {
    }

    public StaffLogins(DeskStore store, ServerConnection server, Clock clock) {
        this(store, server, clock, DEFAULT_OFFLINE_VALIDITY);
    }

    public StaffLogins(DeskStore store, ServerConnection server, Clock clock, Duration offlineValidity) {
        this(store, server, clock, offlineValidity, new StaffKeys());
    }

    /** With the keys the outbox signs with: a login puts the person's credential key there. */
    public StaffLogins(DeskStore store, ServerConnection server, Clock clock, Duration offlineValidity, StaffKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.store = store;
        this.server = server;
        this.clock = clock;
        this.offlineValidity = Objects.requireNonNull(offlineValidity, "offlineValidity");
    }

    /** Logs in online if the server answers, else offline; throws {@link LoginRefused}. */
    public StaffProfile login(String email, String password) {
        return login(email, password, null);
    }

    /**
     * As {@link #login(String, String)}, with the code of the staff member's authenticator app when
     * they use a second factor (the server answers {@link LoginRefused.Reason#TOTP_REQUIRED} without
     * it). The offline login checks the cached password only: the desk keeps no TOTP secret.
     */
    public StaffProfile login(String email, String password, String totp) {
        String key = normalized(email);
        if (key.isEmpty() || password == null || password.isEmpty()) {
            throw new LoginRefused(LoginRefused.Reason.WRONG_CREDENTIALS);
        }
        AuthApi.Profile profile;
        AuthApi.TokenPair tokens;
        try {
            String code = totp == null || totp.isBlank() ? null : totp.strip();
            tokens = ServerConnection.execute(server.open().staffLogin(new AuthApi.LoginRequest(key, password, code)));
            profile = ServerConnection.execute(server.open().me("Bearer " + Objects.requireNonNull(tokens).accessToken()));
        } catch (ServerUnavailable e) {
            if (e.status() == 401 && e.getMessage() != null && e.getMessage().contains("\"TOTP_REQUIRED\"")) {
                // The password was right: keep the cached login, ask for the code.
                throw new LoginRefused(LoginRefused.Reason.TOTP_REQUIRED);
            }
            if (e.status() == 400 || e.status() == 401 || e.status() == 403) {
                // The server's answer wins over the cache: a changed password or a disabled account
                // must not keep working here offline.
                forget(key);
                throw new LoginRefused(LoginRefused.Reason.WRONG_CREDENTIALS);
            }
            if (e.status() == 429 || e.status() == 503 && e.getMessage() != null
                    && e.getMessage().contains("\"SERVER_BUSY\"")) {
                // A server that is busy hashing (503 SERVER_BUSY) answered too: not an outage.
                // The server slows guessing at this account: believed too, but the cache is kept for an
                // outage. Asking the cached hash instead would be guessing without a limit.
                throw new LoginRefused(LoginRefused.Reason.TOO_MANY_ATTEMPTS);
            }
            online = null;
            return offline(key, password);
        }
        Role role = Objects.requireNonNull(profile).role();
        if (role == null || !role.isStaff()) {
            throw new LoginRefused(LoginRefused.Reason.NOT_STAFF);
        }
        SyncApi.StaffCredential credential = credential(tokens.accessToken());
        remember(new StaffProfile(UserId.of(profile.id()), key, profile.name(), role, false), password, credential);
        online = new OnlineSession(UserId.of(profile.id()), tokens.accessToken());
        keys.dropAll(); // one person at the desk signs at a time
        if (credential != null) {
            keys.hold(UserId.of(profile.id()), credential.credentialId(), credential.key());
        } else {
            // the credential call failed (a hiccup): the one cached at an earlier login here still signs
            holdCached(store.inTransaction(session -> session.find(StaffLoginRow.class, key)), password);
        }
        return new StaffProfile(UserId.of(profile.id()), key, profile.name(), role, false);
    }

    /**
     * The access token of this staff member's online login at this desk, if they logged in online
     * (an offline login has none): the manager's device list is asked for with it, so the server
     * checks the manager's own permission.
     */
    public Optional<String> onlineToken(UserId userId) {
        OnlineSession s = online;
        return s != null && s.userId().equals(userId) ? Optional.of(s.accessToken()) : Optional.empty();
    }

    /** Called at log-out: the next person at the desk inherits neither the token nor the signing key. */
    public void forgetOnlineSession() {
        online = null;
        keys.dropAll();
    }

    /**
     * The staff credential for the person who just logged in online (decision 0013): the desk asks
     * with its device token and their access token. None for a kiosk or scanner (they act for no
     * one), or when the server cannot be asked: that person's operations then go unsigned.
     */
    private SyncApi.StaffCredential credential(String accessToken) {
        try {
            return ServerConnection.execute(server.authorized().staffCredential(
                    new SyncApi.StaffCredentialRequest(accessToken)));
        } catch (ServerUnavailable | IllegalStateException e) {
            return null;
        }
    }

    /**
     * Drops the cached logins of staff the server lists as deactivated (or no longer lists at all).
     * Runs after every sync; if the server cannot be asked, the cache stays as it was.
     */
    public void refreshAccess() {
        List<StaffAccess> access = ServerConnection.execute(server.authorized().staffAccess());
        if (access == null) {
            return;
        }
        Set<String> active = new HashSet<>();
        for (StaffAccess a : access) {
            if (a.active()) {
                active.add(a.userId().toString());
            }
        }
        store.run(session -> {
            for (StaffLoginRow row : session.createSelectionQuery("from StaffLoginRow", StaffLoginRow.class).getResultList()) {
                if (!active.contains(row.userId)) {
                    session.remove(row);
                }
            }
        });
    }

    /** Caches a staff member for offline login (after an online login; the demo desk seeds one). */
    public void remember(StaffProfile profile, String password) {
        remember(profile, password, null);
    }

    /** Caches a staff member for offline login, with the credential the server issued here (sealed by the password). */
    public void remember(StaffProfile profile, String password, SyncApi.StaffCredential credential) {
        String hash = PasswordHashes.hash(password);
        String sealed = credential == null ? null : PasswordHashes.seal(password, credential.key());
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
            if (credential != null) {
                row.credentialId = credential.credentialId().toString();
                row.credentialKey = sealed;
                row.credentialExpiresAt = credential.expiresAt();
            }
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
        if (row.loggedInAt.plus(offlineValidity).isBefore(clock.instant())) {
            // Checked after the password, so the message never tells a stranger who has an account.
            throw new LoginRefused(LoginRefused.Reason.EXPIRED_OFFLINE);
        }
        keys.dropAll();
        holdCached(row, password);
        return new StaffProfile(UserId.of(row.userId), row.email, row.name, Role.valueOf(row.role), true);
    }

    /** Holds the cached credential's key: only the password opens it, so whoever typed it may sign as this person. */
    private void holdCached(StaffLoginRow row, String password) {
        if (row != null && row.credentialId != null && row.credentialExpiresAt != null
                && row.credentialExpiresAt.isAfter(clock.instant())) {
            PasswordHashes.open(password, row.credentialKey).ifPresent(k ->
                    keys.hold(UserId.of(row.userId), java.util.UUID.fromString(row.credentialId), k));
        }
    }

    private static String normalized(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
