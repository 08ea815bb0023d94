package org.hotline12345.knowledge;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ArticleVersionRepository implements PanacheRepositoryBase<ArticleVersion, ArticleVersion.Key> {

    public List<ArticleVersion> newestFirst(long articleId) {
        return list("articleId = ?1 order by version desc", articleId);
    }

    public Optional<ArticleVersion> find(long articleId, int version) {
        return find("articleId = ?1 and version = ?2", articleId, version).firstResultOptional();
    }
}
