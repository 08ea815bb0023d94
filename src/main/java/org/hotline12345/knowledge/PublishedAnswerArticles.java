package org.hotline12345.knowledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.workorder.AnswerArticles;

/** Only a published article can be the source of an answer given to a citizen. */
@ApplicationScoped
public class PublishedAnswerArticles implements AnswerArticles {

    @Inject
    KnowledgeArticleRepository articles;

    @Override
    @Transactional
    public AnswerArticle require(String slug, String field) {
        KnowledgeArticle article = articles.findBySlug(slug)
                .filter(found -> found.getStatus() == ArticleStatus.PUBLISHED)
                .orElseThrow(() -> InvalidFieldException.unacceptable(field, "published",
                        "没有已发布的知识条目 " + slug));
        return new AnswerArticle(article.getSlug(), article.getVersion(), article.getTitle());
    }
}
