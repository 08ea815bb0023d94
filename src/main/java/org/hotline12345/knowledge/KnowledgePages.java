package org.hotline12345.knowledge;

import static org.hotline12345.common.TextInput.blankToNull;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.knowledge.KnowledgeViews.ArticleView;
import org.hotline12345.knowledge.KnowledgeViews.SearchPage;
import org.hotline12345.security.CurrentActor;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * 知识库 for everyone who answers citizens: search with the matched words highlighted, read an article, say whether it
 * helped. Drafts and expired articles stay out of sight as in the API.
 */
@Path("/knowledge")
@Authenticated
public class KnowledgePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String query, SearchPage results);

        static native TemplateInstance article(ArticleView article, String done, String error);
    }

    @Inject
    KnowledgeSearch search;

    @Inject
    KnowledgeService articles;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance search(@QueryParam("q") String query, @QueryParam("page") String page) {
        String text = blankToNull(query);
        SearchPage results = text == null
                ? null
                : search.search(new KnowledgeSearch.Criteria(text, null, null, null, Set.of(), true,
                        QueryParameters.integer("page", page, 0, 0, 1000), 20), actor.get());
        return Templates.search(text == null ? "" : text, results);
    }

    @GET
    @Path("/articles/{slug}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance article(@PathParam("slug") String slug, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        return Templates.article(articles.read(slug, actor.get()), done, error);
    }

    @POST
    @Path("/articles/{slug}/feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response feedback(@PathParam("slug") String slug, @FormParam("helpful") boolean helpful,
            @FormParam("comment") String comment) {
        return PageForms.act("/knowledge/articles/" + slug, "感谢反馈",
                () -> articles.rate(slug, helpful, blankToNull(comment), actor.get()));
    }
}
