/**
 * A seeded generator of realistic, fictional people and households (Afghan, Syrian and Iraqi Arabic,
 * Central Asian and Russian naming, in original script and in common Latin and Cyrillic spellings),
 * with controlled duplicates, relatives and the ground truth about both. It feeds the demo data, the
 * tests and the benchmarks. Its source lives under {@code bench/population}; the build compiles it
 * into Pana so that {@code --demo} can seed people from it. It depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Generated population", allowedDependencies = {})
package org.pana.population;
