/**
 * Duplicate detection across scripts: one person written «Мухаммад Карими», "Mohammad Karimi" and
 * «محمد کریمی» must be found as one, and two brothers must not. Names are normalised to Latin with
 * ICU transliteration, reduced to phonetic keys, and compared field by field; every candidate comes
 * with a score and the reasons a caseworker can check. Keys and profiles live in the database, so
 * every node finds the same candidates. Weights and thresholds are data per jurisdiction.
 *
 * <p>The module knows nothing of the registration record: {@code registration} hands it a
 * {@link org.pana.matching.MatchProfile} and asks for {@link org.pana.matching.Candidate}s.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matching", allowedDependencies = {"platform"})
package org.pana.matching;
