package org.spares.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
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
import org.spares.api.dto.PartDtos.PartView;
import org.spares.domain.Caller;
import org.spares.domain.ListOrder;
import org.spares.domain.Part;
import org.spares.service.PartService;

/** The parts catalogue. Every role reads it; ADMIN and MANAGER write it. */
@Path("/api/v1/parts")
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
    public Page<PartView> list(@Auth Caller caller, @QueryParam("category") String category,
            @QueryParam("q") String query, @QueryParam("sort") String sort, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        ListOrder order = SORTS.order(sort, cursor);
        String like = query == null || query.isBlank() ? null : "%" + escapeLike(query.strip()) + "%";
        return SORTS.page(parts.page(Requests.blankToNull(category), like, order, size + 1), size, order, Part::id,
                PartView::of);
    }

    /** 200; 404 for an unknown sku. */
    @GET
    @Path("/{sku}")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public PartView get(@Auth Caller caller, @PathParam("sku") String sku) {
        return PartView.of(parts.get(sku));
    }

    /** JSON merge of the catalogue fields; the sku and the average cost cannot be set. */
    @PATCH
    @Path("/{sku}")
    @Consumes({MediaType.APPLICATION_JSON, PatchMerger.MERGE_PATCH_JSON})
    @RolesAllowed({"ADMIN", "MANAGER"})
    public PartView patch(@Auth Caller caller, @PathParam("sku") String sku, @NotNull JsonNode body) {
        return PartView.of(parts.update(sku, current -> fields(patches.merge(new NewPart(current.sku(),
                current.name(), current.category(), current.unitCost(), current.holdingRate(),
                current.leadTimeDays()), body, EDITABLE, NewPart.class))));
    }

    private static PartService.Fields fields(NewPart body) {
        return new PartService.Fields(body.sku(), body.name(), body.category(), body.unitCost(), body.holdingRate(),
                body.leadTimeDays());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
