package org.hotline12345.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native queries' result rows, which arrive as the driver and Hibernate hand them. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column: a {@link Timestamp}, an {@link OffsetDateTime} or an {@link Instant}. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Timestamp timestamp
                ? timestamp.toInstant()
                : value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
