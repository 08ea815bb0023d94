package org.hotline12345.topic;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotline12345.common.Workbooks;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.topic.TopicService.Conclusion;
import org.hotline12345.topic.TopicService.Detail;
import org.hotline12345.topic.TopicService.NewTopic;
import org.hotline12345.topic.TopicService.TopicView;
import org.hotline12345.user.Role;

/** 每月一题 over the API: the topics, a new one, its report (as JSON or Excel) and its conclusion. */
@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.SUPERVISOR)
public class TopicResource {

    @Inject
    TopicService topics;

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "The monthly topics, the latest month first")
    public List<TopicView> list() {
        return topics.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Opens a monthly topic (每月一题); answers its report")
    public Response open(@NotNull @Valid NewTopic topic) {
        long id = topics.open(topic, actor.get());
        return Response.status(Response.Status.CREATED).entity(topics.detail(id)).build();
    }

    @GET
    @Path("/{id: [0-9]+}")
    @Operation(summary = "The topic and its report: totals, trend, places, categories, departments, work orders")
    public Detail get(@PathParam("id") long id) {
        return topics.detail(id);
    }

    @GET
    @Path("/{id: [0-9]+}.xlsx")
    @Produces(Workbooks.MEDIA_TYPE)
    @Operation(summary = "The topic's report as Excel, one sheet per table")
    public Response workbook(@PathParam("id") long id) {
        return TopicPages.workbook(topics.detail(id));
    }

    @POST
    @Path("/{id: [0-9]+}/conclusion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Closes the topic with the month's findings")
    public Detail close(@PathParam("id") long id, @NotNull @Valid Conclusion conclusion) {
        topics.close(id, conclusion, actor.get());
        return topics.detail(id);
    }
}
