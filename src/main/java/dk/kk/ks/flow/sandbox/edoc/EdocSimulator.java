package dk.kk.ks.flow.sandbox.edoc;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.integration.edoc.EdocPort;

/**
 * The sandbox's eDoc: personnel cases with their journalised documents, in memory. The interface is under
 * /sandbox/edoc/api/... (request log, fault switch and idempotent replay come from the sandbox filter);
 * {@code GET /sandbox/edoc/cases} lists every case and {@code GET /sandbox/edoc/cases/{caseNumber}/documents/{documentId}}
 * serves a journalised PDF.
 */
@RestController
@RequestMapping("/sandbox/edoc")
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class EdocSimulator {

    record CaseRequest(String title, String kle, String caseType, EdocPort.Party party) {
    }

    record CaseCreated(String caseNumber) {
    }

    record DocumentCreated(String documentId) {
    }

    private record StoredCase(EdocPort.Case summary, Map<String, byte[]> contents) {
    }

    private final Map<String, StoredCase> cases = new ConcurrentHashMap<>();
    private final AtomicInteger caseSequence = new AtomicInteger();
    private final AtomicInteger documentSequence = new AtomicInteger();
    private final Clock clock;

    EdocSimulator(Clock clock) {
        this.clock = clock;
    }

    /** Sandbox data: every case with its documents, by case number. */
    @GetMapping("/cases")
    Map<String, EdocPort.Case> allCases() {
        Map<String, EdocPort.Case> all = new TreeMap<>();
        cases.forEach((number, stored) -> all.put(number, stored.summary()));
        return all;
    }

    /** Sandbox data: the content of a journalised document. */
    @GetMapping("/cases/{caseNumber}/documents/{documentId}")
    ResponseEntity<byte[]> documentContent(@PathVariable String caseNumber, @PathVariable String documentId) {
        StoredCase stored = cases.get(caseNumber);
        byte[] content = stored == null ? null : stored.contents().get(documentId);
        return content == null ? ResponseEntity.notFound().build()
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(content);
    }

    @PostMapping("/api/cases")
    ResponseEntity<Object> createCase(@RequestBody CaseRequest request) {
        if (blank(request.title()) || blank(request.kle()) || request.party() == null || blank(request.party().name())
                || request.party().cpr() == null || !request.party().cpr().matches("\\d{10}")) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "title, kle and a party with name and a 10-digit CPR number are required");
        }
        if (!request.kle().matches("\\d{2}\\.\\d{2}\\.\\d{2}")) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_KLE", "Not a KLE subject key: " + request.kle());
        }
        String caseNumber = Year.now(clock) + "-" + String.format("%07d", caseSequence.incrementAndGet());
        cases.put(caseNumber, new StoredCase(new EdocPort.Case(caseNumber, request.title(), request.kle(), request.party(), List.of()),
                new ConcurrentHashMap<>()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new CaseCreated(caseNumber));
    }

    @PostMapping("/api/cases/{caseNumber}/documents")
    ResponseEntity<Object> journalise(@PathVariable String caseNumber, @RequestBody EdocPort.NewDocument document) {
        if (blank(document.title()) || blank(document.documentType()) || blank(document.filename())
                || document.content() == null || document.content().length == 0) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "title, documentType, filename and content are required");
        }
        String documentId = "D" + String.format("%08d", documentSequence.incrementAndGet());
        EdocPort.Document journalised = new EdocPort.Document(documentId, document.title(), document.documentType(),
                document.filename(), OffsetDateTime.now(clock));
        StoredCase updated = cases.computeIfPresent(caseNumber, (number, stored) -> {
            List<EdocPort.Document> documents = new ArrayList<>(stored.summary().documents());
            documents.add(journalised);
            stored.contents().put(documentId, document.content());
            EdocPort.Case summary = stored.summary();
            return new StoredCase(new EdocPort.Case(number, summary.title(), summary.kle(), summary.party(), List.copyOf(documents)),
                    stored.contents());
        });
        if (updated == null) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "CASE_NOT_FOUND", "No case " + caseNumber);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new DocumentCreated(documentId));
    }

    @GetMapping("/api/cases/{caseNumber}")
    ResponseEntity<Object> readCase(@PathVariable String caseNumber) {
        StoredCase stored = cases.get(caseNumber);
        return stored == null ? error(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "No case " + caseNumber)
                : ResponseEntity.ok(stored.summary());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("code", code, "message", message));
    }
}
