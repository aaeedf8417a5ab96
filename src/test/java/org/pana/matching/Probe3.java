package org.pana.matching;
import java.util.Map;
class Probe3 { public static void main(String[] a) {
  for (double t : new double[]{0.85, 0.9, 0.93, 0.95, 0.96}) System.out.println(t + " " + MatchingQualityTests.measure(20260501L, 6000, MatchWeights.of(Map.of("threshold.auto-flag", t))));
}}
