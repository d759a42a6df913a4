package dev.certreg.core.policy;

import static dev.certreg.core.policy.PublishedExamplesTest.allow;
import static dev.certreg.core.policy.PublishedExamplesTest.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.ServiceException;
import org.junit.jupiter.api.Test;

class ParsedDocumentsTest {
    private static final String A = policy(allow("iot:Connect", "*"));
    private static final String B = policy(allow("iot:Publish", "*"));
    private static final String C = policy(allow("iot:Subscribe", "*"));

    @Test
    void parsesEachTextOnce() {
        ParsedDocuments documents = new ParsedDocuments(2);

        PolicyDocument first = documents.document(A);

        assertThat(documents.document(A)).isSameAs(first);
        assertThat(documents.applied("p", A)).isEqualTo(new AppliedPolicy("p", first));
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondItsCapacity() {
        ParsedDocuments documents = new ParsedDocuments(2);
        PolicyDocument a = documents.document(A);
        PolicyDocument b = documents.document(B);
        documents.document(A);

        documents.document(C);

        assertThat(documents.size()).isEqualTo(2);
        assertThat(documents.document(A)).isSameAs(a);
        assertThat(documents.document(B)).isNotSameAs(b).isEqualTo(b);
    }

    @Test
    void holdsNothingForAMalformedText() {
        ParsedDocuments documents = new ParsedDocuments(2);

        assertThatThrownBy(() -> documents.document("{}")).isInstanceOf(ServiceException.class);
        assertThat(documents.size()).isZero();
    }
}
