package dk.kk.ks.flow.notifications;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sender and the daily digest run on Spring's scheduler (NotificationSender). */
@Configuration
@EnableScheduling
class NotificationConfiguration {
}
