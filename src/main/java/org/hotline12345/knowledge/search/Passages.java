package org.hotline12345.knowledge.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of an article is encoded as vectors: its heading (the title with the usual questions: how citizens ask) and its
 * answer in passages of a bounded length, each led by the title so that a passage keeps its subject. A sentence
 * encoder weighs every token of a text, so a short passage about one thing matches a question better than a whole
 * answer about many; and the cost of encoding grows with the length.
 */
public final class Passages {

    /** Characters of answer text in one passage; about as many tokens in Chinese. */
    static final int PASSAGE_CHARS = 200;
    /** Passages of one article, the heading included: a longer answer is searched by words beyond these. */
    static final int MAX_PASSAGES = 12;
    private static final Pattern SENTENCE = Pattern.compile("[^。！？；!?;\\n]*[。！？；!?;\\n]+|[^。！？；!?;\\n]+");

    private Passages() {
    }

    /** The texts to encode for an article, the heading first. */
    public static List<String> of(String title, List<String> questions, String answerText) {
        List<String> passages = new ArrayList<>();
        String heading = (title + "\n" + String.join("\n", questions)).strip();
        if (!heading.isEmpty()) {
            passages.add(heading);
        }
        String lead = title.isBlank() ? "" : title.strip() + "\n";
        for (String chunk : chunks(answerText)) {
            if (passages.size() == MAX_PASSAGES) {
                break;
            }
            passages.add(lead + chunk);
        }
        return passages;
    }

    /** The answer cut at sentence ends into pieces of at most {@link #PASSAGE_CHARS}; a longer sentence is cut. */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        Matcher sentences = SENTENCE.matcher(text);
        while (sentences.find()) {
            String sentence = sentences.group().strip();
            if (sentence.isEmpty()) {
                continue;
            }
            if (chunk.length() + sentence.length() > PASSAGE_CHARS && !chunk.isEmpty()) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            while (sentence.length() > PASSAGE_CHARS) {
                chunks.add(sentence.substring(0, PASSAGE_CHARS));
                sentence = sentence.substring(PASSAGE_CHARS);
            }
            chunk.append(sentence);
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }
}
