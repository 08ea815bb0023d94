package org.hotline12345.docs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.hotline12345.common.Labels;
import org.hotline12345.workorder.WorkOrderAction;
import org.hotline12345.workorder.WorkOrderStatus;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle in docs/work-orders.md is drawn from {@link WorkOrderAction}, the one table of transitions, so that
 * the picture cannot say what the code does not.
 */
class LifecycleDiagramTest {

    private static final Path GUIDE = Path.of("docs/work-orders.md");

    @Test
    void theGuidesDiagramIsTheTransitionTable() throws IOException {
        StringBuilder diagram = new StringBuilder("```mermaid\nstateDiagram-v2\n");
        diagram.append("    [*] --> ").append(WorkOrderStatus.REGISTERED).append(" : 受理\n");
        for (WorkOrderStatus status : WorkOrderStatus.values()) {
            diagram.append("    ").append(status).append(" : ").append(status).append(" ").append(Labels.label(status))
                    .append('\n');
        }
        for (WorkOrderAction action : WorkOrderAction.values()) {
            if (keepsTheState(action)) {
                continue;
            }
            for (WorkOrderStatus from : action.allowedFrom()) {
                for (WorkOrderStatus to : action.possibleTargets()) {
                    if (from != to) {
                        diagram.append("    ").append(from).append(" --> ").append(to).append(" : ")
                                .append(name(action)).append('\n');
                    }
                }
            }
        }
        diagram.append("    ").append(WorkOrderStatus.CLOSED).append(" --> [*]\n```\n\n");
        diagram.append("Steps that leave the state as it is (an event in the history only): ")
                .append(Arrays.stream(WorkOrderAction.values()).filter(LifecycleDiagramTest::keepsTheState)
                        .map(action -> name(action) + " (from " + action.allowedFrom().stream().map(Enum::name)
                                .collect(Collectors.joining(", ")) + ")")
                        .collect(Collectors.joining("; ")))
                .append(".\n");
        GeneratedSection.check(GUIDE, getClass().getSimpleName(), diagram.toString());
    }

    /** Urging, supervising, assisting input, extensions and the like: the action starts and ends in the same states. */
    private static boolean keepsTheState(WorkOrderAction action) {
        return action.allowedFrom().equals(action.possibleTargets());
    }

    private static String name(WorkOrderAction action) {
        return Labels.hasLabel(action) ? action + " " + Labels.label(action) : action.name();
    }
}
