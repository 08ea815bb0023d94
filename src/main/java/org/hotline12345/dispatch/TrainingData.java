package org.hotline12345.dispatch;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.dispatch.classifier.LabelledText;
import org.hotline12345.workorder.WorkOrderReads;
import org.hotline12345.workorder.WorkOrderReads.ClosedText;

/**
 * The examples the models learn from: the service's own closed work orders and the city's imported archive. The
 * category model learns every closed work order but merged duplicates; the department model learns who finally
 * handled each dispatched one, so a department whose return was approved is never taught as the owner.
 */
@ApplicationScoped
public class TrainingData {

    @Inject
    EntityManager entityManager;

    @Inject
    WorkOrderReads workOrders;

    public List<LabelledText> examples(ModelKind kind) {
        List<ClosedText> closed = switch (kind) {
            case CATEGORY -> workOrders.closedByCategory();
            case DEPARTMENT -> workOrders.closedByLeadDepartment();
        };
        String archive = switch (kind) {
            case CATEGORY -> """
                    select h.title || '。' || h.content, c.code
                    from historical_work_order h join category c on c.id = h.category_id
                    """;
            case DEPARTMENT -> """
                    select h.title || '。' || h.content, d.code
                    from historical_work_order h join department d on d.id = h.department_id
                    """;
        };
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(archive).getResultList();
        List<LabelledText> examples = new ArrayList<>(closed.size() + rows.size());
        closed.forEach(text -> examples.add(new LabelledText(text.text(), text.code())));
        for (Object[] row : rows) {
            examples.add(new LabelledText((String) row[0], (String) row[1]));
        }
        return examples;
    }
}
