package org.pana.credentials;

/** The paper a document is printed on: an A4 sheet, or an ID-1 card (85.6 × 53.98 mm, both sides). */
enum Layout {
    A4, ID1
}
