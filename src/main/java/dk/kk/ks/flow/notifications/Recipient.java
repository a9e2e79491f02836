package dk.kk.ks.flow.notifications;

/**
 * Where one e-mail goes: a person (their user id and address) or a group's shared mailbox (no user id).
 *
 * @param digest the person chose one daily e-mail listing their waiting tasks instead of one e-mail per task
 */
record Recipient(String userId, String address, boolean digest) {

    static Recipient mailbox(String address) {
        return new Recipient(null, address, false);
    }
}
