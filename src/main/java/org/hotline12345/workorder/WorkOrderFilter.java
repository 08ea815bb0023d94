package org.hotline12345.workorder;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.QueryParameters;

/**
 * A work-order list's filters as query parameters, shared by the API's search and the hotline's search page so both
 * read them alike.
 */
public class WorkOrderFilter {

    @Parameter(description = "Statuses, repeated or comma-separated")
    @QueryParam("status")
    public List<String> status;

    @Parameter(description = "Request types, repeated or comma-separated")
    @QueryParam("requestType")
    public List<String> requestType;

    @QueryParam("channel")
    public List<String> channel;

    @QueryParam("urgency")
    public List<String> urgency;

    @Parameter(description = "Category code; includes its whole subtree")
    @QueryParam("category")
    public String category;

    @Parameter(description = "Department code: work orders it currently holds, as lead or assisting")
    @QueryParam("department")
    public String department;

    @Parameter(description = "true: held by a department past its accept or reply deadline")
    @QueryParam("overdue")
    public String overdue;

    @Parameter(description = "true: automatic dispatch found nobody responsible (the hotline's review queue)")
    @QueryParam("dispatchReview")
    public String dispatchReview;

    @Parameter(description = "First registration date, inclusive, e.g. 2026-11-01")
    @QueryParam("registeredFrom")
    public String registeredFrom;

    @Parameter(description = "Last registration date, inclusive")
    @QueryParam("registeredTo")
    public String registeredTo;

    @Parameter(description = "Text in the number, title or content")
    @QueryParam("q")
    public String text;

    @Parameter(description = "The citizen's phone number, however written (+86, spaces, dashes)")
    @QueryParam("phone")
    public String phone;

    @Parameter(description = "The beginning of the citizen's name")
    @QueryParam("citizen")
    public String citizen;

    @Parameter(description = "Any part of the place: district, street or address")
    @QueryParam("address")
    public String address;

    @Parameter(description = "-registeredAt (default: newest first), registeredAt, replyDeadline, acceptDeadline, number, -number; a leading - sorts descending")
    @QueryParam("sort")
    public String sort;

    /** The criteria; unknown codes and malformed values are 400s naming the parameter. */
    public WorkOrderSearch search(WorkOrderService service) {
        return new WorkOrderSearch(
                QueryParameters.enums("status", status, WorkOrderStatus.class),
                QueryParameters.enums("requestType", requestType, RequestType.class),
                QueryParameters.enums("channel", channel, Channel.class),
                QueryParameters.enums("urgency", urgency, Urgency.class),
                blank(category) ? null : service.categorySubtree(category.strip()),
                blank(department) ? null : service.departmentId(department.strip()),
                null,
                QueryParameters.bool("overdue", overdue),
                QueryParameters.bool("dispatchReview", dispatchReview),
                QueryParameters.date("registeredFrom", registeredFrom),
                QueryParameters.date("registeredTo", registeredTo),
                text,
                sort(sort),
                new WorkOrderSearch.Caller(phone, citizen, address));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static WorkOrderSearch.Sort sort(String sort) {
        if (blank(sort)) {
            return WorkOrderSearch.Sort.REGISTERED_DESC;
        }
        return switch (sort.strip()) {
            case "registeredAt" -> WorkOrderSearch.Sort.REGISTERED_ASC;
            case "-registeredAt" -> WorkOrderSearch.Sort.REGISTERED_DESC;
            case "replyDeadline" -> WorkOrderSearch.Sort.REPLY_DEADLINE_ASC;
            case "acceptDeadline" -> WorkOrderSearch.Sort.ACCEPT_DEADLINE_ASC;
            case "number" -> WorkOrderSearch.Sort.NUMBER_ASC;
            case "-number" -> WorkOrderSearch.Sort.NUMBER_DESC;
            default -> throw InvalidFieldException.malformed("sort", "enum",
                    "须为以下之一：registeredAt, -registeredAt, replyDeadline, acceptDeadline, number, -number");
        };
    }
}
