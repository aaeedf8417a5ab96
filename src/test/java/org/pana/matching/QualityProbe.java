package org.pana.matching;

import java.util.List;

class QualityProbe {
    public static void main(String[] args) {
        GeneratedPeople generator = new GeneratedPeople(20260501L);
        GeneratedPeople.Registry registry = generator.registry(6000);
        MatchingEngine engine = new MatchingEngine();
        long t0 = System.nanoTime();
        registry.people().forEach(p -> engine.add(p.profile()));
        long t1 = System.nanoTime();
        int shown = 0;
        for (int i = 0; i < registry.duplicates().size(); i++) {
            MatchProfile probe = registry.duplicates().get(i);
            MatchProfile truth = registry.duplicateOf().get(i).profile();
            List<Candidate> top = engine.candidates(probe, 10);
            Candidate hit = top.stream().filter(c -> c.personId().equals(truth.personId())).findFirst().orElse(null);
            for (Candidate c : top) if (c.likelyDuplicate() && !c.personId().equals(truth.personId()) && shown++ < 40) {
                MatchProfile other = registry.people().stream().filter(p -> p.profile().personId().equals(c.personId())).findFirst().get().profile();
                System.out.println("FP " + probe.names() + " " + probe.birthDate() + " " + probe.birthDatePrecision() + probe.sex() + "\n   vs " + other.names() + " " + other.birthDate() + " " + other.birthDatePrecision() + other.sex() + " " + c.score() + " " + c.reasons());
            }
            if (false) {
                System.out.println((hit == null ? "MISS " : "LOW ") + probe.names() + " " + probe.birthDate() + " " + probe.birthDatePrecision()
                        + "\n   vs " + truth.names() + " " + truth.birthDate() + " " + truth.birthDatePrecision() + " -> " + engine.score(probe, truth)
                        + "\n   keys " + MatchKeys.blocking(NormalisedProfile.of(probe)) + "\n   keys " + MatchKeys.blocking(NormalisedProfile.of(truth)));
            }
        }
        long t2 = System.nanoTime();
        System.out.printf("add %d ms, query %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
}
