package org.hotline12345.knowledge.search;

import org.hotline12345.common.ServiceUnavailableException;

/** The search backend cannot be reached or failed; worth retrying, and a 503 if it keeps failing. */
public class SearchUnavailableException extends ServiceUnavailableException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
