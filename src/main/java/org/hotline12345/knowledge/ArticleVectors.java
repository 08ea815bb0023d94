package org.hotline12345.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.knowledge.search.IndexedArticle;
import org.hotline12345.knowledge.search.SentenceEncoder;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The passage vectors of articles, stored in PostgreSQL with the version and model they were computed from: an
 * article is encoded once per version, whatever backend or instance indexes it.
 */
@ApplicationScoped
public class ArticleVectors {

    private record Stored(int version, String model, int dimensions, byte[] vectors) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    KnowledgeEncoder encoder;

    @Inject
    Clock clock;

    /** Articles this instance indexed without vectors because the encoder was still loading. */
    private final Set<Long> indexedWithout = ConcurrentHashMap.newKeySet();

    /**
     * The articles with their vectors: the stored ones where they are of the article's version and the current model,
     * the others encoded now (in one batch, outside any transaction: it takes a while) and stored. Without semantic
     * search, the articles as they are; while the encoder is loading, those without stored vectors as they are too
     * (found by their words until {@link #takeIndexedWithout()} has them indexed again).
     */
    public List<IndexedArticle> withVectors(List<IndexedArticle> articles) {
        if (encoder.state() == KnowledgeEncoder.State.OFF || articles.isEmpty()) {
            return articles;
        }
        Map<Long, Stored> stored = QuarkusTransaction.requiringNew()
                .call(() -> stored(articles.stream().map(IndexedArticle::id).toList()));
        List<IndexedArticle> result = new ArrayList<>(articles.size());
        List<String> toEncode = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (IndexedArticle article : articles) {
            Stored vectors = stored.get(article.id());
            if (vectors != null && vectors.version() == article.version() && vectors.model().equals(encoder.model())
                    && vectors.dimensions() == SentenceEncoder.DIMENSIONS) {
                result.add(article.withVectors(decode(vectors.vectors(), vectors.dimensions())));
            } else {
                missing.add(result.size());
                toEncode.addAll(article.passages());
                result.add(article);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> encoded = encoder.passages(toEncode);
            if (encoded == null) {
                missing.forEach(index -> indexedWithout.add(result.get(index).id()));
                return result;
            }
            int next = 0;
            for (int index : missing) {
                IndexedArticle article = result.get(index);
                int count = article.passages().size();
                result.set(index, article.withVectors(encoded.subList(next, next + count)));
                next += count;
            }
            QuarkusTransaction.requiringNew().run(() -> missing.forEach(index -> store(result.get(index))));
        }
        return result;
    }

    /** The articles indexed without vectors since the last call, once the encoder is loaded; else none. */
    public List<Long> takeIndexedWithout() {
        if (!encoder.loaded()) {
            return List.of();
        }
        List<Long> taken = List.copyOf(indexedWithout);
        indexedWithout.removeAll(taken);
        return taken;
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Stored> stored(List<Long> ids) {
        Map<Long, Stored> stored = new HashMap<>();
        List<Object[]> rows = entityManager.createNativeQuery("""
                select article_id, version, model, dimensions, vectors from knowledge_article_vectors
                where article_id in (?1)""").setParameter(1, ids).getResultList();
        for (Object[] row : rows) {
            stored.put(((Number) row[0]).longValue(), new Stored(((Number) row[1]).intValue(), (String) row[2],
                    ((Number) row[3]).intValue(), (byte[]) row[4]));
        }
        return stored;
    }

    private void store(IndexedArticle article) {
        List<float[]> vectors = article.vectors();
        entityManager.createNativeQuery("""
                insert into knowledge_article_vectors
                    (article_id, version, model, passages, dimensions, vectors, encoded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (article_id) do update set version = excluded.version, model = excluded.model,
                    passages = excluded.passages, dimensions = excluded.dimensions, vectors = excluded.vectors,
                    encoded_at = excluded.encoded_at""")
                .setParameter(1, article.id()).setParameter(2, article.version()).setParameter(3, encoder.model())
                .setParameter(4, vectors.size()).setParameter(5, SentenceEncoder.DIMENSIONS)
                .setParameter(6, encode(vectors)).setParameter(7, clock.instant()).executeUpdate();
    }

    static byte[] encode(List<float[]> vectors) {
        ByteBuffer bytes = ByteBuffer.allocate(vectors.size() * SentenceEncoder.DIMENSIONS * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (float[] vector : vectors) {
            for (float value : vector) {
                bytes.putFloat(value);
            }
        }
        return bytes.array();
    }

    static List<float[]> decode(byte[] stored, int dimensions) {
        ByteBuffer bytes = ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN);
        List<float[]> vectors = new ArrayList<>();
        while (bytes.remaining() >= dimensions * Float.BYTES) {
            float[] vector = new float[dimensions];
            bytes.asFloatBuffer().get(vector);
            bytes.position(bytes.position() + dimensions * Float.BYTES);
            vectors.add(vector);
        }
        return vectors;
    }
}
