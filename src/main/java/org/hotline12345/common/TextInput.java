package org.hotline12345.common;

import java.io.IOException;
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
 * store NUL, and the others only hide content from people. Checked once for every JSON string and every query and
 * path parameter, so that such input is a 400 naming the field rather than a failure deep in the database.
 */
public final class TextInput {

    static final String RULE = "text";
    static final String MESSAGE = "must not contain control characters";

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
                            if (value != null && hasControlCharacter(value)) {
                                throw InvalidFormatException.from(parser, MESSAGE, value, String.class);
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
                    if (hasControlCharacter(value)) {
                        throw InvalidFieldException.malformed(parameter.getKey(), RULE, MESSAGE);
                    }
                }
            }
        }
    }
}
