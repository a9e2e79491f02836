package dk.kk.ks.flow.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The growth figures as a hand-written SVG line chart: milliseconds (log scale) against finished cases. */
final class GrowthPlot {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 230;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLOURS = {"#1b6ac9", "#7b3fb5", "#c0392b", "#e67e22", "#16a085", "#2c3e50", "#8e8e00", "#b03a7a"};

    private record Series(String name, ToDoubleFunction<GrowthCommand.Step> value) {
    }

    private GrowthPlot() {
    }

    static String svg(List<GrowthCommand.Step> steps, List<Integer> rates, String history) {
        List<Series> series = new ArrayList<>();
        for (int rate : rates) {
            series.add(new Series("intake p99 at " + rate + "/s", step -> step.intakeP50P99().get(rate)[1]));
        }
        series.add(new Series("GET case by id p99", GrowthCommand.Step::byIdP99));
        series.add(new Series("GET by serviceNowRef p99", GrowthCommand.Step::byRefP99));
        series.add(new Series("Opgaver til mine grupper p99", GrowthCommand.Step::filterP99));
        series.add(new Series("benefits report, a month", GrowthCommand.Step::benefitsMonth));
        series.add(new Series("benefits report, a year", GrowthCommand.Step::benefitsYear));
        series.add(new Series("cleanup of a day (total)", step -> step.cleanupSeconds() * 1000));

        double maxX = Math.max(1, steps.stream().mapToDouble(GrowthCommand.Step::finishedCases).max().orElse(1));
        double minLog = 0;
        double maxLog = 1;
        for (GrowthCommand.Step step : steps) {
            for (Series one : series) {
                maxLog = Math.max(maxLog, Math.ceil(Math.log10(Math.max(1, one.value().applyAsDouble(step)))));
            }
        }
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">KS Flow: cost as the history grows (history level %s)</text>%n",
                LEFT, history));
        for (double decade = minLog; decade <= maxLog; decade++) {
            double y = TOP + plotHeight - (decade - minLog) / (maxLog - minLog) * plotHeight;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y, LEFT + plotWidth, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", LEFT - 6, y + 4,
                    String.format(Locale.ROOT, "%,.0f", Math.pow(10, decade))));
        }
        for (GrowthCommand.Step step : steps) {
            double x = LEFT + step.finishedCases() / maxX * plotWidth;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n", x, TOP, x, TOP + plotHeight));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n", x, TOP + plotHeight + 16,
                    step.finishedCases()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">finished cases in the history</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 12));
        for (int i = 0; i < series.size(); i++) {
            Series one = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (GrowthCommand.Step step : steps) {
                double x = LEFT + step.finishedCases() / maxX * plotWidth;
                double value = Math.log10(Math.max(1, one.value().applyAsDouble(step)));
                double y = TOP + plotHeight - (value - minLog) / (maxLog - minLog) * plotHeight;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, colour));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", points.toString().trim(), colour));
            int legendY = TOP + 10 + i * 20;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 35, legendY, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 40, legendY + 4, one.name()));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }
}
