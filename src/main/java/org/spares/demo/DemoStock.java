package org.spares.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spares.demo.DemoCatalogue.DepotSpec;
import org.spares.demo.DemoCatalogue.PartSpec;
import org.spares.domain.MovementType;
import org.spares.domain.Position;
import org.spares.domain.Transfer;
import org.spares.service.Idempotency;
import org.spares.service.MovementService.NewMovement;
import org.spares.service.PositionService;
import org.spares.service.TransferService;

/**
 * The stock side of a demo: the starting policy and stock, a daily order-up-to review that buys what was used
 * (arriving after the part's lead time), and transfers that rush a part from another depot for urgent backorders.
 * Purchase orders are not part of Spares, so what is on order lives here, in memory, until it arrives.
 */
final class DemoStock {
    private final DemoWorld world;
    private final DemoCatalogue catalogue;
    private final Map<String, PartSpec> partsBySku = new HashMap<>();
    private final Map<String, Integer> onOrder = new HashMap<>();
    private int purchaseOrders;

    DemoStock(DemoWorld world, DemoCatalogue catalogue) {
        this.world = world;
        this.catalogue = catalogue;
        catalogue.parts().forEach(part -> partsBySku.put(part.sku(), part));
    }

    /**
     * Sets each position's policy from a simple rule (pipeline mean plus one standard deviation, nothing for the
     * slowest movers) and receives that much stock.
     */
    void startingStock() {
        for (DepotSpec depot : catalogue.depots()) {
            for (PartSpec part : catalogue.parts()) {
                double pipeline = DemoCatalogue.expectedPerDay(depot, part) * part.leadTimeDays();
                int level = pipeline < 0.08 ? 0 : (int) Math.ceil(pipeline + Math.sqrt(pipeline));
                if (level == 0) {
                    continue;
                }
                world.services.positions().setPolicy(world.actor, world.caller, depot.code(), part.sku(), level,
                        level - 1, String.format("seed-demo starting policy: pipeline mean %.2f units", pipeline));
                post(receipt(depot.code(), part, level, "opening stock"));
                world.counts.receipts++;
            }
        }
    }

    private void post(NewMovement receipt) {
        world.services.movements().post(world.actor, world.caller, receipt, Idempotency.none());
    }

    /** Order-up-to: every position at or below its reorder point is brought back to its target level. */
    void review() {
        List<Position> positions = world.services.positions().page(world.caller,
                new PositionService.Filter(null, null, false), 0, Integer.MAX_VALUE);
        for (Position position : positions) {
            String key = key(position.depot(), position.sku());
            int inventory = position.inventoryPosition() + onOrder.getOrDefault(key, 0);
            int quantity = position.targetLevel() - inventory;
            if (inventory > position.reorderPoint() || quantity <= 0) {
                continue;
            }
            PartSpec part = partsBySku.get(position.sku());
            onOrder.merge(key, quantity, Integer::sum);
            Duration lead = Duration.ofSeconds((long) (86_400 * part.leadTimeDays()
                    * (0.9 + 0.3 * world.random.nextDouble())));
            world.after(lead, () -> arrive(position.depot(), part, quantity));
        }
    }

    private void arrive(String depot, PartSpec part, int quantity) {
        onOrder.merge(key(depot, part.sku()), -quantity, Integer::sum);
        post(receipt(depot, part, quantity, "replenishment"));
        world.counts.receipts++;
    }

    /**
     * Rushes a backordered part from the depot with the most available units, when one can spare them: the source
     * requests and ships at once, the destination receives one or two days later (filling the backorder).
     */
    void expedite(String depot, String sku, int quantity) {
        Optional<Position> source = catalogue.depots().stream()
                .filter(other -> !other.code().equals(depot))
                .map(other -> world.services.positions().get(world.caller, other.code(), sku))
                .filter(position -> position.available() > quantity)
                .max((left, right) -> Integer.compare(left.available(), right.available()));
        if (source.isEmpty()) {
            return;
        }
        TransferService transfers = world.services.transfers();
        Transfer requested = transfers.request(world.actor, world.caller, source.get().depot(), depot, sku, quantity,
                Idempotency.none());
        Transfer transfer = transfers.ship(world.actor, world.caller, requested.id(), Idempotency.none());
        world.counts.transfers++;
        world.after(world.hours(20, 48), () -> transfers.receive(world.actor, world.caller, transfer.id(),
                Idempotency.none()));
    }

    private NewMovement receipt(String depot, PartSpec part, int quantity, String reason) {
        // Prices drift a few percent around the list price, so the moving average moves.
        BigDecimal price = part.unitCost().multiply(BigDecimal.valueOf(0.96 + 0.08 * world.random.nextDouble()))
                .setScale(2, RoundingMode.HALF_UP);
        return new NewMovement(MovementType.RECEIPT, depot, part.sku(), quantity, price, reason,
                String.format("PO-%06d", ++purchaseOrders));
    }

    private static String key(String depot, String sku) {
        return depot + "/" + sku;
    }
}
