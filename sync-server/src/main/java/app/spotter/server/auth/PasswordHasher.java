package app.spotter.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id for passwords and PINs. The parameters travel inside each PHC hash string. */
public final class PasswordHasher {

    private final Argon2Function function;

    /** OWASP's minimum profile (19 MiB, 2 passes) keeps a login in tens of milliseconds on two cores. */
    public PasswordHasher() {
        this(19 * 1024, 2);
    }

    public PasswordHasher(int memoryKiB, int iterations) {
        this.function = Argon2Function.getInstance(memoryKiB, iterations, 1, 32, Argon2.ID);
    }

    public String hash(String secret) {
        return Password.hash(secret).addRandomSalt(16).with(function).getResult();
    }

    public boolean matches(String secret, String hash) {
        if (secret == null || hash == null || !hash.startsWith("$argon2id$")) {
            return false;
        }
        return Password.check(secret, hash).with(Argon2Function.getInstanceFromHash(hash));
    }
}
