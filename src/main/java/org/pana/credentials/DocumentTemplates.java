package org.pana.credentials;

import com.ibm.icu.lang.UScript;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pana.calendar.UnknownJurisdiction;
import org.pana.calendar.WorkingCalendar;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Prints a {@link PrintedDocument}: fills the Thymeleaf template of its type and layout in the document's language and
 * renders it to PDF. A jurisdiction whose documents look different has its own templates
 * ({@code templates/credentials/<jurisdiction>/<type>-<layout>.html}, e.g. {@code credentials/kgz/...}); the others use
 * {@code templates/credentials/<type>-<layout>.html}. The law a document is issued under is the message
 * {@code credentials.print.legal-basis.<JURISDICTION>}, else the general one naming the country. The templates draw
 * exactly the printed fields, the letter's or slip's text and the QR code of the verification URL, nothing else.
 */
@Component
class DocumentTemplates {

    /** Day, month, year as Kazakh and Russian documents print them; also on the English version, so all read alike. */
    static final DateTimeFormatter PRINTED_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final ITemplateEngine templates;
    private final PdfRenderer renderer;
    private final ResourceLoader resources;
    private final MessageSource messages;
    private final WorkingCalendar calendar;
    /** Template name by jurisdiction, type and layout, looked up once. */
    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    DocumentTemplates(ITemplateEngine templates, PdfRenderer renderer, ResourceLoader resources, MessageSource messages, WorkingCalendar calendar) {
        this.templates = templates;
        this.renderer = renderer;
        this.resources = resources;
        this.messages = messages;
        this.calendar = calendar;
    }

    /** The document as a PDF: one A4 page, or the two sides of an ID-1 card. */
    byte[] pdf(PrintedDocument document) {
        return renderer.render(xhtml(document));
    }

    /** The filled template: XHTML, as the PDF renderer needs. */
    String xhtml(PrintedDocument document) {
        if (!document.type().layouts.contains(document.layout())) {
            throw new IllegalArgumentException("A " + document.type() + " is not printed as " + document.layout());
        }
        Locale locale = Locale.forLanguageTag(document.language());
        Context context = new Context(locale);
        context.setVariable("document", document);
        context.setVariable("names", document.names().stream().map(NameLine::of).toList());
        context.setVariable("validFrom", printed(document.validFrom()));
        context.setVariable("validUntil", printed(document.validUntil()));
        context.setVariable("issuedOn", printed(document.issuedOn()));
        context.setVariable("children", document.includedChildren() == null ? List.of() : document.includedChildren());
        context.setVariable("photo", document.photo() == null ? null : imageUri(document.photo()));
        context.setVariable("qr", QrCodes.dataUri(document.verificationUrl()));
        context.setVariable("body", document.body());
        context.setVariable("legalBasis", legalBasis(document.jurisdiction(), locale));
        return templates.process(template(document), context);
    }

    /** The jurisdiction's own template of the type and layout where it has one, else the common one. */
    String template(PrintedDocument document) {
        String name = document.type().template + "-" + document.layout().name().toLowerCase(Locale.ROOT);
        String jurisdiction = document.jurisdiction() == null ? "" : document.jurisdiction().toLowerCase(Locale.ROOT);
        return resolved.computeIfAbsent(jurisdiction + "/" + name, key -> jurisdiction.matches("[a-z]{2,3}")
                && resources.getResource("classpath:templates/credentials/" + key + ".html").exists() ? "credentials/" + key : "credentials/" + name);
    }

    private String legalBasis(String jurisdiction, Locale locale) {
        String own = messages.getMessage("credentials.print.legal-basis." + jurisdiction, null, null, locale);
        if (own != null) return own;
        String country;
        try {
            country = calendar.nameOf(jurisdiction).in(locale);
        } catch (UnknownJurisdiction unknown) {
            country = jurisdiction;
        }
        return messages.getMessage("credentials.print.legal-basis", new Object[] {country}, locale);
    }

    /** One printed name line; names in a right-to-left script (Arabic, Hebrew, …) are set right to left. */
    record NameLine(String text, boolean rightToLeft) {
        static NameLine of(PrintedDocument.PrintedName name) {
            int script = name.script() == null ? UScript.INVALID_CODE : UScript.getCodeFromName(name.script());
            boolean rightToLeft = script != UScript.INVALID_CODE ? UScript.isRightToLeft(script) : startsRightToLeft(name.text());
            return new NameLine(name.text(), rightToLeft);
        }

        private static boolean startsRightToLeft(String text) {
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                byte direction = Character.getDirectionality(c);
                if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) return true;
                if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) return false;
                i += Character.charCount(c);
            }
            return false;
        }
    }

    private static String printed(LocalDate date) {
        return date == null ? null : PRINTED_DATE.format(date);
    }

    /** Registration stores JPEG or PNG; the type is read from the bytes, not trusted from a name. */
    private static String imageUri(byte[] image) {
        boolean png = image.length > 4 && (image[0] & 0xFF) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G';
        return "data:image/" + (png ? "png" : "jpeg") + ";base64," + Base64.getEncoder().encodeToString(image);
    }
}
