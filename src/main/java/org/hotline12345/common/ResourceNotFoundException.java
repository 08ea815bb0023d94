package org.hotline12345.common;

/** 404: the resource does not exist, or the caller may not know that it does. */
public class ResourceNotFoundException extends HotlineException {

    public ResourceNotFoundException(String resource, Object id) {
        super(resource + " " + id + " 不存在");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String kind() {
        return "not-found";
    }
}
