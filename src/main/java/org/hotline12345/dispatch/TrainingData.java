package org.hotline12345.dispatch;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.dispatch.classifier.LabelledText;

/**
 * The examples the models learn from: the service's own closed work orders and the city's imported archive. The
 * category model learns every closed work order but merged duplicates; the department model learns who finally
 * handled each dispatched one, so a department whose return was approved is never taught as the owner.
 */
@ApplicationScoped
public class TrainingData {

    @Inject
    EntityManager entityManager;

    public List<LabelledText> examples(ModelKind kind) {
        String sql = switch (kind) {
            case CATEGORY -> """
                    select w.title || '。' || w.content, c.code
                    from work_order w join category c on c.id = w.category_id
                    where w.status = 'CLOSED' and w.closure <> 'MERGED'
                    union all
                    select h.title || '。' || h.content, c.code
                    from historical_work_order h join category c on c.id = h.category_id
                    """;
            case DEPARTMENT -> """
                    select w.title || '。' || w.content, d.code
                    from work_order w join department d on d.id = w.lead_department_id
                    where w.status = 'CLOSED' and w.closure in ('CALLBACK_COMPLETED', 'CLOSED_WITHOUT_CALLBACK')
                    union all
                    select h.title || '。' || h.content, d.code
                    from historical_work_order h join department d on d.id = h.department_id
                    """;
        };
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql).getResultList();
        List<LabelledText> examples = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            examples.add(new LabelledText((String) row[0], (String) row[1]));
        }
        return examples;
    }
}
