package org.spares.api.filters;

import com.codahale.metrics.Meter;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.spares.api.errors.ErrorBody;
import org.spares.domain.ErrorCode;

/**
 * Refuses bodies over the limit with 413 before anything parses them: by Content-Length when it is given, else
 * after reading at most limit + 1 bytes (bounded memory). A body within the limit is read whole and the rest of the
 * chain gets a copy, so the load-shedding slot and the handler never wait on the network.
 * Not Jetty's {@code SizeLimitHandler}: one limit for the whole server, where the optimizer's paths need a larger one,
 * and it neither reads the body whole before a slot is taken nor bounds the bytes held over all requests.
 */
public class BodyLimitFilter implements Filter {
    private static final int CHUNK_BYTES = 8192;
    private static final int CHUNK_KIBIBYTES = CHUNK_BYTES / 1024;
    private final long defaultLimit;
    private final long optimizerLimit;
    private final ObjectMapper mapper;
    /**
     * Kibibytes of bodies held in memory at once, over all requests. Bodies are read before a load-shedding slot is
     * taken, so the slots do not bound them; this does. Permits are taken as bytes arrive (a slow sender holds only
     * what it has sent) and given back when the request ends.
     */
    private final Admission buffered;

    public BodyLimitFilter(long defaultLimit, long optimizerLimit, long bufferedBytes, long waitMillis,
            ObjectMapper mapper, Meter rejected) {
        this.defaultLimit = defaultLimit;
        this.optimizerLimit = optimizerLimit;
        this.mapper = mapper;
        this.buffered = new Admission((int) Math.min(Integer.MAX_VALUE, bufferedBytes / 1024), waitMillis, mapper,
                rejected);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        long limit = http.getRequestURI().startsWith("/api/v1/optimizer/") ? optimizerLimit : defaultLimit;
        long declared = http.getContentLengthLong();
        if (declared > limit) {
            refuse((HttpServletResponse) response, limit);
            return;
        }
        if (!RequestBodies.present(http)) {
            chain.doFilter(request, response);
            return;
        }
        // The whole body is read here, after authentication and before a load-shedding slot is taken: a client that
        // sends slowly holds its own connection and a thread until Jetty's idle timeout or minimum data rate
        // (config.yml) cuts it, never a slot that others need.
        int[] held = {0};
        try {
            byte[] body = readAtMost(http.getInputStream(), limit + 1, held);
            if (body == null) {
                // the rest of the body stays unread on the connection
                ((HttpServletResponse) response).setHeader("Connection", "close");
                buffered.refuse((HttpServletResponse) response);
                return;
            }
            if (body.length > limit) {
                refuse((HttpServletResponse) response, limit);
                return;
            }
            chain.doFilter(new BufferedRequest(http, body), response);
        } finally {
            buffered.leave(held[0]);
        }
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(ErrorCode.PAYLOAD_TOO_LARGE.status());
        response.setContentType("application/json");
        response.setHeader("Connection", "close");
        mapper.writeValue(response.getOutputStream(), new ErrorBody(ErrorCode.PAYLOAD_TOO_LARGE.status(),
                ErrorCode.PAYLOAD_TOO_LARGE.name(), "request body exceeds " + limit + " bytes",
                Map.of("maxBytes", limit)));
    }

    /**
     * Reads at most {@code max} bytes, taking a chunk's worth of the memory budget before each read ({@code held}
     * counts the kibibytes taken); null when the budget stayed exhausted for the admission wait.
     */
    private byte[] readAtMost(InputStream input, long max, int[] held) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK_BYTES];
        while (buffer.size() < max) {
            if (!buffered.enter(CHUNK_KIBIBYTES)) {
                return null;
            }
            held[0] += CHUNK_KIBIBYTES;
            int read = input.read(chunk, 0, (int) Math.min(chunk.length, max - buffer.size()));
            if (read == -1) {
                break;
            }
            buffer.write(chunk, 0, read);
        }
        return buffer.toByteArray();
    }

    /** A request whose body has already been read into memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream input = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return input.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }

                @Override
                public int read() {
                    return input.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) {
                    return input.read(bytes, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
