package org.hotline12345.common;

/** 409: the request is valid but conflicts with the current state of the resource. */
public class ConflictException extends HotlineException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String kind() {
        return "conflict";
    }
}
