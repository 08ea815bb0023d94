package org.hotline12345.access;

import static org.hotline12345.common.TextInput.blankToNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.QueryParam;

import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;

/** The filters of the access record as query parameters, shared by its page and its API. */
public class AccessRecordFilter {

    /** The citizen's phone number. */
    @QueryParam("phone")
    public String phone;

    /** A work order's number. */
    @QueryParam("workOrder")
    public String workOrder;

    /** The username of who read. */
    @QueryParam("user")
    public String user;

    /** The first day, e.g. 2026-12-01. */
    @QueryParam("from")
    public String from;

    /** The last day, included. */
    @QueryParam("to")
    public String to;

    public AccessRecordQuery.Filter filter() {
        return new AccessRecordQuery.Filter(text("phone", phone, 30), text("workOrder", workOrder, 20),
                text("user", user, 40), QueryParameters.date("from", from), QueryParameters.date("to", to));
    }

    /** The filters as a query string without its {@code ?}, for the page's links (next page, export). */
    public String query() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("phone", phone);
        values.put("workOrder", workOrder);
        values.put("user", user);
        values.put("from", from);
        values.put("to", to);
        return values.entrySet().stream().filter(e -> blankToNull(e.getValue()) != null)
                .map(e -> e.getKey() + "=" + PageForms.encode(e.getValue().strip())).collect(Collectors.joining("&"));
    }

    private static String text(String name, String value, int maxLength) {
        String text = blankToNull(value);
        if (text != null && text.length() > maxLength) {
            throw InvalidFieldException.malformed(name, "Size", "不能超过 " + maxLength + " 个字符");
        }
        return text;
    }
}
