package app.spotter.client.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsGrowFromHalfASecondToThirtySecondsWithJitter() {
        Backoff backoff = Backoff.standard(new Random(7));
        for (int i = 0; i < 200; i++) {
            Duration first = backoff.delay(1);
            assertTrue(first.toMillis() >= 250 && first.toMillis() <= 500, "first wait " + first);
            Duration third = backoff.delay(3);
            assertTrue(third.toMillis() >= 1000 && third.toMillis() <= 2000, "third wait " + third);
            Duration late = backoff.delay(40);
            assertTrue(late.toMillis() >= 15_000 && late.toMillis() <= 30_000, "capped wait " + late);
        }
    }
}
