package org.hotline12345.common;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

/** What the pages' forms share: a step that returns to its page saying what happened or why not, required fields. */
public final class PageForms {

    private PageForms() {
    }

    /**
     * Runs a step and sends the browser back to {@code page} with {@code done=…}, or {@code error=…} and the reason.
     */
    public static Response act(String page, String done, Supplier<?> step) {
        String query;
        try {
            step.get();
            query = "done=" + encode(done);
        } catch (HotlineException e) {
            query = "error=" + encode(e.getMessage());
        }
        return Response.seeOther(URI.create(page + (page.contains("?") ? "&" : "?") + query)).build();
    }

    /** The value, stripped; a blank one is a 400 naming the field. */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidFieldException.malformed(field, "NotBlank", "请填写此项");
        }
        return value.strip();
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
