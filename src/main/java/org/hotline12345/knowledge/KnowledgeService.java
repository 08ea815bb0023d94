package org.hotline12345.knowledge;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.CalendarConfig;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Page;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.knowledge.KnowledgeViews.ArticleRow;
import org.hotline12345.knowledge.KnowledgeViews.ArticleView;
import org.hotline12345.knowledge.KnowledgeViews.CategoryRef;
import org.hotline12345.knowledge.KnowledgeViews.DepartmentRef;
import org.hotline12345.knowledge.KnowledgeViews.FeedbackCounts;
import org.hotline12345.knowledge.KnowledgeViews.FeedbackView;
import org.hotline12345.knowledge.KnowledgeViews.VersionSummary;
import org.hotline12345.knowledge.KnowledgeViews.VersionView;
import org.hotline12345.security.Actor;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Articles in PostgreSQL: editors write them (every save a new version with who, when and what changed), agents read
 * and rate them. Each change queues the article for the search index in the same transaction.
 */
@ApplicationScoped
public class KnowledgeService {

    /** Who the import at first start is recorded as. */
    public static final String SYSTEM = "SYSTEM";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    KnowledgeArticleRepository articles;

    @Inject
    ArticleVersionRepository versions;

    @Inject
    ArticleFeedbackRepository feedback;

    @Inject
    CategoryDirectory categories;

    @Inject
    DepartmentDirectory departments;

    @Inject
    KnowledgeIndexQueue indexQueue;

    @Inject
    KnowledgeChanges changes;

    @Inject
    KnowledgeGaps gaps;

    @Inject
    Event<KnowledgeChanged> changed;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    CalendarConfig calendar;

    @Transactional
    public ArticleView create(ArticleRequest request, Actor actor) {
        ArticleContent content = check(request, null);
        if (request.slug() != null && articles.findBySlug(request.slug()).isPresent()) {
            throw new ConflictException("已有标识为 " + request.slug() + " 的知识条目");
        }
        KnowledgeArticle article = insert(request.slug(), content, actor.username(), actor.role().name(),
                request.note());
        return view(article, actor);
    }

    /** Saves the request over the version the editor started from; a newer version meanwhile is a 409. */
    @Transactional
    public ArticleView update(String slug, ArticleRequest request, Actor actor) {
        if (request.version() == null) {
            throw InvalidFieldException.malformed("version", "NotNull",
                    "请提供修改所依据的版本号");
        }
        if (request.slug() != null && !request.slug().equals(slug)) {
            throw InvalidFieldException.unacceptable("slug", "unchanged", "知识条目的标识不能修改");
        }
        KnowledgeArticle article = articles.findBySlugForUpdate(slug)
                .orElseThrow(() -> new ResourceNotFoundException("知识条目", slug));
        ArticleContent content = check(request, article.getReviewOn());
        if (article.getVersion() != request.version()) {
            throw new ConflictException("知识条目 " + slug + " 已由 " + article.getUpdatedBy() + " 保存为版本 "
                    + article.getVersion() + "，而您的修改基于版本 " + request.version() + "：请刷新后重新修改");
        }
        save(article, content, actor.username(), actor.role().name(), request.note());
        return view(article, actor);
    }

    /**
     * Publishes a department's proposal: a new article, or a new version of the article it revises, in the editor's
     * name. Refused (409) when the article changed after the version the proposal was made from.
     *
     * @param slug the article revised, {@code null} for a new one
     */
    @Transactional
    public ArticleView publishProposal(String slug, Integer baseVersion, ArticleContent content, String note,
            Actor editor) {
        if (slug == null) {
            return view(insert(null, content, editor.username(), editor.role().name(), note), editor);
        }
        KnowledgeArticle article = articles.findBySlugForUpdate(slug)
                .orElseThrow(() -> new ResourceNotFoundException("Article", slug));
        if (article.getVersion() != baseVersion) {
            throw new ConflictException("Article " + slug + " was saved as version " + article.getVersion()
                    + " after version " + baseVersion + " that the proposal revises; send it back to be redone");
        }
        save(article, content, editor.username(), editor.role().name(), note);
        return view(article, editor);
    }

