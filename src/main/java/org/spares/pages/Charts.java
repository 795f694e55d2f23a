package org.spares.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Charts for the pages, drawn on the server as SVG: this class only places things (it scales values to a fixed
 * view box and picks round axis ticks); {@code charts.ftlh} draws them, so every label is escaped by the template
 * like any other text. No script, no chart library, nothing from the internet.
 */
public final class Charts {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 40;
    private static final int TICKS = 5;

    private Charts() {
    }

    /** A labelled value, for a bar chart. */
    public record Bar(String label, BigDecimal value) {
    }

    /** A bar placed in the view box, with its value's text. */
    public record PlacedBar(String label, String value, double x, double y, double width, double height) {
    }

    /** An axis tick: where it is and what it says. */
    public record Tick(double at, String label) {
    }

    /** A bar chart ready to draw. */
    public record BarChart(String title, List<PlacedBar> bars, List<Tick> yTicks, int width, int height, int left,
            int bottom) {
    }

    /** A point of a line, in the chart's units. */
    public record Point(double x, double y, String label) {
    }

    /** A named line through points (x ascending). */
    public record Series(String name, List<Point> points) {
    }

    /** A point singled out on a line chart (the current plan, the recommended one). */
    public record Marker(String name, double x, double y) {
    }

    /** A point placed in the view box. */
    public record PlacedPoint(double x, double y, String label) {
    }

    /** A line placed in the view box: its points as SVG's {@code points} attribute, and each point. */
    public record PlacedSeries(String name, String points, List<PlacedPoint> placed, int index) {
    }

    /** A line chart ready to draw. */
    public record LineChart(String title, String xTitle, String yTitle, List<PlacedSeries> series,
            List<PlacedPoint> markers, List<Tick> xTicks, List<Tick> yTicks, int width, int height, int left,
            int bottom) {
    }

    /** Bars from zero up to each value (negative values are drawn as zero). */
    public static BarChart bars(String title, List<Bar> bars) {
        double max = bars.stream().mapToDouble(bar -> bar.value().doubleValue()).max().orElse(0);
        Scale scale = Scale.of(0, max, HEIGHT - BOTTOM, TOP);
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, bars.size());
        List<PlacedBar> placed = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double top = scale.place(Math.max(0, bar.value().doubleValue()));
            placed.add(new PlacedBar(bar.label(), plain(bar.value()), round(LEFT + i * slot + slot * 0.15),
                    round(top), round(slot * 0.7), round(HEIGHT - BOTTOM - top)));
        }
        return new BarChart(title, placed, scale.ticks(), WIDTH, HEIGHT, LEFT, HEIGHT - BOTTOM);
    }

    /**
     * Lines over a shared x axis; {@code xLabels} names x values for the ticks (null: numeric ticks). Markers are
     * placed on the same scales.
     */
    public static LineChart lines(String title, String xTitle, String yTitle, List<Series> series,
            List<Marker> markers) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = 0;
        double minY = 0;
        for (Series line : series) {
            for (Point point : line.points()) {
                minX = Math.min(minX, point.x());
                maxX = Math.max(maxX, point.x());
                maxY = Math.max(maxY, point.y());
                minY = Math.min(minY, point.y());
            }
        }
        for (Marker marker : markers) {
            minX = Math.min(minX, marker.x());
            maxX = Math.max(maxX, marker.x());
            maxY = Math.max(maxY, marker.y());
            minY = Math.min(minY, marker.y());
        }
        if (minX == Double.MAX_VALUE) {
            minX = 0;
            maxX = 1;
        }
        Scale xs = Scale.of(minX, maxX, LEFT, WIDTH - RIGHT);
        Scale ys = Scale.of(minY, maxY, HEIGHT - BOTTOM, TOP);
        List<PlacedSeries> placed = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series line = series.get(i);
            List<PlacedPoint> points = line.points().stream()
                    .map(point -> new PlacedPoint(round(xs.place(point.x())), round(ys.place(point.y())), point.label()))
                    .toList();
            StringBuilder attribute = new StringBuilder();
            points.forEach(point -> attribute.append(attribute.isEmpty() ? "" : " ").append(point.x()).append(',')
                    .append(point.y()));
            placed.add(new PlacedSeries(line.name(), attribute.toString(), points, i));
        }
        List<PlacedPoint> marks = markers.stream()
                .map(marker -> new PlacedPoint(round(xs.place(marker.x())), round(ys.place(marker.y())), marker.name()))
                .toList();
        return new LineChart(title, xTitle, yTitle, placed, marks, xs.ticks(), ys.ticks(), WIDTH, HEIGHT, LEFT,
                HEIGHT - BOTTOM);
    }

    /** As {@link #lines}, with x ticks named by the given labels at x = 0, 1, 2, ... (months, say). */
    public static LineChart lines(String title, String yTitle, List<String> xLabels, List<Series> series) {
        LineChart chart = lines(title, "", yTitle, series, List.of());
        if (xLabels.isEmpty()) {
            return chart;
        }
        Scale xs = Scale.of(0, Math.max(1, xLabels.size() - 1), LEFT, WIDTH - RIGHT);
        int every = Math.max(1, (int) Math.ceil(xLabels.size() / 8.0));
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < xLabels.size(); i += every) {
            ticks.add(new Tick(round(xs.place(i)), xLabels.get(i)));
        }
        return new LineChart(chart.title(), chart.xTitle(), chart.yTitle(), chart.series(), chart.markers(), ticks,
                chart.yTicks(), chart.width(), chart.height(), chart.left(), chart.bottom());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String plain(BigDecimal value) {
        return value.setScale(Math.min(2, Math.max(0, value.scale())), RoundingMode.HALF_UP).toPlainString();
    }

    /** A linear map from values to view-box coordinates, widened to round ticks. */
    private record Scale(double low, double high, double from, double to, double step) {
        static Scale of(double min, double max, double from, double to) {
            if (max <= min) {
                max = min + 1;
            }
            double step = niceStep((max - min) / TICKS);
            double low = Math.floor(min / step) * step;
            double high = Math.ceil(max / step) * step;
            return new Scale(low, high, from, to, step);
        }

        double place(double value) {
            return from + (value - low) / (high - low) * (to - from);
        }

        List<Tick> ticks() {
            List<Tick> ticks = new ArrayList<>();
            for (double value = low; value <= high + step / 2; value += step) {
                ticks.add(new Tick(round(place(value)), label(value)));
            }
            return ticks;
        }

        private String label(double value) {
            double abs = Math.abs(value);
            if (abs >= 1_000_000) {
                return trim(value / 1_000_000) + "M";
            }
            if (abs >= 10_000) {
                return trim(value / 1_000) + "k";
            }
            return trim(value);
        }

        private static String trim(double value) {
            return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }

        private static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double fraction = raw / magnitude;
            double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
            return nice * magnitude;
        }
    }
}
