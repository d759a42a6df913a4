package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListCaCertificatesRequest;

/** {@code certreg iot list-ca-certificates}: ListCACertificates, paged. */
@Command(name = "list-ca-certificates", mixinStandardHelpOptions = true,
        description = "List the account's CA certificates, newest first unless --ascending-order.")
final class ListCaCertificatesCommand extends ListCommand<ListCaCertificatesRequest> {
    @Option(names = "--ascending-order", negatable = true, description = "Oldest first.")
    Boolean ascendingOrder;

    @Option(names = "--template-name", paramLabel = "NAME",
            description = "Only CAs whose registration config names this provisioning template.")
    String templateName;

    @Override
    String operationName() {
        return "ListCACertificates";
    }

    @Override
    ListCaCertificatesRequest request() {
        return ListCaCertificatesRequest.builder().ascendingOrder(ascendingOrder).templateName(templateName).build();
    }

    @Override
    ListOperation<ListCaCertificatesRequest, ?, ?> operation(IotClient iot) {
        return ListOperations.listCaCertificates(iot::listCACertificates);
    }
}
