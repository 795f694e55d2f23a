package org.spares.api.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.spares.domain.Caller;
import org.spares.domain.Role;

/** {@code @RolesAllowed} by role name; ADMIN passes every check. */
public class RoleAuthorizer implements Authorizer<Caller> {
    @Override
    public boolean authorize(Caller caller, String role, ContainerRequestContext requestContext) {
        try {
            return caller.hasRole(Role.valueOf(role));
        } catch (IllegalArgumentException unknownRole) {
            return false;
        }
    }
}