    /** Withdraws an article: archived as a new version, kept with its history, gone for agents. */
    @Transactional
    public ArticleView archive(String slug, Actor actor) {
        KnowledgeArticle article = articles.findBySlugForUpdate(slug)
                .orElseThrow(() -> new ResourceNotFoundException("知识条目", slug));
        ArticleContent current = contentOf(article);
        if (current.status() != ArticleStatus.ARCHIVED) {
            save(article, current.withStatus(ArticleStatus.ARCHIVED), actor.username(), actor.role().name(), "已下线");
        }
        return view(article, actor);
    }

    /** The article for a reader; agents get only what is published and in effect, and each read is counted. */
    @Transactional
    public ArticleView read(String slug, Actor actor) {
        KnowledgeArticle article = visible(slug, actor);
        if (!actor.role().editsKnowledge()) {
            articles.countView(article.getId());
            gaps.opened(actor, article.getId());
        }
        return view(article, actor);
    }

    /** A public article for citizens and partners; any other article does not exist for them. */
    @Transactional
    public PublicAnswers.Article readPublic(String slug) {
        KnowledgeArticle article = articles.findBySlug(slug)
                .filter(found -> found.isPublicAnswer() && contentOf(found).visibleOn(today()))
                .orElseThrow(() -> new ResourceNotFoundException("Article", slug));
        return new PublicAnswers.Article(article.getSlug(), article.getTitle(), article.getQuestions(),
                article.getAnswer(), categoryRef(categories.byId(article.getCategoryId()).orElseThrow()),
                departmentRef(departments.byId(article.getDepartmentId()).orElseThrow()),
                new KnowledgeViews.Source(article.getSourceName(), article.getSourceNumber()),
                article.getEffectiveFrom(), article.getExpiresOn(),
                LocalDate.ofInstant(article.getUpdatedAt(), calendar.zone()));
    }

    /** The answers of articles a search found, by slug: what the agent's desktop offers to read out. */
    @Transactional
    public Map<String, String> answers(List<String> slugs) {
        return slugs.isEmpty() ? Map.of() : articles.answersBySlug(slugs);
    }

    /** The article as {@link #read} returns it, without counting a view. */
    @Transactional
    public ArticleView find(String slug, Actor actor) {
        return view(visible(slug, actor), actor);
    }

    /** An article of a department, as its staff see it to revise it (any status). */
    public record DepartmentArticle(String slug, String title, ArticleStatus status, int version, LocalDate reviewOn,
            LocalDate expiresOn, boolean publicAnswer) {
    }

    /** The articles the department of department staff owns, by title. */
    @Transactional
    public List<DepartmentArticle> ofDepartment(Actor actor) {
        if (actor.departmentId() == null) {
            return List.of();
        }
        return articles.list("departmentId = ?1 order by title", actor.departmentId()).stream()
                .map(a -> new DepartmentArticle(a.getSlug(), a.getTitle(), a.getStatus(), a.getVersion(),
                        a.getReviewOn(), a.getExpiresOn(), a.isPublicAnswer()))
                .toList();
    }

    /**
     * An article for its owner department's staff to revise, whatever its status; another department's is refused.
     */
    @Transactional
    public ArticleView forRevision(String slug, Actor actor) {
        KnowledgeArticle article = existing(slug);
        if (!actor.role().editsKnowledge()
                && (actor.departmentId() == null || article.getDepartmentId() != actor.departmentId())) {
            throw new ActionForbiddenException("A department revises its own articles only");
        }
        return view(article, actor);
    }

    /** Every article whatever its status, most recently changed first, with its ratings: the editors' list. */
    @Transactional
    public Page<ArticleRow> list(String text, ArticleStatus status, int page, int size) {
        Page<KnowledgeArticle> found = articles.forEditors(text, status, page, size);
        Map<Long, FeedbackCounts> ratings = feedback.countsOf(found.items().stream().map(KnowledgeArticle::getId)
                .toList());
        FeedbackCounts none = new FeedbackCounts(0, 0, null);
        return found.map(article -> new ArticleRow(article.getSlug(), article.getTitle(),
                categoryRef(categories.byId(article.getCategoryId()).orElseThrow()),
                departmentRef(departments.byId(article.getDepartmentId()).orElseThrow()), article.getTags(),
                article.getStatus(), article.getVersion(), article.getUpdatedAt().atZone(calendar.zone())
                        .toOffsetDateTime(),
                article.getUpdatedBy(), ratings.getOrDefault(article.getId(), none)));
    }

