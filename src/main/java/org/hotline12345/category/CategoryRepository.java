package org.hotline12345.category;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {

    public Optional<Category> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The node and every node below it. */
    public List<Category> subtree(String code) {
        return list("code like ?1", code + "%");
    }

    /** Codes ever given under a parent (top-level nodes when {@code parent} is null), retired ones included. */
    public List<String> childCodes(Category parent) {
        if (parent == null) {
            return getEntityManager().createQuery("select c.code from Category c where c.parent is null", String.class)
                    .getResultList();
        }
        return getEntityManager().createQuery("select c.code from Category c where c.parent = ?1", String.class)
                .setParameter(1, parent).getResultList();
    }

    /** Every node with its parent, ordered by code so that parents precede their children. */
    public List<Category> listInCodeOrder() {
        return list("from Category c left join fetch c.parent order by c.code");
    }
}
