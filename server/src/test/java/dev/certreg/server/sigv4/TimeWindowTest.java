package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.protocol.ErrorCode;
import dev.certreg.server.RawRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * docs/sigv4-verifier.md "Tests": with a fixed clock, a request signed at T is current from T−300 s to T+300 s inclusive
 * and refused one second beyond, with AWS's messages; a presigned URL lives exactly its {@code X-Amz-Expires}.
 */
class TimeWindowTest {
    private static final Instant T = Instant.parse("2026-03-14T09:26:53Z");
    private static final String KEY = "AKIDTIMEWINDOW";
    private static final String SECRET = "c2VjcmV0+/c2VjcmV0";
    private static final String ACCOUNT = "111122223333";
    private static final Credentials CREDENTIALS = Credentials.of(List.of(new AccessKey(KEY, SECRET, ACCOUNT, true)));

    @ParameterizedTest(name = "verified at T{0}s")
    @ValueSource(longs = {-300, -299, -1, 0, 1, 299, 300})
    void aSignatureWithinFiveMinutesEitherWayIsAccepted(long offset) {
        assertThat(at(T.plusSeconds(offset)).authenticate(signedAt(T))).isEqualTo(new Scope(ACCOUNT, "us-east-1"));
    }

    @Test
    void theClockIsReadToTheSecondSoThreeHundredSecondsAndAFractionStillCount() {
        assertThat(at(T.plusMillis(300_999)).authenticate(signedAt(T))).isEqualTo(new Scope(ACCOUNT, "us-east-1"));
    }

    @Test
    void aSignatureMoreThanFiveMinutesOldHasExpired() {
        ServiceException refused = refusal(at(T.plusSeconds(301)), signedAt(T));
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(refused).hasMessage("Signature expired: 20260314T092653Z is now earlier than 20260314T092654Z"
                + " (20260314T093154Z - 5 min.)");
    }

    @Test
    void aSignatureMoreThanFiveMinutesAheadIsNotYetCurrent() {
        ServiceException refused = refusal(at(T.minusSeconds(301)), signedAt(T));
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(refused).hasMessage("Signature not yet current: 20260314T092653Z is still later than"
                + " 20260314T092652Z (20260314T092152Z + 5 min.)");
    }

    @Test
    void aScopeDateADayOffFromXAmzDateIsRefused() {
        Instant lastSecond = Instant.parse("2026-03-14T23:59:59Z");
        RawRequest signed = signedAt(lastSecond);
        String authorization = signed.header("authorization");
        assertThat(at(lastSecond).authenticate(signed)).isEqualTo(new Scope(ACCOUNT, "us-east-1"));

        RawRequest nextDay = Requests.withHeader(signed, "authorization",
                authorization.replace("/20260314/", "/20260315/"));
        for (Instant now : List.of(lastSecond, lastSecond.plusSeconds(2))) {
            ServiceException refused = refusal(at(now), nextDay);
            assertThat(refused.errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
            assertThat(refused).hasMessage("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of"
                    + " date from HTTP: '20260315' != '20260314', from '20260314T235959Z'.");
        }
    }

    @Test
    void aPresignedUrlLivesExactlyItsExpiry() {
        RawRequest presigned = presignedAt(T, Duration.ofHours(1));
        assertThat(at(T.plusSeconds(3600)).authenticate(presigned)).isEqualTo(new Scope(ACCOUNT, "us-east-1"));
        ServiceException refused = refusal(at(T.plusSeconds(3601)), presigned);
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(refused).hasMessage("Request has expired");
    }

    @Test
    void theSuitesPresignedUrlLivesExactlyItsHour() {
        RawRequest presigned = HttpText.parse(new VectorCase("get-vanilla").signedRequest("query"));
        assertThat(Verdict.of(VectorCase.authenticatorAt(VectorCase.TIME.plusSeconds(3600), true), presigned))
                .isEqualTo(Verdict.ACCEPTED);
        assertThat(Verdict.of(VectorCase.authenticatorAt(VectorCase.TIME.plusSeconds(3601), true), presigned))
                .isEqualTo("InvalidSignatureException");
    }

    @Test
    void aPresignedUrlDatedMoreThanFiveMinutesAheadIsNotYetCurrent() {
        RawRequest presigned = presignedAt(T, Duration.ofHours(1));
        assertThat(at(T.minusSeconds(300)).authenticate(presigned)).isEqualTo(new Scope(ACCOUNT, "us-east-1"));
        assertThat(refusal(at(T.minusSeconds(301)), presigned))
                .hasMessageStartingWith("Signature not yet current: 20260314T092653Z is still later than");
    }

    @ParameterizedTest(name = "X-Amz-Expires={0}")
    @ValueSource(strings = {"0", "604801", "abc", "-1", "", "1e3"})
    void anExpiryOutsideOneSecondToSevenDaysIsAnIncompleteSignature(String expires) {
        RawRequest presigned = presignedAt(T, Duration.ofHours(1));
        RawRequest edited = Requests.withRawQuery(presigned,
                presigned.rawQuery().replace("X-Amz-Expires=3600", "X-Amz-Expires=" + expires));
        ServiceException refused = refusal(at(T), edited);
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.INCOMPLETE_SIGNATURE);
        assertThat(refused).hasMessageContaining("X-Amz-Expires");
    }

    @Test
    void aSevenDayExpiryIsAccepted() {
        Duration week = Duration.ofSeconds(PresignedQuery.MAX_EXPIRES_SECONDS);
        assertThat(at(T.plus(week)).authenticate(presignedAt(T, week))).isEqualTo(new Scope(ACCOUNT, "us-east-1"));
    }

    private static RawRequest signedAt(Instant time) {
        return SdkSigner.header(Requests.sdk(SdkHttpMethod.GET, "/registrationcode"), new byte[0], KEY, SECRET,
                "us-east-1", time);
    }

    private static RawRequest presignedAt(Instant time, Duration expires) {
        return SdkSigner.presigned(Requests.sdk(SdkHttpMethod.GET, "/registrationcode"), new byte[0], KEY, SECRET,
                "us-east-1", time, expires);
    }

    private static SigV4Authenticator at(Instant now) {
        return new SigV4Authenticator(CREDENTIALS, Regions.any(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ServiceException refusal(SigV4Authenticator authenticator, RawRequest request) {
        ServiceException refused = catchThrowableOfType(ServiceException.class,
                () -> authenticator.authenticate(request));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.errorCode().httpStatus()).isEqualTo(403);
        return refused;
    }
}
