package org.hotline12345.telephony.report;

import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How the call-centre pages write shares and durations: {@code {calls:percent(share)}}, {@code {calls:time(s)}}. */
@TemplateExtension(namespace = "calls")
public final class ReportFormat {

    private ReportFormat() {
    }

    /** 96.5%, or — while there is nothing to count. */
    public static String percent(Number share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share.doubleValue() * 100);
    }

    /** 1:05 for 65 seconds, 1:02:03 past the hour, or —. */
    public static String time(Number seconds) {
        if (seconds == null) {
            return "—";
        }
        long total = Math.round(seconds.doubleValue());
        long hours = total / 3600;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, total % 3600 / 60, total % 60)
                : String.format(Locale.ROOT, "%d:%02d", total / 60, total % 60);
    }
}
