package app.spotter.client.sync;

import app.spotter.model.common.DeviceId;
import app.spotter.model.sync.SyncApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The desk's line to the server: Retrofit over an injected OkHttpClient (tests and the fault
 * simulation add interceptors to it), a device token fetched on first use and again after a 401.
 */
public final class ServerConnection {

    /** The device's id and secret, read when a token is needed (null before enrollment). */
    public record Credentials(DeviceId deviceId, String deviceSecret) {
    }

    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final SyncEndpoints open;
    private final SyncEndpoints authorized;
    private final Supplier<Credentials> credentials;
    private volatile String accessToken;

    public ServerConnection(String baseUrl, OkHttpClient http, ObjectMapper json, Supplier<Credentials> credentials) {
        this.baseUrl = HttpUrl.get(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.credentials = credentials;
        this.open = retrofit(http, json).create(SyncEndpoints.class);
        // The device token goes on every call of the authorized client; a 401 fetches a new one once.
        this.http = http.newBuilder()
                .addInterceptor(chain -> chain.proceed(withToken(chain.request(), token(false))))
                .authenticator((route, response) -> {
                    if (response.request().header("X-Spotter-Retried") != null) {
                        return null;
                    }
                    return withToken(response.request(), token(true)).newBuilder()
                            .header("X-Spotter-Retried", "1").build();
                })
                .build();
        this.authorized = retrofit(this.http, json).create(SyncEndpoints.class);
    }

    private Retrofit retrofit(OkHttpClient client, ObjectMapper json) {
        return new Retrofit.Builder().baseUrl(baseUrl).client(client)
                .addConverterFactory(JacksonConverterFactory.create(json)).build();
    }

    /** Endpoints that need no device token (enrollment, token). */
    public SyncEndpoints open() {
        return open;
    }

    /** Endpoints called with the device token. */
    public SyncEndpoints authorized() {
        return authorized;
    }

    /** The OkHttpClient that carries the device token, for the event stream. */
    public OkHttpClient authorizedHttp() {
        return http;
    }

    public HttpUrl url(String path) {
        return baseUrl.resolve(path);
    }

    /** Runs a call; any failure (no answer, an error status) is {@link ServerUnavailable}. */
    public static <T> T execute(Call<T> call) {
        retrofit2.Response<T> response;
        try {
            response = call.execute();
        } catch (IOException | RuntimeException e) {
            throw new ServerUnavailable(call.request().url().encodedPath() + ": " + e.getMessage(), 0, e);
        }
        if (!response.isSuccessful()) {
            String body = "";
            try (var error = response.errorBody()) {
                body = error == null ? "" : error.string();
            } catch (IOException ignored) {
                // the status says enough
            }
            throw new ServerUnavailable(call.request().url().encodedPath() + " answered " + response.code() + " " + body,
                    response.code(), null);
        }
        return response.body();
    }

    private Request withToken(Request request, String token) {
        return token == null ? request : request.newBuilder().header("Authorization", "Bearer " + token).build();
    }

    private synchronized String token(boolean refresh) {
        if (accessToken != null && !refresh) {
            return accessToken;
        }
        Credentials c = credentials.get();
        if (c == null || c.deviceId() == null) {
            return null;
        }
        // Not through the authorized client: this call must not recurse into the interceptor.
        Call<SyncApi.DeviceToken> call = open.token(new SyncApi.DeviceLogin(c.deviceId(), c.deviceSecret()));
        try {
            retrofit2.Response<SyncApi.DeviceToken> response = call.execute();
            accessToken = response.isSuccessful() ? Objects.requireNonNull(response.body()).accessToken() : null;
        } catch (IOException e) {
            accessToken = null;
        }
        return accessToken;
    }

    /** Forgets the token, e.g. after the device was enrolled again. */
    public synchronized void forgetToken() {
        accessToken = null;
    }
}
