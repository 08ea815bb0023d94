package org.hotline12345.sms;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.security.Actor;

/** The text of each kind of message, as administrators edit it; {@code {name}} stands for a value of the message. */
@ApplicationScoped
public class SmsTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    static final int MAX_LENGTH = 500;

    /** A template as the administrators' page shows it. */
    public record TemplateView(SmsKind kind, String body, List<String> placeholders, String updatedBy,
            OffsetDateTime updatedAt) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Transactional
    public List<TemplateView> all() {
        List<TemplateView> views = new ArrayList<>();
        for (SmsKind kind : SmsKind.values()) {
            Object[] row = (Object[]) entityManager
                    .createNativeQuery("select body, updated_by, updated_at from sms_template where kind = ?1")
                    .setParameter(1, kind.name()).getSingleResult();
            views.add(new TemplateView(kind, (String) row[0], kind.placeholders(), (String) row[1],
                    row[2] == null
                            ? null
                            : ((java.time.Instant) row[2]).atZone(calendar.zone()).toOffsetDateTime()));
        }
        return views;
    }

    /** Replaces a template; it may use only its kind's placeholders, and must keep the ones the message needs. */
    @Transactional
    public void update(SmsKind kind, String body, Actor actor) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw InvalidFieldException.malformed("body", "NotBlank", "请填写短信内容");
        }
        if (text.length() > MAX_LENGTH) {
            throw InvalidFieldException.malformed("body", "Size", "短信内容不能超过 " + MAX_LENGTH + " 字");
        }
        Matcher used = PLACEHOLDER.matcher(text);
        while (used.find()) {
            if (!kind.placeholders().contains(used.group(1))) {
                throw InvalidFieldException.unacceptable("body", "placeholder",
                        "不能使用 {" + used.group(1) + "}，可用的是 " + braced(kind.placeholders()));
            }
        }
        for (String needed : kind.placeholders()) {
            if (!text.contains("{" + needed + "}")) {
                throw InvalidFieldException.unacceptable("body", "placeholder", "须保留 {" + needed + "}");
            }
        }
        entityManager.createNativeQuery(
                "update sms_template set body = ?2, updated_by = ?3, updated_at = ?4 where kind = ?1")
                .setParameter(1, kind.name()).setParameter(2, text).setParameter(3, actor.username())
                .setParameter(4, clock.instant()).executeUpdate();
    }

    /** The message of {@code kind} with the values in place of its placeholders. */
    String render(SmsKind kind, Map<String, String> values) {
        String body = (String) entityManager.createNativeQuery("select body from sms_template where kind = ?1")
                .setParameter(1, kind.name()).getSingleResult();
        Matcher placeholder = PLACEHOLDER.matcher(body);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException(kind + " needs a value for {" + placeholder.group(1) + "}");
            }
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    private static String braced(List<String> names) {
        return String.join("、", names.stream().map(name -> "{" + name + "}").toList());
    }
}
