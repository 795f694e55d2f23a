package org.spares.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The depots and parts of a demo, drawn from the seed: depots of different sizes and service targets, and parts
 * whose popularity follows a Zipf law (a few fast movers, a long tail of slow ones), with unit costs from a few
 * dollars to thousands and lead times of 3 to 60 days.
 */
public final class DemoCatalogue {
    /** A depot to create, with how many repair orders it opens on an average weekday. */
    public record DepotSpec(String code, String name, BigDecimal targetTurnaroundHours, BigDecimal meanRepairHours,
            BigDecimal minFillRate, double ordersPerWeekday) {
    }

    /**
     * How a part's demand behaves over the history, so that a demo shows every demand class (FORECASTING.md): most
     * parts are asked for steadily, a few units a line; some come in bursts (a batch of failures, a planned overhaul
     * asking for many at once); some go obsolete as the machines they fit are retired, and fade to nothing.
     */
    public enum DemandPattern {
        STEADY, LUMPY, FADING;

        /** Lumpy parts: most lines ask for one unit, this share asks for a burst. */
        static final double BURST_SHARE = 0.2;
        /** A burst asks on average this many times the part's usual quantity. */
        static final double BURST_FACTOR = 6.0;
        /** Fading parts: asked for as usual until this share of the history, then less and less ... */
        static final double FADE_FROM = 0.5;
        /** ... and not at all from this share on. */
        static final double GONE_FROM = 0.75;

        /** How likely a line chosen for the part is kept at this point of the history (0 = start, 1 = end). */
        double activity(double elapsed) {
            if (this != FADING || elapsed <= FADE_FROM) {
                return 1.0;
            }
            return Math.max(0.0, (GONE_FROM - elapsed) / (GONE_FROM - FADE_FROM));
        }
    }

    /**
     * A part to create, with its share of all part lines, the mean quantity of its usual line and how its demand
     * behaves.
     */
    public record PartSpec(String sku, String name, String category, BigDecimal unitCost, BigDecimal holdingRate,
            int leadTimeDays, double share, double meanQuantity, DemandPattern pattern) {
        /** Units of one line: uniform on 1 .. 2m - 1 (mean m); a lumpy part's line is one unit or a burst. */
        int quantity(SplittableRandom random) {
            if (pattern != DemandPattern.LUMPY) {
                return lineOf(meanQuantity, random);
            }
            return random.nextDouble() < DemandPattern.BURST_SHARE
                    ? lineOf(DemandPattern.BURST_FACTOR * meanQuantity, random) : 1;
        }

        /** The mean of {@link #quantity}: what a manager would have planned the part from. */
        double expectedQuantity() {
            if (pattern != DemandPattern.LUMPY) {
                return meanQuantity;
            }
            double burst = (1 + Math.round(2 * DemandPattern.BURST_FACTOR * meanQuantity - 1)) / 2.0;
            return DemandPattern.BURST_SHARE * burst + (1 - DemandPattern.BURST_SHARE);
        }

        private static int lineOf(double mean, SplittableRandom random) {
            int most = (int) Math.round(2 * mean - 1);
            return 1 + random.nextInt(most);
        }
    }

    private record Category(String prefix, String name, String noun, double minCost, double maxCost, int minLead,
            int maxLead) {
    }

    private static final String[][] SITES = {{"NYC", "New York"}, {"ATL", "Atlanta"}, {"CHI", "Chicago"},
        {"DAL", "Dallas"}, {"DEN", "Denver"}, {"LAX", "Los Angeles"}, {"SEA", "Seattle"}, {"BOS", "Boston"},
        {"MIA", "Miami"}, {"PHX", "Phoenix"}, {"SFO", "San Francisco"}, {"HOU", "Houston"}, {"MSP", "Minneapolis"},
        {"DTW", "Detroit"}, {"PHL", "Philadelphia"}, {"CLT", "Charlotte"}, {"SLC", "Salt Lake City"},
        {"PDX", "Portland"}, {"STL", "St. Louis"}, {"BNA", "Nashville"}};

    private static final List<Category> CATEGORIES = List.of(
            new Category("SEL", "Seals", "Seal kit", 3, 40, 3, 20),
            new Category("FLT", "Filters", "Filter", 5, 80, 5, 25),
            new Category("CBL", "Cables", "Cable assembly", 8, 150, 5, 30),
            new Category("BRG", "Bearings", "Bearing", 12, 400, 7, 40),
            new Category("SNS", "Sensors", "Sensor", 40, 900, 10, 45),
            new Category("VLV", "Valves", "Valve", 60, 1500, 14, 50),
            new Category("PCB", "Boards", "Control board", 150, 3000, 20, 60),
            new Category("DSP", "Displays", "Display unit", 200, 2500, 14, 45),
            new Category("PMP", "Pumps", "Pump", 300, 4000, 21, 60),
            new Category("MTR", "Motors", "Motor", 250, 5000, 21, 60));

