package org.hotline12345.notification;

import java.net.URI;
import java.time.OffsetDateTime;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.Page;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.security.Actor;
import org.hotline12345.security.CurrentActor;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * 通知: everything sent to the user or their department (催办, 督办, 红黄牌, the daily digest), newest first, kept
 * after the page that showed it live was closed; opening one marks it read and goes to its work order.
 */
@Path("/notifications")
@Authenticated
public class NotificationPage {

    private static final int PAGE_SIZE = 30;

    /** A notification with its time in the city's zone. */
    public record Line(NotificationView notification, OffsetDateTime at) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(Page<Line> page, boolean unreadOnly, long unread, String done);
    }

    @Inject
    WorkingCalendar calendar;

    @Inject
    NotificationService notifications;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("unread") String unread, @QueryParam("page") String page,
            @QueryParam("done") String done) {
        boolean unreadOnly = Boolean.TRUE.equals(QueryParameters.bool("unread", unread));
        Actor me = actor.get();
        Page<Line> lines = notifications.inbox(me, unreadOnly, QueryParameters.integer("page", page, 0, 0, 100_000),
                PAGE_SIZE).map(n -> new Line(n, n.createdAt().atZone(calendar.zone()).toOffsetDateTime()));
        return Templates.notifications(lines, unreadOnly, notifications.unreadCount(me), done);
    }

    /** Marks it read and opens its work order, or returns to the list when it has none. */
    @POST
    @Path("/{id}/open")
    public Response open(@PathParam("id") String id) {
        Actor me = actor.get();
        NotificationView read = notifications.markRead(QueryParameters.integer("id", id, 0, 1, Integer.MAX_VALUE), me);
        return Response.seeOther(URI.create(read.workOrderNumber() == null
                ? "/notifications"
                : workOrderPages(me) + read.workOrderNumber())).build();
    }

    @POST
    @Path("/read-all")
    public Response readAll() {
        int marked = notifications.markAllRead(actor.get());
        return Response.seeOther(URI.create("/notifications?done=" + PageForms.encode("已将 " + marked + " 条通知标为已读")))
                .build();
    }

    /** Where this user reads a work order: their department's page, or the hotline's. */
    private static String workOrderPages(Actor actor) {
        return actor.isDepartmentStaff() ? "/department/work-orders/" : "/hotline/work-orders/";
    }
}
