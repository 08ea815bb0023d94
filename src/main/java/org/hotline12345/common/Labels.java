package org.hotline12345.common;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import io.quarkus.qute.TemplateExtension;

/**
 * What the pages show for the domain's values: the Chinese term of each enum constant (kept in
 * {@code labels.properties}, so the code keeps the glossary's English names) and times as people read them.
 */
@TemplateExtension
public final class Labels {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("labels", Locale.ROOT,
            Labels.class.getClassLoader());
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Labels() {
    }

    /** {@code {status.label}}: 已办结 for {@code WorkOrderStatus.CLOSED}. */
    public static String label(Enum<?> value) {
        String key = value.getDeclaringClass().getSimpleName() + "." + value.name();
        try {
            return BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return value.name();
        }
    }

    /** Whether a constant has its Chinese term; the label test checks every enum the pages show. */
    public static boolean hasLabel(Enum<?> value) {
        return BUNDLE.containsKey(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** {@code {time.minutes}}: 2026-11-24 09:30, in the zone the time carries (the city's). */
    public static String minutes(OffsetDateTime time) {
        return time.format(MINUTES);
    }
}
