package org.pana.audit;

import java.io.PrintStream;
import java.util.List;
import org.pana.platform.Command;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar pana.jar audit verify}: checks the audit trail's hash chain against the configured
 * database. Exit code 0 when intact, 1 when broken (for cron jobs and monitoring), 2 for wrong usage.
 */
@Component
class AuditVerifyCommand implements Command {

    private final AuditTrail trail;

    AuditVerifyCommand(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public List<String> words() {
        return List.of("audit", "verify");
    }

    @Override
    public String usage() {
        return "audit verify    check the audit trail's hash chain; exit code 1 if it is broken";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (!arguments.isEmpty()) {
            err.println("Usage: " + usage());
            return 2;
        }
        ChainVerification verification = trail.verify();
        if (verification.intact()) {
            out.println("intact: " + verification.events() + " events");
            return 0;
        }
        out.println("broken: first broken event seq " + verification.firstBrokenSeq() + ", id "
                + (verification.firstBrokenEventId() == null ? "(missing)" : verification.firstBrokenEventId())
                + ": " + verification.problem());
        return 1;
    }
}
