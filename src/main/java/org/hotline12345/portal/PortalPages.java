package org.hotline12345.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.common.HotlineException;
import org.hotline12345.common.PageForms;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentKind;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.portal.PortalViews.CodeSent;
import org.hotline12345.portal.PortalViews.Progress;
import org.hotline12345.portal.PortalViews.SubmitRequest;
import org.hotline12345.workorder.RequestType;
import org.hotline12345.workorder.ServiceRating;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * 12345 网上服务: the citizens' pages, for a phone's screen first, without any sign-in. No page sets a session: what a
 * citizen proved (an SMS code, a 提取码) opens one work order, and the page carries a signed token for its forms. Every
 * refusal comes back on the same page, in Chinese, with what was typed kept.
 */
@Path("/public")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PortalPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance submit(Form form, List<RequestType> requestTypes, List<String> districts,
                Map<String, List<String>> streets, CodeSent sent, boolean showsCodes, String attachmentRule,
                String error);

        static native TemplateInstance receipt(PortalViews.Receipt receipt);

        static native TemplateInstance lookup(String number, String phone, CodeSent sent, boolean showsCodes,
                String error);

        static native TemplateInstance progress(Progress progress, List<ServiceRating> levels, String notice,
                String error);
    }

    /** 我要留言 as posted; shown again, filled in, when refused or when a code was sent. */
    public static class Form {
        @FormParam("requestType")
        public String requestType;
        @FormParam("title")
        public String title;
        @FormParam("content")
        public String content;
        @FormParam("district")
        public String district;
        @FormParam("street")
        public String street;
        @FormParam("address")
        public String address;
        @FormParam("enterpriseName")
        public String enterpriseName;
        @FormParam("creditCode")
        public String creditCode;
        @FormParam("name")
        public String name;
        @FormParam("phone")
        public String phone;
        @FormParam("confidential")
        public boolean confidential;
        @FormParam("privacy")
        public boolean privacy;
        @FormParam("code")
        public String code;
        /** Photos and documents; a file input left empty sends a part without a name, which is no file. */
        @RestForm("attachments")
        public List<FileUpload> attachments;

        List<PortalService.Upload> uploads() {
            return attachments == null
                    ? List.of()
                    : attachments.stream().filter(f -> f.fileName() != null && !f.fileName().isBlank() || f.size() > 0)
                            .map(f -> new PortalService.Upload(f.fileName(), f.uploadedFile())).toList();
        }

        SubmitRequest request() {
            return new SubmitRequest(PageForms.option(RequestType.class, requestType, "诉求类型"), title, content,
                    district, street, address, enterpriseName, creditCode, name, phone, confidential, privacy,
                    code);
        }
    }

    @Inject
    PortalService portal;

    @Inject
    DepartmentDirectory departments;

    @Context
    HttpServerRequest http;

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }

    /** 我要留言; from 政策问答's 没有解决？ with the citizen's question as the title (if short) and the content. */
    @GET
    @Path("/submit")
    public TemplateInstance submitForm(@QueryParam("question") String question) {
        Form form = new Form();
        if (question != null && !question.isBlank()) {
            String asked = question.strip();
            form.content = asked.length() > PolicyAnswerPages.MAX_QUESTION
                    ? asked.substring(0, PolicyAnswerPages.MAX_QUESTION)
                    : asked;
            form.title = asked.length() <= PortalService.TITLE_MAX ? asked : null;
        }
        return submitPage(form, null, null);
    }

    /** 获取验证码 from the submission form: the form comes back as typed, saying where the code went. */
    @POST
    @Path("/submit/code")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response submitCode(@BeanParam Form form) {
        return page(() -> submitPage(form, portal.sendCode(form.phone, CodePurpose.SUBMIT, clientAddress()), null),
                e -> submitPage(form, null, e.getMessage()));
    }

    /** The form as the page posts it (multipart, with its files) or without files (urlencoded). */
    @POST
    @Path("/submit")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response submit(@BeanParam Form form) {
        return page(() -> Templates.receipt(portal.submit(form.request(), form.uploads(), clientAddress())),
                e -> submitPage(form, null, e.getMessage()));
    }

    @GET
    @Path("/progress")
    public TemplateInstance lookupForm() {
        return Templates.lookup(null, null, null, portal.showsCodes(), null);
    }

    /** 进度查询 by number and 提取码. */
    @POST
    @Path("/progress")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response byExtractionCode(@FormParam("number") String number,
            @FormParam("extractionCode") String extractionCode) {
        return page(() -> progressPage(portal.progressByExtractionCode(number, extractionCode), null),
                e -> Templates.lookup(number, null, null, portal.showsCodes(), e.getMessage()));
    }

    @POST
    @Path("/progress/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lookupCode(@FormParam("number") String number, @FormParam("phone") String phone) {
        return page(() -> Templates.lookup(number, phone, portal.sendLookupCode(phone, clientAddress()),
                portal.showsCodes(), null),
                e -> Templates.lookup(number, phone, null, portal.showsCodes(), e.getMessage()));
    }

    /** 进度查询 by number, phone and a fresh SMS code. */
    @POST
    @Path("/progress/phone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response byPhone(@FormParam("number") String number, @FormParam("phone") String phone,
            @FormParam("code") String code) {
        return page(() -> progressPage(portal.progressByPhone(number, phone, code), null),
                e -> Templates.lookup(number, phone, null, portal.showsCodes(), e.getMessage()));
    }

    /** The progress page again from the receipt, with the token it carries. */
    @POST
    @Path("/progress/view")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response view(@FormParam("token") String token) {
        return page(() -> progressPage(portal.progressByToken(token, "回执页面"), null),
                e -> Templates.lookup(null, null, null, portal.showsCodes(), e.getMessage()));
    }

    /** The invitation's link: the work order's page, with its rating form. */
    @GET
    @Path("/rate")
    public Response invitation(@QueryParam("t") String token) {
        return page(() -> progressPage(portal.progressByToken(token, "评价短信链接"), null),
                e -> Templates.lookup(null, null, null, portal.showsCodes(), e.getMessage()));
    }

    /** 好差评. */
    @POST
    @Path("/rate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(@FormParam("token") String token, @FormParam("rating") String rating,
            @FormParam("comment") String comment, @FormParam("via") String via) {
        return page(() -> progressPage(portal.rate(token, PageForms.option(ServiceRating.class, rating, "评价"),
                comment, "link".equals(via) ? "SMS_LINK" : "PORTAL"), "感谢您的评价！"),
                e -> {
                    try {
                        return Templates.progress(portal.progressByToken(token, "评价"),
                                List.of(ServiceRating.values()), null, e.getMessage());
                    } catch (HotlineException expired) {
                        return Templates.lookup(null, null, null, portal.showsCodes(), expired.getMessage());
                    }
                });
    }

    private TemplateInstance progressPage(Progress progress, String notice) {
        return Templates.progress(progress, List.of(ServiceRating.values()), notice, null);
    }

    private TemplateInstance submitPage(Form form, CodeSent sent, String error) {
        List<DepartmentView> active = departments.all().stream().filter(DepartmentView::active).toList();
        List<String> districts = active.stream().filter(d -> d.kind() == DepartmentKind.DISTRICT_GOVERNMENT)
                .map(DepartmentView::district).filter(Objects::nonNull).distinct().toList();
        Map<String, List<String>> streets = new LinkedHashMap<>();
        for (String district : districts) {
            streets.put(district, active.stream()
                    .filter(d -> d.kind() == DepartmentKind.STREET_OFFICE && district.equals(d.district()))
                    .map(PortalPages::streetName).toList());
        }
        return Templates.submit(form, List.of(RequestType.values()), districts, streets, sent, portal.showsCodes(),
                portal.attachmentRule(), error);
    }

    /** 城东区东门街道办事处 is 东门街道 to citizens. */
    private static String streetName(DepartmentView office) {
        String name = office.name();
        if (office.district() != null && name.startsWith(office.district())) {
            name = name.substring(office.district().length());
        }
        return name.replaceAll("(办事处|人民政府)$", "");
    }

    private String clientAddress() {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }

    /** The page {@code shown} renders, or {@code refused}'s page with the reason and the status that fits. */
    private static Response page(Supplier<TemplateInstance> shown,
            Function<HotlineException, TemplateInstance> refused) {
        try {
            return Response.ok(shown.get()).type(MediaType.TEXT_HTML_TYPE).build();
        } catch (HotlineException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE).entity(refused.apply(e)).build();
        }
    }
}
