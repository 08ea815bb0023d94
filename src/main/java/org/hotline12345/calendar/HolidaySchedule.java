package org.hotline12345.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.hotline12345.common.TextInput;

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
 * Adding a year is adding lines; nothing in the code changes. Immutable: the calendar swaps whole schedules.
 */
public final class HolidaySchedule {

    /** The years an administrator may maintain. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private static final int MAX_NAME_LENGTH = 30;
    /** Far more than a year's dozen lines with comments; bounds what one save stores. */
    static final int MAX_TEXT_LENGTH = 10_000;

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
     * @throws InvalidEntry naming the source and line of the first malformed entry
     */
    public static HolidaySchedule parse(Reader input, String source) throws IOException {
        return read(new BufferedReader(input), source, null);
    }

    /**
     * One year's arrangement as an administrator enters it: the same format, where the {@code year} line may be left
     * out, every date must lie in that year, names stay short and at least one day is off.
     *
     * @throws InvalidEntry the first rule the text breaks; line 0 when it is about the text as a whole
     */
    public static HolidaySchedule parseYear(int year, String text) {
        String source = "year " + year;
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidEntry(source, 0, null, "year-range",
                    "the year must lie between " + FIRST_YEAR + " and " + LAST_YEAR,
                    "年份须在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间");
        }
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidEntry(source, 0, null, "size", "longer than " + MAX_TEXT_LENGTH + " characters",
                    "内容过长：一年的安排不超过 " + MAX_TEXT_LENGTH + " 个字符");
        }
        HolidaySchedule schedule;
        try {
            schedule = read(new BufferedReader(new StringReader(text == null ? "" : text)), source, year);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (schedule.days.values().stream().allMatch(CalendarDay::working)) {
            throw new InvalidEntry(source, 0, null, "days-off", "no day off is listed",
                    "没有列出放假日期：至少需要一行 off");
        }
        return schedule;
    }

    private static HolidaySchedule read(BufferedReader reader, String source, Integer onlyYear) throws IOException {
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        SortedSet<Integer> years = new TreeSet<>();
        if (onlyYear != null) {
            years.add(onlyYear);
        }
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (onlyYear != null && TextInput.hasControlCharacter(line)) {
                throw new InvalidEntry(source, number, line.strip(), "text", "contains control characters",
                        "含有不可见的控制字符，请删除后再保存");
            }
            String content = line.replaceFirst("#.*", "").strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+", 3);
            try {
                switch (fields[0]) {
                    case "year" -> years.add(year(fields, onlyYear));
                    case "off", "work" -> addEntries(days, fields, "work".equals(fields[0]), onlyYear);
                    default ->
                        throw new Broken("keyword", "expected 'year', 'off' or 'work', found '" + fields[0] + "'",
                                "行首应为 year、off 或 work，这里是“" + fields[0] + "”");
                }
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
                throw new InvalidEntry(source, number, content, "syntax", "malformed entry '" + content + "'",
                        "写法无法识别：应写成“off 2027-02-10..2027-02-16 春节”“work 2027-02-20 春节”或“year 2027”", e);
            } catch (Broken e) {
                throw new InvalidEntry(source, number, content, e.rule, e.getMessage(), e.problem, e);
            }
        }
        return new HolidaySchedule(days, years);
    }

    private static int year(String[] fields, Integer onlyYear) {
        int year = Integer.parseInt(fields[1].strip());
        if (onlyYear != null && year != onlyYear) {
            throw new Broken("same-year", "this is the arrangement of " + onlyYear + ", not " + year,
                    "这里写的是 " + year + " 年，而保存的是 " + onlyYear + " 年");
        }
        return year;
    }

    private static void addEntries(Map<LocalDate, CalendarDay> days, String[] fields, boolean working,
            Integer onlyYear) {
        if (fields.length < 3) {
            throw new Broken("name", "an entry needs a date and a holiday name", "需要日期和节日名称，如“off 2027-01-01 元旦”");
        }
        String name = fields[2].strip();
        if (onlyYear != null && name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new Broken("name", "the holiday name is longer than " + MAX_NAME_LENGTH + " characters",
                    "节日名称不能超过 " + MAX_NAME_LENGTH + " 个字");
        }
        String[] range = fields[1].split("\\.\\.");
        LocalDate first = LocalDate.parse(range[0]);
        LocalDate last = range.length > 1 ? LocalDate.parse(range[1]) : first;
        if (last.isBefore(first)) {
            throw new Broken("range", "range ends before it starts: " + fields[1], "日期范围的结束早于开始：" + fields[1]);
        }
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (onlyYear != null && date.getYear() != onlyYear) {
                throw new Broken("same-year", date + " does not lie in " + onlyYear,
                        date + " 不在 " + onlyYear + " 年：只能填写本年度的日期");
            }
            if (working && !isWeekend(date)) {
                throw new Broken("weekend", date + " is a weekday and cannot be a make-up workday",
                        date + " 是" + weekday(date) + "，调休上班日必须是星期六或星期日");
            }
            CalendarDay previous = days.put(date, new CalendarDay(date, working, name));
            if (previous != null) {
                throw new Broken("once", date + " is listed twice", date + " 重复列出：每个日期只能出现一次");
            }
        }
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** 星期一 … 星期日. */
    public static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.SIMPLIFIED_CHINESE);
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

    /** This schedule without the given years: neither covered nor any of their dates listed. */
    public HolidaySchedule without(Collection<Integer> removed) {
        Map<LocalDate, CalendarDay> kept = new HashMap<>(days);
        kept.keySet().removeIf(date -> removed.contains(date.getYear()));
        SortedSet<Integer> keptYears = new TreeSet<>(years);
        keptYears.removeAll(removed);
        return new HolidaySchedule(kept, keptYears);
    }

    /**
     * The year's entries as people read them and as the format writes them: consecutive dates of the same holiday and
     * kind make one stretch.
     */
    public List<Stretch> stretches(int year) {
        List<CalendarDay> listed = days.values().stream().filter(day -> day.date().getYear() == year)
                .sorted((a, b) -> a.date().compareTo(b.date())).toList();
        List<Stretch> stretches = new ArrayList<>();
        for (CalendarDay day : listed) {
            Stretch last = stretches.isEmpty() ? null : stretches.get(stretches.size() - 1);
            if (last != null && last.working() == day.working() && last.name().equals(day.name())
                    && last.last().plusDays(1).equals(day.date())) {
                stretches.set(stretches.size() - 1, new Stretch(last.first(), day.date(), day.working(), day.name()));
            } else {
                stretches.add(new Stretch(day.date(), day.date(), day.working(), day.name()));
            }
        }
        return stretches;
    }

    /** The year in the text format, e.g. to start an administrator's version from the shipped one. */
    public String format(int year) {
        StringBuilder text = new StringBuilder("year ").append(year).append('\n');
        for (Stretch stretch : stretches(year)) {
            String dates = stretch.first().equals(stretch.last())
                    ? stretch.first().toString()
                    : stretch.first() + ".." + stretch.last();
            text.append(String.format("%-4s %-22s %s\n", stretch.working() ? "work" : "off", dates, stretch.name()));
        }
        return text.toString();
    }

    public Map<LocalDate, CalendarDay> days() {
        return days;
    }

    public SortedSet<Integer> years() {
        return years;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HolidaySchedule that && days.equals(that.days) && years.equals(that.years);
    }

    @Override
    public int hashCode() {
        return Objects.hash(days, years);
    }

    /**
     * Consecutive dates of one holiday that are all off or all worked.
     *
     * @param first the first date
     * @param last the last date, equal to {@code first} for a single date
     */
    public record Stretch(LocalDate first, LocalDate last, boolean working, String name) {

        /** The number of dates, both ends included. */
        public long length() {
            return last.toEpochDay() - first.toEpochDay() + 1;
        }
    }

    /**
     * An entry breaks a rule of the format. The message names the source and line for operators' logs;
     * {@link #explanation()} says the same in Chinese for the administrator's page.
     */
    public static final class InvalidEntry extends IllegalArgumentException {

        private final int line;
        private final String content;
        private final String rule;
        private final String problem;

        InvalidEntry(String source, int line, String content, String rule, String message, String problem) {
            this(source, line, content, rule, message, problem, null);
        }

        InvalidEntry(String source, int line, String content, String rule, String message, String problem,
                Throwable cause) {
            super(source + (line > 0 ? ":" + line : "") + ": " + message, cause);
            this.line = line;
            this.content = content;
            this.rule = rule;
            this.problem = problem;
        }

        /** The line, counted from 1; 0 when the rule is about the text as a whole. */
        public int line() {
            return line;
        }

        /**
         * The rule: {@code syntax}, {@code keyword}, {@code name}, {@code range}, {@code weekend}, {@code once},
         * {@code same-year}, {@code year-range}, {@code days-off}, {@code text} or {@code size}.
         */
        public String rule() {
            return rule;
        }

        /** In Chinese, with the line and what it says: 第 3 行“work 2027-01-04 元旦”：2027-01-04 是星期一，… */
        public String explanation() {
            return line > 0 ? "第 " + line + " 行“" + content + "”：" + problem : problem;
        }
    }

    /** A rule broken inside one line; {@link #read} adds where. */
    private static final class Broken extends RuntimeException {

        private final String rule;
        private final String problem;

        Broken(String rule, String message, String problem) {
            super(message);
            this.rule = rule;
            this.problem = problem;
        }
    }
}
