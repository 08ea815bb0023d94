package org.hotline12345.workorder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline12345.common.ConflictException;
import org.hotline12345.common.Labels;

/** 409: the action is not allowed in the work order's current state; names the current and the required states. */
public class InvalidWorkOrderStateException extends ConflictException {

    private final WorkOrderAction action;
    private final WorkOrderStatus current;

    public InvalidWorkOrderStateException(String number, WorkOrderAction action, WorkOrderStatus current) {
        super("工单 " + number + " 当前为“" + Labels.label(current) + "”，“" + Labels.label(action) + "”只能在"
                + action.allowedFrom().stream().map(status -> "“" + Labels.label(status) + "”")
                        .collect(Collectors.joining("或"))
                + "时办理");
        this.action = action;
        this.current = current;
    }

    @Override
    public String kind() {
        return "invalid-state";
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("action", action);
        properties.put("currentStatus", current);
        properties.put("requiredStatus", action.allowedFrom());
        return properties;
    }

    public WorkOrderStatus current() {
        return current;
    }
}
