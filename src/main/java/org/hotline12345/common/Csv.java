package org.hotline12345.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Comma-separated values as spreadsheets write them (RFC 4180): quoted fields may hold commas, quotes and breaks.
 * <p>
 * A cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return is a formula to a
 * spreadsheet, which may run a command when the file is opened (CSV injection); as OWASP recommends, such a cell is
 * written with an apostrophe before it, which makes it text. Reading takes the apostrophe off again, so that the
 * service's own files read back as they were written (a cell that already started with apostrophes before one of
 * those characters gets one more, and loses one).
 */
public final class Csv {

    /** A cell a spreadsheet would take for a formula, after any apostrophes already in front of it. */
    private static final Pattern FORMULA = Pattern.compile("'*[=+\\-@\t\r].*", Pattern.DOTALL);

    private Csv() {
    }

    /** The records of the text, each a list of fields; a byte order mark and blank lines are skipped. */
    public static List<List<String>> parse(String text) {
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < input.length() && input.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(cell(field));
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell(field));
                field.setLength(0);
                addUnlessBlank(records, record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        record.add(cell(field));
        addUnlessBlank(records, record);
        return records;
    }

    /** A cell's value as written, without the apostrophe that kept it from being a formula. */
    private static String cell(CharSequence field) {
        String value = field.toString();
        return value.startsWith("'") && FORMULA.matcher(value).matches() ? value.substring(1) : value;
    }

    /** One line of CSV, fields quoted where they need it, ending with CRLF as RFC 4180 has it. */
    public static String line(List<String> fields) {
        List<String> escaped = new ArrayList<>();
        for (String field : fields) {
            String value = field == null ? "" : field;
            if (FORMULA.matcher(value).matches()) {
                value = "'" + value;
            }
            boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n")
                    || value.contains("\r");
            escaped.add(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return String.join(",", escaped) + "\r\n";
    }

    private static void addUnlessBlank(List<List<String>> records, List<String> record) {
        if (!(record.size() == 1 && record.get(0).isBlank())) {
            records.add(record);
        }
    }
}
