package org.hotline12345.common;

/** 503: a service this one depends on (a search cluster, a telephony server) cannot answer now; try again later. */
public class ServiceUnavailableException extends HotlineException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String kind() {
        return "unavailable";
    }
}
