/**
 * The shared technical kernel: time, identifiers, problem+json errors, request limits, idempotent
 * creation, scheduled-job locks and the command line. It has no domain words and depends on no other
 * module; every other module may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.pana.platform;
