package org.hotline12345.access;

import java.time.Instant;

/** One showing of one work order's citizen details to one user, as it is written to the access record. */
record PersonalDataRead(Instant at, String username, String role, String workOrderNumber, boolean masked,
        AccessChannel channel, String endpoint) {
}
