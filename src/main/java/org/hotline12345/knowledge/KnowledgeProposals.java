package org.hotline12345.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.knowledge.KnowledgeViews.ArticleView;
import org.hotline12345.notification.NewNotification;
import org.hotline12345.notification.NotificationKind;
import org.hotline12345.notification.NotificationService;
import org.hotline12345.security.Actor;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 共建共享: department staff draft new articles and revise their own department's (a proposal, which changes nothing
 * agents see), and knowledge editors publish a proposal or send it back with a comment. Staff never publish; editors
 * decide what is public. The proposer is notified of the decision.
 */
@ApplicationScoped
public class KnowledgeProposals {

    /**
     * A proposal.
     *
     * @param articleSlug the article it revises, {@code null} for a new article
     * @param baseVersion the article's version it was made from
     */
    public record Proposal(long id, String articleSlug, Integer baseVersion, String departmentCode,
            String departmentName, ArticleContent content, String note, ProposalStatus status, String proposedBy,
            Instant proposedAt, String reviewedBy, Instant reviewedAt, String reviewComment, String publishedSlug) {

        public boolean editable() {
            return status != ProposalStatus.PUBLISHED;
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    KnowledgeService articles;

    @Inject
    KnowledgeArticleRepository articleRepository;

    @Inject
    DepartmentDirectory departments;

    @Inject
    NotificationService notifications;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * A department's new article or its revision of one of its articles, submitted for review.
     *
     * @param articleSlug the article revised, or {@code null} for a new one
     */
    @Transactional
    public Proposal propose(String articleSlug, ArticleRequest request, Actor actor) {
        DepartmentView department = ownDepartment(actor);
        KnowledgeArticle article = null;
        if (articleSlug != null) {
            article = articleRepository.findBySlug(articleSlug)
                    .orElseThrow(() -> new ResourceNotFoundException("Article", articleSlug));
            requireOwn(article.getDepartmentId(), department);
        }
        ArticleContent content = contentOf(request, article, department);
        long id = ((Number) entityManager.createNativeQuery("""
                insert into knowledge_proposal (article_id, base_version, department_id, content, note, status,
                    proposed_by, proposed_by_id, proposed_at)
                values (?1, ?2, ?3, ?4, ?5, 'SUBMITTED', ?6, ?7, ?8) returning id""")
                .setParameter(1, article == null ? null : article.getId())
                .setParameter(2, article == null ? null : article.getVersion())
                .setParameter(3, department.id()).setParameter(4, content.toJson(json))
                .setParameter(5, request.note()).setParameter(6, actor.username())
                .setParameter(7, actor.userId()).setParameter(8, clock.instant()).getSingleResult()).longValue();
        return find(id);
    }

    /** Changes a proposal not yet published, and submits it again. */
    @Transactional
    public Proposal revise(long id, ArticleRequest request, Actor actor) {
        Proposal proposal = find(id);
        DepartmentView department = ownDepartment(actor);
        requireOwn(departments.byCode(proposal.departmentCode()).orElseThrow().id(), department);
        if (!proposal.editable()) {
            throw new ConflictException("Proposal " + id + " is published; propose a new revision of the article");
        }
        KnowledgeArticle article = proposal.articleSlug() == null
                ? null
                : articleRepository.findBySlug(proposal.articleSlug()).orElseThrow();
        ArticleContent content = contentOf(request, article, department);
        entityManager.createNativeQuery("""
                update knowledge_proposal set content = ?1, note = ?2, status = 'SUBMITTED', proposed_by = ?3,
                    proposed_by_id = ?4, proposed_at = ?5 where id = ?6""")
                .setParameter(1, content.toJson(json)).setParameter(2, request.note())
                .setParameter(3, actor.username()).setParameter(4, actor.userId())
                .setParameter(5, clock.instant()).setParameter(6, id).executeUpdate();
        return find(id);
    }

    /** Publishes a submitted proposal as a new version (or a new article), in the editor's name. */
    @Transactional
    public ArticleView publish(long id, Actor editor) {
        requireEditor(editor);
        Proposal proposal = forUpdate(id);
        if (proposal.status() != ProposalStatus.SUBMITTED) {
            throw new ConflictException("Proposal " + id + " is " + proposal.status() + ", not awaiting review");
        }
        String note = "采纳 " + proposal.proposedBy() + " 的提交" + (proposal.note() == null ? "" : "：" + proposal.note());
        ArticleView published = articles.publishProposal(proposal.articleSlug(), proposal.baseVersion(),
                proposal.content().withStatus(ArticleStatus.PUBLISHED), note, editor);
        decide(proposal, ProposalStatus.PUBLISHED, null, published.slug(), editor);
        notifyProposer(proposal, "知识条目已发布：" + published.title(), "编辑 " + editor.displayName() + " 已发布你提交的内容（第 "
                + published.version() + " 版）。");
        return published;
    }

    /** Sends a submitted proposal back to its department with what to change. */
    @Transactional
    public Proposal sendBack(long id, String comment, Actor editor) {
        requireEditor(editor);
        if (comment == null || comment.isBlank()) {
            throw InvalidFieldException.malformed("comment", "NotBlank", "say what the department is to change");
        }
        Proposal proposal = forUpdate(id);
        if (proposal.status() != ProposalStatus.SUBMITTED) {
            throw new ConflictException("Proposal " + id + " is " + proposal.status() + ", not awaiting review");
        }
        decide(proposal, ProposalStatus.RETURNED, comment.strip(), null, editor);
        notifyProposer(proposal, "知识条目被退回：" + proposal.content().title(), "编辑 " + editor.displayName() + " 的意见："
                + comment.strip());
        return find(id);
    }

    /** The proposals of the actor's department, newest first. */
    @Transactional
    public List<Proposal> ofMyDepartment(Actor actor) {
        return query("where p.department_id = ?1 order by p.proposed_at desc", ownDepartment(actor).id());
    }

    /** What awaits the editors, oldest first. */
    @Transactional
    public List<Proposal> awaitingReview() {
        return query("where p.status = ?1 order by p.proposed_at", ProposalStatus.SUBMITTED.name());
    }

    /** A proposal, for the editors or for its own department. */
    @Transactional
    public Proposal get(long id, Actor actor) {
        Proposal proposal = find(id);
        if (!actor.role().editsKnowledge()) {
            requireOwn(departments.byCode(proposal.departmentCode()).orElseThrow().id(), ownDepartment(actor));
        }
        return proposal;
    }

    private ArticleContent contentOf(ArticleRequest request, KnowledgeArticle article, DepartmentView department) {
        if (!department.code().equals(request.departmentCode().strip())) {
            throw InvalidFieldException.unacceptable("departmentCode", "own",
                    "a department proposes articles of its own only");
        }
        ArticleContent content = articles.check(request, article == null ? null : article.getReviewOn());
        // editors decide what is public: a proposal keeps the article's setting
        boolean publicAnswer = article != null && article.isPublicAnswer();
        return new ArticleContent(content.title(), content.questions(), content.answer(), content.categoryCode(),
                content.departmentCode(), content.sourceName(), content.sourceNumber(), content.effectiveFrom(),
                content.expiresOn(), content.tags(), ArticleStatus.DRAFT, publicAnswer, content.internalNote(),
                content.reviewOn());
    }

    private DepartmentView ownDepartment(Actor actor) {
        if (!actor.role().proposesKnowledge() || actor.departmentId() == null) {
            throw new ActionForbiddenException("Only department staff propose articles for their department");
        }
        return departments.byId(actor.departmentId()).orElseThrow();
    }

    private static void requireOwn(long departmentId, DepartmentView department) {
        if (departmentId != department.id()) {
            throw new ActionForbiddenException("A department proposes changes to its own articles only");
        }
    }

    private static void requireEditor(Actor actor) {
        if (!actor.role().editsKnowledge()) {
            throw new ActionForbiddenException("Only knowledge editors publish or send back proposals");
        }
    }

    private void decide(Proposal proposal, ProposalStatus status, String comment, String slug, Actor editor) {
        entityManager.createNativeQuery("""
                update knowledge_proposal set status = ?1, review_comment = ?2, published_slug = ?3, reviewed_by = ?4,
                    reviewed_at = ?5 where id = ?6""")
                .setParameter(1, status.name()).setParameter(2, comment).setParameter(3, slug)
                .setParameter(4, editor.username()).setParameter(5, clock.instant()).setParameter(6, proposal.id())
                .executeUpdate();
    }

    private void notifyProposer(Proposal proposal, String title, String body) {
        Number proposer = (Number) entityManager.createNativeQuery(
                "select proposed_by_id from knowledge_proposal where id = ?1").setParameter(1, proposal.id())
                .getSingleResult();
        notifications.send(List.of(NewNotification.toUser(proposer.longValue(), NotificationKind.KNOWLEDGE, null,
                title, body)));
    }

    private Proposal find(long id) {
        return query("where p.id = ?1", id).stream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Proposal", id));
    }

    /** Locks the row, so that two editors deciding at once are serialised. */
    private Proposal forUpdate(long id) {
        entityManager.createNativeQuery("select id from knowledge_proposal where id = ?1 for update")
                .setParameter(1, id).getResultList();
        return find(id);
    }

    @SuppressWarnings("unchecked")
    private List<Proposal> query(String where, Object parameter) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select p.id, a.slug, p.base_version, d.code, d.name, p.content, p.note, p.status, p.proposed_by,
                       p.proposed_at, p.reviewed_by, p.reviewed_at, p.review_comment, p.published_slug
                from knowledge_proposal p join department d on d.id = p.department_id
                left join knowledge_article a on a.id = p.article_id
                """ + where).setParameter(1, parameter).getResultList();
        return rows.stream().map(r -> new Proposal(((Number) r[0]).longValue(), (String) r[1],
                r[2] == null ? null : ((Number) r[2]).intValue(), (String) r[3], (String) r[4],
                ArticleContent.fromJson(json, (String) r[5]), (String) r[6], ProposalStatus.valueOf((String) r[7]),
                (String) r[8],
                instant(r[9]), (String) r[10], r[11] == null ? null : instant(r[11]), (String) r[12],
                (String) r[13])).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : ((java.time.OffsetDateTime) value).toInstant();
    }

}
