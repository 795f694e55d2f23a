package org.spares.api.filters;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Whether a request comes with a body: a positive Content-Length, chunked transfer encoding, or a body that Jetty
 * inflates (Dropwizard turns request decompression on; Jetty then moves Content-Length to X-Content-Length and the
 * inflated length is unknown), so a gzip body meets the same token check and size limit as any other.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    static boolean present(HttpServletRequest request) {
        if (request.getContentLengthLong() > 0) {
            return true;
        }
        if (request.getHeader("X-Content-Length") != null || request.getHeader("Content-Encoding") != null) {
            return true;
        }
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }
}
