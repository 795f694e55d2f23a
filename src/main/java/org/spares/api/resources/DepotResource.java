package org.spares.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.spares.api.IdempotentPosts;
import org.spares.api.Outcome;
import org.spares.api.Page;
import org.spares.api.PatchMerger;
import org.spares.api.dto.DepotDtos.DepotPatch;
import org.spares.api.dto.DepotDtos.DepotView;
import org.spares.api.dto.DepotDtos.NewDepot;
import org.spares.domain.Caller;
import org.spares.domain.Depot;
import org.spares.domain.Role;
import org.spares.service.DepotService;

/** Depots and their service targets. Every role reads; ADMIN creates; MANAGER edits its depots' targets. */
@Path("/api/v1/depots")
@Tag(name = "Depots", description = "Depots and their service targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DepotResource {
    private static final Set<String> ADMIN_FIELDS = Set.of("name", "targetTurnaroundHours", "meanRepairHours",
            "minFillRate");
    private static final Set<String> MANAGER_FIELDS = Set.of("targetTurnaroundHours", "meanRepairHours",
            "minFillRate");

    private final DepotService depots;
    private final IdempotentPosts posts;
    private final PatchMerger patches;

    public DepotResource(DepotService depots, IdempotentPosts posts, PatchMerger patches) {
        this.depots = depots;
        this.posts = posts;
        this.patches = patches;
    }

    /** 201 with the depot; 409 CONFLICT when the code exists. */
    @POST
    @RolesAllowed("ADMIN")
    @Operation(operationId = "createDepot", tags = "Depots",
            summary = "Create a depot",
            responses = {
            @ApiResponse(responseCode = "201", description = "The depot",
                    content = @Content(schema = @Schema(implementation = DepotView.class))),
            @ApiResponse(responseCode = "409", description = "CONFLICT: a depot with this code exists")})
    public Response create(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull @Valid NewDepot body) {
        return posts.answer(caller, key, uri, body,
                (Depot depot) -> Outcome.created("/api/v1/depots/" + depot.code(), DepotView.of(depot)),
                once -> depots.create(fields(body), once));
    }

    /** The depots in the caller's scope. */
    @GET
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "listDepots", tags = "Depots",
            summary = "List the depots in the caller's scope",
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of depots", useReturnTypeSchema = true)})
    public Page<DepotView> list(@Auth Caller caller, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        return Page.of(depots.page(caller, Page.after(cursor), size + 1), size, Depot::id, DepotView::of);
    }

    /** 200; 403 outside the caller's depots (checked first, so codes do not leak); 404 for an unknown code. */
    @GET
    @Path("/{code}")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "getDepot", tags = "Depots",
            summary = "Read one depot",
            responses = {
            @ApiResponse(responseCode = "200", description = "The depot", useReturnTypeSchema = true)})
    public DepotView get(@Auth Caller caller, @PathParam("code") String code) {
        return DepotView.of(depots.get(caller, code));
    }

    /** JSON merge of the depot; a MANAGER of the depot may change only its three service targets. */
    @PATCH
    @Path("/{code}")
    @Consumes({MediaType.APPLICATION_JSON, PatchMerger.MERGE_PATCH_JSON})
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "updateDepot", tags = "Depots",
            summary = "Change a depot (JSON merge; a MANAGER only its three targets)",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = DepotPatch.class))),
            responses = {
            @ApiResponse(responseCode = "200", description = "The depot as changed", useReturnTypeSchema = true)})
    public DepotView patch(@Auth Caller caller, @PathParam("code") String code, @NotNull JsonNode body) {
        Set<String> editable = caller.role() == Role.ADMIN ? ADMIN_FIELDS : MANAGER_FIELDS;
        return DepotView.of(depots.update(caller, code, current -> fields(patches.merge(new NewDepot(current.code(),
                current.name(), current.targetTurnaroundHours(), current.meanRepairHours(), current.minFillRate()),
                body, editable, NewDepot.class))));
    }

    private static DepotService.Fields fields(NewDepot body) {
        return new DepotService.Fields(body.code(), body.name(), body.targetTurnaroundHours(), body.meanRepairHours(),
                body.minFillRate());
    }
}
