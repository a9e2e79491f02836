package dk.kk.ks.flow.platform;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Danish plain-text templates (Thymeleaf's TEXT mode, UTF-8) from one folder on the classpath, as the letters
 * ({@code src/main/resources/letters/}) and the e-mails ({@code src/main/resources/notifications/}) are written.
 */
public final class TextTemplates {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private final TemplateEngine engine = new TemplateEngine();

    /** @param folder the classpath folder, e.g. {@code letters} for {@code letters/hearing.txt} */
    public TextTemplates(String folder) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(folder + "/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** The template {@code name} filled in with the fields, without leading and trailing white space. */
    public String render(String name, Map<String, Object> fields) {
        return engine.process(name, new Context(DANISH, fields)).strip();
    }
}
