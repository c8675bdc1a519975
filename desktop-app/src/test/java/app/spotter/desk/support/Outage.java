package app.spotter.desk.support;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** The desk's network cable: while {@link #down()}, every call fails as if the server were gone. */
public final class Outage implements Interceptor {

    private volatile boolean down;

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (down) {
            throw new IOException("outage: no route to " + chain.request().url().host());
        }
        return chain.proceed(chain.request());
    }
}
