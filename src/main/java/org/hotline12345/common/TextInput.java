package org.hotline12345.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Text from clients may not carry control characters other than tab, line feed and carriage return: PostgreSQL cannot
 * store NUL, and the others only hide content from people. Nor may it carry half of a surrogate pair (a JSON
 * {@code "\ud800"} escape standing alone), which is no character at all and would be stored as {@code ?}. Checked
 * once for every JSON string and every query and path parameter, so that such input is a 400 naming the field rather
 * than a failure deep in the database or a silent change.
 */
public final class TextInput {

    static final String RULE = "text";
    static final String MESSAGE = "must not contain control characters";
    static final String UNPAIRED_SURROGATE = "含有不成对的代理项（半个字符），无法保存";

    private TextInput() {
    }

    /** The text without surrounding white space, or {@code null} when there is none: optional fields left empty. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bytes of an uploaded text file as UTF-8; bytes that are not UTF-8 (a CSV saved by Excel as GBK, say) are a
     * 400 naming {@code field}, never text quietly changed or a failure.
     */
    public static String utf8(byte[] bytes, String field) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidFieldException.malformed(field, "encoding",
                    "文件不是 UTF-8 编码；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入");
        }
    }

    /** Why the text cannot be taken as it is, or {@code null} when it can. */
    static String problem(String text) {
        if (hasControlCharacter(text)) {
            return MESSAGE;
        }
        return hasUnpairedSurrogate(text) ? UNPAIRED_SURROGATE : null;
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Applies the rule to every JSON string the API reads. */
    @Singleton
    public static class JsonStrings implements ObjectMapperCustomizer {

        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("hotline-text").addDeserializer(String.class,
                    new StringDeserializer() {
                        @Override
                        public String deserialize(JsonParser parser, DeserializationContext context)
                                throws IOException {
                            String value = super.deserialize(parser, context);
                            String problem = value == null ? null : problem(value);
                            if (problem != null) {
                                throw InvalidFormatException.from(parser, problem, value, String.class);
                            }
                            return value;
                        }
                    }));
        }
    }

    /** Applies the rule to query and path parameters. */
    public static class Parameters {

        @ServerRequestFilter
        public void check(UriInfo uri) {
            check(uri.getQueryParameters().entrySet());
            check(uri.getPathParameters().entrySet());
        }

        private static void check(Iterable<Map.Entry<String, List<String>>> parameters) {
            for (Map.Entry<String, List<String>> parameter : parameters) {
                for (String value : parameter.getValue()) {
                    String problem = problem(value);
                    if (problem != null) {
                        throw InvalidFieldException.malformed(parameter.getKey(), RULE, problem);
                    }
                }
            }
        }
    }
}
