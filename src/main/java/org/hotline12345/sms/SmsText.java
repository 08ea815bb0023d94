package org.hotline12345.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chinese text as SMS carries it: UCS-2 (UTF-16BE, data_coding 0x08), 70 characters in one message; a longer text is
 * sent as a concatenated message (GSM 03.40), each part starting with a 6-byte user data header (IEI 0x00: an 8-bit
 * reference, the number of parts, this part's number) and carrying 67 characters, so that the phone joins the parts
 * in order. A character outside the Basic Multilingual Plane takes two UTF-16 units and is never split between parts.
 */
public final class SmsText {

    /** Characters (UTF-16 units) in a message of one part. */
    public static final int SINGLE = 70;
    /** Characters (UTF-16 units) in each part of a concatenated message. */
    public static final int PER_PART = 67;
    /** At most this many parts: the header counts them in one byte, and operators refuse long chains earlier. */
    public static final int MAX_PARTS = 10;

    private SmsText() {
    }

    /**
     * The short_message bytes of each part; a text of up to {@link #SINGLE} characters is one part without a header.
     *
     * @param reference the concatenation reference, the same in every part of this text (its low 8 bits are used)
     * @throws IllegalArgumentException for a text longer than {@link #MAX_PARTS} parts
     */
    public static List<byte[]> parts(String text, int reference) {
        if (text.length() <= SINGLE) {
            return List.of(text.getBytes(StandardCharsets.UTF_16BE));
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + PER_PART, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        if (chunks.size() > MAX_PARTS) {
            throw new IllegalArgumentException(
                    "a text of " + text.length() + " characters needs " + chunks.size() + " parts, more than "
                            + MAX_PARTS);
        }
        List<byte[]> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = chunks.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] part = new byte[6 + body.length];
            part[0] = 0x05;
            part[1] = 0x00;
            part[2] = 0x03;
            part[3] = (byte) reference;
            part[4] = (byte) chunks.size();
            part[5] = (byte) (i + 1);
            System.arraycopy(body, 0, part, 6, body.length);
            parts.add(part);
        }
        return parts;
    }

    /** How many parts the text takes. */
    public static int partCount(String text) {
        return parts(text, 0).size();
    }
}
