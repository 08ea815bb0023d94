package org.hotline12345.partner;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.HotlineException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.partner.Open311Service.Filter;
import org.hotline12345.partner.Open311Service.NewRequest;
import org.hotline12345.partner.Open311Service.Request;
import org.hotline12345.partner.Open311Service.Service;
import org.hotline12345.partner.PartnerViews.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), each resource as {@code .json} or {@code .xml} with
 * the field names, nesting and dates (ISO 8601 with the offset) of the specification's examples; errors as its
 * {@code errors} document. {@code POST requests} takes a partner's API key as {@code api_key}.
 */
@Path("/open311/v2")
public class Open311Resource {

    private static final String FORMAT = "{format:json|xml}";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final long DEFAULT_DAYS = 90;
    private static final String SERVICE_NOTICE = "诉求已收到，将由 12345 热线受理并转交承办单位办理。";

    @Inject
    Open311Service open311;

    @Inject
    PartnerService partners;

    @Inject
    WorkingCalendar calendar;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/services." + FORMAT)
    public Response services(@PathParam("format") String format) {
        return answer(format, () -> {
            List<Map<String, Object>> services = open311.services().stream().map(this::service).toList();
            return new Document("services", "service", services);
        });
    }

    @GET
    @Path("/services/{code}." + FORMAT)
    public Response definition(@PathParam("code") String code, @PathParam("format") String format) {
        return answer(format, () -> {
            Service service = open311.service(code);
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("service_code", service.code());
            definition.put("attributes", List.of());
            return new Document("service_definition", null, definition);
        });
    }

    @GET
    @Path("/requests/{id}." + FORMAT)
    public Response request(@PathParam("id") String id, @PathParam("format") String format) {
        return answer(format, () -> {
            List<Request> found = open311.requests(new Filter(List.of(id), null, null, null, null));
            if (found.isEmpty()) {
                throw new org.hotline12345.common.ResourceNotFoundException("service request", id);
            }
            return new Document("service_requests", "request", found.stream().map(this::request).toList());
        });
    }

    @GET
    @Path("/requests." + FORMAT)
    public Response requests(@PathParam("format") String format, @QueryParam("service_request_id") String ids,
            @QueryParam("service_code") String serviceCode, @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate, @QueryParam("status") String status) {
        return answer(format, () -> {
            Instant end = endDate == null ? Instant.now() : date(endDate, "end_date");
            Instant start = startDate == null
                    ? end.minus(DEFAULT_DAYS, ChronoUnit.DAYS)
                    : date(startDate, "start_date");
            List<String> statuses = list(status);
            if (statuses.stream().anyMatch(s -> !s.equals("open") && !s.equals("closed"))) {
                throw InvalidFieldException.malformed("status", "oneOf", "status 须为 open 或 closed");
            }
            List<Request> found = open311.requests(new Filter(list(ids), blank(serviceCode), start, end, statuses));
            return new Document("service_requests", "request", found.stream().map(this::request).toList());
        });
    }

    @GET
    @Path("/tokens/{token}." + FORMAT)
    public Response token(@PathParam("token") String token, @PathParam("format") String format) {
        return answer(format, () -> {
            String number = open311.byToken(token)
                    .orElseThrow(() -> new org.hotline12345.common.ResourceNotFoundException("token", token));
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("service_request_id", number);
            request.put("token", token);
            return new Document("service_requests", "request", List.of(request));
        });
    }

    /** A document: a list of elements under a root (JSON: an array), or one object (JSON: an object). */
    record Document(String root, String element, Object content) {
    }

    private Response answer(String format, Supplier<Document> build) {
        return answer(format, build, 200);
    }

    private Response answer(String format, Supplier<Document> build, int status) {
        Rendered rendered = render(format, build, status);
        return Response.status(rendered.status()).type(rendered.contentType()).entity(rendered.body()).build();
    }

