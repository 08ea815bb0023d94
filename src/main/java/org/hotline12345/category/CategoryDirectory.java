package org.hotline12345.category;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.RefreshingValue;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The taxonomy in memory; every registration resolves a category code and the taxonomy changes rarely. */
@ApplicationScoped
public class CategoryDirectory {

    private record Snapshot(Map<String, CategoryView> byCode, Map<Long, CategoryView> byId, List<CategoryView> all) {
    }

    @Inject
    CategoryRepository repository;

    private final RefreshingValue<Snapshot> snapshot = new RefreshingValue<>(Duration.ofSeconds(60), this::load);

    public Optional<CategoryView> byCode(String code) {
        return Optional.ofNullable(current().byCode().get(code));
    }

    public Optional<CategoryView> byId(long id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    /**
     * @param field names the request field in the error
     * @throws InvalidFieldException 422 when the code is unknown or retired
     */
    public CategoryView requireActive(String code, String field) {
        CategoryView category = byCode(code)
                .orElseThrow(() -> InvalidFieldException.unacceptable(field, "exists", "没有代码为 " + code + " 的分类"));
        if (!category.active()) {
            throw InvalidFieldException.unacceptable(field, "active", category.path() + " 已停用");
        }
        return category;
    }

    /**
     * The active categories a person means by {@code text}: the one whose code, full path or name it is; otherwise
     * those whose path contains it, in code order.
     */
    public List<CategoryView> matching(String text) {
        String wanted = text == null ? "" : text.strip();
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<CategoryView> active = all().stream().filter(CategoryView::active).toList();
        List<CategoryView> exact = active.stream()
                .filter(c -> c.code().equals(wanted) || c.path().equals(wanted) || c.name().equals(wanted)).toList();
        return exact.isEmpty() ? active.stream().filter(c -> c.path().contains(wanted)).toList() : exact;
    }

    /** Ordered by code, so that every parent precedes its children. */
    public List<CategoryView> all() {
        return current().all();
    }

    public void invalidate() {
        snapshot.invalidate();
    }

    private Snapshot current() {
        return snapshot.get();
    }

    private Snapshot load() {
        List<Category> categories = QuarkusTransaction.joiningExisting().call(repository::listInCodeOrder);
        Map<String, CategoryView> byCode = new HashMap<>();
        Map<Long, CategoryView> byId = new HashMap<>();
        for (Category category : categories) {
            CategoryView parent = category.getParent() == null ? null : byCode.get(category.getParent().getCode());
            CategoryView view = new CategoryView(category.getId(), category.getCode(), category.getName(),
                    category.getLevel(), parent == null ? null : parent.code(),
                    parent == null ? category.getName() : parent.path() + " / " + category.getName(),
                    category.isActive());
            byCode.put(view.code(), view);
            byId.put(view.id(), view);
        }
        List<CategoryView> all = byCode.values().stream().sorted(Comparator.comparing(CategoryView::code)).toList();
        return new Snapshot(Map.copyOf(byCode), Map.copyOf(byId), all);
    }
}
