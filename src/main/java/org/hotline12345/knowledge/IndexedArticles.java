package org.hotline12345.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.knowledge.search.IndexedArticle;

/** Turns stored articles into what the search index holds, with their passages' vectors. */
@ApplicationScoped
public class IndexedArticles {

    @Inject
    CategoryDirectory categories;

    @Inject
    DepartmentDirectory departments;

    /** The articles as the index holds them, without vectors yet (see {@link ArticleVectors#withVectors}). */
    public List<IndexedArticle> of(List<KnowledgeArticle> articles) {
        return articles.stream().map(this::of).toList();
    }

    private IndexedArticle of(KnowledgeArticle article) {
        return new IndexedArticle(article.getId(), article.getSlug(), article.getVersion(), article.getTitle(),
                article.getQuestions(), Markdown.words(article.getAnswer()), article.getTags(),
                categoryPath(article.getCategoryId()), departments.byId(article.getDepartmentId()).orElseThrow().code(),
                article.getStatus().name(), article.isPublicAnswer(), article.getEffectiveFrom(),
                article.getExpiresOn(), article.getUpdatedAt(), List.of());
    }

    private List<String> categoryPath(long categoryId) {
        List<String> path = new ArrayList<>();
        CategoryView category = categories.byId(categoryId).orElseThrow();
        while (category != null) {
            path.add(category.code());
            category = category.parentCode() == null ? null : categories.byCode(category.parentCode()).orElse(null);
        }
        Collections.reverse(path);
        return path;
    }
}
