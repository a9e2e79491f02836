package dk.kk.ks.flow.integration.opus;

import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.SystemEndpoints;

@Component
class OpusOekonomiAdapter implements OpusOekonomiPort {

    private final OpusOekonomiClient client;
    private final SystemEndpoints endpoints;

    OpusOekonomiAdapter(OpusOekonomiClient client, SystemEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public Optional<Account> account(String account) {
        return unlessNotFound(() -> client.account(endpoints.baseUri(Opus.SYSTEM), account));
    }

    @Override
    public boolean costCenterActive(String costCenter) {
        return unlessNotFound(() -> client.costCenter(endpoints.baseUri(Opus.SYSTEM), costCenter))
                .map(CostCenter::active).orElse(false);
    }

    @Override
    public boolean periodOpen(YearMonth period) {
        return unlessNotFound(() -> client.period(endpoints.baseUri(Opus.SYSTEM), period.toString()))
                .map(Period::open).orElse(false);
    }

    @Override
    public Document postJournal(Journal journal, String idempotencyKey) {
        return client.postJournal(endpoints.baseUri(Opus.SYSTEM), idempotencyKey, journal);
    }

    @Override
    public Document postInternalSettlement(InternalSettlement settlement, String idempotencyKey) {
        return client.postInternalSettlement(endpoints.baseUri(Opus.SYSTEM), idempotencyKey, settlement);
    }

    /** A lookup of master data: 404 means Opus does not know the key; other errors stay errors. */
    private static <T> Optional<T> unlessNotFound(Supplier<T> lookup) {
        try {
            return Optional.ofNullable(lookup.get());
        } catch (ExternalRejectionException rejected) {
            if (rejected.status() == 404) {
                return Optional.empty();
            }
            throw rejected;
        }
    }
}
