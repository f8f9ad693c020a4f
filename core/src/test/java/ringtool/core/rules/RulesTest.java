package ringtool.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ringtool.core.payload.ProtocolDissector;
import ringtool.core.payload.Protocols;

/**
 * The registry's naming rules, so that one search leads from a rule ID to its check: each ID is written as a
 * literal exactly once in core's sources (in Rules.java, or a protocol's rules class), its constant's name is a
 * mechanical function of it, and its group is its first component.
 */
class RulesTest {

    /** {@code pkt.len8.too_small} is {@code PKT_LEN8_TOO_SMALL}; {@code model.linux-5.14.desync} is {@code
     * MODEL_LINUX_5_14_DESYNC}. */
    static String constantName(String id) {
        return id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * The registry's constants, then each protocol's: a protocol {@code name} keeps its rules in
     * {@code ringtool.core.payload.<name>.<Name>Rules} (balloon: {@code BalloonRules}).
     */
    private static Map<String, Rule> constants() throws IllegalAccessException {
        Map<String, Rule> byName = constants(Rules.class);
        for (ProtocolDissector d : Protocols.all()) {
            byName.putAll(constants(rulesClass(d)));
        }
        return byName;
    }

    private static Class<?> rulesClass(ProtocolDissector d) {
        try {
            String file = registryFile(d.name());
            return Class.forName("ringtool.core.payload." + d.name() + "." + file.substring(0, file.length() - 5));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("protocol " + d.name() + " keeps no rules class", e);
        }
    }

    /** The one file that may write a rule's ID: Rules.java, or the protocol's rules class. */
    private static String registryFile(String group) {
        return Protocols.byName(group).isPresent()
                ? Character.toUpperCase(group.charAt(0)) + group.substring(1) + "Rules.java" : "Rules.java";
    }

    private static Map<String, Rule> constants(Class<?> holder) throws IllegalAccessException {
        Map<String, Rule> byName = new LinkedHashMap<>();
        for (Field f : holder.getDeclaredFields()) {
            if (f.getType() == Rule.class && Modifier.isStatic(f.getModifiers())) {
                assertTrue(Modifier.isPublic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()),
                        f.getName() + " is not public final");
                byName.put(f.getName(), (Rule) f.get(null));
            }
        }
        return byName;
    }

    @Test
    void everyConstantIsNamedAfterItsId() throws IllegalAccessException {
        List<String> wrong = new ArrayList<>();
        constants().forEach((name, rule) -> {
            if (!name.equals(constantName(rule.id()))) {
                wrong.add(name + " holds " + rule.id() + ", so it must be named " + constantName(rule.id()));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void theRegistryHoldsExactlyTheConstants() throws IllegalAccessException {
        assertEquals(List.copyOf(constants().values()), Rules.all());
        for (Rule r : Rules.all()) {
            assertEquals(r, Rules.byId(r.id()).orElseThrow());
        }
    }

    @Test
    void idsAreUniqueLowerCaseAndGroupedByTheirFirstComponent() {
        Set<String> seen = new HashSet<>();
        for (Rule r : Rules.all()) {
            assertTrue(seen.add(r.id()), "duplicate " + r.id());
            assertTrue(r.id().matches("[a-z][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)+"), "not a lower-case dotted ID: "
                    + r.id());
            assertEquals(r.id().substring(0, r.id().indexOf('.')), r.group(), r.id());
            assertTrue(!r.meaning().isBlank(), r.id() + " has no meaning");
        }
    }

    /**
     * A concatenated ID ("model." + name) or a second copy in a check would both fail here. Every module's main
     * sources count: the fuzz seeds and the CLI name rules by their constants too.
     */
    @Test
    void everyIdIsWrittenLiterallyOnceInAllMainSourcesAndThatOnceIsTheRegistry() throws IOException {
        Pattern literal = Pattern.compile("\"([a-z][a-z0-9_.-]*)\"");
        Map<String, List<String>> places = new LinkedHashMap<>();
        Rules.all().forEach(r -> places.put(r.id(), new ArrayList<>()));
        for (String module : List.of(".", "../output", "../fuzz", "../cli", "../bench")) {
            Path sources = Path.of(module, "src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    Matcher m = literal.matcher(read(p));
                    while (m.find()) {
                        List<String> at = places.get(m.group(1));
                        if (at != null) {
                            at.add(p.getFileName().toString());
                        }
                    }
                });
            }
        }
        List<String> wrong = new ArrayList<>();
        places.forEach((id, at) -> {
            if (!at.equals(List.of(registryFile(id.substring(0, id.indexOf('.')))))) {
                wrong.add(id + " written literally in " + at);
            }
        });
        assertEquals(List.of(), wrong);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theNameFunctionTurnsEveryNonAlphanumericIntoAnUnderscore() {
        assertEquals("PKT_LEN8_TOO_SMALL", constantName("pkt.len8.too_small"));
        assertEquals("MODEL_LINUX_5_14_DESYNC", constantName("model.linux-5.14.desync"));
    }
}
