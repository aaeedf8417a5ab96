package org.pana.registration;

import java.util.UUID;

/** A person was registered one by one (not through a batch import), in a jurisdiction. */
public record PersonRegistered(UUID personId, String jurisdiction) {}
