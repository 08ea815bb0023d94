package org.hotline12345.portal;

import org.hotline12345.common.HotlineException;

/** What the portal refuses a citizen, in the words the page shows them. */
public class PortalRefusal extends HotlineException {

    private static final long serialVersionUID = 1L;
    private final int status;

    PortalRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    static PortalRefusal invalid(String message) {
        return new PortalRefusal(400, message);
    }

    static PortalRefusal tooMany(String message) {
        return new PortalRefusal(429, message);
    }

    static PortalRefusal forbidden(String message) {
        return new PortalRefusal(403, message);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String kind() {
        return status == 429 ? "too-many-requests" : status == 403 ? "forbidden" : "invalid-request";
    }
}
