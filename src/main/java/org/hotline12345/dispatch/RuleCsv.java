package org.hotline12345.dispatch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotline12345.common.Csv;

/**
 * The responsibility list as CSV, for spreadsheets: one row per rule version, assisting departments separated by
 * {@code ;}. An exported file imports again as it is; the {@code rule} and {@code version} columns are for reading
 * and are ignored on import.
 */
public final class RuleCsv {

    static final List<String> COLUMNS = List.of("rule", "version", "category", "district", "street", "lead",
            "assisting", "level", "effective_from", "effective_to", "note");
    private static final List<String> REQUIRED = List.of("category", "lead", "level");

    /** A row that could not be read as a rule. */
    public static final class RowException extends Exception {
        private final String field;
        private final String rule;

        RowException(String field, String rule, String message) {
            super(message);
            this.field = field;
            this.rule = rule;
        }

        public String field() {
            return field;
        }

        public String rule() {
            return rule;
        }
    }

    /** A data row: its line number in the file and the rule it asks for, or why it cannot be read. */
    public record Row(int line, RuleRequest request, RowException problem) {
    }

    private RuleCsv() {
    }

    public static String write(List<RuleView> rules) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(Csv.line(COLUMNS));
        for (RuleView rule : rules) {
            csv.append(Csv.line(List.of("R" + rule.ruleId(), Integer.toString(rule.version()), rule.categoryCode(),
                    nullToEmpty(rule.district()), nullToEmpty(rule.street()), rule.leadDepartmentCode(),
                    String.join(";", rule.assistingDepartmentCodes()), rule.level().name(),
                    rule.effectiveFrom().toString(), rule.effectiveTo() == null ? "" : rule.effectiveTo().toString(),
                    nullToEmpty(rule.note()))));
        }
        return csv.toString();
    }

    /**
     * @throws RowException when the header lacks a required column (line 1)
     */
    public static List<Row> read(String text) throws RowException {
        List<List<String>> records = Csv.parse(text);
        if (records.isEmpty()) {
            throw new RowException("header", "NotBlank", "文件是空的");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new RowException("header", "columns", "表头须包含以下列：" + REQUIRED
                        + "；可用的列为 " + COLUMNS);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            int line = r + 1;
            try {
                rows.add(new Row(line, request(record, columns), null));
            } catch (RowException e) {
                rows.add(new Row(line, null, e));
            }
        }
        return rows;
    }

    private static RuleRequest request(List<String> record, Map<String, Integer> columns) throws RowException {
        String level = value(record, columns, "level");
        HandlingLevel handlingLevel;
        try {
            handlingLevel = level == null ? null : HandlingLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowException("level", "enum", "“" + level + "”须为以下之一："
                    + Arrays.toString(HandlingLevel.values()));
        }
        String assisting = value(record, columns, "assisting");
        return new RuleRequest(value(record, columns, "category"), value(record, columns, "district"),
                value(record, columns, "street"), value(record, columns, "lead"),
                assisting == null
                        ? List.of()
                        : Arrays.stream(assisting.split("[;|]")).map(String::strip).filter(s -> !s.isEmpty())
                                .toList(),
                handlingLevel, date(record, columns, "effective_from"), date(record, columns, "effective_to"),
                value(record, columns, "note"));
    }

    private static LocalDate date(List<String> record, Map<String, Integer> columns, String column)
            throws RowException {
        String value = value(record, columns, column);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowException(column, "date", "“" + value + "”不是日期，格式如 2026-11-24");
        }
    }

    private static String value(List<String> record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size() || record.get(index).isBlank()) {
            return null;
        }
        return record.get(index).strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
