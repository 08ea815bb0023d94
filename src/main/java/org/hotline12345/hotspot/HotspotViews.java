package org.hotline12345.hotspot;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hotline12345.common.Labels;
import org.hotline12345.hotspot.HotspotStore.Stored;

/** How the pages, the API and the notifications show a hotspot, in Chinese. */
public final class HotspotViews {

    /** The sparkline's size in pixels. */
    static final int SPARK_WIDTH = 112;
    static final int SPARK_HEIGHT = 24;

    /**
     * A hotspot as listed.
     *
     * @param expected the mean of the same hours of past weeks, rounded to one decimal; null for a group of texts
     * @param pValue P(X ≥ observed) under Poisson(expected), as text (e.g. {@code 2.3e-5}); null for a group of texts
     * @param trend requests of its category and area per day, the last days up to the day it was raised
     * @param sparkline the trend as the points of an SVG polyline of {@link #SPARK_WIDTH} × {@link #SPARK_HEIGHT}
     */
    public record HotspotView(long id, HotspotKind kind, String kindLabel, String categoryCode, String categoryName,
            String district, String street, String area, String summary, String window, int observed,
            Double expected, String pValue, List<Long> trend, String sparkline, String departmentCode,
            String departmentName, HotspotStatus status, String statusLabel, OffsetDateTime raisedAt,
            OffsetDateTime decidedAt, String decidedBy, String dismissalReason, String proactiveNumber,
            List<String> workOrderNumbers) {
    }

    private HotspotViews() {
    }

    static HotspotView view(Stored h, ZoneId zone) {
        return new HotspotView(h.id(), h.kind(), Labels.label(h.kind()), h.categoryCode(), h.categoryName(),
                h.district(), h.street(), area(h.district(), h.street()), h.summary(),
                window(Duration.between(h.windowStart(), h.windowEnd())), h.observed(),
                h.expected() == null ? null : Math.round(h.expected() * 10) / 10.0, pValue(h.pValue()), h.trend(),
                sparkline(h.trend()), h.departmentCode(), h.departmentName(), h.status(), Labels.label(h.status()),
                h.raisedAt().atZone(zone).toOffsetDateTime(),
                h.decidedAt() == null ? null : h.decidedAt().atZone(zone).toOffsetDateTime(), h.decidedBy(),
                h.dismissalReason(), h.proactiveNumber(), h.workOrderNumbers());
    }

    /** The area as people say it: 全市, a district, or a district's street. */
    static String area(String district, String street) {
        return district == null ? "全市" : street == null ? district : district + street;
    }

    /** A window's length: 近 6 小时, 近 1 天. */
    static String window(Duration length) {
        long hours = Math.max(1, Math.round(length.toMinutes() / 60.0));
        return hours % 24 == 0 ? "近 " + hours / 24 + " 天" : "近 " + hours + " 小时";
    }

    /** What the hotspot is about, in one line: its area and category. */
    static String headline(Stored h) {
        return area(h.district(), h.street()) + " · " + (h.categoryName() == null ? "全部分类" : h.categoryName())
                + "（" + Labels.label(h.kind()) + "）";
    }

    /** The count against what was expected, in one line. */
    static String figures(Stored h) {
        String window = window(Duration.between(h.windowStart(), h.windowEnd()));
        return h.expected() == null
                ? window + "相似诉求 " + h.observed() + " 件"
                : window + " " + h.observed() + " 件，往常同期平均 " + Math.round(h.expected() * 10) / 10.0 + " 件";
    }

    static String pValue(Double p) {
        return p == null
                ? null
                : p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    /** The trend as polyline points: the days spread over the width, the highest day at the top. */
    static String sparkline(List<Long> trend) {
        if (trend.isEmpty()) {
            return "";
        }
        long highest = Math.max(1, trend.stream().mapToLong(Long::longValue).max().orElse(1));
        double step = trend.size() == 1 ? 0 : (SPARK_WIDTH - 2) / (double) (trend.size() - 1);
        return IntStream.range(0, trend.size())
                .mapToObj(i -> String.format(Locale.ROOT, "%.1f,%.1f", 1 + i * step,
                        SPARK_HEIGHT - 1 - (SPARK_HEIGHT - 2) * trend.get(i) / (double) highest))
                .collect(Collectors.joining(" "));
    }
}
