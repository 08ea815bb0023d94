package org.hotline12345.knowledge;

import static org.hotline12345.common.TextInput.blankToNull;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.knowledge.KnowledgeViews.ArticleHit;
import org.hotline12345.knowledge.KnowledgeViews.ArticleView;
import org.hotline12345.knowledge.KnowledgeViews.FeedbackCounts;
import org.hotline12345.knowledge.KnowledgeViews.FeedbackView;
import org.hotline12345.knowledge.KnowledgeViews.SearchPage;
import org.hotline12345.knowledge.KnowledgeViews.VersionSummary;
import org.hotline12345.knowledge.KnowledgeViews.VersionView;
import org.hotline12345.knowledge.search.Suggestion;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.security.Authenticated;

/**
 * 知识库: agents search and read articles and rate them; knowledge editors and administrators write them. Articles are
 * addressed by slug. Readers who do not edit the knowledge base never see drafts, archived or expired articles.
 */
@Path("/api/knowledge")
@Tag(name = "Knowledge base")
@Authenticated
public class KnowledgeResource {

    @Inject
    KnowledgeService service;

    @Inject
    KnowledgeSearch search;

    @Inject
    KnowledgeConfig config;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/articles")
    @Operation(summary = "Search articles: best matches first, matched words highlighted; without q, newest first")
    public SearchPage search(
            @Parameter(description = "What the caller asks, in their words") @QueryParam("q") String text,
            @Parameter(description = "Category code at any level; includes its subtree") @QueryParam("category") String category,
            @Parameter(description = "Responsible department code") @QueryParam("department") String department,
            @QueryParam("tag") String tag,
            @Parameter(description = "Editors only: statuses to include, repeated or comma-separated (default: published)") @QueryParam("status") List<String> status,
            @Parameter(description = "Editors only: false includes articles not yet or no longer in effect (default: true)") @QueryParam("validOnly") String validOnly,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Boolean valid = QueryParameters.bool("validOnly", validOnly);
        return search.search(new KnowledgeSearch.Criteria(blankToNull(text), blankToNull(category),
                blankToNull(department), blankToNull(tag), QueryParameters.enums("status", status, ArticleStatus.class),
                valid == null || valid,
                QueryParameters.integer("page", page, 0, 0, 1000),
                QueryParameters.integer("size", size, 10, 1, config.maxPageSize())), actor.get());
    }

    @POST
    @Path("/search")
    @Operation(summary = "Search published articles in effect with a long text, such as a citizen's whole message (up to a work order's content); the same ranking as GET /articles")
    public SearchPage searchLong(@NotNull @Valid KnowledgeRequests.Question question) {
        return search.search(new KnowledgeSearch.Criteria(question.text().strip(), null, null, null, Set.of(), true,
                question.pageOrFirst(), question.sizeOr(10, config.maxPageSize())), actor.get());
    }

    @GET
    @Path("/autocomplete")
    @Operation(summary = "Titles and alternative questions containing what was typed, for the search box")
    public List<Suggestion> autocomplete(@QueryParam("q") String typed, @QueryParam("limit") String limit) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return search.autocomplete(typed.strip(), QueryParameters.integer("limit", limit, 8, 1, 20), actor.get());
    }

    @POST
    @Path("/suggestions")
    @RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN,
            Role.Names.KNOWLEDGE_EDITOR})
    @Operation(summary = "The articles that best answer what the agent has typed into a work order so far")
    public List<ArticleHit> suggestFor(@NotNull @Valid KnowledgeRequests.SuggestFor request) {
        return search.suggest(request.title(), request.content(), config.workOrderSuggestions());
    }

    @POST
    @Path("/articles")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.KNOWLEDGE_EDITOR})
    @Operation(summary = "Write a new article")
    public Response create(@NotNull @Valid ArticleRequest request) {
        ArticleView created = service.create(request, actor.get());
        return Response.created(URI.create("/api/knowledge/articles/" + created.slug())).entity(created).build();
    }

    @GET
    @Path("/articles/{slug}")
    @Operation(summary = "An article in full; each read by a reader who does not edit the knowledge base is counted")
    public ArticleView get(@PathParam("slug") String slug) {
        return service.read(slug, actor.get());
    }

    @PUT
    @Path("/articles/{slug}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.KNOWLEDGE_EDITOR})
    @Operation(summary = "Save a new version; version must be the one the changes were made to (409 if it is not the latest)")
    public ArticleView update(@PathParam("slug") String slug, @NotNull @Valid ArticleRequest request) {
        return service.update(slug, request, actor.get());
    }

    @DELETE
    @Path("/articles/{slug}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.KNOWLEDGE_EDITOR})
    @Operation(summary = "Withdraw an article: it is archived (a new version), never erased, and no longer reaches agents")
    public ArticleView archive(@PathParam("slug") String slug) {
        return service.archive(slug, actor.get());
    }

    @GET
    @Path("/articles/{slug}/versions")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.KNOWLEDGE_EDITOR})
    @Operation(summary = "Version history: who changed which fields, when")
    public List<VersionSummary> versions(@PathParam("slug") String slug) {
        return service.versions(slug);
    }

    @GET
    @Path("/articles/{slug}/versions/{version}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.KNOWLEDGE_EDITOR})
    @Operation(summary = "An old version in full")
    public VersionView version(@PathParam("slug") String slug, @PathParam("version") String version) {
        return service.version(slug, QueryParameters.integer("version", version, 1, 1, Integer.MAX_VALUE));
    }

    @POST
    @Path("/articles/{slug}/feedback")
    @Operation(summary = "Rate an article helpful or not, with a comment; rating again replaces your rating")
    public FeedbackCounts rate(@PathParam("slug") String slug, @NotNull @Valid KnowledgeRequests.Feedback request) {
        return service.rate(slug, request.helpful(), request.comment(), actor.get());
    }

    @GET
    @Path("/articles/{slug}/feedback")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.KNOWLEDGE_EDITOR})
    @Operation(summary = "Readers' ratings and comments, newest first")
    public List<FeedbackView> feedback(@PathParam("slug") String slug) {
        return service.feedback(slug);
    }

    @GET
    @Path("/articles/{slug}/similar")
    @Operation(summary = "Articles like this one")
    public List<ArticleHit> similar(@PathParam("slug") String slug, @QueryParam("size") String size) {
        return search.similar(service.find(slug, actor.get()), QueryParameters.integer("size", size, 5, 1, 20),
                actor.get());
    }

}
