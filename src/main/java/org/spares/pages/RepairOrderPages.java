package org.spares.pages;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spares.api.Requests;
import org.spares.api.dto.RepairDtos.NewRepairOrder;
import org.spares.api.dto.RepairDtos.NewReservation;
import org.spares.domain.Caller;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.ListOrder;
import org.spares.domain.Part;
import org.spares.domain.Position;
import org.spares.domain.Priority;
import org.spares.domain.RepairOrder;
import org.spares.domain.RepairOrderStatus;
import org.spares.domain.Reservation;
import org.spares.service.DepotService;
import org.spares.service.Idempotency;
import org.spares.service.PartService;
import org.spares.service.PositionService;
import org.spares.service.RepairOrderService;
import org.spares.service.ReservationService;

/**
 * The technician's pages, made for a phone: a depot's open repair orders, a new one, and an order's page, where a
 * part is found by SKU or name (with what is available at each depot the caller may see), reserved, issued,
 * released, and the order completed. A part that is short says how many are there and offers the backorder. Every
 * action is the API's, through the same service call and role list.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public final class RepairOrderPages {
    private static final int PAGE = 30;
    private static final int MATCHES = 8;
    private static final int MAX_DEPOTS = 500;

    private final RepairOrderService orders;
    private final ReservationService reservations;
    private final PartService parts;
    private final PositionService positions;
    private final DepotService depots;
    private final Forms forms;

    public RepairOrderPages(RepairOrderService orders, ReservationService reservations, PartService parts,
            PositionService positions, DepotService depots, Forms forms) {
        this.orders = orders;
        this.reservations = reservations;
        this.parts = parts;
        this.positions = positions;
        this.depots = depots;
        this.forms = forms;
    }

    /** The depot's repair orders still to be done: those waiting for parts first, then the open ones, newest first. */
    @GET
    @Path("repair-orders")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public OrdersView list(@Auth Caller caller, @QueryParam("depot") String depot, @QueryParam("after") Long after,
            @Context ContainerRequestContext request) {
        String chosen = depot == null || depot.isBlank() ? null : depot.strip();
        ListOrder newest = new ListOrder(ListOrder.ID, true, null, after);
        List<RepairOrder> awaiting = after != null ? List.of() : orders.page(caller,
                new RepairOrderService.Filter(chosen, RepairOrderStatus.AWAITING_PARTS, null, null, null), newest, PAGE);
        List<RepairOrder> open = orders.page(caller,
                new RepairOrderService.Filter(chosen, RepairOrderStatus.OPEN, null, null, null), newest, PAGE + 1);
        Long more = open.size() > PAGE ? open.get(PAGE - 1).id() : null;
        return new OrdersView(chosen, awaiting, open.subList(0, Math.min(PAGE, open.size())), more,
                depotCodes(caller), FormKeys.fresh(), Nav.of(request));
    }

    /** Opens a repair order and goes to its page. */
    @POST
    @Path("repair-orders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    public Response open(@Auth Caller caller, @FormParam("depot") String depot, @FormParam("assetTag") String assetTag,
            @FormParam("description") String description, @FormParam("priority") String priority,
            @FormParam(FormKeys.FIELD) String key, @Context ContainerRequestContext request) {
        NewRepairOrder body = forms.valid(new NewRepairOrder(depot, assetTag, Requests.blankToNull(description),
                Forms.choice("priority", Priority.class, priority), null));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("depot", body.depot());
        fields.put("assetTag", body.assetTag());
        fields.put("description", body.description());
        fields.put("priority", body.priority());
        long id;
        try {
            id = orders.open(Requests.actor(caller), caller, body.depot(), body.assetTag(), body.description(),
                    body.priority() == null ? Priority.NORMAL : body.priority(), null,
                    FormKeys.once(caller, key, "/ui/repair-orders", fields)).order().id();
        } catch (Idempotency.Replayed twice) {
            return Forms.goTo(Pages.isHtmx(request), "/ui/repair-orders?depot=" + body.depot());
        }
        return Forms.goTo(Pages.isHtmx(request), "/ui/repair-orders/" + id);
    }

    /** One order: its reservations with their actions, and the box to find and reserve a part. */
    @GET
    @Path("repair-orders/{id}")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public OrderView order(@Auth Caller caller, @PathParam("id") long id, @Context ContainerRequestContext request) {
        return new OrderView("repair-order", orders.get(caller, id), null, Nav.of(request));
    }

    /** Parts whose SKU or name contains the query, each with what is available at the depots the caller sees. */
    @GET
    @Path("repair-orders/{id}/parts")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public MatchesView matches(@Auth Caller caller, @PathParam("id") long id, @QueryParam("q") String query,
            @Context ContainerRequestContext request) {
        RepairOrder order = orders.get(caller, id).order();
        String like = Requests.containing(query);
        List<Match> found = new ArrayList<>();
        if (like != null) {
            for (Part part : parts.page(null, like, new ListOrder("sku", false, null, null), MATCHES)) {
                found.add(match(caller, order.depot(), part));
            }
        }
        return new MatchesView(order, query == null ? "" : query.strip(), found, FormKeys.fresh(), Nav.of(request));
    }

    /**
     * Reserves a part for the order. When it is short (and no backorder was asked for), answers 409 with how many
     * are there and a button that asks again as a backorder; otherwise the order's section, refreshed.
     */
    @POST
    @Path("repair-orders/{id}/reservations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    public Response reserve(@Auth Caller caller, @PathParam("id") long id, @FormParam("sku") String sku,
            @FormParam("quantity") String quantity, @FormParam("backorder") String backorder,
            @FormParam(FormKeys.FIELD) String key, @Context ContainerRequestContext request) {
        NewReservation body = forms.valid(new NewReservation(sku, Forms.integer("quantity", quantity),
                Forms.checked(backorder)));
        Map<String, Object> fields = Map.of("sku", body.sku(), "quantity", body.quantity(),
                "backorder", body.allowBackorder());
        String notice;
        try {
            Reservation made = reservations.reserve(Requests.actor(caller), caller, id, body.sku(), body.quantity(),
                    body.allowBackorder(), FormKeys.once(caller, key, "/ui/repair-orders/" + id + "/reservations",
                            fields));
            notice = made.quantity() + " x " + made.sku() + (made.status().name().equals("BACKORDERED")
                    ? " backordered: it is held for this order as soon as stock arrives" : " reserved");
        } catch (Idempotency.Replayed twice) {
            notice = "Already reserved (the form was sent twice)";
        } catch (DomainException refused) {
            if (refused.code() != ErrorCode.INSUFFICIENT_STOCK) {
                throw refused;
            }
            Object available = refused.details().getOrDefault("available", 0);
            return Response.status(409).entity(new ShortView(orders.get(caller, id).order(), body.sku(),
                    body.quantity(), available, refused.getMessage(), FormKeys.fresh(), Nav.of(request)))
                    .header("HX-Retarget", "#matches").header("HX-Reswap", "innerHTML").build();
        }
        return Response.ok(new OrderView("repair-order-section", orders.get(caller, id), notice, Nav.of(request)))
                .build();
    }

    /** Issues a held reservation (the units leave the shelf); answers the order's section. */
    @POST
    @Path("reservations/{id}/issue")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    public OrderView issue(@Auth Caller caller, @PathParam("id") long id, @FormParam(FormKeys.FIELD) String key,
            @Context ContainerRequestContext request) {
        return reservationStep(caller, id, key, "issue", request);
    }

    /** Releases a held or backordered reservation; answers the order's section. */
    @POST
    @Path("reservations/{id}/release")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    public OrderView release(@Auth Caller caller, @PathParam("id") long id, @FormParam(FormKeys.FIELD) String key,
            @Context ContainerRequestContext request) {
        return reservationStep(caller, id, key, "release", request);
    }

    /** Completes the order (every reservation issued, released or expired; else 409); answers its section. */
    @POST
    @Path("repair-orders/{id}/complete")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    public OrderView complete(@Auth Caller caller, @PathParam("id") long id, @FormParam(FormKeys.FIELD) String key,
            @Context ContainerRequestContext request) {
        String notice = "Repair order completed";
        try {
            orders.complete(Requests.actor(caller), caller, id, FormKeys.once(caller, key,
                    "/ui/repair-orders/" + id + "/complete", Map.of()));
        } catch (Idempotency.Replayed twice) {
            notice = "Already completed";
        }
        return new OrderView("repair-order-section", orders.get(caller, id), notice, Nav.of(request));
    }

    private OrderView reservationStep(Caller caller, long id, String key, String step,
            ContainerRequestContext request) {
        Reservation reservation = reservations.get(caller, id);
        String notice;
        try {
            var once = FormKeys.<Reservation>once(caller, key, "/ui/reservations/" + id + "/" + step, Map.of());
            Reservation done = step.equals("issue") ? reservations.issue(Requests.actor(caller), caller, id, once)
                    : reservations.release(Requests.actor(caller), caller, id, once);
            notice = done.quantity() + " x " + done.sku() + (step.equals("issue") ? " issued" : " released");
        } catch (Idempotency.Replayed twice) {
            notice = "Already done (the form was sent twice)";
        }
        return new OrderView("repair-order-section", orders.get(caller, reservation.repairOrderId()), notice,
                Nav.of(request));
    }

    private Match match(Caller caller, String here, Part part) {
        List<Position> seen = positions.page(caller, new PositionService.Filter(null, part.sku(), false),
                new ListOrder("depot", false, null, null), MAX_DEPOTS);
        int atHere = 0;
        List<Availability> elsewhere = new ArrayList<>();
        for (Position position : seen) {
            if (position.depot().equals(here)) {
                atHere = position.available();
            } else if (position.available() > 0) {
                elsewhere.add(new Availability(position.depot(), position.available()));
            }
        }
        return new Match(part, atHere, elsewhere);
    }

    private List<String> depotCodes(Caller caller) {
        return depots.page(caller, 0, MAX_DEPOTS).stream().map(Depot::code).toList();
    }

    /** What a depot has free of one part. */
    public record Availability(String depot, int available) {
    }

    /** A part found, with its availability at the order's depot and at the other depots the caller sees. */
    public record Match(Part part, int availableHere, List<Availability> elsewhere) {
    }

    /** The list of a depot's orders still to be done. */
    public static final class OrdersView extends PageView {
        private final String depot;
        private final List<RepairOrder> awaiting;
        private final List<RepairOrder> open;
        private final Long moreAfter;
        private final List<String> depots;
        private final String formKey;

        OrdersView(String depot, List<RepairOrder> awaiting, List<RepairOrder> open, Long moreAfter,
                List<String> depots, String formKey, Nav nav) {
            super("repair-orders", depot == null ? "Repair orders" : "Repair orders at " + depot, nav);
            this.depot = depot;
            this.awaiting = awaiting;
            this.open = open;
            this.moreAfter = moreAfter;
            this.depots = depots;
            this.formKey = formKey;
        }

        public String getDepot() {
            return depot == null ? "" : depot;
        }

        public List<RepairOrder> getAwaiting() {
            return awaiting;
        }

        public List<RepairOrder> getOpen() {
            return open;
        }

        public Long getMoreAfter() {
            return moreAfter;
        }

        public List<String> getDepots() {
            return depots;
        }

        public String getFormKey() {
            return formKey;
        }
    }

    /** An order, as a whole page or as its section alone (after an action, with a notice). */
    public static final class OrderView extends PageView {
        private final RepairOrderService.Detail detail;
        private final String notice;

        OrderView(String template, RepairOrderService.Detail detail, String notice, Nav nav) {
            super(template, "Repair order " + detail.order().id(), nav);
            this.detail = detail;
            this.notice = notice;
        }

        public RepairOrder getOrder() {
            return detail.order();
        }

        public List<Reservation> getReservations() {
            return detail.reservations();
        }

        public String getNotice() {
            return notice == null ? "" : notice;
        }

        /** True while the order can still change (not completed or cancelled). */
        public boolean isActive() {
            RepairOrderStatus status = detail.order().status();
            return status == RepairOrderStatus.OPEN || status == RepairOrderStatus.AWAITING_PARTS;
        }

        /** A fresh key for each form on the section. */
        public String getFormKey() {
            return FormKeys.fresh();
        }
    }

    /** The parts found for a query. */
    public static final class MatchesView extends PageView {
        private final RepairOrder order;
        private final String query;
        private final List<Match> matches;
        private final String formKey;

        MatchesView(RepairOrder order, String query, List<Match> matches, String formKey, Nav nav) {
            super("part-matches", "Parts", nav);
            this.order = order;
            this.query = query;
            this.matches = matches;
            this.formKey = formKey;
        }

        public RepairOrder getOrder() {
            return order;
        }

        public String getQuery() {
            return query;
        }

        public List<Match> getMatches() {
            return matches;
        }

        public String getFormKey() {
            return formKey;
        }
    }

    /** A part too short to reserve: how many there are, and the offer to backorder. */
    public static final class ShortView extends PageView {
        private final RepairOrder order;
        private final String sku;
        private final int quantity;
        private final Object available;
        private final String message;
        private final String formKey;

        ShortView(RepairOrder order, String sku, int quantity, Object available, String message, String formKey,
                Nav nav) {
            super("part-short", "Part short", nav);
            this.order = order;
            this.sku = sku;
            this.quantity = quantity;
            this.available = available;
            this.message = message;
            this.formKey = formKey;
        }

        public RepairOrder getOrder() {
            return order;
        }

        public String getSku() {
            return sku;
        }

        public int getQuantity() {
            return quantity;
        }

        public Object getAvailable() {
            return available;
        }

        public String getMessage() {
            return message;
        }

        public String getFormKey() {
            return formKey;
        }
    }
}
