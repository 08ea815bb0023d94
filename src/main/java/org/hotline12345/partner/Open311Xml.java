package org.hotline12345.partner;

import java.util.List;
import java.util.Map;

/**
 * Writes Open311's XML: a root holding one element per item, each field an element of its own; an empty value is an
 * empty element, as in the specification's examples ({@code <account_id/>}).
 */
final class Open311Xml {

    private Open311Xml() {
    }

    /**
     * @param element the name of each item's element, or {@code null} when {@code content} is the root's own fields
     */
    static void write(StringBuilder out, String root, String element, Object content) {
        out.append('<').append(root).append('>');
        if (element == null) {
            fields(out, (Map<?, ?>) content);
        } else {
            for (Object item : (List<?>) content) {
                out.append('<').append(element).append('>');
                fields(out, (Map<?, ?>) item);
                out.append("</").append(element).append('>');
            }
        }
        out.append("</").append(root).append('>');
    }

    private static void fields(StringBuilder out, Map<?, ?> fields) {
        fields.forEach((name, value) -> {
            if (value == null || value instanceof List<?> list && list.isEmpty()) {
                out.append('<').append(name).append("/>");
            } else {
                out.append('<').append(name).append('>').append(escape(String.valueOf(value))).append("</")
                        .append(name).append('>');
            }
        });
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