    /** Weekend days see this share of a weekday's repair orders. */
    static final double WEEKEND_FACTOR = 0.3;
    /** The share of repair orders that need parts at all. */
    static final double NEEDS_PARTS = 0.75;
    /** Mean part lines of an order that needs parts (1, 2 or 3 lines: 60 %, 30 %, 10 %). */
    static final double MEAN_LINES = 1.5;

    /** Shares of the parts whose demand is lumpy, and of those going obsolete; the rest is steady. */
    private static final double LUMPY_SHARE = 0.12;
    private static final double FADING_SHARE = 0.1;

    /** Zipf exponent of part popularity: about 20 % of the parts take about 75 % of the lines. */
    private static final double ZIPF = 1.1;

    private final List<DepotSpec> depots;
    private final List<PartSpec> parts;

    private DemoCatalogue(List<DepotSpec> depots, List<PartSpec> parts) {
        this.depots = List.copyOf(depots);
        this.parts = List.copyOf(parts);
    }

    public static DemoCatalogue draw(DemoSettings settings, SplittableRandom random) {
        List<DepotSpec> depots = new ArrayList<>();
        for (int index = 0; index < settings.depots(); index++) {
            depots.add(depot(index, random));
        }
        return new DemoCatalogue(depots, parts(settings.parts(), random));
    }

    public List<DepotSpec> depots() {
        return depots;
    }

    public List<PartSpec> parts() {
        return parts;
    }

    /** Units of the part the depot uses per day on average: what the starting policy is set from. */
    static double expectedPerDay(DepotSpec depot, PartSpec part) {
        double ordersPerDay = depot.ordersPerWeekday() * (5 + 2 * WEEKEND_FACTOR) / 7;
        return ordersPerDay * NEEDS_PARTS * MEAN_LINES * part.share() * part.expectedQuantity();
    }

    private static DepotSpec depot(int index, SplittableRandom random) {
        String code = index < SITES.length ? SITES[index][0] : String.format("D%03d", index + 1);
        String name = index < SITES.length ? SITES[index][1] : "Depot " + (index + 1);
        int[] turnarounds = {48, 72, 36, 96, 60};
        int[] repairs = {8, 6, 4, 12, 10};
        BigDecimal minFillRate = index % 3 == 2 ? new BigDecimal("0.5") : null;
        // Bigger sites first, so NYC is the busiest whatever the count.
        double orders = Math.max(1.5, 7.0 - 1.5 * index + random.nextDouble(-0.5, 0.5));
        return new DepotSpec(code, name, BigDecimal.valueOf(turnarounds[index % turnarounds.length]),
                BigDecimal.valueOf(repairs[index % repairs.length]), minFillRate, orders);
    }

    private static List<PartSpec> parts(int count, SplittableRandom random) {
        int[] rank = shuffledRanks(count, random);
        double total = 0.0;
        for (int r = 1; r <= count; r++) {
            total += Math.pow(r, -ZIPF);
        }
        List<PartSpec> parts = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            Category category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            double cost = category.minCost() * Math.pow(category.maxCost() / category.minCost(), random.nextDouble());
            int lead = category.minLead() + random.nextInt(category.maxLead() - category.minLead() + 1);
            double draw = random.nextDouble();
            BigDecimal holdingRate = new BigDecimal(draw < 0.1 ? "0.2" : draw < 0.2 ? "0.3" : "0.25");
            String sku = String.format("%s-%04d", category.prefix(), index + 1);
            double pattern = random.nextDouble();
            parts.add(new PartSpec(sku, category.noun() + " " + sku, category.name(),
                    BigDecimal.valueOf(cost).setScale(2, RoundingMode.HALF_UP), holdingRate, lead,
                    Math.pow(rank[index], -ZIPF) / total, cost < 20 ? 2.5 : cost < 100 ? 1.5 : 1.0,
                    pattern < LUMPY_SHARE ? DemandPattern.LUMPY
                            : pattern < LUMPY_SHARE + FADING_SHARE ? DemandPattern.FADING : DemandPattern.STEADY));
        }
        return parts;
    }

    /** A random permutation of 1..count: which part gets which popularity rank. */
    private static int[] shuffledRanks(int count, SplittableRandom random) {
        int[] rank = new int[count];
        for (int index = 0; index < count; index++) {
            rank[index] = index + 1;
        }
        for (int index = count - 1; index > 0; index--) {
            int other = random.nextInt(index + 1);
            int swap = rank[index];
            rank[index] = rank[other];
            rank[other] = swap;
        }
        return rank;
    }
}
