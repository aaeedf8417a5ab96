package org.pana.registration.importing;

/** The file formats an import reads, recognised by their bytes, never by the file name. */
public enum ImportFormat {
    /** UTF-8 text, with or without a byte order mark, comma or semicolon separated. */
    CSV,
    /** Office Open XML workbook (the first sheet). */
    XLSX
}
