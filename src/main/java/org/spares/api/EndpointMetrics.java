package org.spares.api;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.spares.domain.Caller;

/**
 * Times every resource method, whatever its answer, under {@code spares.endpoints.<Resource>.<method>} (e.g.
 * {@code spares.endpoints.StockResource.list}), and names the authenticated user for the access log.
 *
 * <p>Dropwizard's own instrumentation times only methods annotated {@code @Timed}; one listener for all of them
 * keeps a new endpoint from going untimed. The user id is a request attribute, {@link #USER_ATTRIBUTE}, which
 * config.yml's request log prints with {@code %reqAttribute}: the id only, never the token.
 */
public final class EndpointMetrics implements ApplicationEventListener {
    public static final String PREFIX = "spares.endpoints";
    public static final String USER_ATTRIBUTE = "spares.user";

    private final MetricRegistry registry;
    private final ConcurrentMap<Method, Timer> timers = new ConcurrentHashMap<>();

    public EndpointMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // Nothing at the application's level: timers are made on a method's first request.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        return new RequestTiming();
    }

    private Timer timer(ResourceMethod method) {
        Method java = method.getInvocable().getDefinitionMethod();
        return timers.computeIfAbsent(java, key -> registry.timer(MetricRegistry.name(PREFIX,
                method.getInvocable().getHandler().getHandlerClass().getSimpleName(), key.getName())));
    }

    private final class RequestTiming implements RequestEventListener {
        private Timer.Context running;

        @Override
        public void onEvent(RequestEvent event) {
            switch (event.getType()) {
                case RESOURCE_METHOD_START -> {
                    running = timer(event.getUriInfo().getMatchedResourceMethod()).time();
                    nameUser(event.getContainerRequest());
                }
                case FINISHED -> {
                    if (running != null) {
                        running.stop();
                    }
                }
                default -> {
                    // only the two events above matter
                }
            }
        }

        private void nameUser(ContainerRequest request) {
            Principal principal = request.getSecurityContext().getUserPrincipal();
            if (principal instanceof Caller caller) {
                request.setProperty(USER_ATTRIBUTE, Long.toString(caller.id()));
            }
        }
    }
}
