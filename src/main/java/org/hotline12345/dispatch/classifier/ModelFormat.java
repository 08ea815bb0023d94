package org.hotline12345.dispatch.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The stored form of a {@link TextClassifier}: gzip of a magic number, the format version, then labels, n-gram
 * lengths, vocabulary with IDF, one weight vector per label and the confidence scale. A reader refuses versions it
 * does not know, so that a model written by newer code is never misread by an older node during a rolling update.
 */
final class ModelFormat {

    private static final int MAGIC = 0x7C1A55F1;
    static final int VERSION = 1;

    private ModelFormat() {
    }

    static byte[] write(TextClassifier model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(model.trainedOn());
            out.writeDouble(model.scale());
            writeStrings(out, model.labels());
            FeatureSpace features = model.features();
            out.writeInt(features.minN());
            out.writeInt(features.maxN());
            writeStrings(out, features.terms());
            writeFloats(out, features.idf());
            for (float[] vector : model.weights()) {
                writeFloats(out, vector);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TextClassifier read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a text classifier model");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("model format version " + version + ", this code reads version "
                        + VERSION);
            }
            int trainedOn = in.readInt();
            double scale = in.readDouble();
            List<String> labels = readStrings(in);
            int minN = in.readInt();
            int maxN = in.readInt();
            FeatureSpace features = new FeatureSpace(minN, maxN, readStrings(in), readFloats(in));
            float[][] weights = new float[labels.size()][];
            for (int label = 0; label < weights.length; label++) {
                weights[label] = readFloats(in);
            }
            return new TextClassifier(labels, features, weights, scale, trainedOn);
        } catch (IOException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("not a readable text classifier model: " + e.getMessage(), e);
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String string : strings) {
            out.writeUTF(string);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<String> strings = new ArrayList<>(Math.min(size, 1 << 16));
        for (int i = 0; i < size; i++) {
            strings.add(in.readUTF());
        }
        return strings;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
