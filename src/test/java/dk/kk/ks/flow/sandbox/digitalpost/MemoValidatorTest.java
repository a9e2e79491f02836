package dk.kk.ks.flow.sandbox.digitalpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dk.kk.ks.flow.integration.digitalpost.MemoMessageBuilderTest;

/** The sandbox's Digital Post accepts the builder's messages and refuses malformed ones, without naming the CPR number. */
class MemoValidatorTest {

    private static final String GOOD = MemoMessageBuilderTest.BUILDER.kombiRequest(MemoMessageBuilderTest.hearingLetter(),
            MemoMessageBuilderTest.MESSAGE_UUID, MemoMessageBuilderTest.CREATED);

    @Test
    void theBuildersMessageIsAccepted() throws Exception {
        MemoValidator.Accepted accepted = MemoValidator.validate(GOOD.getBytes(StandardCharsets.UTF_8));

        assertThat(accepted.recipientIdType()).isEqualTo("CPR");
        assertThat(accepted.legalNotification()).isTrue();
        assertThat(accepted.filename()).isEqualTo("partshoering.pdf");
        assertThat(accepted.toString()).doesNotContain(MemoMessageBuilderTest.CPR);
    }

    static java.util.stream.Stream<Arguments> malformed() {
        return java.util.stream.Stream.of(
                Arguments.of("wrong namespace", (UnaryOperator<String>) xml -> xml.replace("https://DigitalPost.dk/MeMo-1", "https://DigitalPost.dk/MeMo-2")),
                Arguments.of("not XML", (UnaryOperator<String>) xml -> xml.replace("</kombi_request>", "")),
                Arguments.of("no KombiValgKode", (UnaryOperator<String>) xml -> xml.replace("<KombiValgKode>Digital Post</KombiValgKode>", "")),
                Arguments.of("missing messageUUID", (UnaryOperator<String>) xml -> xml.replaceAll("<memo:messageUUID>[^<]*</memo:messageUUID>", "")),
                Arguments.of("missing Sender", (UnaryOperator<String>) xml -> xml.replaceAll("<memo:Sender>.*</memo:Sender>", "")),
                Arguments.of("missing File content", (UnaryOperator<String>) xml -> xml.replaceAll("<memo:content>[^<]*</memo:content>", "")),
                Arguments.of("mandatory after legalNotification", (UnaryOperator<String>) xml -> xml.replace(
                        "<memo:mandatory>false</memo:mandatory><memo:legalNotification>true</memo:legalNotification>",
                        "<memo:legalNotification>true</memo:legalNotification><memo:mandatory>false</memo:mandatory>")),
                Arguments.of("body before header", (UnaryOperator<String>) xml -> {
                    String header = xml.substring(xml.indexOf("<memo:MessageHeader>"), xml.indexOf("<memo:MessageBody>"));
                    return xml.replace(header, "").replace("</memo:MessageBody>", "</memo:MessageBody>" + header);
                }),
                Arguments.of("content not base64", (UnaryOperator<String>) xml -> xml.replaceAll("<memo:content>[^<]*</memo:content>",
                        "<memo:content>this is not base64!</memo:content>")),
                Arguments.of("unknown messageType", (UnaryOperator<String>) xml -> xml.replace(">DIGITALPOST<", ">NEMSMS<")),
                Arguments.of("recipient not a CPR number", (UnaryOperator<String>) xml -> xml.replace(
                        "<memo:recipientID>" + MemoMessageBuilderTest.CPR, "<memo:recipientID>12" + MemoMessageBuilderTest.CPR)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedMessageIsRefused(String what, UnaryOperator<String> breakIt) {
        String broken = breakIt.apply(GOOD);
        assertThat(broken).as("the test must change the message").isNotEqualTo(GOOD);

        assertThatThrownBy(() -> MemoValidator.validate(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MemoValidator.InvalidMemoException.class)
                .hasMessageNotContaining(MemoMessageBuilderTest.CPR);
    }
}
