package org.pana.registration;

/**
 * A UNHCR specific-needs code (e.g. {@code SC-UC} unaccompanied child) of a category ({@code SC}).
 * Sensitive codes (health, torture, sexual and gender-based violence) are shown only to roles that need
 * them.
 */
public record SpecificNeedCode(String code, String category, boolean sensitive, String description) {}
