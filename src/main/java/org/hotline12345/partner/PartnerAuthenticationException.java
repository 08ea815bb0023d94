package org.hotline12345.partner;

import org.hotline12345.common.HotlineException;

/** A partner request without a valid API key, timestamp or signature: 401, saying which, never the secret. */
public class PartnerAuthenticationException extends HotlineException {

    public PartnerAuthenticationException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String kind() {
        return "partner-unauthenticated";
    }
}
