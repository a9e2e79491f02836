package dk.kk.ks.flow.dismissal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link NoticeRules} from {@code ksflow.dismissals.notice} and offers the {@link NoticeCalculator}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NoticeRules.class)
class NoticeConfiguration {

    @Bean
    NoticeCalculator noticeCalculator(NoticeRules noticeRules) {
        return new NoticeCalculator(noticeRules);
    }
}
