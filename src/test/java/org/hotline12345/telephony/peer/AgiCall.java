package org.hotline12345.telephony.peer;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One call reaching a FastAGI server the way Asterisk 20's {@code AGI(agi://127.0.0.1:port/script?query)} does: it
 * sends the {@code agi_*} environment and a blank line, then answers each command of the script as res_agi does, until
 * the server closes the connection or the timeout passes.
 * <p>
 * Answered: ANSWER, STREAM FILE, EXEC, VERBOSE, NOOP, HANGUP, SET VARIABLE, GET VARIABLE and GET FULL VARIABLE;
 * anything else gets {@code 510 Invalid or unknown command}, so that a script using more fails loudly here. Once the
 * caller has hung up, the commands Asterisk allows on a dead channel (variables, EXEC, VERBOSE, NOOP) are still
 * answered and the rest get {@code 511}.
 */
public final class AgiCall {

    public static final String ASTERISK_VERSION = "22.10.1";

    /** The commands answered here, with the fewest words (command included) res_agi accepts for each. */
    private static final Map<String, Integer> COMMANDS = Map.of("get full variable", 4, "get variable", 3,
            "set variable", 4, "stream file", 4, "answer", 1, "exec", 2, "verbose", 2, "noop", 1, "hangup", 1);
    private static final Set<String> DEAD_CHANNEL_COMMANDS = Set.of("exec", "get variable", "get full variable",
            "set variable", "verbose", "noop");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

    private final int port;
    private final String script;
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private String channel = "PJSIP/trunk-00000001";
    private String uniqueId = "1700000000.1";
    private String callerId = "13800138000";
    private int hangUpAfter = -1;
    private int closeAfter = -1;

    /** A call to {@code agi://127.0.0.1:port/script}; {@code script} may carry a query, e.g. {@code menu?choice=2}. */
    public AgiCall(int port, String script) {
        this.port = port;
        this.script = script;
    }

    public AgiCall channel(String name, String uniqueId) {
        this.channel = name;
        this.uniqueId = uniqueId;
        return this;
    }

    public AgiCall callerId(String number) {
        this.callerId = number;
        return this;
    }

    /** The AGI application's arguments after the URL, sent as {@code agi_arg_1}... */
    public AgiCall args(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    /** A channel variable the dialplan set before calling AGI. */
    public AgiCall variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /**
     * The caller hangs up once {@code commands} commands have been answered: Asterisk writes {@code HANGUP} and the
     * channel is dead from then on.
     */
    public AgiCall hangUpAfter(int commands) {
        this.hangUpAfter = commands;
        return this;
    }

    /** The connection breaks once {@code commands} commands have been answered. */
    public AgiCall closeAfter(int commands) {
        this.closeAfter = commands;
        return this;
    }

    /**
     * What happened on the wire. {@code variables}: what the script set, in order, the last value of each;
     * {@code closedByServer}: whether the server ended the connection within the timeout.
     */
    public record Transcript(List<String> commands, Map<String, String> variables, boolean closedByServer) {
    }

    /** Places the call, retrying the connection while nothing listens yet, and plays it until {@code timeout}. */
    public Transcript run(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> commands = new ArrayList<>();
        Map<String, String> set = new LinkedHashMap<>();
        Map<String, String> channelVariables = new LinkedHashMap<>(variables);
        channelVariables.putIfAbsent("CALLERID(num)", callerId);
        channelVariables.putIfAbsent("CALLERID(name)", callerId);
        channelVariables.putIfAbsent("UNIQUEID", uniqueId);
        try (Socket socket = connect(deadline)) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
            out.write(environment().getBytes(UTF_8));
            out.flush();
            boolean dead = false;
            while (true) {
                if (commands.size() == closeAfter) {
                    return new Transcript(commands, set, false);
                }
                if (commands.size() == hangUpAfter && !dead) {
                    dead = true;
                    out.write("HANGUP\n".getBytes(UTF_8));
                    out.flush();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new Transcript(commands, set, false);
                }
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                String line;
                try {
                    line = in.readLine();
                } catch (SocketTimeoutException e) {
                    return new Transcript(commands, set, false);
                }
                if (line == null) {
                    return new Transcript(commands, set, true);
                }
                commands.add(line);
                List<String> argv = parse(line);
                String command = commandName(argv);
                String reply = reply(command, argv, channelVariables, set, dead);
                if ("hangup".equals(command) && !dead) {
                    dead = true;
                    reply += "\nHANGUP";
                }
                out.write((reply + "\n").getBytes(UTF_8));
                out.flush();
            }
        }
    }

