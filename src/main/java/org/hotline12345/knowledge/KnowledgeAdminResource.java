package org.hotline12345.knowledge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.knowledge.KnowledgeImporter.ImportReport;
import org.hotline12345.security.Actor;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

/** Maintenance of the knowledge base: re-import the shipped articles, rebuild the search index. */
@Path("/api/knowledge")
@Tag(name = "Knowledge base")
public class KnowledgeAdminResource {

    /** The index as it stands: the backend, its documents against the database's articles, queued changes. */
    public record IndexStatus(String backend, long documents, long articles, long queued,
            KnowledgeReindexer.Progress rebuild) {
    }

    @Inject
    KnowledgeImporter importer;

    @Inject
    KnowledgeReindexer reindexer;

    @Inject
    KnowledgeIndexStatus status;

    @Inject
    CurrentActor actor;

    @POST
    @Path("/import")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.KNOWLEDGE_EDITOR})
    @Operation(summary = "Re-import knowledge-base/articles: new files create articles, changed files update them (upsert by slug)")
    public ImportReport importArticles() {
        Actor current = actor.get();
        return importer.importShipped(current.username(), current.role().name());
    }

    @POST
    @Path("/index/rebuild")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Rebuild the search index from the database in the background; follow it at GET /api/knowledge/index")
    public Response rebuild() {
        return Response.accepted(reindexer.start()).build();
    }

    @GET
    @Path("/index")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.KNOWLEDGE_EDITOR})
    @Operation(summary = "The search index: backend, documents, articles in the database, queued changes, last rebuild")
    public IndexStatus index() {
        return status.current();
    }
}
