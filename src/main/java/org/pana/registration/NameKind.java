package org.pana.registration;

/** Where a way of writing a person's name comes from: a document, the person's own declaration, or an alias. */
public enum NameKind {
    DOCUMENT, DECLARED, ALIAS
}
