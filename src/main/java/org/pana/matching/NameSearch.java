package org.pana.matching;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds people by a name typed in any script: «Карими», "Karimi" and «کریمی» find the same people.
 */
@Service
public class NameSearch {

    /** A page of matching person ids, best first, and how many match in all. */
    public record Hits(List<UUID> personIds, long total) {}

    @Transactional(readOnly = true)
    public Hits find(String jurisdiction, String text, int offset, int limit) {
        return new Hits(List.of(), 0); // contract placeholder
    }
}
