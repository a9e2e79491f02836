package dk.kk.ks.flow.integration.digitalpost;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sender and KLE classification of every MeMo message ({@code ksflow.digitalpost.*}). */
@Configuration(proxyBeanMethods = false)
class DigitalPostConfiguration {

    @Bean
    MemoMessageBuilder memoMessageBuilder(@Value("${ksflow.digitalpost.sender.id}") String senderId,
                                          @Value("${ksflow.digitalpost.sender.id-type}") String senderIdType,
                                          @Value("${ksflow.digitalpost.sender.label}") String senderLabel,
                                          @Value("${ksflow.digitalpost.kle.subject-key}") String subjectKey,
                                          @Value("${ksflow.digitalpost.kle.version}") String kleVersion,
                                          @Value("${ksflow.digitalpost.kle.activity-facet}") String activityFacet,
                                          @Value("${ksflow.digitalpost.kle.label}") String kleLabel) {
        return new MemoMessageBuilder(new MemoMessageBuilder.Sender(senderId, senderIdType, senderLabel),
                new MemoMessageBuilder.Kle(subjectKey, kleVersion, activityFacet, kleLabel));
    }
}
