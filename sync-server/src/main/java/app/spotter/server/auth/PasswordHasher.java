package app.spotter.server.auth;

import app.spotter.server.http.ApiException;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Argon2id for passwords, PINs and device secrets. The parameters travel inside each PHC hash string.
 *
 * <p>Every hash runs on a small pool of platform threads of its own (half the cores, at least one)
 * with a short bounded queue. Requests run on virtual threads, which a CPU-bound hash would pin to
 * their few carriers: forty logins at once used to stall {@code /health} for seconds. Here a caller
 * waits unmounted, the operating system shares the cores fairly, and a burst beyond the queue is
 * refused at once with 503 SERVER_BUSY and a Retry-After instead of piling up.
 */
public final class PasswordHasher {

    /** How long a caller waits for its hash before it is told to come back. */
    private static final long MAX_WAIT_SECONDS = 10;

    private final Argon2Function function;
    private final ThreadPoolExecutor pool;
    private final LongAdder computed = new LongAdder();

    /** OWASP's minimum profile (19 MiB, 2 passes) keeps a login in tens of milliseconds on two cores. */
    public PasswordHasher() {
        this(19 * 1024, 2);
    }

    public PasswordHasher(int memoryKiB, int iterations) {
        this(memoryKiB, iterations, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    /**
     * With this many hashes at once; four waiting per thread (and four more) before refusing. A login
     * waits inside its transaction, so running plus waiting hashes must stay well under the database
     * pool (16 by default): 1 + 8 on two cores.
     */
    public PasswordHasher(int memoryKiB, int iterations, int concurrentHashes) {
        this.function = Argon2Function.getInstance(memoryKiB, iterations, 1, 32, Argon2.ID);
        this.pool = new ThreadPoolExecutor(concurrentHashes, concurrentHashes, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(4 * concurrentHashes + 4), r -> {
                    Thread t = new Thread(r, "spotter-password-hash");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true); // idle servers (and closed test servers) keep no threads
    }

    /** How many hashes may run at the same time. */
    public int concurrentHashes() {
        return pool.getMaximumPoolSize();
    }

    /** How many may wait for one of those before a caller is refused. */
    public int waitingHashes() {
        return pool.getQueue().remainingCapacity() + pool.getQueue().size();
    }

    public String hash(String secret) {
        return run(() -> Password.hash(secret).addRandomSalt(16).with(function).getResult());
    }

    public boolean matches(String secret, String hash) {
        if (secret == null || hash == null || !hash.startsWith("$argon2id$")) {
            return false;
        }
        return run(() -> Password.check(secret, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    /** How many hashes this hasher computed (a hash or a check each); tests count them. */
    public long hashesComputed() {
        return computed.sum();
    }

    private <T> T run(Callable<T> work) {
        Future<T> result;
        try {
            result = pool.submit(() -> {
                computed.increment();
                return work.call();
            });
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        try {
            return result.get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(false);
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ApiException busy() {
        return ApiException.retryLater(503, "SERVER_BUSY", "The server is busy checking passwords; try again in 1 s", 1);
    }
}
