package app.spotter.desk.support;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for the desk's background work to come back to the FX thread. */
public final class FxTests {

    private FxTests() {
    }

    public static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Condition not met within 5 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
