package org.spares.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spares.db.ReportDao;
import org.spares.domain.Caller;
import org.spares.domain.DepotScope;
import org.spares.domain.DomainException;

/** The depots a report covers, as ids: the caller's, narrowed to an explicit depot (403 outside, 404 unknown). */
public final class ReportScopes {
    private final Transactions transactions;

    public ReportScopes(Transactions transactions) {
        this.transactions = transactions;
    }

    public DepotScope of(Caller caller, String explicit) {
        ListScope scope = ListScope.of(caller, explicit);
        if (explicit == null && scope.allDepots()) {
            return DepotScope.all();
        }
        Map<Long, String> codes = transactions.read(ReportDao::depotCodes);
        List<String> wanted = explicit == null ? scope.depots() : List.of(explicit);
        List<Long> ids = new ArrayList<>();
        codes.forEach((id, code) -> {
            if (wanted.contains(code)) {
                ids.add(id);
            }
        });
        if (explicit != null && ids.isEmpty()) {
            throw DomainException.notFound("depot", explicit);
        }
        return new DepotScope(false, ids);
    }
}
