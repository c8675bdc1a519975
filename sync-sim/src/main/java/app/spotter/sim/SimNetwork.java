package app.spotter.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The network between one desk and the server, driven by the run's seeded random generator. Two
 * interceptors on the desk's OkHttpClient: an application interceptor that points every call at
 * the server of the moment (it gets a new port when it restarts), and a network interceptor that
 * sees the finished request (device token included) and decides its fate: delivered, dropped
 * (never sent), answer lost (sent, then the desk sees an I/O error), duplicated (sent twice), held
 * (a push kept back and delivered later, after newer ones), or partitioned (nothing gets through).
 */
public final class SimNetwork {

    public enum Mode { ONLINE, FLAKY, PARTITIONED }

    /** Thrown into the desk's call when the simulation kills the desk right after the server answered. */
    public static final class DeskKilled extends IOException {
        private static final long serialVersionUID = 1L;

        DeskKilled() {
            super("the desk died while the answer was on its way (simulated)");
        }
    }

    private final String deskName;
    private final RandomGenerator random;
    private final Supplier<HttpUrl> server;
    private final OkHttpClient raw;
    private final SimLog log;
    private final List<Request> held = new ArrayList<>();
    private Mode mode = Mode.ONLINE;
    private boolean killAfterNextAnswer;

    public SimNetwork(String deskName, RandomGenerator random, Supplier<HttpUrl> server, OkHttpClient raw, SimLog log) {
        this.deskName = deskName;
        this.random = random;
        this.server = server;
        this.raw = raw;
        this.log = log;
    }

    /** The desk's transport: a fresh client with this network in it. */
    public OkHttpClient client() {
        return raw.newBuilder().addInterceptor(this::route).addNetworkInterceptor(this::fate).build();
    }

    public Mode mode() {
        return mode;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** The next call that reaches the server is answered, and then the desk dies. */
    public void killAfterNextAnswer() {
        killAfterNextAnswer = true;
    }

    public boolean killPending() {
        return killAfterNextAnswer;
    }

    public void cancelKill() {
        killAfterNextAnswer = false;
    }

    public int heldCount() {
        return held.size();
    }

    /**
     * Delivers the pushes held back so far, oldest first, straight to the server: they arrive after
     * newer pushes of the same desk, so the server must answer them from stored outcomes or refuse a
     * gap. Their answers go nowhere.
     */
    public int deliverHeld() {
        int delivered = 0;
        for (Request request : held) {
            try (Response ignored = raw.newCall(pointed(request)).execute()) {
                delivered++;
                log.event("%s: a held %s reached the server late: %d", deskName, request.url().encodedPath(),
                        ignored.code());
            } catch (IOException e) {
                log.event("%s: a held push could not be delivered: %s", deskName, e.getMessage());
            }
        }
        held.clear();
        return delivered;
    }

    private Response route(Interceptor.Chain chain) throws IOException {
        return chain.proceed(pointed(chain.request()));
    }

    private Request pointed(Request request) {
        HttpUrl target = server.get();
        HttpUrl url = request.url().newBuilder().scheme(target.scheme()).host(target.host()).port(target.port()).build();
        return request.newBuilder().url(url).build();
    }

    private Response fate(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        String path = request.url().encodedPath();
        if (mode == Mode.PARTITIONED) {
            throw new IOException("network partitioned (simulated): " + path);
        }
        if (killAfterNextAnswer) {
            killAfterNextAnswer = false;
            chain.proceed(request).close();
            log.event("%s: killed after the server answered %s", deskName, path);
            throw new DeskKilled();
        }
        if (mode == Mode.ONLINE) {
            return chain.proceed(request);
        }
        int roll = random.nextInt(100);
        if (roll < 10) {
            log.event("%s: dropped %s", deskName, path);
            throw new IOException("request dropped (simulated): " + path);
        }
        if (roll < 22) {
            chain.proceed(request).close();
            log.event("%s: answer to %s lost", deskName, path);
            throw new IOException("connection reset after the server answered (simulated): " + path);
        }
        if (roll < 30) {
            try (Response first = raw.newCall(request).execute()) {
                log.event("%s: %s duplicated (first copy answered %d)", deskName, path, first.code());
            }
            return chain.proceed(request);
        }
        if (roll < 38 && path.endsWith("/sync/push")) {
            held.add(request);
            log.event("%s: push held back for later", deskName);
            throw new IOException("push delayed in the network (simulated)");
        }
        return chain.proceed(request);
    }
}
