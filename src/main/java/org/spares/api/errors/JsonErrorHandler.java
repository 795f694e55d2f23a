package org.spares.api.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.spares.domain.ErrorCode;

/**
 * Jetty's own refusals, made before any Spares code runs (a request line over 8 KiB is 414, an illegal path such as
 * {@code %00} is 400, a new request while stopping is 503), answered with the one error body instead of an
 * HTML page. The message is fixed per status: Jetty's text could echo the request back.
 */
public class JsonErrorHandler extends ErrorHandler {
    private final ObjectMapper mapper;

    public JsonErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static boolean closesConnection(Request request, Throwable cause) {
        return cause instanceof HttpException || !request.getConnectionMetaData().isPersistent();
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        ErrorCode error = switch (code) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> code >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED;
        };
        Map<String, Object> details = code == 503 ? Map.of("retryable", true) : Map.of();
        try {
            byte[] body = mapper.writeValueAsBytes(new ErrorBody(code, error.name(),
                    code >= 500 ? "the service cannot take this request now" : "the HTTP request is malformed",
                    details));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            if (closesConnection(request, cause)) {
                // Jetty closes the connection after a malformed request, but without this header a keep-alive
                // client pools the dead connection and loses its next request on it.
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            }
            if (code == 503) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            }
            response.write(true, ByteBuffer.wrap(body), callback);
        } catch (Exception failure) {
            callback.failed(failure);
        }
    }
}
