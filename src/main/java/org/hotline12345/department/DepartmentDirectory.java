package org.hotline12345.department;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.RefreshingValue;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * All departments in memory: dispatching resolves codes on every request and the list is small and rarely changes.
 * Reloaded after changes made here and, for changes made by other instances, at most {@link #MAX_AGE} later.
 */
@ApplicationScoped
public class DepartmentDirectory {

    static final Duration MAX_AGE = Duration.ofSeconds(60);

    private record Snapshot(Map<String, DepartmentView> byCode, Map<Long, DepartmentView> byId) {
    }

    @Inject
    DepartmentRepository repository;

    private final RefreshingValue<Snapshot> snapshot = new RefreshingValue<>(MAX_AGE, this::load);

    public Optional<DepartmentView> byCode(String code) {
        return Optional.ofNullable(current().byCode().get(code));
    }

    public Optional<DepartmentView> byId(long id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    /**
     * The active department with this code, for dispatching.
     *
     * @param field names the request field in the error
     * @throws InvalidFieldException 422 when it does not exist or is no longer active
     */
    public DepartmentView requireActive(String code, String field) {
        DepartmentView department = byCode(code)
                .orElseThrow(
                        () -> InvalidFieldException.unacceptable(field, "exists", "没有代码为 " + code + " 的单位"));
        if (!department.active()) {
            throw InvalidFieldException.unacceptable(field, "active", department.name() + " 已停用");
        }
        return department;
    }

    public List<DepartmentView> all() {
        return current().byId().values().stream()
                .sorted(Comparator.comparing(DepartmentView::kind).thenComparing(DepartmentView::code))
                .toList();
    }

    public void invalidate() {
        snapshot.invalidate();
    }

    private Snapshot current() {
        return snapshot.get();
    }

    private Snapshot load() {
        List<DepartmentView> departments = QuarkusTransaction.joiningExisting()
                .call(() -> repository.listAll().stream().map(DepartmentView::of).toList());
        return new Snapshot(
                departments.stream().collect(Collectors.toUnmodifiableMap(DepartmentView::code, Function.identity())),
                departments.stream().collect(Collectors.toUnmodifiableMap(DepartmentView::id, Function.identity())));
    }
}
