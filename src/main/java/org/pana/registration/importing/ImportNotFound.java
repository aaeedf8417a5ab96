package org.pana.registration.importing;

import org.pana.platform.NotFound;

/** No such import in the caller's jurisdiction (another jurisdiction's import is not found either). */
class ImportNotFound extends NotFound {
    ImportNotFound() {
        super("Import");
    }
}
