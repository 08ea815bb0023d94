package org.hotline12345.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The official holiday arrangements (国务院办公厅 notices) for the years it covers, read from the product's own text
 * format, one entry per line:
 *
 * <pre>
 * year 2026                          # the year is covered: dates not listed follow the ordinary week
 * off  2026-02-15..2026-02-23  春节   # days off, a single date or an inclusive range
 * work 2026-02-14              春节   # a make-up workday; must fall on a weekend
 * </pre>
 *
 * Adding a year is adding lines; nothing in the code changes.
 */
public final class HolidaySchedule {

    private final Map<LocalDate, CalendarDay> days;
    private final SortedSet<Integer> years;

    private HolidaySchedule(Map<LocalDate, CalendarDay> days, SortedSet<Integer> years) {
        this.days = Collections.unmodifiableMap(days);
        this.years = Collections.unmodifiableSortedSet(years);
    }

    public static HolidaySchedule empty() {
        return new HolidaySchedule(Map.of(), new TreeSet<>());
    }

    /**
     * @param source names the input in error messages
     * @throws IllegalArgumentException naming the source and line of the first malformed entry
     */
    public static HolidaySchedule parse(Reader input, String source) throws IOException {
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        SortedSet<Integer> years = new TreeSet<>();
        BufferedReader reader = new BufferedReader(input);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String content = line.replaceFirst("#.*", "").strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+", 3);
            try {
                switch (fields[0]) {
                    case "year" -> years.add(Integer.parseInt(fields[1]));
                    case "off", "work" -> addEntries(days, fields, "work".equals(fields[0]));
                    default -> throw new IllegalArgumentException(
                            "expected 'year', 'off' or 'work', found '" + fields[0] + "'");
                }
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException(source + ":" + number + ": malformed entry '" + content + "'", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + number + ": " + e.getMessage(), e);
            }
        }
        return new HolidaySchedule(days, years);
    }

    private static void addEntries(Map<LocalDate, CalendarDay> days, String[] fields, boolean working) {
        if (fields.length < 3) {
            throw new IllegalArgumentException("an entry needs a date and a holiday name");
        }
        String[] range = fields[1].split("\\.\\.");
        LocalDate first = LocalDate.parse(range[0]);
        LocalDate last = range.length > 1 ? LocalDate.parse(range[1]) : first;
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("range ends before it starts: " + fields[1]);
        }
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (working && !isWeekend(date)) {
                throw new IllegalArgumentException(date + " is a weekday and cannot be a make-up workday");
            }
            CalendarDay previous = days.put(date, new CalendarDay(date, working, fields[2].strip()));
            if (previous != null) {
                throw new IllegalArgumentException(date + " is listed twice");
            }
        }
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Both schedules together; a date listed in both must agree. */
    public HolidaySchedule merge(HolidaySchedule other) {
        Map<LocalDate, CalendarDay> merged = new HashMap<>(days);
        other.days.forEach((date, day) -> {
            CalendarDay existing = merged.putIfAbsent(date, day);
            if (existing != null && existing.working() != day.working()) {
                throw new IllegalArgumentException(date + " is listed both as a day off and as a make-up workday");
            }
        });
        SortedSet<Integer> mergedYears = new TreeSet<>(years);
        mergedYears.addAll(other.years);
        return new HolidaySchedule(merged, mergedYears);
    }

    public Map<LocalDate, CalendarDay> days() {
        return days;
    }

    public SortedSet<Integer> years() {
        return years;
    }
}
