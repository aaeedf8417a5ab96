package org.pana.credentials;

import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns a document's XHTML into a PDF with the fonts Pana ships (resources/fonts: Noto Sans for Latin and Cyrillic with
 * the Kazakh letters, Noto Naskh Arabic for Arabic script), embedded as subsets so the PDF prints the same anywhere.
 * Arabic-script text is split into right-to-left runs by ICU and joined by {@link ArabicScriptShaping}.
 */
@Component
class PdfRenderer {

    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);

    /** The font families the templates name in their CSS ({@code font-family: 'Noto Sans', 'Noto Naskh Arabic'}). */
    static final String LATIN_AND_CYRILLIC = "Noto Sans", ARABIC_SCRIPT = "Noto Naskh Arabic";

    private record EmbeddedFont(String family, int weight, byte[] bytes) {}

    private final List<EmbeddedFont> fonts;
    private final ArabicScriptShaping shaping = new ArabicScriptShaping();

    PdfRenderer() {
        // openhtmltopdf logs every page it lays out, with the text in it: names must not reach the log.
        XRLog.setLoggingEnabled(false);
        // Read once: inside the jar the fonts are not files, and rendering must not touch the disk each time.
        fonts = List.of(
                new EmbeddedFont(LATIN_AND_CYRILLIC, 400, classpathBytes("fonts/NotoSans-Regular.ttf")),
                new EmbeddedFont(LATIN_AND_CYRILLIC, 700, classpathBytes("fonts/NotoSans-Bold.ttf")),
                new EmbeddedFont(ARABIC_SCRIPT, 400, classpathBytes("fonts/NotoNaskhArabic-Regular.ttf")),
                new EmbeddedFont(ARABIC_SCRIPT, 700, classpathBytes("fonts/NotoNaskhArabic-Bold.ttf")));
    }

    /** The PDF of a well-formed XHTML document (openhtmltopdf parses XML, not tag soup). */
    byte[] render(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("Pana");
        builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        builder.useUnicodeBidiReorderer(shaping);
        builder.defaultTextDirection(TextDirection.LTR);
        for (EmbeddedFont font : fonts) {
            builder.useFont(() -> new ByteArrayInputStream(font.bytes()), font.family(), font.weight(), FontStyle.NORMAL, true);
        }
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render a document to PDF", e);
        }
        return pdf.toByteArray();
    }

    /**
     * The first render loads and compiles openhtmltopdf and PDFBox (about 2 s); done once in the background after
     * start-up, so that neither start-up nor the first officer printing a certificate waits for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread warmUp = new Thread(() -> {
            try {
                render(WARM_UP_PAGE);
            } catch (RuntimeException e) {
                log.warn("The PDF renderer's warm-up failed; the first document will render slowly or fail: {}", e.toString());
            }
        }, "pdf-renderer-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private static final String WARM_UP_PAGE = """
            <html><head><style>@page { size: 85.6mm 53.98mm; margin: 3mm; }
            body { font-family: 'Noto Sans', 'Noto Naskh Arabic'; } b { font-weight: bold; }</style></head>
            <body><p>Pana <b>Қазақстан</b></p><p dir="rtl">پناهنده <b>لاجئ</b></p></body></html>""";

    private static byte[] classpathBytes(String path) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("Font missing from the classpath: " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the font " + path, e);
        }
    }
}
