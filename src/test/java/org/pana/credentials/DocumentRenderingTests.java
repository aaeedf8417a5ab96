package org.pana.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.ibm.icu.text.Normalizer2;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.codec.binary.Base32;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pana.credentials.PrintedDocument.PrintedName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;

/**
 * Issue 6, item 1: every certificate template, in Kazakh, Russian and English, A4 and ID-1, prints the holder's names
 * in Latin, Cyrillic (with the Kazakh letters) and Persian script, the number, the dates and the children, with and
 * without a photo. With Debian's pdftoppm (poppler-utils) each page also becomes a PNG in target/screenshots/, and the
 * QR code read back from that image must be the verification URL; without pdftoppm that part is skipped, unless
 * {@code -Dpana.pdftoppm.required=true} (CI sets it), when it fails.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DocumentRenderingTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String KAZAKH_LETTERS = "әғқңөұүһі";

    /** Persian letters that ICU's own shaper leaves unjoined (پ ژ چ گ ی), Kazakh letters in the Cyrillic lines. */
    static final List<PrintedName> ZAHRA = List.of(new PrintedName("Latn", "Zahra Rezaei"),
            new PrintedName("Cyrl", "Зәһра Рәзайі"), new PrintedName("Arab", "زهرا رضایی"));
    static final List<PrintedName> PEZHMAN = List.of(new PrintedName("Latn", "Pezhman Chegini"),
            new PrintedName("Cyrl", "Пежман Чегини"), new PrintedName("Arab", "پژمان چگینی"));
    static final List<String> ZAHRAS_CHILDREN = List.of("Ақерке Теңізқызы, 2018", "Үміт Өмірғалиұлы, 2021");

    /** The PDFs, rendered once for both tests. */
    static final Map<String, byte[]> RENDERED = new ConcurrentHashMap<>();

    @Autowired DocumentTemplates templates;
    @Autowired MessageSource messages;

    record Sample(DocumentType type, String language, Layout layout, boolean withPhoto) {
        @Override
        public String toString() {
            return type.name().toLowerCase(Locale.ROOT) + "-" + layout.name().toLowerCase(Locale.ROOT) + "-" + language
                    + (withPhoto ? "-photo" : "-no-photo");
        }

        /** Zahra, with her two children, when printed with a photo; Pezhman, alone, without one. */
        PrintedDocument document() {
            boolean zahra = withPhoto;
            int serial = Math.abs(toString().hashCode() % 900000) + 100000;
            String code = new Base32().encodeAsString(payload(serial)).replace("=", "");
            return new PrintedDocument(UUID.nameUUIDFromBytes(toString().getBytes()), type, "KAZ", language, layout,
                    "KAZ-26-" + serial, LocalDate.of(2026, 12, 4), letter() ? null : LocalDate.of(2027, 3, 3), zahra ? ZAHRA : PEZHMAN,
                    zahra ? "1991-05-17" : "1984", zahra ? "F" : "M", "AFG", zahra ? photo() : null,
                    zahra && !letter() ? ZAHRAS_CHILDREN : List.of(), "Migration Service, Almaty", LocalDate.of(2026, 12, 1),
                    "HTTPS://PANA.EXAMPLE.KZ/V/" + code, letter() ? body() : List.of());
        }

        /** A letter or slip: printed on A4 with a text below the holder's fields. */
        boolean letter() {
            return type == DocumentType.DECISION_LETTER || type == DocumentType.BORDER_REFERRAL_SLIP;
        }

        /** A decision letter long enough for two pages (reasons as the decision maker wrote them); a slip's few lines. */
        List<PrintedDocument.Section> body() {
            if (type == DocumentType.BORDER_REFERRAL_SLIP) {
                return List.of(new PrintedDocument.Section("Referral", "Asked for asylum at Nur Zholy (Khorgos) on 04.12.2026.", false),
                        new PrintedDocument.Section(null, "Handed over by 07.12.2026 18:30. Өтініш қаралып жатқанда қайтарылмайды.", false));
            }
            List<PrintedDocument.Section> sections = new ArrayList<>();
            sections.add(new PrintedDocument.Section("Decision", "Recognised as a refugee.", false));
            sections.add(new PrintedDocument.Section("Reasons", "As written by the decision maker:", false));
            sections.add(new PrintedDocument.Section(null, ("The applicant's account of persecution for her religion was consistent and detailed. "
                    + "Шешім қабылдаушы: өтініш берушінің айғақтары дәйекті. ").repeat(30), true));
            sections.add(new PrintedDocument.Section("Appeal", "Last paragraph of the letter: زهرا رضایی", false));
            return sections;
        }
    }

    static Stream<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        List<String> languages = List.of("kk", "ru", "en");
        for (DocumentType type : DocumentType.values()) {
            for (String language : languages) {
                for (Layout layout : type.layouts) {
                    boolean withPhoto = type != DocumentType.DECISION_LETTER && (type.ordinal() + languages.indexOf(language) + layout.ordinal()) % 2 == 0;
                    samples.add(new Sample(type, language, layout, withPhoto));
                }
            }
        }
        return samples.stream();
    }

    @Test
    void coversEveryKazakhLetterAndBothHoldersWithAndWithoutPhoto() {
        String cyrillic = (ZAHRA.get(1).text() + String.join(" ", ZAHRAS_CHILDREN)).toLowerCase(Locale.ROOT);
        for (char letter : KAZAKH_LETTERS.toCharArray()) assertThat(cyrillic).as("Kazakh letter " + letter).contains(String.valueOf(letter));
        for (DocumentType type : List.of(DocumentType.ASYLUM_SEEKER_CERTIFICATE, DocumentType.REFUGEE_CERTIFICATE)) {
            for (Layout layout : Layout.values()) {
                assertThat(samples().filter(s -> s.type() == type && s.layout() == layout).map(Sample::withPhoto))
                        .as(type + " " + layout).contains(true, false);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void printsEveryFieldInTheDocumentsLanguage(Sample sample) throws IOException {
        PrintedDocument document = sample.document();
        String text;
        try (PDDocument pdf = Loader.loadPDF(pdf(sample))) {
            assertThat(pdf.getNumberOfPages()).as("pages").isEqualTo(sample.type() == DocumentType.DECISION_LETTER ? 2 : sample.layout() == Layout.A4 ? 1 : 2);
            text = readable(new PDFTextStripper().getText(pdf));
        }
        Locale locale = Locale.forLanguageTag(sample.language());
        String title = "credentials.print." + sample.type().template + ".title";
        List<String> labels = sample.letter()
                ? List.of(title, "credentials.print.holder", "credentials.print.number", "credentials.print.issued-on", "credentials.print.scan",
                        sample.type() == DocumentType.DECISION_LETTER ? "credentials.print.decided-on" : "credentials.print.valid-from")
                : List.of(title, "credentials.print.holder", "credentials.print.number", "credentials.print.valid-until", "credentials.print.issued-by",
                        "credentials.print.scan");
        for (String key : labels) {
            // Labels are set in capitals by CSS (text-transform), which the PDF's text keeps.
            assertThat(text.toLowerCase(locale)).as(key).contains(words(messages.getMessage(key, null, locale).toLowerCase(locale)));
        }
        assertThat(text).as("the law of Kazakhstan").contains(words(messages.getMessage("credentials.print.legal-basis.KAZ", null, locale)));
        assertThat(text).contains(document.number(), "04.12.2026", "01.12.2026", document.birthDate(), document.issuer());
        if (document.validUntil() != null) assertThat(text).contains("03.03.2027");
        for (PrintedDocument.Section section : document.body()) {
            if (section.heading() != null) assertThat(text).contains(section.heading());
            String start = readable(section.text());
            assertThat(text).contains(words(start.substring(0, Math.min(60, start.length())).strip()));
        }
        for (PrintedName name : document.names()) {
            for (String word : name.text().split(" ")) assertThat(text).as(name.script() + " name").contains(word);
        }
        for (String child : document.includedChildren()) assertThat(text).contains(words(child));
        String noPhoto = messages.getMessage("credentials.print.no-photo", null, locale);
        if (sample.withPhoto() || sample.letter()) assertThat(text).doesNotContain(noPhoto);
        else assertThat(text).contains(noPhoto);
        assertThat(images(sample)).as("images: photo and QR code").isEqualTo(document.photo() == null ? 1 : 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void drawsAQrCodeThatReadsBackAsTheVerificationUrl(Sample sample) throws Exception {
        Path pdftoppm = pdftoppm();
        Path dir = Files.createDirectories(SCREENSHOTS);
        Path pdfFile = Files.createTempFile("pana-credential-", ".pdf");
        try {
            Files.write(pdfFile, pdf(sample));
            int pages;
            try (PDDocument pdf = Loader.loadPDF(pdf(sample))) {
                pages = pdf.getNumberOfPages();
            }
            BufferedImage qrSide = null;
            for (int page = 1; page <= pages; page++) {
                Path png = dir.resolve("credentials-" + sample + (pages > 1 ? "-side" + page : "") + ".png");
                Process run = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "100", "-f", "" + page, "-l", "" + page,
                        "-singlefile", pdfFile.toString(), png.toString().replaceAll("\\.png$", "")).redirectErrorStream(true).start();
                assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(run.exitValue()).as(new String(run.getInputStream().readAllBytes())).isZero();
                qrSide = ImageIO.read(png.toFile());
            }
            // The QR code is on the A4 sheet's only (a letter's last) page, and on the back (page 2) of the card.
            Result decoded = decode(qrSide);
            assertThat(decoded.getText()).isEqualTo(sample.document().verificationUrl());
            int darkInQrArea = darkPixels(qrSide, decoded.getResultPoints());
            assertThat(darkInQrArea).as("dark pixels in the QR code's area").isGreaterThan(100);
            if (sample.layout() == Layout.A4 && !sample.letter()) {
                assertThat(decoded.getResultPoints()[0].getY()).as("QR code in the lower half of the sheet").isGreaterThan(qrSide.getHeight() / 2f);
            }
        } finally {
            Files.deleteIfExists(pdfFile);
        }
    }

    @Test
    void joinsPersianLettersThatIcusShaperLeavesIsolated() {
        ArabicScriptShaping shaping = new ArabicScriptShaping();
        // پژمان: peh initial, zheh final (zheh never joins the next letter), meem initial, alef final, noon isolated.
        assertThat(shaping.shapeText("پژمان").codePoints().toArray()).containsExactly(0xFB58, 0xFB8B, 0xFEE3, 0xFE8E, 0xFEE5);
        // چگینی: tcheh initial, gaf medial, farsi yeh medial, noon medial, farsi yeh final.
        assertThat(shaping.shapeText("چگینی").codePoints().toArray()).containsExactly(0xFB7C, 0xFB95, 0xFBFF, 0xFEE8, 0xFBFD);
        assertThat(shaping.shapeText("سلام")).as("lam-alef ligature, final after seen").isEqualTo("\uFEB3\uFEFC\uFEE1");
        assertThat(shaping.shapeText("Зәһра 2026")).as("other scripts untouched").isEqualTo("Зәһра 2026");
        assertThat(shaping.deshapeText(shaping.shapeText("زهرا رضایی"))).isEqualTo("زهرا رضایی");
    }

    @Test
    void readsItsOwnQrCodeBackAndRefusesWhatNoQrCodeHolds() throws Exception {
        String url = "HTTPS://PANA.EXAMPLE.KZ/V/" + "A".repeat(186);
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(QrCodes.png(url)));
        assertThat(decode(image).getText()).isEqualTo(url);
        assertThat(image.getRGB(QrCodes.PIXELS_PER_MODULE * QrCodes.QUIET_ZONE_MODULES - 1, image.getHeight() / 2))
                .as("quiet zone").isEqualTo(Color.WHITE.getRGB());
        assertThat(QrCodes.dataUri("x")).startsWith("data:image/png;base64,iVBOR");
        assertThatThrownBy(() -> QrCodes.png("x".repeat(5000))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsLettersAndSlipsOnA4Only() {
        for (DocumentType type : List.of(DocumentType.DECISION_LETTER, DocumentType.BORDER_REFERRAL_SLIP)) {
            Sample card = new Sample(type, "en", Layout.ID1, false);
            assertThatThrownBy(() -> templates.pdf(card.document())).as(type.name()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aJurisdictionWithItsOwnTemplatesPrintsWithThemAndTheOthersWithTheCommonOnes() throws IOException {
        // src/test/resources/templates/credentials/tst/: a test jurisdiction's own refugee certificate on A4.
        PrintedDocument common = new Sample(DocumentType.REFUGEE_CERTIFICATE, "en", Layout.A4, true).document();
        PrintedDocument own = new PrintedDocument(common.id(), common.type(), "TST", "en", Layout.A4, common.number(), common.validFrom(),
                common.validUntil(), common.names(), common.birthDate(), common.sex(), common.nationality(), common.photo(), common.includedChildren(),
                common.issuer(), common.issuedOn(), common.verificationUrl(), List.of());
        assertThat(templates.template(own)).isEqualTo("credentials/tst/refugee-certificate-a4");
        assertThat(templates.template(common)).isEqualTo("credentials/refugee-certificate-a4");
        assertThat(templates.template(new Sample(DocumentType.REFUGEE_CERTIFICATE, "en", Layout.ID1, true).document()))
                .as("the test jurisdiction has no card of its own").isEqualTo("credentials/refugee-certificate-id1");
        try (PDDocument pdf = Loader.loadPDF(templates.pdf(own))) {
            String text = readable(new PDFTextStripper().getText(pdf));
            assertThat(text).contains("Test Republic refugee identity document", common.number())
                    .as("a jurisdiction the calendar does not know: the general line on the law, with its code")
                    .contains("Issued under the law on refugees of TST.");
        }
    }

    private byte[] pdf(Sample sample) {
        return RENDERED.computeIfAbsent(sample.toString(), key -> templates.pdf(sample.document()));
    }

    /** How many images the document draws on all its pages (photo and QR code; on a card, the photo on the front, the QR on the back). */
    private int images(Sample sample) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdf(sample))) {
            int images = 0;
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) images++;
                }
            }
            return images;
        }
    }

    /** The extracted text as letters (PDF text of Arabic script comes out as presentation forms), without bidi marks. */
    static String readable(String text) {
        return Normalizer2.getNFKCInstance().normalize(text).replaceAll("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "")
                .replaceAll("\\s+", " ");
    }

    /** A label's words as the stripper gives them back (line breaks become spaces); quotes and case kept. */
    static String[] words(String text) {
        return text.split("\\s+");
    }

    static Path pdftoppm() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "pdftoppm");
            if (Files.isExecutable(candidate)) return candidate;
        }
        String message = "pdftoppm is not on the PATH (Debian package poppler-utils: apt-get install -y poppler-utils).";
        if (Boolean.getBoolean("pana.pdftoppm.required")) fail(message + " It is required here (-Dpana.pdftoppm.required=true).");
        Assumptions.abort(message + " Skipped; set -Dpana.pdftoppm.required=true to fail instead.");
        return null;
    }

    static Result decode(BufferedImage image) throws NotFoundException, com.google.zxing.ChecksumException, com.google.zxing.FormatException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }

    /** Dark pixels inside the box spanned by the QR code's finder patterns. */
    static int darkPixels(BufferedImage image, ResultPoint[] corners) {
        int minX = image.getWidth(), minY = image.getHeight(), maxX = 0, maxY = 0;
        for (ResultPoint p : corners) {
            minX = Math.min(minX, (int) p.getX()); maxX = Math.max(maxX, (int) p.getX());
            minY = Math.min(minY, (int) p.getY()); maxY = Math.max(maxY, (int) p.getY());
        }
        int dark = 0;
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() + c.getGreen() + c.getBlue() < 3 * 100) dark++;
            }
        }
        return dark;
    }

    /** A 116-byte payload, the size research measured for the signed QR payload (its content does not matter here). */
    static byte[] payload(int seed) {
        byte[] bytes = new byte[116];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (seed * 31 + i * 7);
        return bytes;
    }

    /** A passport-style photo: a grey head and shoulders on light blue, as a JPEG. */
    static byte[] photo() {
        BufferedImage image = new BufferedImage(350, 450, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xDDE8F4));
        g.fillRect(0, 0, 350, 450);
        g.setColor(new Color(0x7A7F87));
        g.fillOval(105, 80, 140, 170);
        g.fillRoundRect(45, 270, 260, 220, 120, 120);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", jpeg);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return jpeg.toByteArray();
    }
}
