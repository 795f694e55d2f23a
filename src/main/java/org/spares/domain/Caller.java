package org.spares.domain;

import java.security.Principal;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Role;

/**
 * The authenticated caller of one request: who it is, its role and the depots it may act on. Depot scope is
 * checked here so every service asks the same question the same way.
 */
public record Caller(long id, String name, Role role, Set<String> depots) implements Principal {
    public Caller {
        depots = Set.copyOf(depots);
    }

    @Override
    public String getName() {
        return name;
    }

    /** A stored user as the caller of a request (a token's or a page session's). */
    public static Caller of(User user) {
        return new Caller(user.id(), user.name(), user.role(), Set.copyOf(user.depots()));
    }

    public boolean hasRole(Role wanted) {
        return role == Role.ADMIN || role == wanted;
    }

    /** True when this caller's depot scope includes the depot. */
    public boolean canSee(String depotCode) {
        if (depots.isEmpty() && role.allDepotsWhenUnscoped()) {
            return true;
        }
        return depots.contains(depotCode);
    }

    /** Throws 403 FORBIDDEN unless the depot is in scope. */
    public void requireDepot(String depotCode) {
        if (!canSee(depotCode)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "depot " + depotCode + " is outside your depots",
                    Map.of("depot", depotCode));
        }
    }

    public void requireDepots(Collection<String> depotCodes) {
        depotCodes.forEach(this::requireDepot);
    }

    /**
     * True when this caller may create, list or revoke a user with that role and those depots. Only an ADMIN
     * manages users. An unscoped ADMIN manages everyone; a depot-scoped ADMIN only users it could have been
     * itself: a role it holds and a non-empty set of depots all within its own. So it can never mint an
     * unscoped user (no depots means every depot for ADMIN and FINANCE), widen anyone's reach, or touch a
     * user that reaches further than it does.
     */
    public boolean mayManage(Role otherRole, Collection<String> otherDepots) {
        if (role != Role.ADMIN) {
            return false;
        }
        if (depots.isEmpty()) {
            return true;
        }
        return hasRole(otherRole) && !otherDepots.isEmpty() && depots.containsAll(otherDepots);
    }

    /** The depot filter for a list: null means every depot. */
    public Set<String> depotFilter() {
        if (depots.isEmpty() && role.allDepotsWhenUnscoped()) {
            return null;
        }
        return depots;
    }
}
