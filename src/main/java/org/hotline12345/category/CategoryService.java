package org.hotline12345.category;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.common.ConflictException;
import org.hotline12345.common.Csv;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;

/**
 * Administrators maintain the taxonomy. Codes are stable: a node keeps its code when renamed, a new node gets the next
 * code under its parent that was never given (01, 0101, 010101, …), and a retired node stays, readable on the work
 * orders that carry it, while new work orders cannot choose it.
 */
@ApplicationScoped
public class CategoryService {

    static final int MAX_LEVEL = 3;

    /** What an import of a taxonomy did: nodes created, nodes already there, rows it could not use. */
    public record ImportReport(int rows, int created, int existing, List<RowProblem> problems) {
    }

    public record RowProblem(int line, String message) {
    }

    @Inject
    CategoryRepository repository;

    @Inject
    CategoryDirectory directory;

    @Transactional
    public CategoryView create(String parentCode, String name) {
        Category parent = parentCode == null
                ? null
                : repository.findByCode(parentCode)
                        .orElseThrow(() -> InvalidFieldException.unacceptable("parentCode", "exists",
                                "没有代码为 " + parentCode + " 的分类"));
        if (parent != null && parent.getLevel() >= MAX_LEVEL) {
            throw InvalidFieldException.unacceptable("parentCode", "level",
                    "分类最多 " + MAX_LEVEL + " 级，" + parent.getCode() + " 已是末级");
        }
        if (parent != null && !parent.isActive()) {
            throw InvalidFieldException.unacceptable("parentCode", "active", parent.getName() + " 已停用");
        }
        Category category = new Category(nextCode(parent), requireFreeName(parent, name.strip(), null), parent);
        repository.persist(category);
        directory.invalidate();
        return view(category);
    }

    @Transactional
    public CategoryView rename(String code, String name) {
        Category category = existing(code);
        category.rename(requireFreeName(category.getParent(), name.strip(), category.getId()));
        directory.invalidate();
        return view(category);
    }

    /** Retires the node and everything below it. */
    @Transactional
    public List<CategoryView> retire(String code) {
        existing(code);
        List<Category> subtree = repository.subtree(code);
        subtree.forEach(c -> c.setActive(false));
        directory.invalidate();
        return subtree.stream().map(this::view).toList();
    }

    /** Brings a retired node back (not its children, which are restored one by one); its parent must be active. */
    @Transactional
    public CategoryView restore(String code) {
        Category category = existing(code);
        if (category.getParent() != null && !category.getParent().isActive()) {
            throw new ConflictException("请先恢复上级分类 " + category.getParent().getName() + "（"
                    + category.getParent().getCode() + "）");
        }
        category.setActive(true);
        directory.invalidate();
        return view(category);
    }

    /**
     * Adds the nodes of a taxonomy given as CSV, one third-level node per row with its three levels' names (the
     * header names them, e.g. 一级分类,二级分类,三级分类 or level1,level2,level3). Nodes are matched by name under their
     * parent; missing ones are created with new codes.
     */
    @Transactional
    public ImportReport importNames(String csv) {
        List<List<String>> records = Csv.parse(csv);
        if (records.isEmpty()) {
            throw InvalidFieldException.malformed("header", "NotBlank", "文件是空的");
        }
        List<RowProblem> problems = new ArrayList<>();
        int created = 0;
        int existing = 0;
        Map<String, Category> byPath = new HashMap<>();
        for (Category category : repository.listInCodeOrder()) {
            byPath.put(path(category), category);
        }
        for (int r = 1; r < records.size(); r++) {
            List<String> names = records.get(r).stream().map(String::strip).toList();
            if (names.size() < MAX_LEVEL || names.stream().limit(MAX_LEVEL).anyMatch(String::isEmpty)) {
                problems.add(new RowProblem(r + 1, "needs the names of all three levels"));
                continue;
            }
            Category parent = null;
            String path = "";
            for (int level = 0; level < MAX_LEVEL; level++) {
                String name = names.get(level);
                if (name.length() > 100) {
                    problems.add(new RowProblem(r + 1, "name longer than 100 characters: " + name));
                    break;
                }
                path = path.isEmpty() ? name : path + " / " + name;
                Category found = byPath.get(path);
                if (found == null) {
                    found = new Category(nextCode(parent), name, parent);
                    repository.persist(found);
                    repository.flush();
                    byPath.put(path, found);
                    created++;
                } else if (level == MAX_LEVEL - 1) {
                    existing++;
                }
                parent = found;
            }
        }
        directory.invalidate();
        return new ImportReport(records.size() - 1, created, existing, List.copyOf(problems));
    }

    private static String path(Category category) {
        return category.getParent() == null
                ? category.getName()
                : path(category.getParent()) + " / " + category.getName();
    }

    private Category existing(String code) {
        return repository.findByCode(code).orElseThrow(() -> new ResourceNotFoundException("诉求分类", code));
    }

    /** The next two digits under the parent after every code ever given there, so that no code is reused. */
    private String nextCode(Category parent) {
        int highest = repository.childCodes(parent).stream()
                .map(code -> code.substring(code.length() - 2))
                .filter(digits -> digits.chars().allMatch(Character::isDigit))
                .mapToInt(Integer::parseInt).max().orElse(0);
        if (highest >= 99) {
            throw new ConflictException((parent == null ? "一级分类" : parent.getCode() + " 之下") + "的代码已用尽（最多 99 个）");
        }
        return (parent == null ? "" : parent.getCode()) + String.format(Locale.ROOT, "%02d", highest + 1);
    }

    private String requireFreeName(Category parent, String name, Long exceptId) {
        Optional<Category> taken = repository.listInCodeOrder().stream()
                .filter(c -> c.getParent() == null
                        ? parent == null
                        : parent != null && c.getParent().getId().equals(parent.getId()))
                .filter(c -> c.getName().equals(name) && !c.getId().equals(exceptId))
                .findFirst();
        if (taken.isPresent()) {
            throw new ConflictException("同一上级下已有名为 " + name + " 的分类（" + taken.get().getCode() + "）");
        }
        return name;
    }

    private CategoryView view(Category category) {
        directory.invalidate();
        return directory.byCode(category.getCode()).orElseThrow();
    }
}
