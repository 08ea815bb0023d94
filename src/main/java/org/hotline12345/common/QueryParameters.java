package org.hotline12345.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parses query parameters by hand so that a bad value is a 400 naming the parameter and the rule, where the JAX-RS
 * default would answer 404.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** Values may repeat the parameter or be comma-separated; empty means no filter. */
    public static <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
        Set<E> parsed = EnumSet.noneOf(type);
        if (values == null) {
            return parsed;
        }
        for (String value : values) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    parsed.add(oneEnum(name, item.strip(), type));
                }
            }
        }
        return parsed;
    }

    public static <E extends Enum<E>> E oneEnum(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw InvalidFieldException.malformed(name, "enum",
                    "“" + value + "”不是可选的值，可选：" + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidFieldException.malformed(name, "date", "“" + value + "”不是日期，格式如 2026-11-23");
        }
    }

    /** The date, or {@code otherwise} when absent or not a date: a page then shows its default period. */
    public static LocalDate dateOr(String value, LocalDate otherwise) {
        try {
            LocalDate date = date("date", value);
            return date == null ? otherwise : date;
        } catch (InvalidFieldException e) {
            return otherwise;
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw InvalidFieldException.malformed(name, "boolean", "“" + value + "”须为 true 或 false");
        };
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw InvalidFieldException.malformed(name, "range", "须在 " + min + " 到 " + max + " 之间");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw InvalidFieldException.malformed(name, "integer", "“" + value + "”不是整数");
        }
    }
}
