package app.spotter.server.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** TOTP against the test vectors of RFC 6238 (appendix B, SHA-1) and the login window rules. */
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238TestVectorsForSha1() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] codes = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        for (int i = 0; i < times.length; i++) {
            long step = Totp.step(Instant.ofEpochSecond(times[i]));
            assertEquals(codes[i], Totp.code(RFC_SECRET, step, 8), "T = " + times[i]);
            // the 6-digit codes in use are the last six digits of the same value
            assertEquals(codes[i].substring(2), Totp.code(RFC_SECRET, step, 6), "T = " + times[i]);
        }
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNoMore() {
        Instant now = Instant.ofEpochSecond(1234567890L);
        long step = Totp.step(now);
        for (long drift = -1; drift <= 1; drift++) {
            assertEquals(OptionalLong.of(step + drift),
                    Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + drift, 6), now, Long.MIN_VALUE));
        }
        assertTrue(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 2, 6), now, Long.MIN_VALUE).isEmpty());
        assertTrue(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 2, 6), now, Long.MIN_VALUE).isEmpty());
        assertTrue(Totp.match(RFC_SECRET, "12345", now, Long.MIN_VALUE).isEmpty());
        assertTrue(Totp.match(RFC_SECRET, null, now, Long.MIN_VALUE).isEmpty());
    }

    @Test
    void aCodeOfAStepAlreadyUsedIsRefused() {
        Instant now = Instant.ofEpochSecond(1234567890L);
        long step = Totp.step(now);
        String code = Totp.code(RFC_SECRET, step, 6);
        assertTrue(Totp.match(RFC_SECRET, code, now, step).isEmpty());
        assertEquals(OptionalLong.of(step), Totp.match(RFC_SECRET, code, now, step - 1));
    }

    @Test
    void base32RoundTripsAndTheUriNamesTheParameters() {
        byte[] secret = Totp.newSecret();
        assertArrayEquals(secret, Totp.base32Decode(Totp.base32(secret)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_SECRET));
        String uri = Totp.uri("Spotter", "anna@gym.example", RFC_SECRET);
        assertEquals("otpauth://totp/Spotter%3Aanna%40gym.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Spotter"
                + "&algorithm=SHA1&digits=6&period=30", uri);
    }
}
