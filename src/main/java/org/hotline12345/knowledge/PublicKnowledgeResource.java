package org.hotline12345.knowledge;

import static org.hotline12345.common.TextInput.blankToNull;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.QueryParameters;

/**
 * 公开知识: the articles an editor marked public, for the citizens' portal and partners, without signing in. Only
 * public articles, published and in effect, ranked as agents' searches are; nothing internal.
 */
@Path("/api/public/knowledge")
@Tag(name = "Public knowledge")
@PermitAll
public class PublicKnowledgeResource {

    /** Longest query in the URL; a citizen's whole message goes in the body of {@code POST /search}. */
    static final int MAX_QUERY = 500;

    @Inject
    KnowledgeSearch search;

    @Inject
    KnowledgeService service;

    @Inject
    KnowledgeConfig config;

    @GET
    @Path("/articles")
    @Operation(summary = "Search the public articles: best matches first, matched words highlighted")
    public PublicAnswers.Page search(
            @Parameter(description = "The question, in the citizen's words") @QueryParam("q") String text,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        String query = blankToNull(text);
        if (query == null) {
            throw InvalidFieldException.malformed("q", "NotBlank", "a question is required");
        }
        if (query.length() > MAX_QUERY) {
            throw InvalidFieldException.malformed("q", "Size",
                    "at most " + MAX_QUERY
                            + " characters; send a longer question to POST /api/public/knowledge/search");
        }
        return search.searchPublic(query, QueryParameters.integer("page", page, 0, 0, 100),
                QueryParameters.integer("size", size, 10, 1, config.maxPageSize()));
    }

    @POST
    @Path("/search")
    @Operation(summary = "Search the public articles with a long question (a citizen's whole message)")
    public PublicAnswers.Page searchLong(@NotNull @Valid KnowledgeRequests.Question question) {
        return search.searchPublic(question.text().strip(), question.pageOrFirst(),
                question.sizeOr(10, config.maxPageSize()));
    }

    @GET
    @Path("/articles/{slug}")
    @Operation(summary = "A public article in full")
    public PublicAnswers.Article article(@PathParam("slug") String slug) {
        return service.readPublic(slug);
    }
}
