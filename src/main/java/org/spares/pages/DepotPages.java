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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spares.api.Requests;
import org.spares.domain.Caller;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.ListOrder;
import org.spares.domain.Movement;
import org.spares.domain.MovementType;
import org.spares.domain.Position;
import org.spares.domain.RepairOrder;
import org.spares.domain.RepairOrderStatus;
import org.spares.domain.Reservation;
import org.spares.domain.ReservationStatus;
import org.spares.domain.Transfer;
import org.spares.domain.TransferStatus;
import org.spares.service.DepotService;
import org.spares.service.Idempotency;
import org.spares.service.MovementService;
import org.spares.service.OptimizationService;
import org.spares.service.PartService;
import org.spares.service.PositionService;
import org.spares.service.RepairOrderService;
import org.spares.service.ReservationService;
import org.spares.service.TransferService;

/**
 * The depot manager's pages: the dashboard of one depot (what is short, who waits for parts, what is on the road,
 * the last optimization) and its stock table (sorted, filtered, searched), where a position's policy is set and
 * stock is received, counted, adjusted and sent to another depot. Reads are open to every role that may read the
 * depot's stock, as in the API; every change needs the API's role for it.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public final class DepotPages {
    static final int CARD_ROWS = 12;
    static final int TABLE_ROWS = 50;

    private final DepotService depots;
    private final PositionService positions;
    private final PartService parts;
    private final ReservationService reservations;
    private final RepairOrderService orders;
    private final TransferService transfers;
    private final OptimizationService optimizations;
    private final MovementService movements;
    private final Forms forms;
    private final Clock clock;

    public DepotPages(DepotService depots, PositionService positions, PartService parts,
            ReservationService reservations, RepairOrderService orders, TransferService transfers,
            OptimizationService optimizations, MovementService movements, Forms forms, Clock clock) {
        this.depots = depots;
        this.positions = positions;
        this.parts = parts;
        this.reservations = reservations;
        this.orders = orders;
        this.transfers = transfers;
        this.optimizations = optimizations;
        this.movements = movements;
        this.forms = forms;
        this.clock = clock;
    }

    /** The depot at a glance. */
    @GET
    @Path("depots/{code}")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public DashboardView dashboard(@Auth Caller caller, @PathParam("code") String code,
            @Context ContainerRequestContext request) {
        Depot depot = depots.get(caller, code);
        List<Position> due = positions.page(caller, new PositionService.Filter(depot.code(), null, true),
                new ListOrder("onHand", false, null, null), CARD_ROWS);
        List<Reservation> waiting = reservations.page(caller, new ReservationService.Filter(depot.code(),
                ReservationStatus.BACKORDERED, null, null), ListOrder.byId(), CARD_ROWS);
        List<RepairOrder> awaiting = orders.page(caller, new RepairOrderService.Filter(depot.code(),
                RepairOrderStatus.AWAITING_PARTS, null, null, null), ListOrder.byId(), CARD_ROWS);
        List<Transfer> moving = transfers.page(caller, new TransferService.Filter(depot.code(),
                TransferStatus.SHIPPED, null, null, null), ListOrder.byId(), CARD_ROWS);
        Optional<OptimizationService.Seen> last = optimizations.page(caller,
                new OptimizationService.Filter(depot.code(), null), Long.MAX_VALUE, 1).stream().findFirst();
        Instant now = clock.instant();
        List<Waiting> waits = waiting.stream().map(reservation -> new Waiting(reservation,
                hours(reservation.backorderedAt(), now))).toList();
        return new DashboardView(depot, due, names(due), waits, awaiting, moving, last.orElse(null), Nav.of(request));
    }

    /** The stock table: sorted by sku or units on hand, filtered to positions due, searched by sku or name. */
    @GET
    @Path("depots/{code}/stock")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public StockView stock(@Auth Caller caller, @PathParam("code") String code, @QueryParam("q") String query,
            @QueryParam("due") String due, @QueryParam("sort") String sort, @QueryParam("after") String after,
            @QueryParam("afterId") Long afterId, @Context ContainerRequestContext request) {
        Depot depot = depots.get(caller, code);
        StockTable table = StockTable.of(sort, after, afterId);
        boolean onlyDue = Forms.checked(due);
        List<Position> rows = positions.page(caller, new PositionService.Filter(depot.code(), null, onlyDue,
                Requests.containing(query)), table.order(), TABLE_ROWS + 1);
        List<Position> shown = rows.subList(0, Math.min(TABLE_ROWS, rows.size()));
        String next = rows.size() > TABLE_ROWS ? table.next(shown.get(shown.size() - 1)) : null;
        return new StockView(Pages.isHtmx(request) ? "stock-table" : "stock", depot, shown, names(shown),
                query == null ? "" : query.strip(), onlyDue, table.sort(), next, Nav.of(request));
    }

    /** One position with its forms (a fragment under the table's row for htmx, a page otherwise). */
    @GET
    @Path("depots/{code}/stock/{sku}")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public PositionView position(@Auth Caller caller, @PathParam("code") String code, @PathParam("sku") String sku,
            @Context ContainerRequestContext request) {
        return positionView(caller, code, sku, null, request);
    }

    /** Sets the position's target level and reorder point, with the reason the API requires. */
    @POST
    @Path("depots/{code}/stock/{sku}/policy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"ADMIN", "MANAGER"})
    public PositionView policy(@Auth Caller caller, @PathParam("code") String code, @PathParam("sku") String sku,
            @FormParam("targetLevel") String targetLevel, @FormParam("reorderPoint") String reorderPoint,
            @FormParam("reason") String reason, @Context ContainerRequestContext request) {
        Integer target = required("targetLevel", Forms.integer("targetLevel", targetLevel));
        Integer reorder = required("reorderPoint", Forms.integer("reorderPoint", reorderPoint));
        if (reason == null || reason.isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a policy change needs a reason",
                    Map.of("field", "reason"));
        }
        Position set = positions.setPolicy(Requests.actor(caller), caller, code, sku, target, reorder, reason.strip());
        return positionView(caller, code, sku, "Policy set: order up to " + set.targetLevel() + ", reorder at "
                + set.reorderPoint(), request);
    }

    /** Posts a receipt, an adjustment or a scrap to the ledger, as POST /api/v1/movements does. */
    @POST
    @Path("depots/{code}/stock/{sku}/movements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"ADMIN", "MANAGER"})
    public PositionView movement(@Auth Caller caller, @PathParam("code") String code, @PathParam("sku") String sku,
            @FormParam("type") String type, @FormParam("quantity") String quantity,
            @FormParam("unitCost") String unitCost, @FormParam("reason") String reason,
            @FormParam(FormKeys.FIELD) String key, @Context ContainerRequestContext request) {
        MovementType kind = required("type", Forms.choice("type", MovementType.class, type));
        int units = required("quantity", Forms.integer("quantity", quantity));
        BigDecimal cost = Forms.decimal("unitCost", unitCost);
        MovementService.NewMovement movement = new MovementService.NewMovement(kind, code, sku, units, cost,
                Requests.blankToNull(reason), null);
        String notice;
        try {
            Movement posted = movements.post(Requests.actor(caller), caller, movement, FormKeys.once(caller, key,
                    "/ui/depots/" + code + "/stock/" + sku + "/movements", Map.of("type", kind, "quantity", units,
                            "unitCost", String.valueOf(cost), "reason", String.valueOf(reason))));
            notice = kind.name().toLowerCase() + " of " + posted.quantity() + " posted: " + posted.onHandAfter()
                    + " on hand";
        } catch (Idempotency.Replayed twice) {
            notice = "Already posted (the form was sent twice)";
        }
        return positionView(caller, code, sku, notice, request);
    }

    /** A count: the difference to the units on hand is posted as an adjustment under the position's lock. */
    @POST
    @Path("depots/{code}/stock/{sku}/count")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"ADMIN", "MANAGER"})
    public PositionView count(@Auth Caller caller, @PathParam("code") String code, @PathParam("sku") String sku,
            @FormParam("counted") String counted, @FormParam(FormKeys.FIELD) String key,
            @Context ContainerRequestContext request) {
        int units = required("counted", Forms.integer("counted", counted));
        String notice;
        try {
            notice = movements.count(Requests.actor(caller), caller, code, sku, units, "stock count",
                    FormKeys.once(caller, key, "/ui/depots/" + code + "/stock/" + sku + "/count",
                            Map.of("counted", units)))
                    .map(adjustment -> "Counted " + units + ": adjusted by " + adjustment.quantity())
                    .orElse("Counted " + units + ": matches, nothing to adjust");
        } catch (Idempotency.Replayed twice) {
            notice = "Already counted (the form was sent twice)";
        }
        return positionView(caller, code, sku, notice, request);
    }

    /** Requests a transfer of units to another depot (shipped and received from the transfer list, as in the API). */
    @POST
    @Path("depots/{code}/stock/{sku}/transfers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"ADMIN", "MANAGER"})
    public PositionView transfer(@Auth Caller caller, @PathParam("code") String code, @PathParam("sku") String sku,
            @FormParam("to") String to, @FormParam("quantity") String quantity,
            @FormParam(FormKeys.FIELD) String key, @Context ContainerRequestContext request) {
        int units = required("quantity", Forms.integer("quantity", quantity));
        String destination = required("to", Requests.blankToNull(to));
        String notice;
        try {
            Transfer made = transfers.request(Requests.actor(caller), caller, code, destination, sku, units,
                    FormKeys.once(caller, key, "/ui/depots/" + code + "/stock/" + sku + "/transfers",
                            Map.of("to", destination, "quantity", units)));
            notice = "Transfer " + made.id() + " of " + made.quantity() + " to " + made.toDepot() + " requested";
        } catch (Idempotency.Replayed twice) {
            notice = "Already requested (the form was sent twice)";
        }
        return positionView(caller, code, sku, notice, request);
    }

    private PositionView positionView(Caller caller, String code, String sku, String notice,
            ContainerRequestContext request) {
        Position position = positions.get(caller, code, sku);
        List<String> others = depots.page(caller, 0, 500).stream().map(Depot::code)
                .filter(other -> !other.equals(position.depot())).toList();
        return new PositionView(Pages.isHtmx(request) ? "position-panel" : "position", position,
                parts.get(sku).name(), others, notice, Nav.of(request));
    }

    private Map<String, String> names(List<Position> rows) {
        return parts.names(rows.stream().map(Position::sku).distinct().toList());
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " is required", Map.of("field", field));
        }
        return value;
    }

    private static long hours(Instant since, Instant now) {
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toHours());
    }

    /** A backorder and how long it has waited. */
    public record Waiting(Reservation reservation, long hours) {
    }

    /** The dashboard. */
    public static final class DashboardView extends PageView {
        private final Depot depot;
        private final List<Position> due;
        private final Map<String, String> names;
        private final List<Waiting> waiting;
        private final List<RepairOrder> awaiting;
        private final List<Transfer> moving;
        private final OptimizationService.Seen last;

        DashboardView(Depot depot, List<Position> due, Map<String, String> names, List<Waiting> waiting,
                List<RepairOrder> awaiting, List<Transfer> moving, OptimizationService.Seen last, Nav nav) {
            super("dashboard", depot.code() + " · " + depot.name(), nav);
            this.depot = depot;
            this.due = due;
            this.names = names;
            this.waiting = waiting;
            this.awaiting = awaiting;
            this.moving = moving;
            this.last = last;
        }

        public Depot getDepot() {
            return depot;
        }

        public List<Position> getDue() {
            return due;
        }

        public Map<String, String> getNames() {
            return names;
        }

        public List<Waiting> getWaiting() {
            return waiting;
        }

        public List<RepairOrder> getAwaiting() {
            return awaiting;
        }

        public List<Transfer> getMoving() {
            return moving;
        }

        public OptimizationService.Seen getLast() {
            return last;
        }

        public int getLimit() {
            return CARD_ROWS;
        }
    }

    /** The stock table, whole page or (for htmx) the table alone. */
    public static final class StockView extends PageView {
        private final Depot depot;
        private final List<Position> rows;
        private final Map<String, String> names;
        private final String query;
        private final boolean due;
        private final String sort;
        private final String next;

        StockView(String template, Depot depot, List<Position> rows, Map<String, String> names, String query,
                boolean due, String sort, String next, Nav nav) {
            super(template, "Stock at " + depot.code(), nav);
            this.depot = depot;
            this.rows = rows;
            this.names = names;
            this.query = query;
            this.due = due;
            this.sort = sort;
            this.next = next;
        }

        public Depot getDepot() {
            return depot;
        }

        public List<Position> getRows() {
            return rows;
        }

        public Map<String, String> getNames() {
            return names;
        }

        public String getQuery() {
            return query;
        }

        public boolean isDue() {
            return due;
        }

        public String getSort() {
            return sort;
        }

        /** The query string of the next page (with this page's filters), or null on the last page. */
        public String getNext() {
            return next;
        }
    }

    /** One position and the forms that change it. */
    public static final class PositionView extends PageView {
        private final Position position;
        private final String name;
        private final List<String> otherDepots;
        private final String notice;

        PositionView(String template, Position position, String name, List<String> otherDepots, String notice,
                Nav nav) {
            super(template, position.sku() + " at " + position.depot(), nav);
            this.position = position;
            this.name = name;
            this.otherDepots = otherDepots;
            this.notice = notice;
        }

        public Position getPosition() {
            return position;
        }

        public String getName() {
            return name;
        }

        public List<String> getOtherDepots() {
            return otherDepots;
        }

        public String getNotice() {
            return notice == null ? "" : notice;
        }

        public String getFormKey() {
            return FormKeys.fresh();
        }
    }
}
