package org.pana.registration.importing;

/**
 * Why a row cannot be registered: its row number in the file, the column's header (when the field comes
 * from one column), the field (a person field such as
 * {@code birthDate} or {@code names[0].family}), a stable code and a message. Codes starting with
 * {@code import.} have a translated message on the pages; others come from the registry's validation.
 */
public record RowProblem(int row, String column, String field, String code, String message) {}
