package dev.alloydb.jakarta.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * Draws the run's ratio comparisons as a horizontal bar chart in SVG: one bar per comparison, green where the target
 * is met and red where it is not, with the target and parity (1.0x) marked. Plain SVG, no library, so the harness
 * can write it and GitHub can show it.
 */
final class SvgChart {

  private static final int LABEL_WIDTH = 470;
  private static final int BAR_WIDTH = 380;
  private static final int ROW = 30;
  private static final int TOP = 56;
  private static final String MET = "#2e7d32";
  private static final String MISSED = "#c62828";
  private static final String CONTEXT = "#78909c";

  String render(Results results) {
    List<Comparison> rows = results.comparisons().stream().filter(Comparison::isRatio).toList();
    double scale = Math.max(1.5, rows.stream()
        .mapToDouble(c -> c.hasTarget() ? Math.max(c.value(), c.target().bound()) : c.value()).max().orElse(1.0) * 1.1);
    int width = LABEL_WIDTH + BAR_WIDTH + 180;
    int height = TOP + rows.size() * ROW + 70;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">%n", width, height, width, height));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    svg.append("<text x=\"10\" y=\"22\" font-size=\"16\" font-weight=\"bold\">")
        .append("AlloyDB Connector for Jakarta EE vs references (ratio, same run)</text>\n");
    svg.append("<text x=\"10\" y=\"42\" fill=\"#555\">bar = ours / reference; black tick = target; "
        + "dashed line = 1.0x; green = target met, red = missed, grey = no target (context)</text>\n");
    double parityX = LABEL_WIDTH + BAR_WIDTH * (1.0 / scale);
    for (int i = 0; i < rows.size(); i++) {
      Comparison c = rows.get(i);
      int y = TOP + i * ROW;
      double barLength = BAR_WIDTH * Math.min(c.value(), scale) / scale;
      double targetX = LABEL_WIDTH + BAR_WIDTH * c.target().bound() / scale;
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
          LABEL_WIDTH - 8, y + 18, escape(c.claim())));
      svg.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>%n",
          LABEL_WIDTH, y + 4, barLength, !c.hasTarget() ? CONTEXT : c.met() ? MET : MISSED));
      if (c.hasTarget()) {
        svg.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" stroke-width=\"3\"/>%n",
            targetX, y + 1, targetX, y + 27));
      }
      double textX = LABEL_WIDTH + Math.max(barLength, c.hasTarget() ? targetX - LABEL_WIDTH : 0) + 8;
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.3fx%s</text>%n",
          textX, y + 18, c.value(),
          c.hasTarget() ? " (target " + escape(c.target().toString()) + ")" : ""));
    }
    svg.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>%n",
        parityX, TOP, parityX, TOP + rows.size() * ROW));
    MachineInfo m = results.machine();
    List<String> footer = List.of(
        String.format(Locale.ROOT, "%d cores (%s), %d MB RAM, %s", m.cores(), m.cpu(), m.memoryMb(), m.jdk()),
        String.format(Locale.ROOT, "%s; load average %.1f at start", m.os(), m.loadAverageAtStart()),
        "run started " + results.started() + "; method and notes: src/docs/benchmarks.md");
    for (int i = 0; i < footer.size(); i++) {
      svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" fill=\"#555\" font-size=\"11\">%s</text>%n",
          height - 44 + 15 * i, escape(footer.get(i))));
    }
    return svg.append("</svg>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