    /** An answer as written to the wire. */
    record Rendered(int status, String contentType, String body) {
    }

    /** The document in the format asked for; a refusal as the specification's errors document, with its status. */
    Rendered render(String format, Supplier<Document> build, int status) {
        boolean xml = "xml".equals(format);
        try {
            return render(xml, build.get(), status);
        } catch (HotlineException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", e.status());
            error.put("description", e.getMessage());
            return render(xml, new Document("errors", "error", List.of(error)), e.status());
        }
    }

    private Rendered render(boolean xml, Document document, int status) {
        if (xml) {
            StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            Open311Xml.write(out, document.root(), document.element(), document.content());
            return new Rendered(status, "text/xml; charset=utf-8", out.toString());
        }
        try {
            return new Rendered(status, MediaType.APPLICATION_JSON + "; charset=utf-8",
                    json.writeValueAsString(document.content()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code POST requests}: form fields as the specification names them. Served by {@link Open311Submissions} (a
     * route of its own: the pages' CSRF check would refuse a form posted without a token).
     */
    Rendered submit(String format, Function<String, String> form) {
        return render(format, () -> {
            Caller partner = partner(form.apply("api_key"));
            Map.Entry<String, String> created = open311.submit(partner, new NewRequest(form.apply("service_code"),
                    form.apply("description"), form.apply("address_string"), coordinate(form.apply("lat"), "lat"),
                    coordinate(form.apply("long"), "long"), form.apply("first_name"), form.apply("last_name"),
                    form.apply("phone"), form.apply("email"), form.apply("media_url")));
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("service_request_id", created.getKey());
            request.put("token", created.getValue());
            request.put("service_notice", SERVICE_NOTICE);
            request.put("account_id", null);
            return new Document("service_requests", "request", List.of(request));
        }, 201);
    }

    private Map<String, Object> service(Service service) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("service_code", service.code());
        map.put("service_name", service.name());
        map.put("description", service.description());
        map.put("metadata", false);
        map.put("type", "realtime");
        map.put("keywords", service.keywords());
        map.put("group", service.group());
        return map;
    }

    private Map<String, Object> request(Request request) {
        ZoneId zone = calendar.zone();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("service_request_id", request.number());
        map.put("status", request.status());
        map.put("status_notes", request.statusNotes());
        map.put("service_name", request.serviceName());
        map.put("service_code", request.serviceCode());
        map.put("description", request.description());
        map.put("agency_responsible", request.agency());
        map.put("service_notice", null);
        map.put("requested_datetime", format(request.requestedAt(), zone));
        map.put("updated_datetime", format(request.updatedAt(), zone));
        map.put("expected_datetime", null);
        map.put("address", request.address());
        map.put("address_id", null);
        map.put("zipcode", null);
        map.put("lat", request.lat());
        map.put("long", request.lon());
        map.put("media_url", request.mediaUrl());
        return map;
    }

    private Caller partner(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new PartnerAuthenticationException("缺少 api_key");
        }
        PartnerService.Authenticated partner = partners.byApiKey(apiKey.strip())
                .orElseThrow(() -> new PartnerAuthenticationException("api_key 无效或已过期"));
        if (partner.paused()) {
            partners.count(partner.caller().id(), true);
            throw new org.hotline12345.common.ActionForbiddenException("该 api_key 的合作方已暂停接入");
        }
        partners.count(partner.caller().id(), false);
        return partner.caller();
    }

    private static String format(Instant instant, ZoneId zone) {
        return instant == null
                ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone)
                        .format(DATE);
    }

    private static Instant date(String text, String field) {
        try {
            return OffsetDateTime.parse(text.strip(), DATE).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidFieldException.malformed(field, "w3c-datetime",
                    field + " 须为带时区的 ISO 8601 时间，如 2026-12-07T09:00:00+08:00");
        }
    }

    private static Double coordinate(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidFieldException.malformed(field, "number", field + " 须为十进制度数");
        }
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank()
                ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
