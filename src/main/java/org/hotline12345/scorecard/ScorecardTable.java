package org.hotline12345.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotline12345.scorecard.ScorecardService.Group;
import org.hotline12345.scorecard.ScorecardService.Row;
import org.hotline12345.scorecard.ScorecardService.Scorecard;
import org.hotline12345.stats.Rates.Rate;

/**
 * The scorecard as the pages, the printed 通报 and the Excel export show it: one line per department with each
 * figure as text and the address of the work orders behind it.
 */
record ScorecardTable(String period, String label, List<GroupTable> groups) {

    /** A figure: its text (86.0% or 3), count and base, and the drill-down address. */
    record Cell(String name, String text, long count, long base, String href) {
    }

    /** @param mark 红榜, 黑榜 or empty */
    record Line(String departmentCode, String departmentName, String score, int rank, String mark, Cell volume,
            long excluded, List<Cell> cells) {
    }

    record GroupTable(String name, List<Line> lines) {
    }

    /** The indicators' names, in the columns' order. */
    static List<String> headings() {
        List<String> names = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            names.add(indicator.label());
        }
        return names;
    }

    /**
     * @param drillBase the drill-down page of a department, to which {@code /CODE?indicator=…} is added
     */
    static ScorecardTable of(Scorecard card, String drillBase) {
        List<GroupTable> groups = new ArrayList<>();
        for (Group group : card.groups()) {
            List<Line> lines = new ArrayList<>();
            for (Row row : group.rows()) {
                String base = drillBase + "/" + card.period() + "/" + row.departmentCode();
                List<Cell> cells = new ArrayList<>();
                for (Indicator indicator : Indicator.values()) {
                    Rate rate = row.figures().rate(indicator);
                    String text = indicator == Indicator.SUPERVISED ? String.valueOf(rate.count()) : rate.percent();
                    cells.add(new Cell(indicator.name(), text, rate.count(), rate.base(), base + "?indicator="
                            + indicator.name()));
                }
                long volume = row.figures().volume();
                lines.add(new Line(row.departmentCode(), row.departmentName(), score(row.score()), row.rank(),
                        row.red() ? "红榜" : row.black() ? "黑榜" : "", new Cell("VOLUME", String.valueOf(volume),
                                volume, volume, base),
                        row.figures().excluded(), cells));
            }
            groups.add(new GroupTable(group.name(), lines));
        }
        return new ScorecardTable(card.period(), card.label(), groups);
    }

    static String score(Double score) {
        return score == null ? "—" : String.format(Locale.ROOT, "%.2f", score);
    }
}
