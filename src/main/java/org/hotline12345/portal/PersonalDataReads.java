package org.hotline12345.portal;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotline12345.workorder.PhoneNumbers;
import org.jboss.logging.Logger;

/**
 * Records that a citizen's personal data (their own work order: name, phone, content, reply) was read on the portal,
 * and how the reader proved they may.
 * <p>
 * SEAM(SEC2): the personal-data access record is being built by engineer SEC2 at the same time; until it is on main,
 * the reads are written to the log (the number masked). Replace the body of {@link #read} with a call to that record,
 * with the reader "citizen" and the proof as the reason.
 */
@ApplicationScoped
public class PersonalDataReads {

    private static final Logger LOG = Logger.getLogger("org.hotline12345.portal.access");

    /** @param proof how the reader proved it: 提取码, SMS code or rating link */
    public void read(String workOrderNumber, String phone, String proof) {
        LOG.infof("Portal read of work order %s (citizen %s) proved by %s", workOrderNumber, PhoneNumbers.mask(phone),
                proof);
    }
}
