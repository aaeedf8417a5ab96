/**
 * The registration pages: register a person (with the duplicate check before saving), the person page
 * with its history, changing a person, search, and the protection review list. Controllers use only
 * the registration module's public API ({@link org.pana.registration.Registry} and its records).
 */
package org.pana.registration.web;
