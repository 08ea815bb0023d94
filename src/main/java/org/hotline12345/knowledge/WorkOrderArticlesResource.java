package org.hotline12345.knowledge;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.knowledge.KnowledgeViews.ArticleHit;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderViews.Detail;

/** The knowledge articles that best answer a work order, for the agent handling it. */
@Path("/api/work-orders/{number}/suggested-articles")
@Tag(name = "Knowledge base")
public class WorkOrderArticlesResource {

    @Inject
    WorkOrderService workOrders;

    @Inject
    KnowledgeSearch search;

    @Inject
    KnowledgeConfig config;

    @Inject
    CurrentActor actor;

    @GET
    @RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR,
            Role.Names.DEPARTMENT_STAFF})
    @Operation(summary = "The best articles for the work order's title and content")
    public List<ArticleHit> suggested(@PathParam("number") String number) {
        Detail workOrder = workOrders.get(number, actor.get());
        return search.suggest(workOrder.title(), workOrder.content(), config.workOrderSuggestions());
    }
}
