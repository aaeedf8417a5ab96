package org.pana.credentials;

/** The documents Pana issues (issue 6); the code is one byte in a signed payload, so codes never change. */
enum DocumentType {
    ASYLUM_SEEKER_CERTIFICATE(1),
    REFUGEE_CERTIFICATE(2),
    DECISION_LETTER(3),
    BORDER_REFERRAL_SLIP(4);

    final int code;

    DocumentType(int code) {
        this.code = code;
    }

    static DocumentType ofCode(int code) {
        for (DocumentType type : values()) {
            if (type.code == code) return type;
        }
        throw new IllegalArgumentException("No document type has code " + code);
    }
}
