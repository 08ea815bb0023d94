package org.hotline12345.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of the OpenAPI document, called with generated bad input (wrong types, huge strings, lone
 * surrogates, text that is not UTF-8, odd and malformed content types, path ids that are no ids) by every role and
 * anonymously: no answer is a 5xx, and every 4xx of the API is a problem document. The run is bounded and repeatable:
 * a fixed seed and a fixed number of cases per operation and caller.
 * <p>
 * Input is bad enough never to change data: a path id never names anything, a JSON body always holds at least one
 * value its schema cannot take, and an operation that takes neither (an action on the caller itself) is called only
 * anonymously. Page forms are posted with the caller's CSRF token, so that they reach their resource.
 */
@QuarkusTest
class OpenApiFuzzTest extends DatabaseTest {

    private static final long SEED = 20261207L;
    /** Cases per operation and caller: about 3,500 requests over the whole document; more with -Dfuzz.cases=…. */
    private static final int CASES = Integer.getInteger("fuzz.cases", 2);
    /** One user per role; {@code null} is anonymous. */
    private static final List<String> CALLERS = Arrays.asList(null, "agent", "housing", "desk",
            "desklead", "supervisor", "admin", "editor");

    private static final List<String> BAD_IDS = List.of("%3Cx%3E", "a%20b", "%25", "%ED%A0%80", "%00",
            "x".repeat(3000), "..", "-1", "99999999999999999999999", "%E4%B8%8D%E5%AD%98%E5%9C%A8", "%F0%9F%98%80",
            "R", "a;b=c", "%22%27");
    private static final List<String> BAD_QUERY_VALUES = List.of("abc", "-1", "1.5", "1e999", "", "%ED%A0%80",
            "%00", "x".repeat(5000), "99999999999999999999", "2026-13-45", "true", "%3Cscript%3E", "%25%25",
            "NOT_A_CONSTANT", "PT99999999999H", "+999999999-12-31", "%E4%B8%AD%E6%96%87");
    private static final List<String> ODD_CONTENT_TYPES = List.of("%%%/;;;", "a", "text/plain", "application/xml",
            "application/json; charset=ebcdic", "multipart/form-data; boundary=x", "application/octet-stream", "/",
            "application/x-www-form-urlencoded", "text/csv; charset=nonsense");
    private static final List<String> ODD_ACCEPTS = List.of("image/png", "%%%", "application/json;q=x", "*/*");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TestHTTPResource("/")
    URI base;

    /** A parameter of an operation: where it goes ({@code path}, {@code query}, {@code header}) and its schema. */
    record Parameter(String name, String in, JsonNode schema) {
    }

    record Operation(String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies) {

        boolean changesData() {
            return !method.equals("GET");
        }

        boolean hasPathParameter() {
            return parameters.stream().anyMatch(p -> p.in().equals("path"));
        }

        boolean isApi() {
            return path.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A request body and the content type it is sent as. */
    record Body(String contentType, byte[] bytes) {
    }

    /** A page session and its CSRF token, for form posts. */
    record Session(String cookies, String csrfToken) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private JsonNode components;

    @Test
    void noOperationAnswersBadInputWithAServerErrorAndTheApiAlwaysWithAProblem() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode openApi = JSON.readTree(document.body());
        components = openApi.path("components").path("schemas");
        List<Operation> operations = operations(openApi);
        Map<String, Session> sessions = new LinkedHashMap<>();
        for (String caller : CALLERS) {
            if (caller != null) {
                sessions.put(caller, signIn(caller));
            }
        }
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        long started = System.nanoTime();
        for (Operation operation : operations) {
            for (String caller : CALLERS) {
                if (caller != null && operation.changesData() && !operation.hasPathParameter()
                        && operation.bodies().isEmpty()) {
                    continue;
                }
                for (int i = 0; i < CASES; i++) {
                    HttpRequest request = request(operation, caller, caller == null ? null : sessions.get(caller),
                            random);
                    requests++;
                    String problem;
                    try {
                        problem = check(operation, http.send(request, HttpResponse.BodyHandlers.ofString(
                                StandardCharsets.UTF_8)));
                    } catch (IOException noAnswer) {
                        problem = "no answer: " + noAnswer;
                    }
                    if (problem != null) {
                        failures.add(operation + " as " + (caller == null ? "anonymous" : caller) + ": "
                                + request.method() + " " + abbreviate(request.uri().toString()) + " ["
                                + request.headers().firstValue("Content-Type").orElse("no content type") + "] → "
                                + problem);
                    }
                }
            }
        }
        Path report = Path.of("target", "openapi-fuzz.txt");
        Files.writeString(report, String.format(Locale.ROOT, "%d operations, %d requests in %.1f s, seed %d%n%s%n",
                operations.size(), requests, (System.nanoTime() - started) / 1e9, SEED,
                String.join("\n", failures)));
        assertThat(failures).as("answers that were server errors or not problem documents (see %s)", report)
                .isEmpty();
    }

