package org.hotline12345.knowledge;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotline12345.knowledge.KnowledgeViews.FeedbackCounts;
import org.hotline12345.knowledge.KnowledgeViews.FeedbackView;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ArticleFeedbackRepository implements PanacheRepository<ArticleFeedback> {

    /** A user's rating; rating again replaces the earlier one. */
    public void rate(long articleId, long userId, boolean helpful, String comment, Instant now) {
        getEntityManager().createNativeQuery("""
                insert into knowledge_feedback (id, article_id, user_id, helpful, comment, created_at, updated_at)
                values (nextval('knowledge_feedback_seq'), ?1, ?2, ?3, ?4, ?5, ?5)
                on conflict (article_id, user_id)
                do update set helpful = excluded.helpful, comment = excluded.comment, updated_at = excluded.updated_at
                """)
                .setParameter(1, articleId).setParameter(2, userId).setParameter(3, helpful)
                .setParameter(4, comment).setParameter(5, now)
                .executeUpdate();
    }

    public long count(long articleId, boolean helpful) {
        return count("articleId = ?1 and helpful = ?2", articleId, helpful);
    }

    public Optional<ArticleFeedback> byUser(long articleId, long userId) {
        return find("articleId = ?1 and userId = ?2", articleId, userId).firstResultOptional();
    }

    public List<FeedbackView> newestFirst(long articleId) {
        return getEntityManager().createQuery("""
                select new org.hotline12345.knowledge.KnowledgeViews$FeedbackView(
                    u.username, u.displayName, f.helpful, f.comment, f.updatedAt)
                from ArticleFeedback f, AppUser u
                where f.articleId = ?1 and u.id = f.userId
                order by f.updatedAt desc
                """, FeedbackView.class).setParameter(1, articleId).getResultList();
    }

    /** The ratings of each of these articles in one query; articles nobody rated are left out. */
    public Map<Long, FeedbackCounts> countsOf(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("""
                select f.articleId, sum(case when f.helpful then 1 else 0 end),
                    sum(case when f.helpful then 0 else 1 end)
                from ArticleFeedback f where f.articleId in ?1 group by f.articleId
                """, Object[].class).setParameter(1, articleIds).getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0],
                        row -> new FeedbackCounts(((Number) row[1]).longValue(), ((Number) row[2]).longValue(), null)));
    }
}
