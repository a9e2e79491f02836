package dk.kk.ks.flow.sandbox.mail;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * In the sandbox, KS Flow's e-mails go to its own mail server ({@link SandboxMailServer}) over real SMTP: this mail
 * sender replaces the one Spring Boot makes from {@code spring.mail.*} (production's mail server).
 */
@Configuration
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class SandboxMailConfiguration {

    @Bean(destroyMethod = "shutdown")
    SandboxMailServer sandboxMailServer(@Value("${ksflow.sandbox.mail.port:0}") int port) {
        return new SandboxMailServer(port);
    }

    @Bean
    JavaMailSender sandboxMailSender(SandboxMailServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "2000");
        properties.setProperty("mail.smtp.timeout", "5000");
        properties.setProperty("mail.smtp.writetimeout", "5000");
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
