package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListCertificatesRequest;

/** {@code certreg iot list-certificates}: ListCertificates, paged. */
@Command(name = "list-certificates", mixinStandardHelpOptions = true,
        description = "List the account's device certificates, newest first unless --ascending-order.")
final class ListCertificatesCommand extends ListCommand<ListCertificatesRequest> {
    @Option(names = "--ascending-order", negatable = true, description = "Oldest first.")
    Boolean ascendingOrder;

    @Override
    String operationName() {
        return "ListCertificates";
    }

    @Override
    ListCertificatesRequest request() {
        return ListCertificatesRequest.builder().ascendingOrder(ascendingOrder).build();
    }

    @Override
    ListOperation<ListCertificatesRequest, ?, ?> operation(IotClient iot) {
        return ListOperations.listCertificates(iot::listCertificates);
    }
}
