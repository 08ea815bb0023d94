package org.hotline12345.partner;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.common.HotlineException;
import org.hotline12345.common.PageForms;
import org.hotline12345.partner.PartnerViews.Credentials;
import org.hotline12345.partner.PartnerViews.DeliveryView;
import org.hotline12345.partner.PartnerViews.NewPartner;
import org.hotline12345.partner.PartnerViews.PartnerView;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.RequestType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 合作方接入: the administrators register partner systems, see their traffic and credentials (the key's first
 * characters only), rotate credentials (shown once), pause and resume them, and watch the outbox: pending, dead and
 * delivered events, with 重发.
 */
@Path("/admin/partners")
@RolesAllowed(Role.Names.ADMIN)
public class PartnerPages {

    private static final Map<String, String> FIELDS = Map.of("code", "编码", "name", "名称", "kind", "类型",
            "requestTypes", "可提交的诉求类型", "callbackUrl", "回调地址");

    /** A state of the outbox's events, as the list's tabs name it. */
    public record DeliveryState(String name, String label) {
    }

    private static final List<DeliveryState> STATES = List.of(new DeliveryState("DEAD", "已停止重试"),
            new DeliveryState("PENDING", "待推送"), new DeliveryState("DELIVERED", "已送达"),
            new DeliveryState("FEED", "仅供轮询"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance partners(List<PartnerView> partners, List<PartnerKind> kinds,
                List<RequestType> requestTypes, String done, String error);

        static native TemplateInstance credentials(Credentials credentials, String name, boolean rotated);

        static native TemplateInstance partner(PartnerView partner, String done, String error);

        static native TemplateInstance deliveries(String state, List<DeliveryState> states,
                List<DeliveryView> deliveries,
                String done, String error);
    }

    @Inject
    PartnerService partners;

    @Inject
    PartnerOutbox outbox;

    @Inject
    Validator validator;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("done") String done, @QueryParam("error") String error) {
        return listPage(done, error);
    }

    /** Registers a partner and shows its credentials this once. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response register(@FormParam("code") String code, @FormParam("name") String name,
            @FormParam("kind") String kind, @FormParam("requestTypes") List<String> requestTypes,
            @FormParam("callbackUrl") String callbackUrl, @FormParam("trusted") String trusted) {
        try {
            Set<RequestType> types = EnumSet.noneOf(RequestType.class);
            for (String type : requestTypes == null ? List.<String> of() : requestTypes) {
                types.add(PageForms.option(RequestType.class, type, "可提交的诉求类型"));
            }
            NewPartner partner = PageForms.requireValid(validator,
                    new NewPartner(code == null ? null : code.strip(), name,
                            PageForms.option(PartnerKind.class, kind, "类型"), types,
                            callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl.strip(),
                            trusted != null),
                    field -> FIELDS.getOrDefault(field, field));
            return Response.ok(Templates.credentials(partners.register(partner), partner.name(), false)).build();
        } catch (HotlineException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(listPage(null, PageForms.reason(e, field -> FIELDS.getOrDefault(field, field)))).build();
        }
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance partner(@PathParam("code") String code, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        return Templates.partner(partners.find(code), done, error);
    }

    /** New credentials, shown this once; the old ones keep working for the overlap. */
    @POST
    @Path("/{code}/rotate")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance rotate(@PathParam("code") String code) {
        PartnerView partner = partners.find(code);
        return Templates.credentials(partners.rotate(code), partner.name(), true);
    }

    @POST
    @Path("/{code}/pause")
    public Response pause(@PathParam("code") String code) {
        return PageForms.act("/admin/partners/" + code, "已暂停接入", () -> {
            partners.setPaused(code, true);
            return null;
        });
    }

    @POST
    @Path("/{code}/resume")
    public Response resume(@PathParam("code") String code) {
        return PageForms.act("/admin/partners/" + code, "已恢复接入", () -> {
            partners.setPaused(code, false);
            return null;
        });
    }

    @GET
    @Path("/deliveries")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance deliveries(@QueryParam("state") @DefaultValue("DEAD") String state,
            @QueryParam("done") String done, @QueryParam("error") String error) {
        String shown = PartnerAdminResource.DELIVERY_STATES.contains(state) ? state : "DEAD";
        return Templates.deliveries(shown, STATES, outbox.list(shown, 200), done, error);
    }

    @POST
    @Path("/deliveries/{id}/replay")
    public Response replay(@PathParam("id") long id) {
        return PageForms.act("/admin/partners/deliveries?state=PENDING", "已重新排队推送", () -> {
            outbox.replay(id);
            return null;
        });
    }

    private TemplateInstance listPage(String done, String error) {
        return Templates.partners(partners.all(), List.of(PartnerKind.values()), List.of(RequestType.values()), done,
                error);
    }
}
