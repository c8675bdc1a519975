package app.spotter.server.auth;

import app.spotter.model.api.AccountLock;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Slows password guessing: called around a login, a device login, an enrollment or a registration.
 * Failures are counted per account (or device) and per client address in the database, so every
 * server process sharing it sees the same counts (decision 0015). After a few free failures each
 * further try must wait a delay that doubles with every failure (429 TOO_MANY_ATTEMPTS with a
 * Retry-After); enough failures in a row lock an account for an hour (429 ACCOUNT_LOCKED) unless an
 * admin unlocks it. A refused try checks no password and counts nothing.
 */
public final class LoginThrottle {

    /**
     * How a kind of subject is slowed: {@code free} failures without delay, then {@code firstDelay}
     * doubling per failure up to {@code maxDelay}; locked for {@code lockFor} at {@code lockAt}
     * failures; counts start over {@code forgetAfter} the last failure.
     */
    record Policy(String prefix, int free, Duration firstDelay, Duration maxDelay, int lockAt, Duration lockFor,
                  Duration forgetAfter) {

        Duration delayAfter(int failures) {
            if (failures < free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - free, 30);
            Duration d = firstDelay.multipliedBy(1L << doublings);
            return d.compareTo(maxDelay) > 0 ? maxDelay : d;
        }
    }

    static final Policy ACCOUNT = new Policy("account:", 5, Duration.ofSeconds(1), Duration.ofMinutes(15), 10,
            Duration.ofHours(1), Duration.ofHours(1));
    static final Policy DEVICE = new Policy("device:", 5, Duration.ofSeconds(1), Duration.ofMinutes(15), 10,
            Duration.ofHours(1), Duration.ofHours(1));
    /** An address may get many wrong (a gym's shared Wi-Fi), but not spray a password over every account. */
    static final Policy ADDRESS = new Policy("address:", 20, Duration.ofSeconds(1), Duration.ofMinutes(5),
            Integer.MAX_VALUE, Duration.ZERO, Duration.ofHours(1));
    /** Every registration counts, right or wrong: a sign-up desk, not an account factory. */
    static final Policy REGISTRATION = new Policy("register:", 30, Duration.ofSeconds(1), Duration.ofMinutes(15),
            Integer.MAX_VALUE, Duration.ZERO, Duration.ofHours(1));

    /** A door's PIN pad: members mistype, but nobody types twenty wrong PINs an hour at one desk. */
    static final Policy PIN = new Policy("pin:", 20, Duration.ofSeconds(1), Duration.ofMinutes(5),
            Integer.MAX_VALUE, Duration.ZERO, Duration.ofHours(1));

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;

