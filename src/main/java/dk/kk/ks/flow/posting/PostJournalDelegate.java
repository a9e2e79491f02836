package dk.kk.ks.flow.posting;

import static dk.kk.ks.flow.posting.PostingVariables.*;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusOekonomiPort;

/**
 * "Bogfør i Opus Økonomi": the journal is posted and Opus's document number kept. Opus's refusal (the period
 * closed while the posting waited for review, say) ends the case REJECTED with Opus's code.
 */
@Component("postJournal")
class PostJournalDelegate implements JavaDelegate {

    static final String OPUS_REFUSED = "OPUS_REFUSED";

    private final OpusOekonomiPort opus;

    PostJournalDelegate(OpusOekonomiPort opus) {
        this.opus = opus;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OpusOekonomiPort.Journal journal = new OpusOekonomiPort.Journal(
                LocalDate.parse(POSTING_DATE.require(execution)),
                DESCRIPTION.require(execution),
                execution.getProcessBusinessKey(),
                LINES.require(execution).stream()
                        .map(line -> new OpusOekonomiPort.JournalLine(line.account(), line.costCenter(), line.amount(),
                                line.vatCode(), line.text()))
                        .toList());
        try {
            OPUS_DOCUMENT_NUMBER.set(execution, opus.postJournal(journal, IdempotencyKeys.of(execution)).documentNumber());
            CaseOutcome.set(execution, Outcome.POSTED);
        } catch (ExternalRejectionException refused) {
            throw CaseOutcome.refusal(execution, OPUS_REFUSED, List.of(refused.code()));
        }
    }
}
