package org.hotline12345.businessdesk;

import static org.hotline12345.common.TextInput.blankToNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.hotline12345.common.QueryParameters;

/** The ledger's filters as query parameters, shared by the list, the counts and the export. */
public class LedgerQuery {

    @QueryParam("environment")
    String environment;

    @QueryParam("issueKind")
    String issueKind;

    @QueryParam("department")
    String department;

    /** Statuses, repeated or comma-separated. */
    @QueryParam("status")
    List<String> status;

    @QueryParam("owner")
    String owner;

    @QueryParam("overdue")
    String overdue;

    /** First creation date, inclusive, e.g. 2026-11-01. */
    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("creditCode")
    String creditCode;

    /** Text in the work order's number or title, or the enterprise's name. */
    @QueryParam("q")
    String text;

    /** The query string of these filters, to carry them to the next page. */
    public String link() {
        StringBuilder link = new StringBuilder();
        append(link, "environment", environment);
        append(link, "issueKind", issueKind);
        append(link, "department", department);
        if (status != null) {
            status.forEach(s -> append(link, "status", s));
        }
        append(link, "owner", owner);
        append(link, "overdue", overdue);
        append(link, "from", from);
        append(link, "to", to);
        append(link, "creditCode", creditCode);
        append(link, "q", text);
        return link.toString();
    }

    private static void append(StringBuilder link, String name, String value) {
        if (value != null && !value.isBlank()) {
            link.append('&').append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    public String getEnvironment() {
        return environment;
    }

    public String getDepartment() {
        return department;
    }

    public String getOverdue() {
        return overdue;
    }

    public String getText() {
        return text;
    }

    public String getStatus() {
        return status == null || status.isEmpty() ? null : status.get(0);
    }

    LedgerFilter filter() {
        return new LedgerFilter(blankToNull(environment), blankToNull(issueKind), blankToNull(department),
                QueryParameters.enums("status", status, LedgerStatus.class), blankToNull(owner),
                QueryParameters.bool("overdue", overdue), QueryParameters.date("from", from),
                QueryParameters.date("to", to), blankToNull(creditCode), blankToNull(text));
    }
}
