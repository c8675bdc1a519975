package app.spotter.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.support.AddressedClient;
import app.spotter.server.support.AddressedClient.Answer;
import app.spotter.server.support.ServerTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP layer refuses before any handler runs: bodies over the limit however they are sent,
 * broken chunked encoding, headers dripped in to hold a connection; and the security headers every
 * answer carries. Raw sockets where the HTTP client would be too polite.
 */
class RequestLimitsTest extends ServerTest {

    private static final byte[] HEADERS = ("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.app().port());
        s.setSoTimeout(30_000);
        return s;
    }

    /** Reads what the server sends until it closes the connection or the read times out. */
    private static CompletableFuture<String> readAll(Socket s) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    got.write(buf, 0, n);
                }
            } catch (IOException e) {
                // reset or timed out: what arrived so far is the answer
            }
            return got.toString(StandardCharsets.UTF_8);
        });
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithoutBeingReadInFull() throws Exception {
        long total = 20L * 1024 * 1024;
        long written = 0;
        try (Socket s = connect()) {
            CompletableFuture<String> answer = readAll(s);
            OutputStream out = s.getOutputStream();
            byte[] data = new byte[64 * 1024];
            Arrays.fill(data, (byte) 'a');
            byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                out.write(HEADERS);
                while (written < total && !answer.isDone()) {
                    out.write(head);
                    out.write(data);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    written += data.length;
                    Thread.sleep(2); // a client that keeps sending, not one that fills every buffer at once
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // the server closed the connection on us: that is the point
            }
            String response = answer.get(30, TimeUnit.SECONDS);
            System.out.printf("chunked body on %s: server answered after %d KiB of %d KiB%n", database, written / 1024,
                    total / 1024);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("\"code\":\"PAYLOAD_TOO_LARGE\""), response);
            assertTrue(written < 4L * 1024 * 1024, "stopped reading long before 20 MiB, after " + written / 1024 + " KiB");
        }
        assertEquals(200, api.get("/health", null).status());
    }

    @Test
    void aMalformedChunkIsABadRequestWithTheErrorShape() throws Exception {
        try (Socket s = connect()) {
            CompletableFuture<String> answer = readAll(s);
            OutputStream out = s.getOutputStream();
            out.write(HEADERS);
            out.write("zz\r\n{\"email\":\"a@b.cd\"}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = answer.get(30, TimeUnit.SECONDS);
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            assertTrue(response.contains("\"code\":\"MALFORMED_BODY\""), response);
            assertTrue(response.contains("\"message\":"), response);
        }
    }

    @Test
    void headersDrippedInSlowlyGetTheConnectionClosed() throws Exception {
        try (Socket s = connect()) {
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            long start = System.nanoTime();
            out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean closed = false;
            for (int i = 0; i < 50 && !closed; i++) {
                try {
                    out.write(("X-Slow-" + i + ": y\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    closed = in.read() < 0;
                } catch (SocketTimeoutException e) {
                    // still open; drip the next header
                } catch (IOException e) {
                    closed = true;
                }
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            System.out.printf("slow headers on %s: connection closed=%s after %d s%n", database, closed, seconds);
            assertTrue(closed, "the server never dropped a connection that sent a header line every half second");
            assertTrue(seconds <= 15, "dropped within the header timeout (10 s) and a little, took " + seconds + " s");
        }
        assertEquals(200, api.get("/health", null).status());
    }

    private static void assertSecurityHeaders(Answer a, boolean noStore) {
        assertEquals("nosniff", a.header("X-Content-Type-Options"), a.toString());
        assertEquals("no-referrer", a.header("Referrer-Policy"), a.toString());
        assertEquals("DENY", a.header("X-Frame-Options"), a.toString());
        assertNotNull(a.header("Content-Security-Policy"));
        assertTrue(a.header("Content-Security-Policy").contains("frame-ancestors 'none'"), a.toString());
        if (noStore) {
            assertEquals("no-store", a.header("Cache-Control"), a.toString());
        } else {
            assertNotEquals("no-store", a.header("Cache-Control"), a.toString());
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        AddressedClient c = new AddressedClient(server.app().baseUrl(), "127.0.0.1");
        String token = server.login(Role.FRONT_DESK);
        List<Answer> personal = List.of(
                c.get("/api/v1/me", token),                                            // 200 with personal data
                c.post("/api/v1/auth/login", "{not json", null),                       // 400
                c.get("/api/v1/members", null),                                         // 401
                c.get("/api/v1/roles", token),                                          // 403
                c.get("/api/v1/no-such-thing", token),                                  // 404
                c.get("/health", null));
        assertEquals(List.of(200, 400, 401, 403, 404, 200), personal.stream().map(Answer::status).toList());
        personal.forEach(a -> assertSecurityHeaders(a, true));
        Answer tokens = c.post("/api/v1/auth/register", Map.of("email", "headers-" + System.nanoTime() + "@example.com",
                "password", "test-password-1", "name", "Header Check"), null);
        assertEquals(201, tokens.status(), tokens.toString());
        assertSecurityHeaders(tokens, true);
        // the public schedule holds nothing personal: a browser or proxy may keep it
        Answer schedule = c.get("/api/public/sessions/", null);
        assertEquals(200, schedule.status());
        assertSecurityHeaders(schedule, false);
    }
}
