package org.hotline12345.knowledge.search;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * BERT's WordPiece tokenization as the Hugging Face {@code tokenizer.json} of bge-small-zh v1.5 describes it: the
 * BERT normalizer (control characters dropped, every Chinese character a word of its own, no lower-casing), the BERT
 * pre-tokenizer (whitespace and each punctuation mark split off), then the longest vocabulary pieces of each word
 * ({@code ##} marks a piece inside a word; a word that cannot be pieced together is {@code [UNK]}). It is what the
 * model was trained with; {@code SentenceEncoderTest} checks it against the reference tokenizer.
 */
final class WordPieceTokenizer {

    private static final int MAX_WORD_CHARS = 100;
    private static final String CONTINUATION = "##";

    private final Map<String, Integer> vocabulary;
    private final int unknown;
    final int classify;
    final int separator;

    private WordPieceTokenizer(Map<String, Integer> vocabulary) {
        this.vocabulary = vocabulary;
        this.unknown = vocabulary.get("[UNK]");
        this.classify = vocabulary.get("[CLS]");
        this.separator = vocabulary.get("[SEP]");
    }

    /** Reads the vocabulary of a Hugging Face {@code tokenizer.json} whose model is WordPiece. */
    static WordPieceTokenizer read(InputStream tokenizerJson) throws IOException {
        JsonNode model = new ObjectMapper().readTree(tokenizerJson).path("model");
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new IOException("not a WordPiece tokenizer: " + model.path("type").asText());
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = model.path("vocab").fields(); entries.hasNext();) {
            Map.Entry<String, JsonNode> entry = entries.next();
            vocabulary.put(entry.getKey(), entry.getValue().asInt());
        }
        return new WordPieceTokenizer(Map.copyOf(vocabulary));
    }

    /**
     * The token ids of a text between {@code [CLS]} and {@code [SEP]}, at most {@code maxTokens} in all: a longer text
     * is cut at the end.
     */
    int[] encode(String text, int maxTokens) {
        List<Integer> ids = new ArrayList<>();
        ids.add(classify);
        for (String word : words(text)) {
            if (ids.size() >= maxTokens - 1) {
                break;
            }
            pieces(word, ids);
        }
        int length = Math.min(ids.size(), maxTokens - 1);
        int[] tokens = new int[length + 1];
        for (int i = 0; i < length; i++) {
            tokens[i] = ids.get(i);
        }
        tokens[length] = separator;
        return tokens;
    }

    /** The words of the normalized, pre-tokenized text. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                continue;
            }
            if (isWhitespace(c)) {
                flush(word, words);
            } else if (isChinese(c) || isPunctuation(c)) {
                flush(word, words);
                words.add(new String(Character.toChars(c)));
            } else {
                word.appendCodePoint(c);
            }
        }
        flush(word, words);
        return words;
    }

    private void pieces(String word, List<Integer> ids) {
        if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
            ids.add(unknown);
            return;
        }
        List<Integer> found = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer id = null;
            while (end > start) {
                String piece = (start > 0 ? CONTINUATION : "") + word.substring(start, end);
                id = vocabulary.get(piece);
                if (id != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (id == null) {
                ids.add(unknown);
                return;
            }
            found.add(id);
            start = end;
        }
        ids.addAll(found);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isWhitespace(int c) {
        return c == '\t' || c == '\n' || c == '\r' || Character.isSpaceChar(c);
    }

    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    /** ASCII symbols count as punctuation, as in BERT, besides every Unicode punctuation category. */
    private static boolean isPunctuation(int c) {
        if (c >= 33 && c <= 47 || c >= 58 && c <= 64 || c >= 91 && c <= 96 || c >= 123 && c <= 126) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    /** The CJK blocks BERT splits into single characters. */
    private static boolean isChinese(int c) {
        return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x2A6DF
                || c >= 0x2A700 && c <= 0x2B73F || c >= 0x2B740 && c <= 0x2B81F || c >= 0x2B820 && c <= 0x2CEAF
                || c >= 0xF900 && c <= 0xFAFF || c >= 0x2F800 && c <= 0x2FA1F;
    }
}
