package org.hotline12345.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.common.ServiceUnavailableException;
import org.hotline12345.knowledge.KnowledgeSearch;
import org.hotline12345.knowledge.KnowledgeService;
import org.hotline12345.knowledge.PublicAnswers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 政策问答: citizens search the knowledge articles an editor made public (published and in effect; the same ranking as
 * agents' searches) and read one, its answer formatted and sanitised as on the staff's pages. When nothing answers
 * them, 没有解决？我要留言 opens 我要留言 with their question filled in.
 */
@Path("/public/knowledge")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PolicyAnswerPages {

    /** Longest question in the address; the search box allows as much. */
    static final int MAX_QUESTION = 500;
    static final int PAGE_SIZE = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance answers(String q, Found found, String askLink, String error);

        static native TemplateInstance answer(PublicAnswers.Article article, String backLink, String askLink);
    }

    /**
     * A page of answers with its links: to an article (carrying the question back), and to the pages before and after
     * (null where there is none).
     */
    public record Found(PublicAnswers.Page page, String query, String previous, String next) {
        static Found of(String question, PublicAnswers.Page page) {
            String query = "?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8);
            String previous = page.page() > 0 ? "/public/knowledge" + query + "&page=" + (page.page() - 1) : null;
            String next = (long) (page.page() + 1) * page.size() < page.total()
                    ? "/public/knowledge" + query + "&page=" + (page.page() + 1)
                    : null;
            return new Found(page, query, previous, next);
        }
    }

    @Inject
    KnowledgeSearch search;

    @Inject
    KnowledgeService knowledge;

    @GET
    public Response answers(@QueryParam("q") String q, @QueryParam("page") String page) {
        String question = q == null ? "" : q.strip();
        if (question.isEmpty()) {
            return Response.ok(Templates.answers("", null, askLink(""), null)).build();
        }
        if (question.length() > MAX_QUESTION) {
            return Response.status(400).entity(Templates.answers(question, null, askLink(question),
                    "问题请控制在 " + MAX_QUESTION + " 字以内；情况复杂的，请点击“我要留言”详细说明。")).build();
        }
        try {
            PublicAnswers.Page found = search.searchPublic(question, pageNumber(page), PAGE_SIZE);
            return Response.ok(Templates.answers(question, Found.of(question, found), askLink(question), null))
                    .build();
        } catch (ServiceUnavailableException | TimeoutException e) {
            return Response.status(503).entity(Templates.answers(question, null, askLink(question),
                    "政策问答暂时无法查询，请稍后再试，或拨打 12345 咨询。")).build();
        }
    }

    @GET
    @Path("/{slug}")
    public Response answer(@PathParam("slug") String slug, @QueryParam("q") String q) {
        String question = q == null ? "" : q.strip();
        try {
            PublicAnswers.Article article = knowledge.readPublic(slug);
            String asked = question.isEmpty() ? article.title() : question;
            String back = question.isEmpty()
                    ? "/public/knowledge"
                    : "/public/knowledge?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8);
            return Response.ok(Templates.answer(article, back, askLink(asked))).build();
        } catch (ResourceNotFoundException e) {
            return Response.status(404).entity(Templates.answers(question, null, askLink(question),
                    "没有找到这条问答，它可能已经下线或不再有效。请重新搜索，或点击“我要留言”。")).build();
        }
    }

    /** The page asked for, from 0; anything else is the first (a citizen edits no addresses on purpose). */
    private static int pageNumber(String page) {
        try {
            return page == null ? 0 : Math.max(0, Math.min(Integer.parseInt(page.strip()), 50));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** 我要留言 with the citizen's question filled in. */
    static String askLink(String question) {
        String limited = question.length() > MAX_QUESTION ? question.substring(0, MAX_QUESTION) : question;
        return limited.isEmpty()
                ? "/public/submit"
                : "/public/submit?question=" + URLEncoder.encode(limited, StandardCharsets.UTF_8);
    }
}
