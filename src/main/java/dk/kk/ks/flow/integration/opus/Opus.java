package dk.kk.ks.flow.integration.opus;

/** KMD Opus: one system ({@code ksflow.systems.opus}), three parts with a client each: Debitor, Løn, Økonomi. */
final class Opus {

    static final String SYSTEM = "opus";

    private Opus() {
    }
}