    /** Why the answer is wrong, or {@code null} when it is right. */
    private static String check(Operation operation, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return status + " " + abbreviate(response.body());
        }
        if (status >= 400 && operation.isApi()) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith(Problem.MEDIA_TYPE)) {
                return status + " as " + (type.isEmpty() ? "no content type" : type) + ": "
                        + abbreviate(response.body());
            }
            try {
                if (JSON.readTree(response.body()).path("status").asInt() != status) {
                    return status + " with a problem document of another status: " + abbreviate(response.body());
                }
            } catch (IOException e) {
                return status + " with a problem document that is no JSON: " + abbreviate(response.body());
            }
        }
        return null;
    }

    private HttpRequest request(Operation operation, String caller, Session session, Random random) {
        StringBuilder path = new StringBuilder();
        Matcher placeholders = Pattern.compile("\\{([^}]+)}").matcher(operation.path());
        while (placeholders.find()) {
            placeholders.appendReplacement(path, Matcher.quoteReplacement(pick(random, BAD_IDS)));
        }
        placeholders.appendTail(path);
        StringBuilder query = new StringBuilder();
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(Duration.ofSeconds(20));
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && random.nextInt(3) > 0) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=')
                        .append(random.nextBoolean()
                                ? pick(random, BAD_QUERY_VALUES)
                                : encode(plausible(parameter.schema(), random, 0).asText()));
            } else if (parameter.in().equals("header") && random.nextBoolean()) {
                builder.header(parameter.name(), pick(random, List.of("x".repeat(2000), "\u00ff\u00fe", " ",
                        "%00", "NOT_A_CONSTANT")));
            }
        }
        builder.uri(URI.create(base.toString().replaceAll("/$", "") + path + query));
        if (random.nextInt(4) == 0) {
            builder.header("Accept", pick(random, ODD_ACCEPTS));
        }
        Body body = new Body(null, new byte[0]);
        if (!operation.bodies().isEmpty() || random.nextInt(4) == 0) {
            List<String> declared = new ArrayList<>(operation.bodies().keySet());
            body = body(operation, declared.isEmpty() || random.nextInt(3) == 0
                    ? pick(random, ODD_CONTENT_TYPES)
                    : pick(random, declared), session, random);
        }
        if (body.contentType() != null) {
            builder.header("Content-Type", body.contentType());
        }
        if (caller != null) {
            if (operation.isApi()) {
                builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (caller + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
            } else {
                builder.header("Cookie", session.cookies());
            }
        }
        return builder.method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
    }

    /**
     * A body for the content type: for JSON a document of the operation's schema with at least one value it cannot
     * take (or no JSON at all); for forms the fields with bad values and the caller's CSRF token; else bytes that are
     * neither UTF-8 nor what was asked for.
     */
    private Body body(Operation operation, String contentType, Session session, Random random) {
        JsonNode schema = operation.bodies().containsKey(contentType)
                ? resolve(operation.bodies().get(contentType))
                : null;
        if (contentType.startsWith("application/json") && schema != null) {
            if (random.nextInt(4) == 0) {
                return new Body(contentType, pick(random, List.of("{", "[]", "\"text\"", "1e999", "null", "{\"a\":",
                        "[".repeat(5000), "{\"x\":\"" + "长".repeat(200_000) + "\"}", "\uFEFF{}")).getBytes(
                                StandardCharsets.UTF_8));
            }
            return new Body(contentType, withOneImpossibleValue(schema, random).getBytes(StandardCharsets.UTF_8));
        }
        if (contentType.startsWith("application/x-www-form-urlencoded") && schema != null) {
            StringBuilder form = new StringBuilder();
            if (session != null && session.csrfToken() != null) {
                form.append("csrf-token=").append(encode(session.csrfToken()));
            }
            for (Iterator<String> fields = schema.path("properties").fieldNames(); fields.hasNext();) {
                String field = fields.next();
                if (!field.equals("csrf-token")) {
                    form.append(form.isEmpty() ? "" : "&").append(field).append('=')
                            .append(pick(random, BAD_QUERY_VALUES));
                }
            }
            return new Body(contentType, form.toString().getBytes(StandardCharsets.US_ASCII));
        }
        if (contentType.startsWith("multipart/form-data") && schema != null) {
            String boundary = "fuzz" + random.nextInt(1_000_000);
            StringBuilder parts = new StringBuilder();
            if (session != null && session.csrfToken() != null) {
                parts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"csrf-token\"")
                        .append("\r\n\r\n").append(session.csrfToken()).append("\r\n");
            }
            for (Iterator<String> fields = schema.path("properties").fieldNames(); fields.hasNext();) {
                String field = fields.next();
                parts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                        .append(field).append("\"; filename=\"").append(pick(random, List.of("a.pdf", "<x>.docx",
                                "x".repeat(1000) + ".csv", "\u00e4.xlsx")))
                        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .append(pick(random, List.of("%PDF-1.4\n<html>", "PK\u0003\u0004junk", "\u00ff\u00fe\u0000",
                                "category,lead,level\n\u00c4,\u00d6,\u00dc")))
                        .append("\r\n");
            }
            parts.append("--").append(boundary).append("--\r\n");
            return new Body("multipart/form-data; boundary=" + boundary,
                    parts.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        return new Body(contentType, pick(random, List.of("\u00ff\u00fe\u0000\u00c4 not UTF-8",
                "%PDF-1.4\n<html><script>", "", "MZ\u0090\u0000program", "category,lead,level\n1602,\u00d6,CITY"))
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A document of the schema in which one value, somewhere, is of a kind the schema does not allow. */
    private String withOneImpossibleValue(JsonNode schema, Random random) {
        JsonNode document = plausible(schema, random, 0);
        if (!(document instanceof ObjectNode object) || object.isEmpty()) {
            return "\"\\ud800\"";
        }
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        String field = pick(random, fields);
        JsonNode fieldSchema = resolve(resolve(schema).path("properties").path(field));
        // a placeholder replaced afterwards, as Jackson would write a lone surrogate as a question mark
        object.put(field, "IMPOSSIBLE");
        String impossible = switch (type(fieldSchema)) {
            case "string" -> fieldSchema.has("enum")
                    ? pick(random, List.of("3", "\"NOT_A_CONSTANT\"", "{}"))
                    : pick(random, List.of("\"\\ud800\"", "\"a\\udc00b\"", "{}", "[\"x\"]", "\"\\u0000\""));
            case "integer", "number" -> pick(random, List.of("\"abc\"", "1.5", "{}", "1e400", "[1]"));
            case "boolean" -> pick(random, List.of("\"maybe\"", "{}", "[true]"));
            case "array" -> pick(random, List.of("{}", "\"x\"", "[\"\\ud800\"]"));
            default -> pick(random, List.of("\"x\"", "[]", "1"));
        };
        return object.toString().replace("\"IMPOSSIBLE\"", impossible);
    }

    /** A value the schema would take, with strings that are odd but valid text. */
    private JsonNode plausible(JsonNode schema, Random random, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return resolved.get("enum").get(random.nextInt(resolved.get("enum").size()));
        }
        switch (type(resolved)) {
            case "object" :
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    resolved.path("properties").fields().forEachRemaining(
                            property -> object.set(property.getKey(), plausible(property.getValue(), random,
                                    depth + 1)));
                }
                return object;
            case "array" :
                ArrayNode array = NODES.arrayNode();
                if (depth < 4 && random.nextBoolean()) {
                    array.add(plausible(resolved.path("items"), random, depth + 1));
                }
                return array;
            case "integer" :
                return NODES.numberNode(pick(random, List.of(0, 1, -1, Integer.MAX_VALUE, 30)));
            case "number" :
                return NODES.numberNode(pick(random, List.of(0.0, -1.5, 1e300)));
            case "boolean" :
                return NODES.booleanNode(random.nextBoolean());
            default :
                String format = resolved.path("format").asText("");
                if (format.equals("date")) {
                    return NODES.textNode(pick(random, List.of("2026-02-30", "0001-01-01", "9999-12-31")));
                }
                if (format.equals("date-time")) {
                    return NODES.textNode(pick(random, List.of("2026-02-13T14:00:00+08:00", "0001-01-01T00:00:00Z",
                            "9999-12-31T23:59:59+18:00")));
                }
                return NODES.textNode(pick(random, List.of("", " ", "x".repeat(20_000), "DROP TABLE", "%_\\'\"",
                        "𠀀𠀁", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "PT99999999999H")));
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(current.get("allOf").get(0));
        }
        return current;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        return type.asText(schema.has("properties") ? "object" : "string");
    }

    private static List<Operation> operations(JsonNode openApi) {
        List<Operation> operations = new ArrayList<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String method = entry.getKey().toUpperCase(Locale.ROOT);
            if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                return;
            }
            List<Parameter> parameters = new ArrayList<>();
            for (JsonNode parameter : entry.getValue().path("parameters")) {
                parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                        parameter.path("schema")));
            }
            Map<String, JsonNode> bodies = new LinkedHashMap<>();
            entry.getValue().path("requestBody").path("content").fields().forEachRemaining(
                    content -> bodies.put(content.getKey(), content.getValue().path("schema")));
            operations.add(new Operation(method, path.getKey(), parameters, bodies));
        }));
        return operations;
    }

    /** Signs in through the login form and reads the CSRF token of a page every role may open. */
    private Session signIn(String user) throws IOException, InterruptedException {
        String session = Pages.SESSION_COOKIE + "=" + Pages.signIn(user, Api.PASSWORD);
        HttpResponse<String> account = http.send(HttpRequest.newBuilder(base.resolve("/account"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF_FIELD.matcher(account.body());
        String csrf = cookie(account, "csrf-token");
        return new Session(csrf == null ? session : session + "; " + csrf, token.find() ? token.group(1) : null);
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElse(null);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
