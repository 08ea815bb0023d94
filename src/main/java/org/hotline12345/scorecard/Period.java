package org.hotline12345.scorecard;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.common.InvalidFieldException;

/**
 * A scorecard's period: a month ({@code 2023-04}) or a quarter ({@code 2023-Q2}), of the city's days.
 *
 * @param first its first month, whose scoring version applies to the whole period
 * @param months 1 or 3
 */
public record Period(YearMonth first, int months) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    /** @throws InvalidFieldException naming {@code period} when it is neither */
    public static Period parse(String value) {
        String text = value == null ? "" : value.strip();
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            return new Period(YearMonth.of(Integer.parseInt(quarter.group(1)),
                    (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1), 3);
        }
        try {
            return new Period(YearMonth.parse(text), 1);
        } catch (DateTimeParseException e) {
            throw InvalidFieldException.malformed("period", "yearMonthOrQuarter", "考核期须为月份（如 2023-04）或季度（如 2023-Q2）");
        }
    }

    public static Period month(YearMonth month) {
        return new Period(month, 1);
    }

    public boolean quarter() {
        return months == 3;
    }

    /** {@code 2023-04} or {@code 2023-Q2}, as {@link #parse} reads it. */
    public String key() {
        return quarter() ? first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1) : first.toString();
    }

    /** 2023年4月 or 2023年第二季度 */
    public String label() {
        return quarter()
                ? first.getYear() + "年第" + "一二三四".charAt((first.getMonthValue() - 1) / 3) + "季度"
                : first.getYear() + "年" + first.getMonthValue() + "月";
    }

    public Instant start(ZoneId zone) {
        return first.atDay(1).atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return first.plusMonths(months).atDay(1).atStartOfDay(zone).toInstant();
    }
}
