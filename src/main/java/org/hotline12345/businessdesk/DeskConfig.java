package org.hotline12345.businessdesk;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "hotline.desk")
public interface DeskConfig {

    /**
     * The desk's own limit for enterprise requests, counted from registration, e.g. {@code 3wd}; where it ends before
     * the work order's reply deadline it is the one the ledger holds the department to. Unset: the work order's.
     */
    Optional<String> replyLimit();
}