    public LoginThrottle(Transactions tx, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the audit log keeps of a login attempt. */
    record LoginAttempt(String email, String address) {
    }

    record LockAudit(int failures, Instant lockedUntil) {
    }

    /** A password login (the API's and the fitness-studio API's): per account and per address. */
    public <T> T login(String email, String address, Supplier<T> attempt) {
        String account = email == null ? null : accountKey(email);
        tx.run(session -> {
            refuseIfSlowed(session, ADDRESS, address);
            // An address this account logged in from lately is not held by the account's delay or lock:
            // a stranger who knows an e-mail cannot keep its owner (or the gym's desks) out.
            if (account != null && !knownAddress(session, account, address)) {
                refuseIfSlowed(session, ACCOUNT, account);
            }
        });
        T result;
        try {
            result = attempt.get();
        } catch (ApiException e) {
            // a right password still missing its second step is not a guess
            if (account != null && e.status() == 401 && !e.code().endsWith("_REQUIRED")) {
                counted(session -> {
                    UserAccount user = AuthService.findByEmail(session, account);
                    boolean locked = count(session, ACCOUNT, account);
                    count(session, ADDRESS, address);
                    recordAs(session, user, "LOGIN_FAILED", user, new LoginAttempt(account, address));
                    if (locked) {
                        recordAs(session, user, "ACCOUNT_LOCKED", user, new LoginAttempt(account, address));
                    }
                });
            }
            throw e;
        }
        counted(session -> {
            session.createMutationQuery("delete from LoginThrottleRecord r where r.subject = :s")
                    .setParameter("s", ACCOUNT.prefix() + account).executeUpdate();
            rememberAddress(session, account, address);
            UserAccount user = AuthService.findByEmail(session, account);
            recordAs(session, user, "LOGIN_SUCCEEDED", user, new LoginAttempt(account, address));
        });
        return result;
    }

    record DeviceAttempt(String address) {
    }

    /** A device's login with its secret: per device and per address; {@code failure} names the code of a wrong secret. */
    public <T> T deviceLogin(UUID deviceId, String address, String failure, Supplier<T> attempt) {
        String device = deviceId == null ? null : deviceId.toString();
        tx.run(session -> {
            refuseIfSlowed(session, ADDRESS, address);
            if (device != null) {
                refuseIfSlowed(session, DEVICE, device);
            }
        });
        T result;
        try {
            result = attempt.get();
        } catch (ApiException e) {
            if (device != null && failure.equals(e.code())) {
                counted(session -> {
                    count(session, DEVICE, device);
                    count(session, ADDRESS, address);
                    audit.recordBy(session, deviceId, "DEVICE", "DEVICE_LOGIN_FAILED", "Device", deviceId, null,
                            new DeviceAttempt(address));
                });
            }
            throw e;
        }
        tx.run(session -> {
            session.createMutationQuery("delete from LoginThrottleRecord r where r.subject = :s")
                    .setParameter("s", DEVICE.prefix() + device).executeUpdate();
            audit.recordBy(session, deviceId, "DEVICE", "DEVICE_LOGIN_SUCCEEDED", "Device", deviceId, null,
                    new DeviceAttempt(address));
        });
        return result;
    }

    /** Something guessed at with nothing but an address to count by (a pairing code): a failure is {@code failure}. */
    public <T> T perAddress(String address, String failure, Supplier<T> attempt) {
        tx.run(session -> refuseIfSlowed(session, ADDRESS, address));
        try {
            return attempt.get();
        } catch (ApiException e) {
            if (failure.equals(e.code())) {
                counted(session -> count(session, ADDRESS, address));
            }
            throw e;
        }
    }

    /**
     * A PIN typed at a door: a wrong PIN ({@code wrongPin}; an unknown member number answers the same)
     * counts against the address, so nobody walks the member numbers with a common PIN; the member's own
     * five-wrong-PINs lock stays in the check-in rule.
     */
    public <T> T pinCheckIn(String address, java.util.function.Predicate<T> wrongPin, Supplier<T> attempt) {
        tx.run(session -> refuseIfSlowed(session, PIN, address));
        T result = attempt.get();
        if (wrongPin.test(result)) {
            counted(session -> count(session, PIN, address));
        }
        return result;
    }

    /** A registration: every one from an address counts, whatever its outcome. */
    public <T> T registration(String address, Supplier<T> attempt) {
        counted(session -> {
            refuseIfSlowed(session, REGISTRATION, address);
            count(session, REGISTRATION, address);
        });
        return attempt.get();
    }

    /** Lifts a lockout and forgets the account's failures (an admin, STAFF_MANAGE); audited. */
    public AccountLock unlock(Caller admin, UUID accountId) {
        return tx.inTransaction(session -> {
            UserAccount user = session.find(UserAccount.class, accountId);
            if (user == null) {
                throw ApiException.notFound("Account");
            }
            LoginThrottleRecord r = session.find(LoginThrottleRecord.class, ACCOUNT.prefix() + user.email,
                    LockModeType.PESSIMISTIC_WRITE);
            LockAudit before = r == null ? new LockAudit(0, null) : new LockAudit(r.failures, r.lockedUntil);
            if (r != null) {
                session.remove(r);
            }
            audit.record(session, admin, "ACCOUNT_UNLOCKED", "UserAccount", user.id, before, new LockAudit(0, null));
            return new AccountLock(user.id.toString(), false, null, 0);
        });
    }

    /** Counting in a transaction of its own; once more if another process inserted the same first row meanwhile. */
    private void counted(java.util.function.Consumer<Session> work) {
        try {
            tx.run(work);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            tx.run(work);
        }
    }

    /** How long an address a login succeeded from stays known to that account. */
    static final Duration KNOWN_ADDRESS_FOR = Duration.ofDays(30);

    /** A row per (account, address) that logged in; its key is a digest, so no e-mail sits beside an address. */
    private static String knownKey(String account, String address) {
        return "known:" + AuthService.sha256(account + "|" + address);
    }

    private boolean knownAddress(Session session, String account, String address) {
        if (address == null) {
            return false;
        }
        LoginThrottleRecord r = session.find(LoginThrottleRecord.class, knownKey(account, address));
        return r != null && r.lastFailureAt.plus(KNOWN_ADDRESS_FOR).isAfter(clock.instant());
    }

    private void rememberAddress(Session session, String account, String address) {
        if (address == null) {
            return;
        }
        String subject = knownKey(account, address);
        LoginThrottleRecord r = session.find(LoginThrottleRecord.class, subject, LockModeType.PESSIMISTIC_WRITE);
        // last_failure_at holds when this address last logged in, for this kind of row
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (r == null) {
            r = new LoginThrottleRecord();
            r.subject = subject;
            r.lastFailureAt = now;
            session.persist(r);
        }
        r.lastFailureAt = now;
    }

    private void refuseIfSlowed(Session session, Policy policy, String key) {
        if (key == null) {
            return;
        }
        LoginThrottleRecord r = session.find(LoginThrottleRecord.class, policy.prefix() + key);
        Instant now = clock.instant();
        if (r == null) {
            return;
        }
        if (r.lockedUntil != null && r.lockedUntil.isAfter(now)) {
            long wait = seconds(now, r.lockedUntil);
            throw ApiException.retryLater(429, "ACCOUNT_LOCKED", "Too many wrong passwords: this login is locked;"
                    + " an admin can unlock it, or try again in " + wait + " s", wait);
        }
        if (r.blockedUntil != null && r.blockedUntil.isAfter(now)) {
            long wait = seconds(now, r.blockedUntil);
            throw ApiException.retryLater(429, "TOO_MANY_ATTEMPTS", "Too many attempts; try again in " + wait + " s",
                    wait);
        }
    }

    /** Counts one failure; true when it locked the subject just now. */
    private boolean count(Session session, Policy policy, String key) {
        if (key == null) {
            return false;
        }
        // whole milliseconds: the database keeps microseconds and would round a deadline past itself
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String subject = policy.prefix() + key;
        LoginThrottleRecord r = session.find(LoginThrottleRecord.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            r = new LoginThrottleRecord();
            r.subject = subject;
            r.lastFailureAt = now;
            session.persist(r);
        } else if (r.lastFailureAt.plus(policy.forgetAfter()).isBefore(now)
                && (r.lockedUntil == null || !r.lockedUntil.isAfter(now))) {
            r.failures = 0;
            r.lockedUntil = null;
        }
        r.failures++;
        r.lastFailureAt = now;
        Duration delay = policy.delayAfter(r.failures);
        r.blockedUntil = delay.isZero() ? null : now.plus(delay);
        if (r.failures == policy.lockAt()) {
            r.lockedUntil = now.plus(policy.lockFor());
            return true;
        }
        return false;
    }

    private void recordAs(Session session, UserAccount actor, String action, UserAccount entity, Object after) {
        audit.recordBy(session, actor == null ? null : actor.id, actor == null ? null : actor.role.name(), action,
                "UserAccount", entity == null ? null : entity.id, null, after);
    }

    /** The e-mail as the account's key; one too long to be anyone's is counted by its digest (columns are bounded). */
    static String accountKey(String email) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        return normalized.length() <= 320 ? normalized : "sha256:" + AuthService.sha256(normalized);
    }

    private static long seconds(Instant now, Instant until) {
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
