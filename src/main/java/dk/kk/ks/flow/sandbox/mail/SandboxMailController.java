package dk.kk.ks.flow.sandbox.mail;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * What KS Flow sent by e-mail in the sandbox: {@code GET /sandbox/mail/messages} (JSON, newest first) and the page
 * {@code /sandbox/mail}, where a person trying KS Flow reads the e-mails and opens their links. Both take
 * {@code ?to=address} to show one person's e-mails.
 */
@RestController
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class SandboxMailController {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd-MM-yyyy 'kl.' HH:mm:ss", Locale.forLanguageTag("da-DK"));
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final SandboxMailServer server;

    SandboxMailController(SandboxMailServer server) {
        this.server = server;
    }

    @GetMapping(path = "/sandbox/mail/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SandboxMailServer.ReceivedMail> messages(@RequestParam(required = false) String to) {
        return server.messages().stream().filter(mail -> to == null || to.isBlank() || mail.to().contains(to.strip())).toList();
    }

    @GetMapping(path = {"/sandbox/mail", "/sandbox/mail/"}, produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(required = false) String to) {
        List<SandboxMailServer.ReceivedMail> mails = messages(to);
        String filter = to == null ? "" : to.strip();
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="da"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sendte e-mails – KS Flow sandkasse</title>
                <style>
                body{font-family:sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#1a1a1a;background:#fff;line-height:1.5}
                a{color:#0645ad}a:focus,input:focus,button:focus{outline:3px solid #1a4fd6;outline-offset:2px}
                article{border:1px solid #767676;border-radius:4px;padding:.5em 1em;margin:1em 0}
                h2{font-size:1.15em;margin:.4em 0}dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1em;margin:0}
                dt{font-weight:bold}dd{margin:0}pre{white-space:pre-wrap;font-family:inherit;background:#f4f4f4;padding:.7em;border-radius:4px}
                label{font-weight:bold}input{font-size:1em;padding:.3em;border:1px solid #555}button{font-size:1em;padding:.3em .8em}
                </style></head><body><main>
                <p><a href="/sandbox">Tilbage til sandkassen</a></p>
                <h1>Sendte e-mails</h1>
                <p>Her er de e-mails, KS Flow har sendt til sandkassens postserver, nyeste først. Linket i en e-mail åbner
                opgaven i Tasklist: log ind som modtageren (adgangskode = bruger-id).</p>
                <form method="get" action="/sandbox/mail" role="search">
                <label for="to">Vis kun e-mails til (e-mailadresse)</label><br>
                <input id="to" name="to" type="email" autocomplete="off" placeholder="bo@ksflow.test" value=\"""")
                .append(HtmlUtils.htmlEscape(filter)).append("""
                "> <button type="submit">Vis</button> <a href="/sandbox/mail">Vis alle</a>
                </form>
                """);
        html.append("<p role=\"status\">").append(mails.isEmpty() ? "Ingen e-mails" : mails.size() + (mails.size() == 1 ? " e-mail" : " e-mails"))
                .append(filter.isEmpty() ? "" : " til " + HtmlUtils.htmlEscape(filter)).append(".</p>\n");
        for (SandboxMailServer.ReceivedMail mail : mails) {
            html.append("<article><h2>").append(HtmlUtils.htmlEscape(mail.subject() == null ? "(uden emne)" : mail.subject())).append("</h2>")
                    .append("<dl><dt>Til</dt><dd>").append(HtmlUtils.htmlEscape(String.join(", ", mail.to()))).append("</dd>")
                    .append("<dt>Sendt</dt><dd>").append(mail.sentAt() == null ? "ukendt" : SHOWN.format(mail.sentAt())).append("</dd></dl>")
                    .append("<pre>").append(withLinks(mail.text())).append("</pre></article>\n");
        }
        return html.append("</main></body></html>\n").toString();
    }

    /** The text, HTML-escaped, with its web addresses as links. */
    static String withLinks(String text) {
        String escaped = HtmlUtils.htmlEscape(text == null ? "" : text);
        Matcher matcher = LINK.matcher(escaped);
        StringBuilder linked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(linked, Matcher.quoteReplacement("<a href=\"" + matcher.group() + "\">" + matcher.group() + "</a>"));
        }
        return matcher.appendTail(linked).toString();
    }
}
