package org.pana.credentials;

import java.util.List;

/** The documents Pana issues (issue 6); the code is one byte in a signed payload, so codes never change. */
enum DocumentType {
    ASYLUM_SEEKER_CERTIFICATE(1, "asylum-seeker-certificate", false, Layout.A4, Layout.ID1),
    REFUGEE_CERTIFICATE(2, "refugee-certificate", false, Layout.A4, Layout.ID1),
    DECISION_LETTER(3, "decision-letter", true, Layout.A4),
    BORDER_REFERRAL_SLIP(4, "border-referral-slip", false, Layout.A4);

    final int code;
    /** The template's name: {@code templates/credentials/[<jurisdiction>/]<template>-<layout>.html}. */
    final String template;
    /** Copies in different languages stand side by side (a letter's official text and its translation). */
    final boolean perLanguage;
    final List<Layout> layouts;

    DocumentType(int code, String template, boolean perLanguage, Layout... layouts) {
        this.code = code;
        this.template = template;
        this.perLanguage = perLanguage;
        this.layouts = List.of(layouts);
    }

    static DocumentType ofCode(int code) {
        for (DocumentType type : values()) {
            if (type.code == code) return type;
        }
        throw new IllegalArgumentException("No document type has code " + code);
    }
}
