package org.hotline12345.category;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {

    /** Every node with its parent, ordered by code so that parents precede their children. */
    public List<Category> listInCodeOrder() {
        return list("from Category c left join fetch c.parent order by c.code");
    }
}
