package org.spares.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import java.util.Map;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.spares.api.IdempotentPosts;
import org.spares.api.Outcome;
import org.spares.api.Page;
import org.spares.api.dto.UserDtos.CreatedUser;
import org.spares.api.dto.UserDtos.PasswordChange;
import org.spares.api.dto.UserDtos.UserView;
import org.spares.domain.Caller;
import org.spares.service.UserService;

/**
 * Users and tokens (ADMIN only). A depot-scoped ADMIN manages only users within its depots (see
 * {@link UserService}): 403 for a new user beyond them, 404 for an existing one.
 */
@Path("/api/v1/users")
@Tag(name = "Users", description = "Users and their tokens (ADMIN)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class UserResource {
    private final UserService users;
    private final IdempotentPosts posts;

    public UserResource(UserService users, IdempotentPosts posts) {
        this.users = users;
        this.posts = posts;
    }

    /**
     * Creates a user: 201 with its token, shown this once. A replay under the same Idempotency-Key answers the
     * same user with {@code token: null}: tokens are never stored in clear.
     */
    @POST
    @Operation(operationId = "createUser", tags = "Users",
            summary = "Create a user and its token (shown once)",
            responses = {
            @ApiResponse(responseCode = "201", description = "The user with its token",
                    content = @Content(schema = @Schema(implementation = CreatedUser.class)))})
    public Response create(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull @Valid UserService.NewUser body) {
        return posts.answer(caller, key, uri, body, (UserService.CreatedUser created) -> {
            CreatedUser shown = CreatedUser.of(created, created.token());
            return Outcome.created("/api/v1/users/" + created.id(), shown)
                    .replayedAs(CreatedUser.of(created, null));
        }, once -> users.create(caller, body, once));
    }

    /** Lists the users the caller manages, revoked ones included (with {@code revokedAt}). */
    @GET
    @Operation(operationId = "listUsers", tags = "Users",
            summary = "List the users the caller manages",
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of users", useReturnTypeSchema = true)})
    public Page<UserView> list(@Auth Caller caller, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        return Page.of(users.page(caller, Page.after(cursor), size + 1), size, user -> user.id(), UserView::of);
    }

    /** Revokes the user's token at once: 204; 404 for an unknown id or a user beyond the caller's depots. */
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeUser", tags = "Users",
            summary = "Revoke a user's token at once",
            responses = {
            @ApiResponse(responseCode = "204", description = "Revoked")})
    public Response revoke(@Auth Caller caller, @PathParam("id") long id) {
        users.revoke(caller, id);
        return Response.noContent().build();
    }
    /**
     * Sets a user's password: 204. Any user for themself with the correct {@code oldPassword}; an ADMIN for
     * another user it manages without it. 400 for a password outside 12..128 characters, 403 for a wrong old
     * password or someone else's (non-ADMIN), 404 for an unknown id or a user beyond an ADMIN's depots. Under an
     * Idempotency-Key only the id identifies the request and only the status is stored: no secret, not even a
     * fast hash of one, is written down; a replay with another password answers the first 204.
     */
    @POST
    @Path("/{id}/password")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "setUserPassword", tags = "Users",
            summary = "Set a user's password (own with the old one, or ADMIN)",
            responses = {
            @ApiResponse(responseCode = "204", description = "Set")})
    public Response setPassword(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key,
            @Context UriInfo uri, @PathParam("id") long id, @NotNull PasswordChange body) {
        return posts.answer(caller, key, uri, Map.of("id", id), (Boolean done) -> Outcome.noContent(),
                once -> users.setPassword(caller, id, body.password(), body.oldPassword(), once));
    }
}
