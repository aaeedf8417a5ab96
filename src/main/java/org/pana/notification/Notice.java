package org.pana.notification;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A notice to be written: its kind, what it is about (a type such as {@code REFERRAL} and an id), a link inside
 * Pana, and one audience. It has no room for names or free text: notices are read by whole organisations and
 * must carry no personal data. The link is a path on this server ({@code /persons/...}); anything that could
 * lead elsewhere ({@code https:}, {@code //host}, a backslash) is refused, so a notice cannot send its reader
 * to another site.
 */
public record Notice(NoticeKind kind, String subjectType, UUID subjectId, String link, Audience audience) {

    private static final Pattern SUBJECT_TYPE = Pattern.compile("[A-Z][A-Z_]{0,39}");
    private static final Pattern INTERNAL_LINK = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~/?=&%]{0,299}");

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(audience, "audience");
        if (subjectType == null || !SUBJECT_TYPE.matcher(subjectType).matches()) {
            throw new IllegalArgumentException("A subject type is upper case, like REFERRAL: " + subjectType);
        }
        if (!isInternal(link)) {
            throw new IllegalArgumentException("A notice links inside Pana, with a path such as /persons/{id}: " + link);
        }
    }

    /** Whether a link is a path on this server (and cannot be read by a browser as another host). */
    public static boolean isInternal(String link) {
        return link != null && INTERNAL_LINK.matcher(link).matches();
    }

    /** The same notice for another audience. */
    public Notice to(Audience other) {
        return new Notice(kind, subjectType, subjectId, link, other);
    }
}
