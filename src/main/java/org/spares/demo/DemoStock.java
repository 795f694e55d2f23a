package org.spares.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spares.db.PositionDao;
import org.spares.demo.DemoCatalogue.DepotSpec;
import org.spares.demo.DemoCatalogue.PartSpec;
import org.spares.domain.MovementType;
import org.spares.domain.PolicySource;
import org.spares.domain.Position;
import org.spares.domain.Transfer;
import org.spares.service.MovementService.NewMovement;

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
     * slowest movers) and receives that much stock, one transaction per depot.
     */
    void startingStock() {
        for (DepotSpec depot : catalogue.depots()) {
            world.inTransaction(handle -> {
                for (PartSpec part : catalogue.parts()) {
                    double pipeline = DemoCatalogue.expectedPerDay(depot, part) * part.leadTimeDays();
                    int level = pipeline < 0.08 ? 0 : (int) Math.ceil(pipeline + Math.sqrt(pipeline));
                    if (level == 0) {
                        continue;
                    }
                    world.services.policies().set(handle, world.actor, depot.code(), part.sku(), level, level - 1,
                            String.format("seed-demo starting policy: pipeline mean %.2f units", pipeline),
                            PolicySource.MANUAL, null);
                    world.services.movements().post(handle, world.actor, receipt(depot.code(), part, level,
                            "opening stock"));
                    world.counts.receipts++;
                }
                return null;
            });
        }
    }

    /** Order-up-to: every position at or below its reorder point is brought back to its target level. */
    void review() {
        List<Position> positions = world.transactions.read(handle -> handle.attach(PositionDao.class).all());
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
        world.inTransaction(handle -> world.services.movements().post(handle, world.actor,
                receipt(depot, part, quantity, "replenishment")));
        world.counts.receipts++;
    }

    /**
     * Rushes a backordered part from the depot with the most available units, when one can spare them: the source
     * requests and ships at once, the destination receives one or two days later (filling the backorder).
     */
    void expedite(String depot, String sku, int quantity) {
        Optional<Position> source = world.transactions.read(handle -> catalogue.depots().stream()
                .filter(other -> !other.code().equals(depot))
                .map(other -> handle.attach(PositionDao.class).find(other.code(), sku))
                .flatMap(Optional::stream)
                .filter(position -> position.available() > quantity)
                .max((left, right) -> Integer.compare(left.available(), right.available())));
        if (source.isEmpty()) {
            return;
        }
        Transfer transfer = world.inTransaction(handle -> {
            Transfer requested = world.services.transfers().request(handle, world.actor, source.get().depot(), depot,
                    sku, quantity);
            return world.services.transfers().ship(handle, world.actor, world.caller, requested.id());
        });
        world.counts.transfers++;
        world.after(world.hours(20, 48), () -> world.inTransaction(handle -> world.services.transfers()
                .receive(handle, world.actor, world.caller, transfer.id())));
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
