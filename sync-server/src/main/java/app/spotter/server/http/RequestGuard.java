package app.spotter.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Runs in front of every request, matched or not: sets the security headers on every answer, and
 * hands the handlers a request body that stops at the route's size limit however the body is sent
 * (a chunked body has no Content-Length to check up front), and that turns broken chunked encoding
 * into a 400 instead of a 500.
 */
public final class RequestGuard implements Filter {

    /** Request attribute with the byte limit of the matched route; the hard limit until one matched. */
    static final String MAX_BODY = "spotter.maxBody";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        if (!cacheable(req.getRequestURI())) {
            // tokens and personal data must not stay in a browser's or a proxy's cache
            res.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(new LimitedRequest(req), response);
    }

    /** The public schedule and the API description hold nothing personal; everything else is no-store. */
    static boolean cacheable(String path) {
        return path != null && (path.startsWith("/api/public/") || path.equals("/openapi.json"));
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream body;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new LimitedBody(super.getInputStream(), this);
            }
            return body;
        }
    }

    /** Counts what is read and refuses the byte past the limit; the rest is never read. */
    private static final class LimitedBody extends ServletInputStream {
        private final ServletInputStream in;
        private final ServletRequest request;
        private long read;

        LimitedBody(ServletInputStream in, ServletRequest request) {
            this.in = in;
            this.request = request;
        }

        private long limit() {
            return request.getAttribute(MAX_BODY) instanceof Long l ? l : Endpoint.HARD_MAX_BODY;
        }

        private int counted(int n) {
            if (n > 0) {
                read += n;
                if (read > limit()) {
                    throw tooLarge(limit());
                }
            }
            return n;
        }

        @Override
        public int read() {
            try {
                int b = in.read();
                counted(b < 0 ? -1 : 1);
                return b;
            } catch (IOException | RuntimeException e) {
                throw unreadable(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                // never ask for more than one byte past the limit
                long room = limit() - read + 1;
                return counted(in.read(b, off, (int) Math.max(1, Math.min(len, room))));
            } catch (IOException | RuntimeException e) {
                throw unreadable(e);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, "PAYLOAD_TOO_LARGE", "The request body is larger than " + limit / 1024 + " KiB");
    }

    private static ApiException unreadable(Exception e) {
        if (e instanceof ApiException api) {
            return api;
        }
        return new ApiException(400, "MALFORMED_BODY",
                "The request body could not be read (broken chunked encoding or an interrupted upload)");
    }
}
