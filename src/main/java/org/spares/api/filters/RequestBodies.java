package org.spares.api.filters;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** Whether a request comes with a body: a positive Content-Length, or chunked transfer encoding. */
final class RequestBodies {
    private RequestBodies() {
    }

    static boolean present(HttpServletRequest request) {
        if (request.getContentLengthLong() > 0) {
            return true;
        }
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }
}
