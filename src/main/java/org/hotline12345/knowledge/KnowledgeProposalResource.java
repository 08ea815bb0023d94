package org.hotline12345.knowledge;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.knowledge.KnowledgeProposals.Proposal;
import org.hotline12345.knowledge.KnowledgeViews.ArticleView;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

/**
 * 共建共享 over HTTP: department staff propose new articles and revisions of their department's articles; knowledge
 * editors publish them or send them back with a comment, and see the knowledge base's gaps.
 */
@Path("/api/knowledge")
@Tag(name = "Knowledge base")
public class KnowledgeProposalResource {

    /** What an editor sends a proposal back with. */
    public record SendBack(@NotBlank @Size(max = 1000) String comment) {
    }

    @Inject
    KnowledgeProposals proposals;

    @Inject
    KnowledgeGaps gaps;

    @Inject
    CurrentActor actor;

    @POST
    @Path("/proposals")
    @RolesAllowed(Role.Names.DEPARTMENT_STAFF)
    @Operation(summary = "Propose a new article of your department, or with ?article=slug a revision of one; an editor reviews it")
    public Response propose(@QueryParam("article") String article, @NotNull @Valid ArticleRequest request) {
        Proposal proposal = proposals.propose(article == null || article.isBlank() ? null : article.strip(), request,
                actor.get());
        return Response.created(URI.create("/api/knowledge/proposals/" + proposal.id())).entity(proposal).build();
    }

    @GET
    @Path("/proposals")
    @RolesAllowed({Role.Names.DEPARTMENT_STAFF, Role.Names.KNOWLEDGE_EDITOR, Role.Names.ADMIN})
    @Operation(summary = "Department staff: their department's proposals, newest first; editors: those awaiting review, oldest first")
    public List<Proposal> list() {
        return actor.get().role().editsKnowledge() ? proposals.awaitingReview() : proposals.ofMyDepartment(actor.get());
    }

    @GET
    @Path("/proposals/{id}")
    @RolesAllowed({Role.Names.DEPARTMENT_STAFF, Role.Names.KNOWLEDGE_EDITOR, Role.Names.ADMIN})
    @Operation(summary = "A proposal in full")
    public Proposal get(@PathParam("id") String id) {
        return proposals.get(id(id), actor.get());
    }

    @PUT
    @Path("/proposals/{id}")
    @RolesAllowed(Role.Names.DEPARTMENT_STAFF)
    @Operation(summary = "Change a proposal not yet published and submit it again")
    public Proposal revise(@PathParam("id") String id, @NotNull @Valid ArticleRequest request) {
        return proposals.revise(id(id), request, actor.get());
    }

    @POST
    @Path("/proposals/{id}/publish")
    @RolesAllowed({Role.Names.KNOWLEDGE_EDITOR, Role.Names.ADMIN})
    @Operation(summary = "Publish a proposal: a new article or a new version of the one it revises")
    public ArticleView publish(@PathParam("id") String id) {
        return proposals.publish(id(id), actor.get());
    }

    @POST
    @Path("/proposals/{id}/send-back")
    @RolesAllowed({Role.Names.KNOWLEDGE_EDITOR, Role.Names.ADMIN})
    @Operation(summary = "Send a proposal back to its department with what to change")
    public Proposal sendBack(@PathParam("id") String id, @NotNull @Valid SendBack request) {
        return proposals.sendBack(id(id), request.comment(), actor.get());
    }

    @GET
    @Path("/gaps")
    @RolesAllowed({Role.Names.KNOWLEDGE_EDITOR, Role.Names.ADMIN})
    @Operation(summary = "知识缺口: searches no one used and answers given on the call without an article")
    public KnowledgeGaps.Gaps gaps(@QueryParam("days") String days) {
        return gaps.since(QueryParameters.integer("days", days, 30, 1, 365), 100);
    }

    private static long id(String id) {
        return QueryParameters.integer("id", id, 0, 1, Integer.MAX_VALUE);
    }
}
