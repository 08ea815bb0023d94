package org.hotline12345.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.hotline12345.common.HotlineException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.security.Actor;

/**
 * Imports the responsibility list from CSV, row by row: a good row becomes a rule (or a new version of the rule with
 * the same category and area) in its own transaction, a bad one is reported with its line, field and rule, and the
 * good rows before and after it are kept.
 */
@ApplicationScoped
public class RuleImport {

    public record RowProblem(int line, String field, String rule, String message) {
    }

    /** @param versions rows that became a new version of an existing rule */
    public record Report(int rows, int created, int versions, List<RowProblem> problems) {
    }

    @Inject
    RuleService rules;

    @Inject
    Validator validator;

    public Report importCsv(String text, Actor actor) {
        List<RuleCsv.Row> rows;
        try {
            rows = RuleCsv.read(text);
        } catch (RuleCsv.RowException e) {
            throw InvalidFieldException.malformed(e.field(), e.rule(), e.getMessage());
        }
        int created = 0;
        int versions = 0;
        List<RowProblem> problems = new ArrayList<>();
        for (RuleCsv.Row row : rows) {
            if (row.problem() != null) {
                problems.add(new RowProblem(row.line(), row.problem().field(), row.problem().rule(),
                        row.problem().getMessage()));
                continue;
            }
            Set<ConstraintViolation<RuleRequest>> violations = validator.validate(row.request());
            if (!violations.isEmpty()) {
                violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                        .forEach(v -> problems.add(new RowProblem(row.line(), v.getPropertyPath().toString(),
                                v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                                v.getMessage())));
                continue;
            }
            try {
                if (rules.upsert(row.request(), actor)) {
                    created++;
                } else {
                    versions++;
                }
            } catch (InvalidFieldException e) {
                problems.add(new RowProblem(row.line(), e.violation().field(), e.violation().rule(),
                        e.violation().message()));
            } catch (HotlineException e) {
                problems.add(new RowProblem(row.line(), "row", e.kind(), e.getMessage()));
            }
        }
        return new Report(rows.size(), created, versions, List.copyOf(problems));
    }
}