    @Transactional
    public List<VersionSummary> versions(String slug) {
        KnowledgeArticle article = existing(slug);
        return versions.newestFirst(article.getId()).stream()
                .map(v -> new VersionSummary(v.getVersion(), v.getChangedFields(), v.getChangedBy(),
                        v.getChangedByRole(), v.getChangedAt(), v.getNote()))
                .toList();
    }

    @Transactional
    public VersionView version(String slug, int number) {
        KnowledgeArticle article = existing(slug);
        ArticleVersion version = versions.find(article.getId(), number)
                .orElseThrow(() -> new ResourceNotFoundException("知识条目 " + slug + " 的版本", number));
        return new VersionView(version.getVersion(), version.getChangedFields(), version.getChangedBy(),
                version.getChangedByRole(), version.getChangedAt(), version.getNote(),
                ArticleContent.fromJson(json, version.getContent()));
    }

    @Transactional
    public FeedbackCounts rate(String slug, boolean helpful, String comment, Actor actor) {
        KnowledgeArticle article = visible(slug, actor);
        feedback.rate(article.getId(), actor.userId(), helpful,
                comment == null || comment.isBlank() ? null : comment.strip(), clock.instant());
        return counts(article.getId(), actor);
    }

    @Transactional
    public List<FeedbackView> feedback(String slug) {
        return feedback.newestFirst(existing(slug).getId());
    }

    /**
     * Creates or updates the article of a knowledge-base/ file. A file unchanged since its last import changes
     * nothing, so that what editors changed in the service since then stays.
     */
    @Transactional
    public ImportOutcome importArticle(String slug, ArticleRequest request, String hash, String username,
            String role) {
        KnowledgeArticle article = articles.findBySlugForUpdate(slug).orElse(null);
        ArticleContent content = check(request, article == null ? null : article.getReviewOn());
        if (article == null) {
            insert(slug, content, username, role, "从 knowledge-base/ 导入").markImported(hash);
            return ImportOutcome.CREATED;
        }
        if (hash.equals(article.getImportedHash())) {
            return ImportOutcome.UNCHANGED;
        }
        article.markImported(hash);
        boolean saved = save(article, content, username, role, "从 knowledge-base/ 导入");
        return saved ? ImportOutcome.UPDATED : ImportOutcome.UNCHANGED;
    }

    /** Whether the shipped articles were ever imported into this database. */
    @Transactional
    public boolean anyImported() {
        return articles.countImported() > 0;
    }

    public enum ImportOutcome {
        CREATED, UPDATED, UNCHANGED
    }

    /** The city's date: articles take effect and expire at its midnight. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    private KnowledgeArticle insert(String slug, ArticleContent content, String username, String role, String note) {
        KnowledgeArticle article = new KnowledgeArticle(slug != null ? slug : freeSlug(), username, clock.instant());
        writeContent(article, content, username);
        articles.persist(article);
        articles.flush();
        recordVersion(article, content, content.changedFrom(null), username, role, note);
        return article;
    }

    /** A slug for an article created without one: {@code article-} and eight random hexadecimal digits. */
    private String freeSlug() {
        String slug;
        do {
            slug = "article-" + HexFormat.of().toHexDigits(RANDOM.nextInt());
        } while (articles.findBySlug(slug).isPresent());
        return slug;
    }

    /** Writes the content as a new version unless nothing changed; returns whether it did. */
    private boolean save(KnowledgeArticle article, ArticleContent content, String username, String role,
            String note) {
        List<String> changedFields = content.changedFrom(contentOf(article));
        if (changedFields.isEmpty()) {
            return false;
        }
        writeContent(article, content, username);
        recordVersion(article, content, changedFields, username, role, note);
        return true;
    }

    private void writeContent(KnowledgeArticle article, ArticleContent content, String username) {
        long categoryId = categories.byCode(content.categoryCode()).orElseThrow().id();
        long departmentId = departments.byCode(content.departmentCode()).orElseThrow().id();
        article.write(content, categoryId, departmentId, username, clock.instant());
    }

