package org.hotline12345.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The reference of every {@code hotline.*} key in docs/configuration.md is generated from the {@code @ConfigMapping}
 * interfaces: the key from the method's name, its default from {@code @WithDefault}, its meaning from the method's
 * Javadoc, which stays the one place a key is described.
 */
class ConfigurationReferenceTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path GUIDE = Path.of("docs/configuration.md");

    @Test
    void theGuideListsEveryKeyOfTheConfigMappingsWithItsDefaultAndMeaning() throws IOException {
        List<Class<?>> mappings = mappings();
        assertThat(mappings).as("the @ConfigMapping interfaces under src/main/java").hasSizeGreaterThan(5);
        StringBuilder table = new StringBuilder(
                "| key | environment variable | default | meaning |\n|---|---|---|---|\n");
        for (Class<?> mapping : mappings) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            for (Key key : keys(mapping, prefix)) {
                table.append("| `").append(key.name()).append("` | ").append(code(environmentVariable(key.name())))
                        .append(" | ").append(key.defaultValue().map(value -> "`" + value + "`").orElse("unset"))
                        .append(" | ").append(key.meaning()).append(" |\n");
            }
        }
        GeneratedSection.check(GUIDE, getClass().getSimpleName(), table.toString());
    }

    @Test
    void everyKeyHasItsMeaning() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (Class<?> mapping : mappings()) {
            for (Key key : keys(mapping, mapping.getAnnotation(ConfigMapping.class).prefix())) {
                if (key.meaning().isBlank()) {
                    undocumented.add(key.name());
                }
            }
        }
        assertThat(undocumented).as("keys without a Javadoc line on their method").isEmpty();
    }

    record Key(String name, Optional<String> defaultValue, String meaning) {
    }

    /**
     * Every key of the {@code @ConfigMapping} interfaces, a part the user chooses written {@code <name>}: for the
     * tests that check the variables deployment files set.
     */
    static List<String> keyNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (Class<?> mapping : mappings()) {
            keys(mapping, mapping.getAnnotation(ConfigMapping.class).prefix()).forEach(key -> names.add(key.name()));
        }
        return names;
    }

    private static List<Class<?>> mappings() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).filter(ConfigurationReferenceTest::isMapping)
                    .map(ConfigurationReferenceTest::load).sorted(Comparator.comparing(
                            (Class<?> type) -> type.getAnnotation(ConfigMapping.class).prefix()))
                    .toList();
        }
    }

    private static boolean isMapping(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains("@ConfigMapping(");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(Path file) {
        String name = SOURCES.relativize(file).toString().replace(".java", "").replace('/', '.');
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Key> keys(Class<?> group, String prefix) throws IOException {
        String source = source(group);
        List<Key> keys = new ArrayList<>();
        List<Method> methods = Arrays.stream(group.getDeclaredMethods())
                .filter(method -> method.getParameterCount() == 0 && !method.isDefault()
                        && !java.lang.reflect.Modifier.isStatic(method.getModifiers()))
                .sorted(Comparator.comparingInt(method -> position(source, method.getName()))).toList();
        for (Method method : methods) {
            String name = prefix + "." + Optional.ofNullable(method.getAnnotation(WithName.class)).map(WithName::value)
                    .orElse(kebab(method.getName()));
            Type type = method.getGenericReturnType();
            Class<?> raw = raw(type);
            if (raw == Optional.class) {
                type = argument(type, 0);
                raw = raw(type);
            }
            if (raw == Map.class && isGroup(raw(argument(type, 1)))) {
                keys.addAll(keys(raw(argument(type, 1)), name + ".<" + kebab(raw(argument(type, 0)).getSimpleName())
                        + ">"));
            } else if (raw == List.class && isGroup(raw(argument(type, 0)))) {
                keys.addAll(keys(raw(argument(type, 0)), name + "[<n>]"));
            } else if (isGroup(raw)) {
                keys.addAll(keys(raw, name));
            } else {
                keys.add(new Key(name, Optional.ofNullable(method.getAnnotation(WithDefault.class))
                        .map(WithDefault::value), javadoc(source, method.getName())));
            }
        }
        return keys;
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && type.getName().startsWith("org.hotline12345.");
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static String source(Class<?> type) throws IOException {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String text = Files.readString(SOURCES.resolve(top.getName().replace('.', '/') + ".java"),
                StandardCharsets.UTF_8);
        if (type == top) {
            return text;
        }
        // a nested group: its own body, so that two groups' methods of the same name keep their own Javadoc
        Matcher start = Pattern.compile("interface\\s+" + type.getSimpleName() + "\\b[^{]*\\{").matcher(text);
        if (!start.find()) {
            throw new IllegalStateException("no interface " + type.getSimpleName() + " in " + top.getName());
        }
        int depth = 1;
        int at = start.end();
        while (depth > 0) {
            char c = text.charAt(at++);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        return text.substring(start.end(), at - 1);
    }

    private static int position(String source, String method) {
        Matcher declaration = Pattern.compile("\\b" + method + "\\(\\)\\s*;").matcher(source);
        return declaration.find() ? declaration.start() : Integer.MAX_VALUE;
    }

    /** The method's Javadoc as one line of Markdown: {@code x} and {@link #x()} become code, tags and stars go. */
    private static String javadoc(String source, String method) {
        int declaration = position(source, method);
        if (declaration == Integer.MAX_VALUE) {
            return "";
        }
        int end = source.lastIndexOf("*/", declaration);
        int start = source.lastIndexOf("/**", declaration);
        // between the comment and the method only its annotations and return type may stand
        String between = source.substring(end + 2, declaration).replaceAll("\"[^\"]*\"", "");
        if (start < 0 || end < start || between.contains(";") || between.contains("{") || between.contains("}")) {
            return "";
        }
        String text = source.substring(start + 3, end).lines().map(line -> line.strip().replaceFirst("^\\*\\s?", ""))
                .reduce((a, b) -> a + " " + b).orElse("").strip();
        return text.replaceAll("\\{@(?:code|literal) ([^}]*)}", "`$1`")
                .replaceAll("\\{@link(?:plain)? #?([\\w.#]+)(?:\\(\\))?[^}]*}", "`$1`").replace("|", "\\|")
                .replaceAll("\\s+", " ");
    }

    private static String code(String text) {
        return text.equals("—") ? text : "`" + text + "`";
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The variable that sets the key (MicroProfile Config's rule), or a dash where a part of the key is chosen. */
    private static String environmentVariable(String key) {
        return key.contains("<") ? "—" : key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