    private Socket connect(long deadline) throws IOException, InterruptedException {
        while (true) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return socket;
            } catch (ConnectException e) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    private String environment() {
        StringBuilder env = new StringBuilder();
        env.append("agi_network: yes\n");
        line(env, "network_script", script);
        line(env, "request", "agi://127.0.0.1:" + port + "/" + script);
        line(env, "channel", channel);
        line(env, "language", "zh");
        line(env, "type", channel.substring(0, channel.indexOf('/')));
        line(env, "uniqueid", uniqueId);
        line(env, "version", ASTERISK_VERSION);
        line(env, "callerid", callerId);
        line(env, "calleridname", "unknown");
        line(env, "callingpres", "0");
        line(env, "callingani2", "0");
        line(env, "callington", "0");
        line(env, "callingtns", "0");
        line(env, "dnid", "12345");
        line(env, "rdnis", "unknown");
        line(env, "context", "hotline-ivr");
        line(env, "extension", "12345");
        line(env, "priority", "2");
        line(env, "enhanced", "0.0");
        line(env, "accountcode", "");
        line(env, "threadid", "140245678901234");
        for (int i = 0; i < args.size(); i++) {
            line(env, "arg_" + (i + 1), args.get(i));
        }
        return env.append('\n').toString();
    }

    private static void line(StringBuilder env, String name, String value) {
        env.append("agi_").append(name).append(": ").append(value).append('\n');
    }

    private static String reply(String command, List<String> argv, Map<String, String> variables,
            Map<String, String> set, boolean dead) {
        if (command == null) {
            return "510 Invalid or unknown command";
        }
        if (dead && !DEAD_CHANNEL_COMMANDS.contains(command)) {
            return "511 Command Not Permitted on a dead channel or intercept routine";
        }
        if (argv.size() < COMMANDS.get(command)) {
            return "520-Invalid command syntax.  Proper usage follows:\n520 End of proper usage.";
        }
        return switch (command) {
            case "answer", "exec", "noop" -> "200 result=0";
            case "stream file" -> "200 result=0 endpos=16000";
            case "set variable" -> {
                variables.put(argv.get(2), argv.get(3));
                set.put(argv.get(2), argv.get(3));
                yield "200 result=1";
            }
            case "get variable" -> variables.containsKey(argv.get(2))
                    ? "200 result=1 (" + variables.get(argv.get(2)) + ")"
                    : "200 result=0";
            case "get full variable" -> "200 result=1 (" + substitute(argv.get(3), variables) + ")";
            default -> "200 result=1";
        };
    }

    /** The command's words as res_agi knows them, or null. */
    private static String commandName(List<String> argv) {
        List<String> words = argv.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        for (String command : COMMANDS.keySet()) {
            List<String> name = List.of(command.split(" "));
            if (words.size() >= name.size() && words.subList(0, name.size()).equals(name)) {
                return command;
            }
        }
        return null;
    }

    private static String substitute(String expression, Map<String, String> variables) {
        Matcher matcher = EXPRESSION.matcher(expression);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(variables.getOrDefault(matcher.group(1), "")));
        }
        return matcher.appendTail(result).toString();
    }

    /** Splits a command line into words as res_agi's parse_args does: double quotes group, backslash escapes. */
    static List<String> parse(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        boolean escaped = false;
        for (char c : line.toCharArray()) {
            if (c == '"' && !escaped) {
                quoted = !quoted;
                if (quoted && word == null) {
                    word = new StringBuilder();
                }
            } else if ((c == ' ' || c == '\t') && !quoted && !escaped) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '\\' && !escaped) {
                escaped = true;
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                word.append(c);
                escaped = false;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
