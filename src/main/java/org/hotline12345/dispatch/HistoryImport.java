package org.hotline12345.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;

/**
 * Bootstrapping a new city: its archive of work orders, imported through the API so that the models can be trained on
 * day one. Every record is checked; a bad one is reported with its position, field and rule and the good ones are
 * kept. Records are matched by their number in the old system, so an archive can be imported again.
 */
@ApplicationScoped
public class HistoryImport {

    public record RecordProblem(int index, String externalId, String field, String rule, String message) {
    }

    public record Report(int received, int imported, List<RecordProblem> problems, long archiveSize) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    CategoryDirectory categories;

    @Inject
    DepartmentDirectory departments;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Transactional
    public Report importRecords(List<HistoricalWorkOrderInput> records) {
        List<RecordProblem> problems = new ArrayList<>();
        int imported = 0;
        for (int i = 0; i < records.size(); i++) {
            HistoricalWorkOrderInput record = records.get(i);
            if (record == null) {
                problems.add(new RecordProblem(i, null, "[" + i + "]", "NotNull", "must not be null"));
                continue;
            }
            Set<ConstraintViolation<HistoricalWorkOrderInput>> violations = validator.validate(record);
            if (!violations.isEmpty()) {
                int index = i;
                violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                        .forEach(v -> problems.add(new RecordProblem(index, record.externalId(),
                                v.getPropertyPath().toString(),
                                v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                                v.getMessage())));
                continue;
            }
            try {
                store(record);
                imported++;
            } catch (InvalidFieldException e) {
                problems.add(new RecordProblem(i, record.externalId(), e.violation().field(), e.violation().rule(),
                        e.violation().message()));
            }
        }
        return new Report(records.size(), imported, List.copyOf(problems), archiveSize());
    }

    @Transactional
    public long archiveSize() {
        return ((Number) entityManager.createNativeQuery("select count(*) from historical_work_order")
                .getSingleResult()).longValue();
    }

    private void store(HistoricalWorkOrderInput record) {
        if (blank(record.categoryCode()) && blank(record.departmentCode())) {
            throw InvalidFieldException.unacceptable("categoryCode", "required",
                    "每条记录至少须有诉求分类或承办单位");
        }
        CategoryView category = blank(record.categoryCode())
                ? null
                : categories.byCode(record.categoryCode().strip()).orElseThrow(() -> InvalidFieldException
                        .unacceptable("categoryCode", "exists", "no category has code " + record.categoryCode()));
        DepartmentView department = blank(record.departmentCode())
                ? null
                : department(record.departmentCode(),
                        "departmentCode");
        List<Long> returnedBy = new ArrayList<>();
        List<String> codes = record.returnedBy() == null ? List.of() : record.returnedBy();
        for (int i = 0; i < codes.size(); i++) {
            returnedBy.add(department(codes.get(i), "returnedBy[" + i + "]").id());
        }
        entityManager.createNativeQuery("""
                insert into historical_work_order (id, external_id, title, content, category_id, department_id,
                    returned_by_department_ids, district, registered_on, imported_at)
                values (nextval('historical_work_order_seq'), ?1, ?2, ?3, ?4, ?5, cast(?6 as bigint[]), ?7, ?8, ?9)
                on conflict (external_id) do update set title = excluded.title, content = excluded.content,
                    category_id = excluded.category_id, department_id = excluded.department_id,
                    returned_by_department_ids = excluded.returned_by_department_ids, district = excluded.district,
                    registered_on = excluded.registered_on, imported_at = excluded.imported_at
                """)
                .setParameter(1, record.externalId().strip())
                .setParameter(2, record.title().strip())
                .setParameter(3, record.content().strip())
                .setParameter(4, category == null ? null : category.id())
                .setParameter(5, department == null ? null : department.id())
                .setParameter(6, "{" + String.join(",", returnedBy.stream().map(String::valueOf).toList()) + "}")
                .setParameter(7, blank(record.district()) ? null : record.district().strip())
                .setParameter(8, record.registeredOn())
                .setParameter(9, clock.instant())
                .executeUpdate();
    }

    private DepartmentView department(String code, String field) {
        return departments.byCode(code.strip()).orElseThrow(() -> InvalidFieldException.unacceptable(field, "exists",
                "没有代码为 " + code + " 的承办单位"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
