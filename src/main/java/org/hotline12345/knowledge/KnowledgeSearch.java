package org.hotline12345.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.knowledge.KnowledgeViews.ArticleHit;
import org.hotline12345.knowledge.KnowledgeViews.SearchPage;
import org.hotline12345.knowledge.search.ArticleFilter;
import org.hotline12345.knowledge.search.ArticleQuery;
import org.hotline12345.knowledge.search.SearchBackend;
import org.hotline12345.knowledge.search.SearchHit;
import org.hotline12345.knowledge.search.SearchResult;
import org.hotline12345.knowledge.search.SearchUnavailableException;
import org.hotline12345.knowledge.search.Suggestion;
import org.hotline12345.security.Actor;

/**
 * Searching the knowledge base on behalf of a user: agents and everyone who does not edit it see only published
 * articles in effect today. A text is searched by its words and, with semantic search on, by its meaning (the
 * sentence encoder's vector), the two fused; the same for a short query, a citizen's whole message and a work order.
 * Calls to the backend are bounded in time and retried when the backend is unavailable.
 */
@ApplicationScoped
public class KnowledgeSearch {

    /**
     * @param statuses editors only; empty means published, or everything for editors who ask for all
     * @param validOnly agents always search valid articles only; editors may include expired and future ones
     */
    public record Criteria(String text, String categoryCode, String departmentCode, String tag,
            Set<ArticleStatus> statuses, boolean validOnly, int page, int size) {
    }

    @Inject
    SearchBackend backend;

    @Inject
    CategoryDirectory categories;

    @Inject
    DepartmentDirectory departments;

    @Inject
    KnowledgeService service;

    @Inject
    KnowledgeEncoder encoder;

    @Inject
    KnowledgeGaps gaps;

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, retryOn = {SearchUnavailableException.class, TimeoutException.class})
    public SearchPage search(Criteria criteria, Actor actor) {
        ArticleFilter filter = filterFor(actor, criteria.statuses(), criteria.validOnly());
        if (criteria.categoryCode() != null) {
            categories.byCode(criteria.categoryCode()).orElseThrow(() -> InvalidFieldException.malformed("category",
                    "exists", "没有代码为 " + criteria.categoryCode() + " 的诉求分类"));
            filter = filter.withCategory(criteria.categoryCode());
        }
        if (criteria.departmentCode() != null) {
            departments.byCode(criteria.departmentCode()).orElseThrow(() -> InvalidFieldException.malformed(
                    "department", "exists", "没有代码为 " + criteria.departmentCode() + " 的承办单位"));
            filter = filter.withDepartment(criteria.departmentCode());
        }
        if (criteria.tag() != null) {
            filter = filter.withTag(criteria.tag());
        }
        SearchResult result = backend.search(new ArticleQuery(criteria.text(), vector(criteria.text()), filter,
                criteria.page(), criteria.size()));
        if (criteria.text() != null && criteria.page() == 0 && !actor.role().editsKnowledge()) {
            // what readers looked for, for the editors' 知识缺口
            gaps.searched(actor, criteria.text(), result.hits().stream().map(SearchHit::id).toList());
        }
        return new SearchPage(hits(result.hits()), criteria.page(), criteria.size(), result.total(),
                result.totalExact());
    }

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, retryOn = {SearchUnavailableException.class, TimeoutException.class})
    public List<Suggestion> autocomplete(String typed, int limit, Actor actor) {
        return backend.autocomplete(typed, filterFor(actor, Set.of(), true), limit);
    }

    /** Articles like this one, which the reader may see. */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, retryOn = {SearchUnavailableException.class, TimeoutException.class})
    public List<ArticleHit> similar(KnowledgeViews.ArticleView article, int size, Actor actor) {
        String text = article.title() + "\n" + String.join("\n", article.questions()) + "\n"
                + Markdown.words(article.answer());
        return hits(backend.moreLikeThis(article.title(), text, filterFor(actor, Set.of(), true), article.id(),
                size));
    }

    /**
     * The articles that best answer a request with this title and content, for the agent handling it: the same search
     * as a citizen's whole message, the title first.
     */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, retryOn = {SearchUnavailableException.class, TimeoutException.class})
    public List<ArticleHit> suggest(String title, String content, int size) {
        String text = ((title == null ? "" : title) + "\n" + (content == null ? "" : content)).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        return hits(backend.search(new ArticleQuery(text, vector(text), ArticleFilter.agentVisible(today()), 0, size))
                .hits());
    }

    /**
     * What citizens and partners may find: public articles, published and in effect, ranked as agents' searches are.
     * The hits carry nothing internal (no status, score or note).
     */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, retryOn = {SearchUnavailableException.class, TimeoutException.class})
    public PublicAnswers.Page searchPublic(String text, int page, int size) {
        SearchResult result = backend.search(new ArticleQuery(text, vector(text), ArticleFilter.publicAnswers(today()),
                page, size));
        return new PublicAnswers.Page(result.hits().stream().map(hit -> new PublicAnswers.Hit(hit.slug(),
                hit.title(), hit.titleHighlight(), hit.snippet(),
                categories.byCode(hit.categoryCode()).map(KnowledgeService::categoryRef).orElse(null),
                departments.byCode(hit.departmentCode()).map(KnowledgeService::departmentRef).orElse(null)))
                .toList(), page, size, result.total(), result.totalExact());
    }

    /** The text's vector when semantic search is on and there is a text. */
    private float[] vector(String text) {
        return text == null || text.isBlank() ? null : encoder.question(text);
    }

    private ArticleFilter filterFor(Actor actor, Set<ArticleStatus> statuses, boolean validOnly) {
        boolean editor = actor.role().editsKnowledge();
        if (!editor && (!validOnly || !statuses.isEmpty() && !statuses.equals(Set.of(ArticleStatus.PUBLISHED)))) {
            throw new ActionForbiddenException("只有知识库编辑可以查看草稿、已归档和已过期的条目");
        }
        if (!editor) {
            return ArticleFilter.agentVisible(today());
        }
        return new ArticleFilter(statuses.stream().map(Enum::name).collect(Collectors.toSet()),
                validOnly ? today() : null, null, null, null, false);
    }

    private List<ArticleHit> hits(List<SearchHit> hits) {
        return hits.stream().map(hit -> new ArticleHit(hit.id(), hit.slug(), hit.title(), hit.titleHighlight(),
                hit.snippet(), categories.byCode(hit.categoryCode()).map(KnowledgeService::categoryRef).orElse(null),
                departments.byCode(hit.departmentCode()).map(KnowledgeService::departmentRef).orElse(null),
                ArticleStatus.valueOf(hit.status()), hit.effectiveFrom(), hit.expiresOn(), hit.score()))
                .toList();
    }

    private LocalDate today() {
        return service.today();
    }
}
