package org.hotline12345.common;

import java.util.ArrayList;
import java.util.List;

/** Comma-separated values as spreadsheets write them (RFC 4180): quoted fields may hold commas, quotes and breaks. */
public final class Csv {

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
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                addUnlessBlank(records, record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        record.add(field.toString());
        addUnlessBlank(records, record);
        return records;
    }

    /** One line of CSV, fields quoted where they need it, ending with CRLF as RFC 4180 has it. */
    public static String line(List<String> fields) {
        List<String> escaped = new ArrayList<>();
        for (String field : fields) {
            String value = field == null ? "" : field;
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