    private void recordVersion(KnowledgeArticle article, ArticleContent content, List<String> changedFields,
            String username, String role, String note) {
        versions.persist(new ArticleVersion(article.getId(), article.getVersion(), content.toJson(json), changedFields,
                username, role, article.getUpdatedAt(), note == null || note.isBlank() ? null : note.strip()));
        indexQueue.enqueue(article.getId(), clock.instant());
        changes.record(article.getId(), article.getVersion(), clock.instant());
        // once per transaction: the drain after the commit takes every article it queued
        if (transactions.getResource(KnowledgeChanged.class) == null) {
            transactions.putResource(KnowledgeChanged.class, Boolean.TRUE);
            changed.fire(new KnowledgeChanged());
        }
    }

    /**
     * The request's content, with codes and dates checked as 422s naming the field.
     *
     * @param currentReviewOn the article's review date, kept when the request names none; {@code null} for a new
     *        article, which is reviewed a year from today unless the request says otherwise
     */
    public ArticleContent check(ArticleRequest request, LocalDate currentReviewOn) {
        CategoryView category = categories.requireActive(request.categoryCode().strip(), "categoryCode");
        departments.requireActive(request.departmentCode().strip(), "departmentCode");
        if (request.expiresOn() != null && !request.expiresOn().isAfter(request.effectiveFrom())) {
            throw InvalidFieldException.unacceptable("expiresOn", "after", "须晚于生效日期");
        }
        if (category.level() < 2) {
            throw InvalidFieldException.unacceptable("categoryCode", "level",
                    "请选择二级或三级分类，不能是一级分类 " + category.name());
        }
        return request.content(currentReviewOn != null ? currentReviewOn : today().plusYears(1));
    }

    private KnowledgeArticle existing(String slug) {
        return articles.findBySlug(slug).orElseThrow(() -> new ResourceNotFoundException("知识条目", slug));
    }

    /** Drafts, archived and expired articles do not exist for readers who do not edit the knowledge base. */
    private KnowledgeArticle visible(String slug, Actor actor) {
        KnowledgeArticle article = existing(slug);
        if (!actor.role().editsKnowledge() && !contentOf(article).visibleOn(today())) {
            throw new ResourceNotFoundException("知识条目", slug);
        }
        return article;
    }

    ArticleContent contentOf(KnowledgeArticle article) {
        return new ArticleContent(article.getTitle(), article.getQuestions(), article.getAnswer(),
                categories.byId(article.getCategoryId()).orElseThrow().code(),
                departments.byId(article.getDepartmentId()).orElseThrow().code(), article.getSourceName(),
                article.getSourceNumber(), article.getEffectiveFrom(), article.getExpiresOn(), article.getTags(),
                article.getStatus(), article.isPublicAnswer(), article.getInternalNote(), article.getReviewOn());
    }

    private ArticleView view(KnowledgeArticle article, Actor actor) {
        CategoryView category = categories.byId(article.getCategoryId()).orElseThrow();
        DepartmentView department = departments.byId(article.getDepartmentId()).orElseThrow();
        return new ArticleView(article.getId(), article.getSlug(), article.getVersion(), article.getTitle(),
                article.getQuestions(), article.getAnswer(), categoryRef(category), departmentRef(department),
                new KnowledgeViews.Source(article.getSourceName(), article.getSourceNumber()),
                article.getEffectiveFrom(), article.getExpiresOn(), article.getTags(), article.getStatus(),
                article.isPublicAnswer(), article.getInternalNote(), article.getReviewOn(),
                contentOf(article).visibleOn(today()), articles.viewCount(article.getId()),
                counts(article.getId(), actor), article.getCreatedAt(), article.getCreatedBy(),
                article.getUpdatedAt(), article.getUpdatedBy());
    }

    static CategoryRef categoryRef(CategoryView category) {
        return new CategoryRef(category.code(), category.name(), category.path());
    }

    static DepartmentRef departmentRef(DepartmentView department) {
        return new DepartmentRef(department.code(), department.name());
    }

    private FeedbackCounts counts(long articleId, Actor actor) {
        return new FeedbackCounts(feedback.count(articleId, true), feedback.count(articleId, false),
                feedback.byUser(articleId, actor.userId()).map(ArticleFeedback::isHelpful).orElse(null));
    }

}
