package dk.kk.ks.flow.posting;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dk.kk.ks.flow.integration.opus.OpusOekonomiPort;

/** The validator's master data, asked from Opus Økonomi once per key for one check of a posting. */
class OpusMasterData implements PostingValidator.MasterData {

    private final OpusOekonomiPort opus;
    private final Map<String, Optional<OpusOekonomiPort.Account>> accounts = new HashMap<>();
    private final Map<String, Boolean> costCenters = new HashMap<>();
    private final Map<YearMonth, Boolean> periods = new HashMap<>();

    OpusMasterData(OpusOekonomiPort opus) {
        this.opus = opus;
    }

    @Override
    public boolean accountActive(String account) {
        return account(account).map(OpusOekonomiPort.Account::active).orElse(false);
    }

    @Override
    public Set<String> vatCodes(String account) {
        return account(account).map(found -> found.vatCodes() == null ? Set.<String>of() : Set.copyOf(found.vatCodes())).orElse(Set.of());
    }

    @Override
    public boolean costCenterActive(String costCenter) {
        return costCenters.computeIfAbsent(costCenter, opus::costCenterActive);
    }

    @Override
    public boolean periodOpen(YearMonth period) {
        return periods.computeIfAbsent(period, opus::periodOpen);
    }

    private Optional<OpusOekonomiPort.Account> account(String account) {
        return accounts.computeIfAbsent(account, opus::account);
    }
}
