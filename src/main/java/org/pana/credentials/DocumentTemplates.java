package org.pana.credentials;

import com.ibm.icu.lang.UScript;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Prints a {@link PrintedDocument}: fills the Thymeleaf template of its type and layout
 * ({@code templates/credentials/<type>-<layout>.html}) in the document's language and renders it to PDF. The templates
 * draw exactly the printed fields and the QR code of the verification URL, nothing else.
 */
@Component
class DocumentTemplates {

    /** The type templates that exist; the decision letter and the border referral slip have none yet. */
    private static final Map<DocumentType, String> TEMPLATE_NAMES = Map.of(
            DocumentType.ASYLUM_SEEKER_CERTIFICATE, "asylum-seeker-certificate",
            DocumentType.REFUGEE_CERTIFICATE, "refugee-certificate");

    /** Day, month, year as Kazakh and Russian documents print them; also on the English version, so all read alike. */
    static final DateTimeFormatter PRINTED_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final ITemplateEngine templates;
    private final PdfRenderer renderer;

    DocumentTemplates(ITemplateEngine templates, PdfRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    /** The document as a PDF: one A4 page, or the two sides of an ID-1 card. */
    byte[] pdf(PrintedDocument document) {
        return renderer.render(xhtml(document));
    }

    /** The filled template: XHTML, as the PDF renderer needs. */
    String xhtml(PrintedDocument document) {
        String type = TEMPLATE_NAMES.get(document.type());
        if (type == null) throw new IllegalArgumentException("No printed template for " + document.type() + " yet");
        Context context = new Context(Locale.forLanguageTag(document.language()));
        context.setVariable("document", document);
        context.setVariable("names", document.names().stream().map(NameLine::of).toList());
        context.setVariable("validFrom", printed(document.validFrom()));
        context.setVariable("validUntil", printed(document.validUntil()));
        context.setVariable("issuedOn", printed(document.issuedOn()));
        context.setVariable("children", document.includedChildren() == null ? List.of() : document.includedChildren());
        context.setVariable("photo", document.photo() == null ? null : imageUri(document.photo()));
        context.setVariable("qr", QrCodes.dataUri(document.verificationUrl()));
        return templates.process("credentials/" + type + "-" + document.layout().name().toLowerCase(Locale.ROOT), context);
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
