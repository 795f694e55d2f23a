package org.spares.api.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.spares.api.Page;
import org.spares.api.Requests;
import org.spares.api.dto.StockDtos.NewPolicy;
import org.spares.api.dto.StockDtos.PolicyChangeView;
import org.spares.api.dto.StockDtos.PositionView;
import org.spares.auth.Caller;
import org.spares.db.AuditDao;
import org.spares.db.PositionDao;
import org.spares.domain.PolicyChange;
import org.spares.domain.PolicySource;
import org.spares.domain.Position;
import org.spares.service.DepotService;
import org.spares.service.PartService;
import org.spares.service.PolicyService;
import org.spares.service.Transactions;

/** GET /stock: positions in the caller's depot scope. */
@Path("/api/v1/stock")
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {
    private final Transactions transactions;

    public StockResource(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Positions, by id. {@code belowReorderPoint=true} keeps positions with a policy (target level above 0) whose
     * {@code available + inbound - backordered} is at or below the reorder point. 403 for a depot outside scope.
     */
    @GET
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public Page<PositionView> list(@Auth Caller caller, @QueryParam("depot") String depot,
            @QueryParam("sku") String sku, @QueryParam("belowReorderPoint") Boolean below,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        long after = Page.after(cursor);
        Requests.Scope scope = Requests.scope(caller, Requests.depotCode(depot));
        return transactions.read(handle -> Page.of(handle.attach(PositionDao.class).page(after, size + 1,
                Requests.depotCode(depot), Requests.blankToNull(sku), scope.allDepots(), scope.depots(),
                Boolean.TRUE.equals(below)), size, Position::id, PositionView::of));
    }

}
