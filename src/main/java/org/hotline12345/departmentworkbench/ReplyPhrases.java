package org.hotline12345.departmentworkbench;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.security.Actor;

/**
 * 常用语: the phrases a department's staff reply with, kept per department by its own staff and offered beside the
 * reply. Each department sees and changes only its own.
 */
@ApplicationScoped
public class ReplyPhrases {

    static final int MAX_LENGTH = 1000;
    static final int MAX_PER_DEPARTMENT = 100;

    /** A kept phrase. */
    public record Phrase(long id, String text) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** The department's phrases, the oldest first, as they were added. */
    @Transactional
    public List<Phrase> of(Actor actor) {
        List<Object[]> rows = entityManager.createNativeQuery(
                "select id, text from reply_phrase where department_id = ?1 order by id", Object[].class)
                .setParameter(1, actor.departmentId()).getResultList();
        return rows.stream().map(row -> new Phrase(((Number) row[0]).longValue(), (String) row[1])).toList();
    }

    @Transactional
    public void add(String text, Actor actor) {
        String phrase = text == null ? "" : text.strip();
        if (phrase.isEmpty()) {
            throw InvalidFieldException.malformed("text", "NotBlank", "请填写常用语");
        }
        if (phrase.length() > MAX_LENGTH) {
            throw InvalidFieldException.malformed("text", "Size", "常用语不能超过 " + MAX_LENGTH + " 字");
        }
        // one at a time per department, so that the count and the duplicate check hold
        entityManager.createNativeQuery("select id from department where id = ?1 for update")
                .setParameter(1, actor.departmentId()).getResultList();
        List<Phrase> kept = of(actor);
        if (kept.size() >= MAX_PER_DEPARTMENT) {
            throw new ConflictException("本单位已有 " + kept.size() + " 条常用语，请先删除不用的");
        }
        if (kept.stream().anyMatch(p -> p.text().equals(phrase))) {
            throw new ConflictException("已有相同的常用语");
        }
        entityManager.createNativeQuery("insert into reply_phrase (department_id, text, created_by, created_at)"
                + " values (?1, ?2, ?3, ?4)").setParameter(1, actor.departmentId()).setParameter(2, phrase)
                .setParameter(3, actor.username()).setParameter(4, clock.instant()).executeUpdate();
    }

    @Transactional
    public void remove(long id, Actor actor) {
        int removed = entityManager.createNativeQuery("delete from reply_phrase where id = ?1 and department_id = ?2")
                .setParameter(1, id).setParameter(2, actor.departmentId()).executeUpdate();
        if (removed == 0) {
            throw InvalidFieldException.unacceptable("id", "exists", "没有这条常用语，可能已被同事删除");
        }
    }
}
