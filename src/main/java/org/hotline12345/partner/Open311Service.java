package org.hotline12345.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.intake.IntakeService;
import org.hotline12345.intake.IntakeState;
import org.hotline12345.intake.IntakeViews.OnlineRequest;
import org.hotline12345.partner.PartnerViews.Caller;
import org.hotline12345.workorder.RequestType;
import org.hotline12345.workorder.WorkOrderExchange;
import org.hotline12345.workorder.WorkOrderExchange.SharedWorkOrder;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Open311 GeoReport v2 over the partner registry: the services are the categories an administrator opened to it;
 * a request is submitted with a partner's API key like any partner's work order (into 待受理, or registered at once
 * for a trusted partner), under the work-order number reserved for it (its {@code service_request_id}); its status
 * is {@code open} until the work order closes or the request is refused, {@code closed} after, with the approved
 * reply (or the refusal's reason) as {@code status_notes}.
 */
@ApplicationScoped
public class Open311Service {

    /** A category opened to Open311. */
    public record Service(String code, String name, String description, String group, String keywords) {
    }

    /** What an Open311 client submits (the specification's fields). */
    public record NewRequest(String serviceCode, String description, String address, Double lat, Double lon,
            String firstName, String lastName, String phone, String email, String mediaUrl) {
    }

    /** A request as Open311 shows it. */
    public record Request(String number, String status, String statusNotes, String serviceName, String serviceCode,
            String description, String agency, Instant requestedAt, Instant updatedAt, String address, Double lat,
            Double lon, String mediaUrl) {
    }

    /** The filters of {@code GET requests}. */
    public record Filter(List<String> numbers, String serviceCode, Instant start, Instant end, List<String> statuses) {
    }

    private static final int MAX_REQUESTS = 1000;

    @Inject
    EntityManager entityManager;

    @Inject
    CategoryDirectory categories;

    @Inject
    PartnerInbound inbound;

    @Inject
    IntakeService intake;

    @Inject
    WorkOrderExchange exchange;

    @Inject
    Clock clock;

    @Transactional
    public List<Service> services() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select category_code, description, group_name, keywords from open311_service order by category_code")
                .getResultList();
        return rows.stream().map(row -> new Service((String) row[0],
                categories.byCode((String) row[0]).map(CategoryView::name).orElse((String) row[0]), (String) row[1],
                (String) row[2], (String) row[3])).toList();
    }

    public Service service(String code) {
        return services().stream().filter(service -> service.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Open311 服务", code));
    }

    /** Opens an active category to Open311, or changes how it is described there. */
    @Transactional
    public Service open(String categoryCode, String description, String group, String keywords) {
        CategoryView category = categories.requireActive(categoryCode, "categoryCode");
        if (description == null || description.isBlank()) {
            throw InvalidFieldException.malformed("description", "NotBlank", "请填写服务说明");
        }
        entityManager.createNativeQuery("""
                insert into open311_service (category_code, description, group_name, keywords, opened_at)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (category_code) do update set description = excluded.description,
                    group_name = excluded.group_name, keywords = excluded.keywords""")
                .setParameter(1, category.code()).setParameter(2, description.strip()).setParameter(3, group)
                .setParameter(4, keywords).setParameter(5, clock.instant()).executeUpdate();
        return new Service(category.code(), category.name(), description.strip(), group, keywords);
    }

    @Transactional
    public void close(String categoryCode) {
        entityManager.createNativeQuery("delete from open311_service where category_code = ?1")
                .setParameter(1, categoryCode).executeUpdate();
    }

    /** Submits a request; answers with its number and the token it may also be looked up by. */
    public Map.Entry<String, String> submit(Caller partner, NewRequest request) {
        Service service = services().stream().filter(s -> s.code().equals(request.serviceCode())).findFirst()
                .orElseThrow(() -> InvalidFieldException.unacceptable("service_code", "opened",
                        "service_code 不是开放的服务：" + request.serviceCode()));
        if (request.description() == null || request.description().isBlank()) {
            throw InvalidFieldException.malformed("description", "NotBlank", "description 不能为空");
        }
        if (request.phone() == null || request.phone().isBlank()) {
            throw InvalidFieldException.malformed("phone", "NotBlank", "phone 不能为空：热线需要回访诉求人");
        }
        if (request.address() == null && (request.lat() == null || request.lon() == null)) {
            throw InvalidFieldException.malformed("address_string", "location",
                    "须提供 address_string 或 lat 和 long");
        }
        String token = UUID.randomUUID().toString();
        String name = ((request.lastName() == null ? "" : request.lastName().strip())
                + (request.firstName() == null ? "" : request.firstName().strip()));
        String content = request.description().strip()
                + (request.lat() == null ? "" : "（坐标 " + request.lat() + "," + request.lon() + "）")
                + (request.mediaUrl() == null ? "" : "（图片 " + request.mediaUrl() + "）");
        String title = service.name() + "：" + firstChars(request.description().strip(), 40);
        PartnerViews.Submission submission = new PartnerViews.Submission(token, requestType(partner), title, content,
                new PartnerViews.CitizenInput(name.isBlank() ? "Open311 用户" : name, request.phone().strip(), false),
                new PartnerViews.LocationInput(null, null, request.address()), service.code(), null);
        PartnerViews.Submitted submitted = inbound.submit(partner, submission, PartnerSignatures.sha256Hex(token));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into open311_request (token, number, partner_id, service_code, address, lat, lon, media_url,
                    requested_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, token).setParameter(2, submitted.number()).setParameter(3, partner.id())
                .setParameter(4, service.code()).setParameter(5, request.address()).setParameter(6, request.lat())
                .setParameter(7, request.lon()).setParameter(8, request.mediaUrl()).setParameter(9, clock.instant())
                .executeUpdate());
        return Map.entry(submitted.number(), token);
    }

    /** The number a token stands for. */
    @Transactional
    public Optional<String> byToken(String token) {
        @SuppressWarnings("unchecked")
        List<String> numbers = entityManager.createNativeQuery("select number from open311_request where token = ?1")
                .setParameter(1, token).getResultList();
        return numbers.stream().findFirst();
    }

    /** The requests the filter names, newest first, at most 1000. */
    @Transactional
    public List<Request> requests(Filter filter) {
        StringBuilder sql = new StringBuilder("""
                select number, service_code, address, lat, lon, media_url, requested_at from open311_request
                where true""");
        List<Object> parameters = new ArrayList<>();
        if (filter.numbers() != null && !filter.numbers().isEmpty()) {
            parameters.add(filter.numbers().toArray(String[]::new));
            sql.append(" and number = any(?").append(parameters.size()).append(")");
        } else {
            parameters.add(filter.start());
            sql.append(" and requested_at >= ?").append(parameters.size());
            parameters.add(filter.end());
            sql.append(" and requested_at <= ?").append(parameters.size());
        }
        if (filter.serviceCode() != null) {
            parameters.add(filter.serviceCode());
            sql.append(" and service_code = ?").append(parameters.size());
        }
        sql.append(" order by requested_at desc limit ").append(MAX_REQUESTS);
        var query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<String> numbers = rows.stream().map(row -> (String) row[0]).toList();
        Map<String, SharedWorkOrder> orders = numbers.isEmpty()
                ? Map.of()
                : exchange.findAll(numbers).stream()
                        .collect(Collectors.toMap(SharedWorkOrder::number, Function.identity()));
        Map<String, Service> services = new HashMap<>();
        services().forEach(service -> services.put(service.code(), service));
        List<Request> requests = new ArrayList<>();
        for (Object[] row : rows) {
            String number = (String) row[0];
            String code = (String) row[1];
            Request request = request(number, code, services.containsKey(code) ? services.get(code).name() : code,
                    orders.get(number), (String) row[2], (Double) row[3], (Double) row[4], (String) row[5],
                    (Instant) row[6]);
            if (filter.statuses() == null || filter.statuses().isEmpty()
                    || filter.statuses().contains(request.status())) {
                requests.add(request);
            }
        }
        return requests;
    }

    private Request request(String number, String code, String serviceName, SharedWorkOrder order, String address,
            Double lat, Double lon, String mediaUrl, Instant requestedAt) {
        if (order != null) {
            return new Request(number, order.closed() ? "closed" : "open", order.approvedReply(), serviceName, code,
                    order.content(), order.leadDepartment(), requestedAt, order.updatedAt(), address, lat, lon,
                    mediaUrl);
        }
        OnlineRequest pending = intake.find(number).orElseThrow();
        boolean refused = pending.state() == IntakeState.REFUSED;
        return new Request(number, refused ? "closed" : "open", refused ? pending.refusalReason() : null,
                serviceName, code, pending.content(), null, requestedAt,
                pending.decidedAt() == null ? requestedAt : pending.decidedAt().toInstant(), address, lat, lon,
                mediaUrl);
    }

    private static RequestType requestType(Caller partner) {
        return partner.requestTypes().contains(RequestType.COMPLAINT)
                ? RequestType.COMPLAINT
                : partner.requestTypes().stream().findFirst().orElse(RequestType.COMPLAINT);
    }

    private static String firstChars(String text, int length) {
        return text.codePointCount(0, text.length()) <= length
                ? text
                : text.substring(0, text.offsetByCodePoints(0, length)) + "…";
    }
}
