package org.hotline12345.desk;

import static org.hotline12345.common.TextInput.blankToNull;

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

    /** Text in the work order's title or the enterprise's name. */
    @QueryParam("q")
    String text;

    LedgerFilter filter() {
        return new LedgerFilter(blankToNull(environment), blankToNull(issueKind), blankToNull(department),
                QueryParameters.enums("status", status, LedgerStatus.class), blankToNull(owner),
                QueryParameters.bool("overdue", overdue), QueryParameters.date("from", from),
                QueryParameters.date("to", to), blankToNull(creditCode), blankToNull(text));
    }
}
