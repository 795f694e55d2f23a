package org.spares.pages;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.views.common.ViewBundle;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.spares.api.docs.Webjars;
import org.spares.service.PageSessions;

/** The pages under {@code /ui}: templates, static files, the session and error filters, the headers. */
public final class PagesSetup {
    private static final String HTMX_POM = "/META-INF/maven/org.webjars.npm/htmx.org/pom.properties";

    private PagesSetup() {
    }

    /**
     * FreeMarker with numbers as a computer writes them (no grouping: they go into links and forms; pages format
     * amounts themselves), errors thrown rather than printed into the page, and no {@code ?api}. At 2.3.34's
     * improvements a record's components read as properties ({@code row.name}), as a bean's getters do.
     */
    public static <T extends Configuration> void initialize(Bootstrap<T> bootstrap) {
        bootstrap.addBundle(new ViewBundle<>() {
            @Override
            public Map<String, Map<String, String>> getViewConfiguration(T configuration) {
                return Map.of("freemarker", Map.of(
                        "incompatible_improvements", "2.3.34",
                        "object_wrapper", "DefaultObjectWrapper(2.3.34)",
                        "number_format", "computer",
                        "boolean_format", "c",
                        "output_encoding", "UTF-8",
                        "url_escaping_charset", "UTF-8",
                        "locale", "en_GB",
                        "template_exception_handler", "rethrow",
                        "log_template_exceptions", "false",
                        "api_builtin_enabled", "false"));
            }
        });
        bootstrap.addBundle(new AssetsBundle("/assets/pages", Pages.ROOT + "/static/", null, "page-assets"));
        bootstrap.addBundle(new AssetsBundle("/META-INF/resources/webjars/htmx.org/" + Webjars.version(HTMX_POM)
                + "/dist", Pages.ROOT + "/static/htmx/", null, "htmx"));
    }

    /** The filters that every page passes, and the resources given. */
    public static void register(Environment environment, PageSessions sessions, List<Object> resources) {
        environment.jersey().register(new PageSessionFilter(sessions));
        environment.jersey().register(new PageErrors());
        resources.forEach(environment.jersey()::register);
        environment.servlets().addFilter("page-headers", new PageHeaders())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, Pages.ROOT, Pages.ROOT + "/*");
    }
}
