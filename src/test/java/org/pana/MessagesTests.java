package org.pana;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pana.access.OrganisationType;
import org.pana.access.Role;
import org.pana.audit.AuditOutcome;
import org.pana.calendar.DayOffKind;

/**
 * Every word on every page comes from the message bundles, and every bundle exists in English, Russian
 * and Kazakh with the same keys. Fails on a missing key, a missing translation or hard-coded text.
 */
class MessagesTests {

    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final List<String> LANGUAGES = List.of("", "_ru", "_kk");
    static final Pattern LITERAL_KEY = Pattern.compile("#\\{([\\w.\\-]+)");
    static final List<String> TEXT_ATTRIBUTES = List.of("placeholder", "title", "alt", "aria-label", "value");

    static List<String> families() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        }
    }

    @Test
    void listsEveryBundleFamilyInTheApplicationConfiguration() throws IOException {
        String configured = Files.readString(Path.of("src/main/resources/application.properties"));
        for (String family : families()) assertThat(configured).contains("messages/" + family);
        assertThat(families()).contains("platform", "access", "audit", "calendar");
    }

    @ParameterizedTest
    @MethodSource("families")
    void translatesEveryKeyIntoRussianAndKazakh(String family) throws IOException {
        Set<String> english = keys(family + ".properties");
        assertThat(keys(family + "_ru.properties")).isEqualTo(english);
        assertThat(keys(family + "_kk.properties")).isEqualTo(english);
        for (String language : LANGUAGES) {
            String bundle = family + language + ".properties";
            byte[] bytes = Files.readAllBytes(MESSAGES.resolve(bundle));
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                throw new AssertionError(bundle + " is not valid UTF-8", e);
            }
            assertThat(load(bundle).values()).as(bundle).allMatch(value -> !value.toString().isBlank());
        }
    }

    @Test
    void definesNoKeyInTwoBundles() throws IOException {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (String family : families()) {
            for (String key : keys(family + ".properties")) {
                String previous = owner.put(key, family);
                if (previous != null) clashes.add(key + " in " + previous + " and " + family);
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void definesEveryKeyThePagesUse() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path template : templates()) {
            Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
            while (matcher.find()) used.add(matcher.group(1));
        }
        for (Role role : Role.values()) used.add("role." + role.name());
        for (OrganisationType type : OrganisationType.values()) used.add("organisation-type." + type.name());
        for (AuditOutcome outcome : AuditOutcome.values()) used.add("audit.outcome." + outcome.name());
        for (DayOffKind kind : DayOffKind.values()) used.add("calendar.kind." + kind.name());
        for (String code : List.of("date", "range", "length", "page", "size")) used.add("audit.error." + code);
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            Pattern inCode = Pattern.compile("\"((?:home|calendar|audit|admin|login|layout|error)\\.[a-z0-9.\\-]*[a-z0-9])\"");
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = inCode.matcher(Files.readString(source));
                while (matcher.find()) used.add(matcher.group(1));
            }
        }
        Set<String> defined = new TreeSet<>();
        for (String family : families()) defined.addAll(keys(family + ".properties"));
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(defined).containsAll(used);
    }

    @Test
    void hasNoHardCodedTextInAnyTemplate() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            hardCoded.addAll(hardCodedTextIn(TEMPLATES.relativize(template).toString(), Files.readString(template)));
        }
        assertThat(hardCoded).isEmpty();
    }

    @Test
    void recognisesHardCodedText() {
        assertThat(hardCodedTextIn("t", "<p>Audit trail</p>")).hasSize(1);
        assertThat(hardCodedTextIn("t", "<input placeholder=\"Username\">")).hasSize(1);
        assertThat(hardCodedTextIn("t", "<p th:text=\"#{audit.title}\">Audit trail</p>")).isEmpty();
        assertThat(hardCodedTextIn("t", "<p th:text=\"#{audit.title}\"><span>Audit</span></p>")).isEmpty();
        assertThat(hardCodedTextIn("t", "<input th:placeholder=\"#{audit.search.actor}\">")).isEmpty();
        assertThat(hardCodedTextIn("t", "<a lang=\"ru\" hreflang=\"ru\">Русский</a>")).as("a language's own name").isEmpty();
    }

    static List<String> hardCodedTextIn(String name, String html) {
        List<String> hardCoded = new ArrayList<>();
        for (Element element : Jsoup.parse(html).getAllElements()) {
            boolean replaced = element.hasAttr("th:text") || element.hasAttr("th:utext") || element.hasAttr("th:replace")
                    || element.hasAttr("th:insert");
            boolean autonym = element.hasAttr("lang") && element.hasAttr("hreflang");
            if (!element.ownText().isBlank() && !replaced && !autonym && !insideReplaced(element)) {
                hardCoded.add(name + ": <" + element.tagName() + ">" + element.ownText());
            }
            for (String attribute : TEXT_ATTRIBUTES) {
                if (element.hasAttr(attribute) && !element.attr(attribute).isBlank() && !element.attr("type").equals("hidden")) {
                    hardCoded.add(name + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
                }
            }
        }
        return hardCoded;
    }

    private static boolean insideReplaced(Element element) {
        for (Element parent : element.parents()) {
            if (parent.hasAttr("th:text") || parent.hasAttr("th:utext")) return true;
        }
        return false;
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    static Set<String> keys(String bundle) throws IOException {
        return new TreeSet<>(load(bundle).stringPropertyNames());
    }

    static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(MESSAGES.resolve(bundle), StandardCharsets.UTF_8)));
        return properties;
    }
}
