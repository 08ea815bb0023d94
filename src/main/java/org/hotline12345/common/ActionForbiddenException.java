package org.hotline12345.common;

/** 403: the caller may see the resource but not do this to it. */
public class ActionForbiddenException extends HotlineException {

    public ActionForbiddenException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String kind() {
        return "forbidden";
    }
}
