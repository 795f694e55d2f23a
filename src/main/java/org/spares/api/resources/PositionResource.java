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

/** One position of a depot and its policy. Reading roles see the depots in their scope; managers set policy. */
@Path("/api/v1/depots/{code}/stock/{sku}")
@Produces(MediaType.APPLICATION_JSON)
public class PositionResource {
    private final PolicyService policies;
    private final Transactions transactions;

    public PositionResource(PolicyService policies, Transactions transactions) {
        this.policies = policies;
        this.transactions = transactions;
    }

    /** One position; a position never stocked reads as zeros. 404 for an unknown depot or sku. */
    @GET
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public PositionView get(@Auth Caller caller, @PathParam("code") String code, @PathParam("sku") String sku) {
        caller.requireDepot(code);
        return PositionView.of(transactions.read(handle -> {
            DepotService.get(handle, code);
            var part = PartService.get(handle, sku);
            return handle.attach(PositionDao.class).find(code, sku)
                    .orElse(Position.empty(code, sku, part.averageUnitCost()));
        }));
    }

    /** Sets target level and reorder point with a reason: 200 with the position; 400/422 when the values clash. */
    @PUT
    @Path("/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER"})
    public PositionView setPolicy(@Auth Caller caller, @PathParam("code") String code, @PathParam("sku") String sku,
            @NotNull @Valid NewPolicy body) {
        caller.requireDepot(code);
        return PositionView.of(transactions.inTransaction(handle -> policies.set(handle, Requests.actor(caller), code,
                sku, body.targetLevel(), body.reorderPoint(), body.reason().strip(), PolicySource.MANUAL, null)));
    }

    /** Every policy change of the position, oldest first: who, when, old and new values, reason, source. */
    @GET
    @Path("/policy-history")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public Page<PolicyChangeView> history(@Auth Caller caller, @PathParam("code") String code,
            @PathParam("sku") String sku, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        caller.requireDepot(code);
        int size = Page.limit(limit);
        long after = Page.after(cursor);
        return transactions.read(handle -> {
            DepotService.get(handle, code);
            PartService.get(handle, sku);
            return Page.of(handle.attach(AuditDao.class).policyHistory(code, sku, after, size + 1), size,
                    PolicyChange::id, PolicyChangeView::of);
        });
    }
}
