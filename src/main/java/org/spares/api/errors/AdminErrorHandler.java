package org.spares.api.errors;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The admin port's errors as one line of plain text ("not found" for 404) instead of Jetty's HTML page: the admin
 * port is read by monitoring tools and people with curl. Jetty's own message is left out, as it could echo the
 * request back.
 */
public class AdminErrorHandler extends ErrorHandler {
    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
            String contentType, List<Charset> charsets, int code, String message, Throwable cause) {
        String reason = HttpStatus.getMessage(code);
        String text = (reason == null ? "error " + code : reason.toLowerCase(Locale.ROOT)) + "\n";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
