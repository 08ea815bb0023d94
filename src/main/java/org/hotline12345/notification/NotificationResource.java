package org.hotline12345.notification;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.common.Page;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.security.CurrentActor;

import io.quarkus.security.Authenticated;

/** The signed-in user's inbox: their own notifications and their department's. Live updates: /ws/notifications. */
@Path("/api/notifications")
@Tag(name = "Notifications")
@Authenticated
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "Notifications, newest first")
    public Page<NotificationView> inbox(@QueryParam("unread") String unread, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return notifications.inbox(actor.get(), Boolean.TRUE.equals(QueryParameters.bool("unread", unread)),
                QueryParameters.integer("page", page, 0, 0, 100_000),
                QueryParameters.integer("size", size, 20, 1, 200));
    }

    @GET
    @Path("/unread-count")
    public Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unreadCount(actor.get()));
    }

    @POST
    @Path("/{id}/read")
    @Consumes(MediaType.WILDCARD)
    public NotificationView markRead(@PathParam("id") String id) {
        return notifications.markRead(QueryParameters.integer("id", id, 0, 1, Integer.MAX_VALUE), actor.get());
    }

    @POST
    @Path("/read-all")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Integer> markAllRead() {
        return Map.of("marked", notifications.markAllRead(actor.get()));
    }
}
