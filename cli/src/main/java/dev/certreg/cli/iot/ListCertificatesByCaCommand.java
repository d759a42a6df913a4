package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaRequest;

/** {@code certreg iot list-certificates-by-ca}: ListCertificatesByCA, paged. */
@Command(name = "list-certificates-by-ca", mixinStandardHelpOptions = true,
        description = "List the device certificates registered under a CA, newest first unless --ascending-order.")
final class ListCertificatesByCaCommand extends ListCommand<ListCertificatesByCaRequest> {
    @Option(names = "--ca-certificate-id", required = true, paramLabel = "ID", description = "The CA's id.")
    String caCertificateId;

    @Option(names = "--ascending-order", negatable = true, description = "Oldest first.")
    Boolean ascendingOrder;

    @Override
    String operationName() {
        return "ListCertificatesByCA";
    }

    @Override
    ListCertificatesByCaRequest request() {
        return ListCertificatesByCaRequest.builder().caCertificateId(caCertificateId).ascendingOrder(ascendingOrder)
                .build();
    }

    @Override
    ListOperation<ListCertificatesByCaRequest, ?, ?> operation(IotClient iot) {
        return ListOperations.listCertificatesByCa(iot::listCertificatesByCA);
    }
}
