package app.spotter.client.support;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.Response;

/** An interceptor that takes the desk's network down (every call fails) and back up. */
public final class NetworkSwitch implements Interceptor {

    private volatile boolean down;
    private final AtomicInteger refused = new AtomicInteger();

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    public int refusedCalls() {
        return refused.get();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (down) {
            refused.incrementAndGet();
            throw new IOException("network down (test)");
        }
        return chain.proceed(chain.request());
    }
}
