package org.hotline12345.common;

/** A page form that breaks the rules of what it sends; the message names each field in Chinese and what is wrong. */
public class FormException extends HotlineException {

    private static final long serialVersionUID = 1L;

    public FormException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String kind() {
        return "invalid-form";
    }
}
