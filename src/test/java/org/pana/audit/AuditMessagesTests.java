package org.pana.audit;

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
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every word on the audit pages comes from the message bundles, and the bundles speak English, Russian and Kazakh alike. */
class AuditMessagesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/audit");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([\\w.\\-]+)");
    private static final List<String> TEXT_ATTRIBUTES = List.of("placeholder", "title", "alt", "aria-label", "value");

    @ParameterizedTest
    @ValueSource(strings = {"audit_ru.properties", "audit_kk.properties"})
    void translatesEveryKeyOfTheEnglishBundle(String bundle) throws IOException {
        assertThat(keysOf(bundle)).isEqualTo(keysOf("audit.properties"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit.properties", "audit_ru.properties", "audit_kk.properties"})
    void keepsItsKeysUnderTheAuditPrefixInUtf8(String bundle) throws IOException {
        assertThat(keysOf(bundle)).allMatch(key -> key.startsWith("audit."));
        byte[] bytes = Files.readAllBytes(MESSAGES.resolve(bundle));
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new AssertionError(bundle + " is not valid UTF-8", e);
        }
        assertThat(load(bundle).values()).allMatch(value -> !value.toString().isBlank());
    }

    @Test
    void hasAMessageForEveryKeyTheTemplatesAndFormErrorsUse() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path template : templates()) {
            Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) used.add(matcher.group(1));
        }
        for (AuditOutcome outcome : AuditOutcome.values()) used.add("audit.outcome." + outcome.name());
        for (String code : List.of("date", "range", "length", "page", "size")) used.add("audit.error." + code);

        assertThat(used).hasSizeGreaterThan(30);
        assertThat(keysOf("audit.properties")).containsAll(used);
    }

    @Test
    void hasNoHardCodedTextInItsTemplates() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            hardCoded.addAll(hardCodedTextIn(template.getFileName().toString(), Files.readString(template)));
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
    }

    private static List<String> hardCodedTextIn(String name, String html) {
        List<String> hardCoded = new ArrayList<>();
        for (Element element : Jsoup.parse(html).getAllElements()) {
            boolean replaced = element.hasAttr("th:text") || element.hasAttr("th:utext") || element.hasAttr("th:replace");
            if (!element.ownText().isBlank() && !replaced && !insideReplaced(element)) {
                hardCoded.add(name + ": <" + element.tagName() + ">" + element.ownText());
            }
            for (String attribute : TEXT_ATTRIBUTES) {
                if (element.hasAttr(attribute) && !element.attr(attribute).isBlank()) {
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

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Set<String> keysOf(String bundle) throws IOException {
        return new TreeSet<>(load(bundle).stringPropertyNames());
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(MESSAGES.resolve(bundle), StandardCharsets.UTF_8)));
        return properties;
    }
}
