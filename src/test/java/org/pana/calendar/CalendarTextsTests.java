package org.pana.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
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
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every visible text of the calendar's pages comes from its message bundles, in all three languages. */
class CalendarTextsTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates/calendar");
    private static final List<String> TEXT_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label", "label");

    @Test
    void writesNoTextDirectlyIntoTheTemplates() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            Document html = Jsoup.parse(Files.readString(template));
            for (Element element : html.getAllElements()) {
                for (TextNode text : element.textNodes()) {
                    if (!text.isBlank()) hardCoded.add(template.getFileName() + ": \"" + text.text().strip() + "\"");
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    if (element.hasAttr(attribute)) hardCoded.add(template.getFileName() + ": " + attribute + "=\""
                            + element.attr(attribute) + "\"");
                }
            }
        }
        assertThat(hardCoded).isEmpty();
    }

    @Test
    void hasTheSameCalendarKeysInEnglishRussianAndKazakh() throws IOException {
        Set<String> english = keys("calendar.properties");

        assertThat(english).isNotEmpty().allMatch(key -> key.startsWith("calendar."));
        assertThat(keys("calendar_ru.properties")).isEqualTo(english);
        assertThat(keys("calendar_kk.properties")).isEqualTo(english);
    }

    @Test
    void definesEveryKeyTheTemplatesAndTheCodeUse() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("calendar\\.[A-Za-z0-9._\\-]+[A-Za-z0-9]");
        for (Path template : templates()) {
            Matcher found = Pattern.compile("#\\{(calendar\\.[^}(]+)").matcher(Files.readString(template));
            while (found.find()) used.add(found.group(1));
        }
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/org/pana/calendar"))) {
            for (Path source : sources.toList()) {
                Matcher found = Pattern.compile("\"(calendar\\.[a-z0-9.\\-]+)\"").matcher(Files.readString(source));
                while (found.find()) used.add(found.group(1));
            }
        }
        for (DayOffKind kind : DayOffKind.values()) used.add("calendar.kind." + kind.name());

        assertThat(used).allMatch(k -> key.matcher(k).matches()).hasSizeGreaterThan(20);
        assertThat(keys("calendar.properties")).containsAll(used);
    }

    @ParameterizedTest
    @ValueSource(strings = {"calendar.properties", "calendar_ru.properties", "calendar_kk.properties"})
    void isWrittenInUtf8(String bundle) throws IOException {
        try (InputStream in = resource(bundle)) {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes()));
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            List<Path> templates = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
            assertThat(templates).isNotEmpty();
            return templates;
        }
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(resource(bundle), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static InputStream resource(String bundle) {
        InputStream in = CalendarTextsTests.class.getClassLoader().getResourceAsStream("messages/" + bundle);
        assertThat(in).as(bundle).isNotNull();
        return in;
    }
}
