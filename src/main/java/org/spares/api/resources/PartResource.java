package org.spares.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spares.api.IdempotentPosts;
import org.spares.api.Outcome;
import org.spares.api.Page;
import org.spares.api.PartCsv;
import org.spares.api.PatchMerger;
import org.spares.api.Requests;
import org.spares.api.Sorts;
import org.spares.api.dto.PartDtos.ImportResult;
import org.spares.api.dto.PartDtos.NewPart;
import org.spares.api.dto.PartDtos.PartPatch;
import org.spares.api.dto.PartDtos.PartView;
import org.spares.domain.Caller;
import org.spares.domain.ListOrder;
import org.spares.domain.Part;
import org.spares.service.PartService;

/** The parts catalogue. Every role reads it; ADMIN and MANAGER write it. */
@Path("/api/v1/parts")
@Tag(name = "Parts", description = "The parts catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class PartResource {
    private static final Sorts<Part> SORTS = Sorts.of(Map.of("sku", Part::sku, "name", Part::name, "category",
            Part::category));

    private static final Set<String> EDITABLE = Set.of("name", "category", "unitCost", "holdingRate", "leadTimeDays");

    private final PartService parts;
    private final PartCsv csvFiles;
    private final IdempotentPosts posts;
    private final PatchMerger patches;

    public PartResource(PartService parts, PartCsv csvFiles, IdempotentPosts posts, PatchMerger patches) {
        this.parts = parts;
        this.csvFiles = csvFiles;
        this.posts = posts;
        this.patches = patches;
    }

    /** 201 with the part; 409 CONFLICT when the sku exists. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "createPart", tags = "Parts",
            summary = "Add a part to the catalogue",
            responses = {
            @ApiResponse(responseCode = "201", description = "The part",
                    content = @Content(schema = @Schema(implementation = PartView.class))),
            @ApiResponse(responseCode = "409", description = "CONFLICT: a part with this sku exists")})
    public Response create(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull @Valid NewPart body) {
        return posts.answer(caller, key, uri, body,
                (Part part) -> Outcome.created("/api/v1/parts/" + part.sku(), PartView.of(part)),
                once -> parts.create(fields(body), once));
    }

    /**
     * CSV upsert by sku, all rows or none: 200 with counts; 422 VALIDATION_FAILED listing every bad row by line
     * ({@code details.rows}); 415 for a body that is not text/csv.
     */
    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "importParts", tags = "Parts",
            summary = "Create or update parts from CSV, all rows or none",
            requestBody = @RequestBody(required = true,
                    description = "CSV with a header row: sku,name,category,unitCost,holdingRate,leadTimeDays",
                    content = {@Content(mediaType = "text/csv", schema = @Schema(types = "string")),
                        @Content(mediaType = "text/plain", schema = @Schema(types = "string"))}),
            responses = {
            @ApiResponse(responseCode = "200", description = "How many rows were created and updated",
                    content = @Content(schema = @Schema(implementation = ImportResult.class)))})
    public Response importCsv(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            String csv) {
        List<PartService.Fields> rows = csvFiles.parse(csv == null ? "" : csv).stream()
                .map(PartResource::fields).toList();
        return posts.answer(caller, key, uri, csv,
                (PartService.Imported done) -> Outcome.ok(new ImportResult(done.rows(), done.created(),
                        done.updated())),
                once -> parts.importAll(rows, once));
    }

    /**
     * Parts by id unless {@code sort} says otherwise (id, sku, name, category; a leading - for descending),
     * optionally of one category or matching {@code q} in sku or name. 400 for a bad sort or cursor.
     */
    @GET
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "listParts", tags = "Parts",
            summary = "List parts in id order",
            parameters = {
            @Parameter(name = "category", in = ParameterIn.QUERY, description = "Only this category"),
            @Parameter(name = "q", in = ParameterIn.QUERY,
                    description = "Only parts whose sku or name contains this text")},
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of parts", useReturnTypeSchema = true)})
    public Page<PartView> list(@Auth Caller caller, @QueryParam("category") String category,
            @QueryParam("q") String query, @QueryParam("sort") String sort, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        ListOrder order = SORTS.order(sort, cursor);
        String like = Requests.containing(query);
        return SORTS.page(parts.page(Requests.blankToNull(category), like, order, size + 1), size, order, Part::id,
                PartView::of);
    }

    /** 200; 404 for an unknown sku. */
    @GET
    @Path("/{sku}")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "getPart", tags = "Parts",
            summary = "Read one part",
            responses = {
            @ApiResponse(responseCode = "200", description = "The part", useReturnTypeSchema = true)})
    public PartView get(@Auth Caller caller, @PathParam("sku") String sku) {
        return PartView.of(parts.get(sku));
    }

    /** JSON merge of the catalogue fields; the sku and the average cost cannot be set. */
    @PATCH
    @Path("/{sku}")
    @Consumes({MediaType.APPLICATION_JSON, PatchMerger.MERGE_PATCH_JSON})
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "updatePart", tags = "Parts",
            summary = "Change a part's catalogue fields (JSON merge)",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PartPatch.class))),
            responses = {
            @ApiResponse(responseCode = "200", description = "The part as changed", useReturnTypeSchema = true)})
    public PartView patch(@Auth Caller caller, @PathParam("sku") String sku, @NotNull JsonNode body) {
        return PartView.of(parts.update(sku, current -> fields(patches.merge(new NewPart(current.sku(),
                current.name(), current.category(), current.unitCost(), current.holdingRate(),
                current.leadTimeDays()), body, EDITABLE, NewPart.class))));
    }

    private static PartService.Fields fields(NewPart body) {
        return new PartService.Fields(body.sku(), body.name(), body.category(), body.unitCost(), body.holdingRate(),
                body.leadTimeDays());
    }
}
