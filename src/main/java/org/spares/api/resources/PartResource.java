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
import java.util.Set;
import org.spares.api.Page;
import org.spares.api.PatchMerger;
import org.spares.api.Responses;
import org.spares.api.dto.PartDtos.NewPart;
import org.spares.api.dto.PartDtos.PartView;
import org.spares.auth.Caller;
import org.spares.db.PartDao;
import org.spares.domain.DomainException;
import org.spares.domain.Part;
import org.spares.service.IdempotentPosts;
import org.spares.service.Outcome;
import org.spares.service.PartImporter;
import org.spares.service.PartService;
import org.spares.service.Transactions;

/** The parts catalogue. Every role reads it; ADMIN and MANAGER write it. */
@Path("/api/v1/parts")
@Produces(MediaType.APPLICATION_JSON)
public class PartResource {
    private static final Set<String> EDITABLE = Set.of("name", "category", "unitCost", "holdingRate", "leadTimeDays");

    private final PartService parts;
    private final PartImporter importer;
    private final Transactions transactions;
    private final IdempotentPosts posts;
    private final PatchMerger patches;

    public PartResource(PartService parts, PartImporter importer, Transactions transactions, IdempotentPosts posts,
            PatchMerger patches) {
        this.parts = parts;
        this.importer = importer;
        this.transactions = transactions;
        this.posts = posts;
        this.patches = patches;
    }

    /** 201 with the part; 409 CONFLICT when the sku exists. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER"})
    public Response create(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull @Valid NewPart body) {
        return Responses.of(posts.execute(caller, key, "POST", uri.getPath(), body, handle -> {
            Part part = parts.create(handle, body);
            return Outcome.created("/api/v1/parts/" + part.sku(), PartView.of(part));
        }));
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
        List<NewPart> rows = importer.parse(csv == null ? "" : csv);
        return Responses.of(posts.execute(caller, key, "POST", uri.getPath(), csv,
                handle -> Outcome.ok(importer.write(handle, rows))));
    }

    /** Parts by id order, optionally of one category or matching {@code q} in sku or name. */
    @GET
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public Page<PartView> list(@Auth Caller caller, @QueryParam("category") String category,
            @QueryParam("q") String query, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        long after = Page.after(cursor);
        String like = query == null || query.isBlank() ? null : "%" + escapeLike(query.strip()) + "%";
        return transactions.read(handle -> Page.of(
                handle.attach(PartDao.class).page(after, size + 1, blankToNull(category), like), size, Part::id,
                PartView::of));
    }

    /** 200; 404 for an unknown sku. */
    @GET
    @Path("/{sku}")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public PartView get(@Auth Caller caller, @PathParam("sku") String sku) {
        return PartView.of(transactions.read(handle -> PartService.get(handle, sku)));
    }

    /** JSON merge of the catalogue fields; the sku and the average cost cannot be set. */
    @PATCH
    @Path("/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER"})
    public PartView patch(@Auth Caller caller, @PathParam("sku") String sku, @NotNull JsonNode body) {
        return PartView.of(transactions.inTransaction(handle -> {
            Part current = handle.attach(PartDao.class).lockBySku(sku)
                    .orElseThrow(() -> DomainException.notFound("part", sku));
            NewPart merged = patches.merge(new NewPart(current.sku(), current.name(), current.category(),
                    current.unitCost(), current.holdingRate(), current.leadTimeDays()), body, EDITABLE, NewPart.class);
            return parts.update(handle, current, merged);
        }));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
