package org.spares.pages;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.spares.api.errors.ErrorBody;

/**
 * The API's refusals, shown as pages. The exception mappers answer every error with the API's JSON body, for pages
 * as for the API, so a page is refused by the same rule and with the same status; under {@code /ui} this filter
 * then shows that body to a person instead:
 * <ul>
 * <li>401 on a page load: a redirect to the sign-in page, which returns here afterwards;</li>
 * <li>401 on an htmx request: {@code HX-Redirect} to the sign-in page (the whole page goes there);</li>
 * <li>any other refusal on an htmx request: the message, swapped into the page's {@code #flash} box;</li>
 * <li>any other refusal: an error page with the status and the message.</li>
 * </ul>
 */
public final class PageErrors implements ContainerResponseFilter {
    private static final Annotation[] NONE = new Annotation[0];

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!Pages.isPagePath(request) || !(response.getEntity() instanceof ErrorBody error)) {
            return;
        }
        boolean htmx = Pages.isHtmx(request);
        if (error.status() == 401) {
            URI signIn = signIn(request);
            if (htmx) {
                response.getHeaders().putSingle("HX-Redirect", signIn.toString());
            } else if (HttpMethod.GET.equals(request.getMethod())) {
                response.setStatus(303);
                response.getHeaders().putSingle(HttpHeaders.LOCATION, signIn);
                response.setEntity(null);
                return;
            }
        }
        if (htmx) {
            response.getHeaders().putSingle("HX-Retarget", "#flash");
            response.getHeaders().putSingle("HX-Reswap", "innerHTML");
        }
        response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        response.setEntity(new ErrorView(error, htmx, Nav.of(request)), NONE, MediaType.TEXT_HTML_TYPE);
    }

    /** The sign-in page, with the page asked for to return to after (a path of this site only). */
    private static URI signIn(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod()) || Pages.isHtmx(request)) {
            return Pages.SIGN_IN;
        }
        URI asked = request.getUriInfo().getRequestUri();
        String back = asked.getRawPath() + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery());
        return URI.create(Pages.SIGN_IN + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }

    /** An error page, or only its message box for htmx. */
    public static final class ErrorView extends PageView {
        private final ErrorBody error;
        private final boolean fragment;

        ErrorView(ErrorBody error, boolean fragment, Nav nav) {
            super("error", title(error.status()), nav);
            this.error = error;
            this.fragment = fragment;
        }

        private static String title(int status) {
            return switch (status) {
                case 401 -> "Sign in needed";
                case 403 -> "Not allowed";
                case 404 -> "Not found";
                case 409 -> "Not possible now";
                case 429 -> "Too many requests";
                default -> status >= 500 ? "Something went wrong" : "Cannot do that";
            };
        }

        public int getStatus() {
            return error.status();
        }

        public String getMessage() {
            return error.message();
        }

        public String getCode() {
            return error.error();
        }

        public boolean isFragment() {
            return fragment;
        }
    }
}
